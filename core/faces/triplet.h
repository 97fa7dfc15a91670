// SPDX-License-Identifier: MIT
// The triplet loss of COURSE.md §9 (FaceNet, Schroff, Kalenichenko & Philbin 2015, eq. 1):
//   L(A, P, N) = max(‖f(A) − f(P)‖² − ‖f(A) − f(N)‖² + α, 0),   J = (1/T) Σ over the T triplets,
// triplets mined within each mini-batch (§3.2 there), and the Learner that trains an embedding network on
// the one training loop with it (train_loop.h). No threads, no Qt.
#pragma once
#include "core/layers/sequential.h"
#include "core/train/train_loop.h"
#include "core/util/rng.h"

#include <string>
#include <vector>

namespace dl {

struct Triplet {
    int a = 0, p = 0, n = 0; // columns of the embedding batch: anchor, positive (same label), negative
};

template <typename T>
struct TripletLossResultT {
    T value = 0;     // J: the mean of L over the triplets (0 when there are none)
    TensorT<T> demb; // dJ/dembedding, the embedding's shape
    int active = 0;  // triplets with L > 0: the ones that still teach something
};

// emb (D, N), one example a column. For an active triplet (FaceNet eq. 1 differentiated):
// ∂L/∂f(A) = 2(f(N) − f(P)), ∂L/∂f(P) = −2(f(A) − f(P)), ∂L/∂f(N) = 2(f(A) − f(N)); each divided by T.
template <typename T>
TripletLossResultT<T> tripletLoss(const TensorT<T>& emb, const std::vector<Triplet>& triplets, T margin);

// How the negative of each anchor-positive pair is chosen within the batch (every pair of examples with the
// same label is an anchor-positive pair, both ways round, as FaceNet uses all of them):
// Random — any example of another label; SemiHard — the nearest negative farther than the positive
// (FaceNet §3.2; with none, the farthest negative, as TensorFlow Addons' triplet_semihard_loss does);
// Hard — the nearest negative (FaceNet warns it can collapse the embedding early: try it).
enum class Mining { Random, SemiHard, Hard };
const char* miningName(Mining m);                  // "random", "semi-hard", "hard"
Mining parseMining(const std::string& name);       // ConfigError naming the choices
std::vector<Triplet> mineTriplets(const Tensor& emb, const std::vector<int>& labels, Mining mining, Rng& rng,
                                  int maxTriplets = 4096);

// The label of each example of a batch: the row of the 1 in each one-hot column of y (K, N).
std::vector<int> labelsOfOneHot(const Tensor& y);

// A Sequential whose output is the embedding (D, N), trained with the triplet loss on triplets mined from
// each batch (its y: one-hot labels). lastActiveFraction() is the share of the last batch's triplets that
// were active.
class TripletLearner : public Learner {
  public:
    TripletLearner(Sequential& model, float margin, Mining mining, std::uint32_t seed)
        : m_model(&model), m_margin(margin), m_mining(mining), m_rng(seed)
    {
    }
    float forward(const Batch& b) override;
    void backward() override { m_model->backward(m_result.demb); }
    void setMargin(float m) { m_margin = m; }
    void setMining(Mining m) { m_mining = m; }
    float margin() const { return m_margin; }
    Mining mining() const { return m_mining; }
    float lastActiveFraction() const { return m_triplets ? float(m_result.active) / m_triplets : 0.f; }
    int lastTriplets() const { return m_triplets; }

  private:
    Sequential* m_model;
    float m_margin;
    Mining m_mining;
    Rng m_rng;
    TripletLossResultT<float> m_result;
    int m_triplets = 0;
};

} // namespace dl
