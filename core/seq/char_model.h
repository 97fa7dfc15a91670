// SPDX-License-Identifier: MIT
// A character-level language model (COURSE.md §11, the dinosaur-names and Shakespeare labs): one-hot
// characters into 1–3 stacked recurrent layers (the notes' deep RNN), a softmax over the vocabulary on top:
// ŷ⟨t⟩ = softmax(Wya a⟨t⟩ + by). Trained with x⟨t⟩ = y⟨t−1⟩ and x⟨1⟩ = 0; the loss of a window is the
// course's, summed over its steps and averaged over the B sequences: J = (1/B) Σ_b Σ_t −log ŷ⟨t⟩[y⟨t⟩].
// Sampling feeds each drawn character back in until the end token or a length cap (the course: 50).
// Optional dropout on the non-recurrent connections only — each layer's a⟨t⟩ on its way up to the next layer
// and to the softmax — as Zaremba, Sutskever & Vinyals 2014 ("Recurrent neural network regularization")
// apply it to LSTMs; inverted dropout as COURSE.md §3 writes it (a·d / keep_prob), in Train mode only.
#pragma once
#include "core/seq/recurrent.h"
#include "core/seq/vocab.h"

#include <memory>

namespace dl {

struct CharModelSpec {
    CellKind cell = CellKind::RNN;
    int vocab = 27;  // symbols, <unk> included
    int hidden = 50; // units per layer
    int depth = 1;   // stacked layers, 1–3
};

template <typename T>
class CharModelT {
  public:
    explicit CharModelT(const CharModelSpec& s); // ConfigError for sizes outside the ranges above
    const CharModelSpec& spec() const { return m_spec; }
    // Every weight ~ N(0, scale²), biases 0 (the course's dinosaur lab: 0.01).
    void init(Rng& rng, T scale = T(0.01));

    // Dropout keep probability for Train-mode forwards (1: none); masks drawn from `seed`'s stream. Throws
    // ConfigError outside (0, 1]. holdMasks: Train forwards reuse the last masks (the gradient check).
    void setDropout(float keepProb, std::uint32_t seed);
    float keepProb() const { return m_keep; }
    void holdMasks(bool hold) { m_holdMasks = hold; }

    using State = std::vector<ColMat<T>>; // per layer (stateRows, B); empty: zeros
    // One window: inputs[t·B + b] is x⟨t+1⟩ of sequence b (−1: the zero vector), targets the same (−1: no
    // loss there, a padded position). Returns J as above; keeps what backward needs. Dropout in Train only.
    T forward(const std::vector<int>& inputs, const std::vector<int>& targets, int steps, int batch,
              const State& start, Mode mode = Mode::Train);
    void backward(); // ∂J/∂θ into the params' grad (truncated at the window's start)
    State finalState() const;
    void finalState(State& into) const; // the same, into buffers kept between steps
    int counted() const { return m_counted; }                 // positions with a target in the last forward
    const ColMat<T>& probabilities() const { return m_prob; } // (V, T·B) of the last forward
    const RecurrentT<T>& layer(int i) const { return *m_layers[static_cast<size_t>(i)]; }
    RecurrentT<T>& layer(int i) { return *m_layers[static_cast<size_t>(i)]; }
    std::vector<ParamT<T>*> params();
    size_t paramCount() const;

    // One step for one sequence outside training: input id (−1: zero), state advanced in place (empty:
    // zeros); returns the logits (V). gates (optional): each layer's gate activations of this step.
    Eigen::Matrix<T, Eigen::Dynamic, 1> step(int input, State& state, State* gates = nullptr) const;

  private:
    CharModelSpec m_spec;
    std::vector<std::unique_ptr<RecurrentT<T>>> m_layers;
    ParamT<T> m_Wy, m_by; // (V, n), (V)
    int m_steps = 0, m_batch = 0, m_counted = 0;
    std::vector<int> m_targets;
    ColMat<T> m_prob;
    ColMat<T> m_dz, m_dA, m_dBelow; // backward buffers, reused
    float m_keep = 1.f;
    bool m_holdMasks = false, m_dropped = false; // m_dropped: the last forward applied dropout
    Rng m_dropRng{1};
    std::vector<ColMat<T>> m_masks, m_kept; // per layer: d / keep_prob (0 or 1/keep_prob); a⟨t⟩ ⊙ mask
    Eigen::Ref<const ColMat<T>> top() const; // what the softmax read in the last forward
};

using CharModel = CharModelT<float>;

struct SampleOptions {
    double temperature = 1; // ŷ ∝ exp(z / τ): below 1 sharper, above 1 flatter
    int topK = 0;           // > 0: draw among the k most likely only
    int maxLength = 50;     // the course's cap
    bool endAtNewline = true; // a '\n' ends the sample (lines mode: the end of a name); text mode runs on
    std::u32string prime;   // fed in (after the zero x⟨1⟩) before drawing
};

// Draws one sample (the course's `sample`, with temperature and top-k). Returns the drawn ids (the prime
// not included; the end token included when drawn). ConfigError for τ ≤ 0 or a prime outside the vocabulary.
std::vector<int> sampleIds(const CharModel& m, const CharVocab& v, Rng& rng, const SampleOptions& o);
// The model reading `text` (the lab's "look inside"), one step per character after the zero x⟨1⟩.
struct CharReading {
    ColMat<float> next;   // (V, |text| + 1): column i is ŷ after x = 0, text[0..i−1]; column 0 the first's
    ColMat<float> hidden; // (n, |text|): the top layer's a⟨t⟩ after each character
    ColMat<float> gates;  // (G·n, |text|): the top layer's gate activations (recurrent.h's row order)
};
CharReading readText(const CharModel& m, const std::vector<int>& text); // ids; −1: the zero vector

} // namespace dl
