// SPDX-License-Identifier: MIT
// Trains an embedding network with the triplet loss (triplet.h) on the classes of an image set that are not
// held out, and measures what the course says an embedding is for (COURSE.md §9): one-shot learning on
// classes the network never saw — enrol one image per held-out class, name every other image by its nearest
// enrolled encoding. Also the course's alternative to the triplet loss: a logistic unit on |f(xᵢ) − f(xⱼ)|
// deciding same/different. Runs on the one training loop (train_loop.h) with image batches. No threads, no Qt.
#pragma once
#include "core/data/image_set.h"
#include "core/faces/triplet.h"
#include "core/train/hyper.h"
#include "core/train/image_batches.h"
#include "core/train/stats.h"
#include "core/util/cancel.h"

#include <memory>
#include <string>
#include <vector>

namespace dl {

constexpr int kOneShotDraws = 100;

struct TripletSetup {
    int dim = 32;                      // embedding size D (2: drawn directly; more: drawn through PCA)
    float margin = 0.2f;               // α; on the unit sphere squared distances lie in [0, 4]
    Mining mining = Mining::SemiHard;
    std::vector<int> heldOut{7, 8, 9}; // classes kept out of training: the one-shot test
    std::string layers;                // the network as layer-list text ending in "dense D", "l2norm"; empty: default
    int perClass = 0;                  // training images per trained class (0: all of them)
    int heldOutPerClass = 0;           // one-shot test images per held-out class (0: all; fewer: faster epochs)
    std::uint32_t seed = 1;
};
// "7,8,9" → {7, 8, 9}; ConfigError for anything but whole numbers separated by commas.
std::vector<int> parseClassList(const std::string& text);
// "conv 16 k=3 p=1 / relu / maxpool 2 / conv 32 k=3 p=1 / relu / maxpool 2 / flatten / dense 128 / relu /
// dense D / l2norm", one layer per line.
std::string defaultEmbeddingLayers(int dim);
// Adam, α = 0.001, batch 64 (about nine images per class of seven: every anchor has positives).
Hyperparams defaultTripletHyper();

struct OneShotResult {
    float accuracy = 0; // mean over the draws
    float chance = 0;   // 1 / held-out classes
    int draws = 0, queries = 0; // queries per draw
};

class TripletTrainer {
  public:
    // train: the training images (the classes not held out train); test: the held-out classes' images of it
    // are the one-shot test. ConfigError for a bad dimension, margin, held-out list or layer text.
    TripletTrainer(const ImageSet& train, const ImageSet& test, const TripletSetup& setup, const Hyperparams& h);
    TripletTrainer(const TripletTrainer&) = delete; // the loop's learner points at the model
    TripletTrainer& operator=(const TripletTrainer&) = delete;

    StepStats step();
    StepStats runEpoch(const CancelFlag* cancel = nullptr); // until the pass ends, a cancel or divergence
    std::function<void(const StepStats&)> onStep;
    float activeFraction() const { return m_learner->lastActiveFraction(); } // of the last step's triplets
    // Live changes, applied at the next step.
    void setMargin(float margin);
    void setMining(Mining m) { m_learner->setMining(m); }
    void setHyper(const Hyperparams& h) { m_loop.setHyper(h), m_batches.setBatch(h.batch); }

    // Encodings (D, N) of images (N, C, H, W), Eval mode, in chunks; a cancel stops between chunks (the
    // missing columns stay zero).
    Tensor embed(const Tensor& images, const CancelFlag* cancel = nullptr);
    // One-shot accuracy on the held-out test images, `draws` random enrolments (seeded: the same draws each
    // call, so epochs compare). 100 by default: with one image a class enrolled, one draw's accuracy swings by
    // tens of points, and 10 draws left the per-epoch curve moving ±5 points by enrolment luck alone (the
    // embedding is computed once; the draws cost a few milliseconds).
    OneShotResult oneShot(int draws = kOneShotDraws, const CancelFlag* cancel = nullptr);
    // The held-out images' encodings (D, N), computed once per state of the weights (oneShot and
    // pairClassifierAccuracy after the same step share them); a cancelled pass is not kept.
    const Tensor& heldOutEncodings(const CancelFlag* cancel = nullptr);
    // The course's alternative (COURSE.md §9): ŷ = σ(Σₖ wₖ|f(xᵢ)ₖ − f(xⱼ)ₖ| + b) trained on pairs of the
    // trained classes (embedding fixed), returns its same/different accuracy on balanced pairs of the
    // held-out classes.
    float pairClassifierAccuracy(int pairs = 4000, const CancelFlag* cancel = nullptr);

    const ImageSet& trainSet() const { return *m_train; }
    const ImageSet& heldOutSet() const { return m_heldOut; }
    const TripletSetup& setup() const { return m_setup; }
    Sequential& model() { return m_model; }
    long steps() const { return m_loop.steps(); }
    long epochs() const { return m_loop.epochs(); }

  private:
    TripletSetup m_setup;
    SharedImageSet m_train;
    ImageSet m_heldOut;
    Rng m_rng; // before m_model: it initialises the weights
    Sequential m_model;
    std::unique_ptr<TripletLearner> m_learner;
    TrainLoop m_loop;
    ImageBatches m_batches;
    Tensor m_heldOutF;         // heldOutEncodings' cache
    long m_heldOutFStep = -1;  // the step it belongs to (-1: none)
};

} // namespace dl
