// SPDX-License-Identifier: MIT
// A recurrent network for the notes' other architectures (COURSE.md §11 "不同类型的 RNN" and "双向 RNN"):
// one-hot symbols into 1–2 stacked recurrent layers, each one-way or bidirectional, and a softmax over C
// classes at every step that has a target — many-to-one (a target at the last step only: classify the
// sequence) or many-to-many of equal length (a target at each step: tag each symbol). Bidirectional
// (the notes' BRNN): a second layer reads the sequence backwards and ŷ⟨t⟩ = softmax(Wy [a→⟨t⟩, a←⟨t⟩] + by),
// so a tag can depend on what comes later. Loss: the mean over the targeted positions of −log ŷ⟨t⟩[y⟨t⟩].
// Templated on the scalar for the double-precision gradient check.
#pragma once
#include "core/seq/recurrent.h"

#include <memory>

namespace dl {

struct SeqNetSpec {
    CellKind cell = CellKind::LSTM;
    int vocab = 8;    // input symbols
    int hidden = 32;  // units per layer and direction
    int classes = 2;  // output classes
    int depth = 1;    // stacked layers, 1–2
    bool bidirectional = false;
};

template <typename T>
class SeqNetT {
  public:
    explicit SeqNetT(const SeqNetSpec& s); // ConfigError for sizes out of range
    const SeqNetSpec& spec() const { return m_spec; }
    // W ~ N(0, 1/(n + in)) per layer (Xavier, COURSE.md §5), Wy likewise, biases 0, except the gates that
    // decide what is kept: an LSTM's forget-gate bias starts at +forgetBias and its update gate's at
    // −forgetBias (Gers et al. 2000; the chrono initialisation of Tallec & Ollivier 2018: b_u = −b_f), a GRU's
    // update gate at −forgetBias (its 1 − Γu is the forget gate): memory open, input mostly closed at first.
    // scale > 0: every W ~ N(0, scale²) instead (the course's labs: 0.01).
    void init(Rng& rng, T forgetBias = T(1), T scale = T(0));

    // ids[t·B + b] the symbol of step t of sequence b; targets the same (−1: no target there). Returns J.
    T forward(const std::vector<int>& ids, const std::vector<int>& targets, int steps, int batch);
    void backward();
    const ColMat<T>& probabilities() const { return m_prob; } // (C, T·B)
    int counted() const { return m_counted; }
    // Targeted positions of the last forward whose most likely class is the target.
    int correct() const;

    int layerCount() const { return static_cast<int>(m_layers.size()); }
    // Layer l's direction d (0: forwards; 1: backwards, bidirectional only; its steps in reversed time).
    const RecurrentT<T>& layer(int l, int d = 0) const { return *m_layers[static_cast<size_t>(l)][static_cast<size_t>(d)]; }
    // ‖∂J/∂a⟨t⟩‖ of the first layer's forward direction after backward, per step t, averaged over the batch
    // (what flowed back through the later steps included): the vanishing-gradient plot.
    std::vector<double> stateGradientNorms() const;
    std::vector<ParamT<T>*> params();
    size_t paramCount();

  private:
    int dirs() const { return m_spec.bidirectional ? 2 : 1; }
    SeqNetSpec m_spec;
    std::vector<std::vector<std::unique_ptr<RecurrentT<T>>>> m_layers; // [layer][direction]
    std::vector<ColMat<T>> m_h; // per layer: the outputs of both directions in natural time (dirs·n, T·B)
    ParamT<T> m_Wy, m_by;
    int m_steps = 0, m_batch = 0, m_counted = 0;
    std::vector<int> m_targets;
    ColMat<T> m_prob;
};

using SeqNet = SeqNetT<float>;

// Columns of step t ↔ step T−1−t (B columns a step): a backward direction's view of a sequence.
template <typename T>
ColMat<T> reverseSteps(const ColMat<T>& m, int steps, int batch);
std::vector<int> reverseSteps(const std::vector<int>& ids, int steps, int batch);

} // namespace dl
