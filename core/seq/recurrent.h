// SPDX-License-Identifier: MIT
// One recurrent layer — RNN, GRU or LSTM cell — over a window of T steps of B sequences, forward and
// backpropagation through time exactly as COURSE.md §11 writes the cells:
//   RNN:  a⟨t⟩ = tanh(Waa a⟨t−1⟩ + Wax x⟨t⟩ + ba)
//   GRU:  Γu = σ(Wu [c⟨t−1⟩, x⟨t⟩] + bu), Γr = σ(Wr [c⟨t−1⟩, x⟨t⟩] + br),
//         c̃ = tanh(Wc [Γr * c⟨t−1⟩, x⟨t⟩] + bc), c⟨t⟩ = Γu * c̃ + (1 − Γu) * c⟨t−1⟩, a⟨t⟩ = c⟨t⟩
//   LSTM: c̃ = tanh(Wc [a⟨t−1⟩, x⟨t⟩] + bc), Γu, Γf, Γo = σ(W· [a⟨t−1⟩, x⟨t⟩] + b·),
//         c⟨t⟩ = Γu * c̃ + Γf * c⟨t−1⟩, a⟨t⟩ = Γo * tanh(c⟨t⟩)
// W stacks the gates' weights in rows, each row the course's concatenation [a⟨t−1⟩, x⟨t⟩]: W is (G·n, n + in)
// with G = 1 (RNN: Waa | Wax), 3 (GRU: rows c̃, Γu, Γr) or 4 (LSTM: rows c̃, Γu, Γf, Γo); b is (G·n).
// Step t of sequence b is column t·B + b. Templated on the scalar so the gradient check runs the same code
// in double.
#pragma once
#include "core/layers/layer.h"
#include "core/util/rng.h"

#include <Eigen/Core>
#include <string>
#include <vector>

namespace dl {

enum class CellKind { RNN, GRU, LSTM };
const char* cellName(CellKind k);            // "rnn", "gru", "lstm"
std::string cellLabel(CellKind k);           // "RNN", "GRU", "LSTM"
CellKind parseCell(const std::string& name); // ConfigError "cell must be rnn, gru or lstm, not "x""
int gateCount(CellKind k);                   // G: 1, 3, 4

template <typename T>
using ColMat = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>; // column-major: a step's B columns adjoin

template <typename T>
class RecurrentT {
  public:
    RecurrentT(CellKind kind, int inputs, int hidden); // ConfigError for sizes outside 1..4096
    CellKind kind() const { return m_kind; }
    int inputSize() const { return m_in; }
    int hiddenSize() const { return m_n; }
    // Rows of the state carried from one window to the next: n (RNN; GRU, whose a is c), 2n (LSTM: a over c).
    int stateRows() const { return m_kind == CellKind::LSTM ? 2 * m_n : m_n; }
    // W ~ N(0, scale²) (the course's dinosaur lab: 0.01), b = 0.
    void init(Rng& rng, T scale);
    void setName(const std::string& prefix); // params "<prefix>.W", "<prefix>.b"

    // x⟨t⟩ as columns of X (in, T·B); s0 (stateRows, B), or empty for zeros. Keeps what backward needs.
    void forward(const Eigen::Ref<const ColMat<T>>& X, int steps, int batch, const ColMat<T>& s0);
    // x⟨t⟩ one-hot: ids[t·B + b] is the symbol (in = the vocabulary), −1 the zero vector (the course's x⟨1⟩).
    void forwardIds(const std::vector<int>& ids, int steps, int batch, const ColMat<T>& s0);
    // a⟨1..T⟩: (n, T·B), a view into the states of the last forward (no copy)
    Eigen::Ref<const ColMat<T>> outputs() const { return m_a.rightCols(static_cast<Eigen::Index>(m_steps) * m_batch); }
    ColMat<T> finalState() const;                       // (stateRows, B) after the last step
    void finalState(ColMat<T>& into) const;             // the same, into a buffer kept between steps
    // dA = ∂L/∂a⟨t⟩ (n, T·B) from above. Adds ∂L/∂W, ∂L/∂b into the params' grad; the state at the window's
    // start is held fixed (truncated backpropagation through time). dX (in, T·B) when asked for (not for ids).
    void backward(const ColMat<T>& dA, ColMat<T>* dX);
    // ∂L/∂a⟨t⟩ of the last backward, including what flowed back through later steps (the vanishing-gradient
    // plot: its norm against how far t is from the loss). (n, T·B).
    const ColMat<T>& stateGradients() const { return m_dAtotal; }
    // After activation, per step: RNN a; GRU rows c̃, Γu, Γr; LSTM rows c̃, Γu, Γf, Γo. (G·n, T·B).
    const ColMat<T>& gateValues() const { return m_gates; }
    // LSTM c⟨0..T⟩ (n, (T+1)·B); GRU/RNN: a⟨0..T⟩ (their c is a)
    const ColMat<T>& cellStates() const { return m_kind == CellKind::LSTM ? m_c : m_a; }

    // One step for one batch of columns outside training (sampling, probing): z = the input part W_x x + b
    // (G·n, B); state (stateRows, B) is advanced in place; gates (optional) receives the activations.
    void step(const ColMat<T>& zx, ColMat<T>& state, ColMat<T>* gates = nullptr) const;
    // The input part W_x x⟨t⟩ + b of one step for symbol ids (−1: zero input), (G·n, B).
    void inputPartIds(const std::vector<int>& ids, ColMat<T>& zx) const;
    void inputPart(const Eigen::Ref<const ColMat<T>>& X, ColMat<T>& zx) const;

    std::vector<ParamT<T>*> params() { return {&m_W, &m_b}; }
    ParamT<T>& weight() { return m_W; }
    ParamT<T>& bias() { return m_b; }
    size_t paramCount() const { return m_W.value.size() + m_b.value.size(); }
    // Bytes of the buffers the last forward and backward filled (what backpropagation through time keeps).
    size_t workingBytes() const;

  private:
    void run(int steps, int batch, const ColMat<T>& s0); // after m_gates holds every step's input part
    CellKind m_kind;
    int m_in, m_n, m_g;
    ParamT<T> m_W, m_b;
    int m_steps = 0, m_batch = 0;
    bool m_fromIds = false;
    std::vector<int> m_ids;
    ColMat<T> m_x;     // (in, T·B) inputs of the last forward (dense)
    ColMat<T> m_gates; // (G·n, T·B): the input parts W_x x + b, then in run() the gates after activation
    ColMat<T> m_a;     // a⟨0..T⟩ (n, (T+1)·B)
    ColMat<T> m_c;     // LSTM: c⟨0..T⟩ (the others' c is a⟨0..T⟩)
    ColMat<T> m_tc;    // LSTM: tanh(c⟨1..T⟩) (n, T·B)
    ColMat<T> m_rc;    // GRU: Γr * c⟨t−1⟩ (n, T·B)
    ColMat<T> m_dz, m_dAtotal, m_daNext, m_dcNext, m_dc, m_drc;
    ColMat<T> m_waCol; // B = 1: W_a column-major, copied at the window's start (the steps' products)
};

using Recurrent = RecurrentT<float>;

} // namespace dl
