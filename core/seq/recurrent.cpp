// SPDX-License-Identifier: MIT
#include "core/seq/recurrent.h"

#include "core/tensor/small_gemv.h"
#include "core/util/error.h"

#include <cmath>

namespace dl {

const char* cellName(CellKind k)
{
    return k == CellKind::RNN ? "rnn" : k == CellKind::GRU ? "gru" : "lstm";
}

std::string cellLabel(CellKind k)
{
    std::string s = cellName(k);
    for (char& c : s) c = static_cast<char>(c - 'a' + 'A');
    return s;
}

CellKind parseCell(const std::string& name)
{
    for (CellKind k : {CellKind::RNN, CellKind::GRU, CellKind::LSTM})
        if (name == cellName(k)) return k;
    throw ConfigError("cell must be rnn, gru or lstm, not \"" + name + "\"");
}

int gateCount(CellKind k)
{
    return k == CellKind::RNN ? 1 : k == CellKind::GRU ? 3 : 4;
}

namespace {

// σ(z) without overflow for large |z| (COURSE.md §1): 1 / (1 + e^−z), computed as 0.5·(1 + tanh(z/2)).
template <typename Block>
void sigmoidInPlace(Block&& z)
{
    using S = typename std::decay_t<Block>::Scalar;
    z = (((z.array() * S(0.5)).tanh() + S(1)) * S(0.5)).matrix();
}

template <typename Block>
void tanhInPlace(Block&& z)
{
    z = z.array().tanh().matrix();
}

} // namespace

template <typename T>
RecurrentT<T>::RecurrentT(CellKind kind, int inputs, int hidden)
    : m_kind(kind), m_in(inputs), m_n(hidden), m_g(gateCount(kind))
{
    if (inputs < 1 || inputs > 65536 || hidden < 1 || hidden > 4096)
        throw ConfigError("a recurrent layer needs 1 to 65536 inputs and 1 to 4096 hidden units");
    m_W.value = TensorT<T>({m_g * m_n, m_n + m_in});
    m_W.grad = TensorT<T>(m_W.value.shape());
    m_W.decay = true;
    m_b.value = TensorT<T>({m_g * m_n});
    m_b.grad = TensorT<T>(m_b.value.shape());
    setName(cellName(kind));
}

template <typename T>
void RecurrentT<T>::setName(const std::string& prefix)
{
    m_W.name = prefix + ".W";
    m_b.name = prefix + ".b";
}

template <typename T>
void RecurrentT<T>::init(Rng& rng, T scale)
{
    for (size_t i = 0; i < m_W.value.size(); ++i) m_W.value[i] = scale * static_cast<T>(rng.normal());
    m_b.value.setZero();
}

template <typename T>
void RecurrentT<T>::inputPart(const Eigen::Ref<const ColMat<T>>& X, ColMat<T>& zx) const
{
    const auto W = m_W.value.mat();
    const Eigen::Map<const Eigen::Matrix<T, Eigen::Dynamic, 1>> b(m_b.value.data(), m_g * m_n);
    zx.noalias() = W.rightCols(m_in) * X;
    zx.colwise() += b;
}

template <typename T>
void RecurrentT<T>::inputPartIds(const std::vector<int>& ids, ColMat<T>& zx) const
{
    const auto W = m_W.value.mat();
    const Eigen::Map<const Eigen::Matrix<T, Eigen::Dynamic, 1>> b(m_b.value.data(), m_g * m_n);
    zx.resize(m_g * m_n, static_cast<Eigen::Index>(ids.size()));
    for (size_t j = 0; j < ids.size(); ++j) { // W_x · one-hot(id) is W_x's column id
        DL_CHECK(ids[j] < m_in, "recurrent layer: symbol " + std::to_string(ids[j]) + " outside the vocabulary");
        if (ids[j] >= 0)
            zx.col(static_cast<Eigen::Index>(j)) = W.col(m_n + ids[j]) + b;
        else
            zx.col(static_cast<Eigen::Index>(j)) = b;
    }
}

template <typename T>
void RecurrentT<T>::forward(const Eigen::Ref<const ColMat<T>>& X, int steps, int batch, const ColMat<T>& s0)
{
    DL_CHECK(X.rows() == m_in && X.cols() == static_cast<Eigen::Index>(steps) * batch,
             "recurrent layer: the input is not (" + std::to_string(m_in) + ", T·B)");
    m_fromIds = false;
    m_x = X;
    inputPart(X, m_gates);
    run(steps, batch, s0);
}

template <typename T>
void RecurrentT<T>::forwardIds(const std::vector<int>& ids, int steps, int batch, const ColMat<T>& s0)
{
    DL_CHECK(ids.size() == static_cast<size_t>(steps) * batch, "recurrent layer: ids are not T·B");
    m_fromIds = true;
    m_ids = ids;
    inputPartIds(ids, m_gates);
    run(steps, batch, s0);
}

// z += W_a[r0, r0 + rows) · v: one step's recurrent part. One sequence (B = 1, the course's dinosaur lab)
// in a training window: the rows of the column-major copy of W_a taken at the window's start, scaled by v
// (small_gemv.h); otherwise Eigen's product (OpenBLAS). zero: v is the zero start state, nothing to add.
template <typename T>
struct RecurrentProduct {
    const ConstMatMap<T>& W;
    int n;
    const ColMat<T>* waCol = nullptr; // W_a (G·n, n) column-major, or null
    bool zero = false;
    template <typename Z, typename V>
    void add(Z&& z, int r0, int rows, const V& v) const
    {
        if (zero) return;
        if (waCol && v.cols() == 1)
            addScaledRows(z.data(), waCol->data() + r0, static_cast<long>(waCol->rows()), n, rows, v.data(), 1);
        else
            z.noalias() += W.block(r0, 0, rows, n) * v;
    }
};

// One step of the cell (the formulas at the top of recurrent.h). z: (G·n, B) holds the input part on entry
// and the gates' activations on return; aPrev, cPrev: the state before; a, c: after; rc: GRU's Γr * c⟨t−1⟩.
template <typename T, typename Z, typename AP, typename CP, typename A, typename C, typename RC>
static void cellStep(CellKind kind, int n, const RecurrentProduct<T>& p, Z&& z, const AP& aPrev, const CP& cPrev,
                     A&& a, C&& c, RC&& rc)
{
    switch (kind) {
    case CellKind::RNN:
        p.add(z, 0, n, aPrev);
        tanhInPlace(z);
        a = z;
        break;
    case CellKind::LSTM: {
        p.add(z, 0, 4 * n, aPrev);
        tanhInPlace(z.topRows(n));
        sigmoidInPlace(z.bottomRows(3 * n));
        c = z.middleRows(n, n).cwiseProduct(z.topRows(n)) + z.middleRows(2 * n, n).cwiseProduct(cPrev);
        a = (z.bottomRows(n).array() * c.array().tanh()).matrix();
        break;
    }
    case CellKind::GRU: {
        p.add(z.bottomRows(2 * n), n, 2 * n, cPrev);
        sigmoidInPlace(z.bottomRows(2 * n));
        rc = z.bottomRows(n).cwiseProduct(cPrev);
        p.add(z.topRows(n), 0, n, rc);
        tanhInPlace(z.topRows(n));
        a = z.middleRows(n, n).cwiseProduct(z.topRows(n)) +
            (T(1) - z.middleRows(n, n).array()).matrix().cwiseProduct(cPrev);
        break;
    }
    }
}

template <typename T>
void RecurrentT<T>::run(int steps, int batch, const ColMat<T>& s0)
{
    DL_CHECK(steps >= 1 && batch >= 1, "recurrent layer: a window needs at least one step and one sequence");
    DL_CHECK(s0.size() == 0 || (s0.rows() == stateRows() && s0.cols() == batch),
             "recurrent layer: the carried state does not fit (" + std::to_string(stateRows()) + ", B)");
    const int n = m_n, B = batch;
    m_steps = steps, m_batch = batch;
    const bool lstm = m_kind == CellKind::LSTM;
    m_a.resize(n, static_cast<Eigen::Index>(steps + 1) * B);
    if (lstm) m_c.resize(n, static_cast<Eigen::Index>(steps + 1) * B); // the others' c is a: m_a only
    if (s0.size()) {
        m_a.leftCols(B) = s0.topRows(n);
        if (lstm) m_c.leftCols(B) = s0.bottomRows(n);
    } else {
        m_a.leftCols(B).setZero();
        if (lstm) m_c.leftCols(B).setZero();
    }
    if (m_kind == CellKind::GRU) m_rc.resize(n, static_cast<Eigen::Index>(steps) * B);
    const ConstMatMap<T> W(m_W.value.data(), m_g * n, n + m_in);
    RecurrentProduct<T> p{W, n};
    if (B == 1 && steps > 4) { // one copy of W_a per window (~5 steps' products), then each step's as scaled rows
        m_waCol = W.leftCols(n);
        p.waCol = &m_waCol;
    }
    for (int t = 0; t < steps; ++t) {
        const Eigen::Index at = static_cast<Eigen::Index>(t) * B, next = at + B;
        p.zero = t == 0 && s0.size() == 0; // W_a · 0
        auto gates = m_gates.middleCols(at, B);
        if (lstm)
            cellStep<T>(m_kind, n, p, gates, m_a.middleCols(at, B), m_c.middleCols(at, B), m_a.middleCols(next, B),
                        m_c.middleCols(next, B), m_c.middleCols(next, B));
        else // RNN writes a only, GRU a and Γr * c⟨t−1⟩ (c is a)
            cellStep<T>(m_kind, n, p, gates, m_a.middleCols(at, B), m_a.middleCols(at, B), m_a.middleCols(next, B),
                        m_a.middleCols(next, B), m_kind == CellKind::GRU ? m_rc.middleCols(at, B) : gates);
    }
    if (lstm) m_tc = m_c.rightCols(static_cast<Eigen::Index>(steps) * B).array().tanh();
}

template <typename T>
ColMat<T> RecurrentT<T>::finalState() const
{
    ColMat<T> s;
    finalState(s);
    return s;
}

template <typename T>
void RecurrentT<T>::finalState(ColMat<T>& s) const
{
    s.resize(stateRows(), m_batch);
    s.topRows(m_n) = m_a.rightCols(m_batch);
    if (m_kind == CellKind::LSTM) s.bottomRows(m_n) = m_c.rightCols(m_batch);
}

template <typename T>
void RecurrentT<T>::step(const ColMat<T>& zx, ColMat<T>& state, ColMat<T>* gates) const
{
    const int n = m_n;
    const Eigen::Index B = zx.cols();
    DL_CHECK(zx.rows() == m_g * n && state.rows() == stateRows() && state.cols() == B,
             "recurrent step: the input part or the state does not fit");
    const ConstMatMap<T> W(m_W.value.data(), m_g * n, n + m_in);
    ColMat<T> z = zx, a(n, B), c(n, B), rc(n, B);
    const ColMat<T> aPrev = state.topRows(n);
    const ColMat<T> cPrev = m_kind == CellKind::LSTM ? ColMat<T>(state.bottomRows(n)) : aPrev;
    cellStep<T>(m_kind, n, RecurrentProduct<T>{W, n}, z, aPrev, cPrev, a, c, rc);
    state.topRows(n) = a;
    if (m_kind == CellKind::LSTM) state.bottomRows(n) = c;
    if (gates) *gates = std::move(z);
}

// Backpropagation through time (COURSE.md §11, the course's rnn_backward / lstm_backward), from the last
// step down to the first; the state before the window is a constant.
//  RNN:  dz = (1 − a²)·da,  da⟨t−1⟩ = Waaᵀ dz
//  LSTM: dc = dc_next + da·Γo·(1 − tanh²c);  dc̃ = dc·Γu, dΓu = dc·c̃, dΓf = dc·c⟨t−1⟩, dΓo = da·tanh c;
//        each gate's dz = d(gate)·σ' (or tanh' for c̃);  dc⟨t−1⟩ = dc·Γf,  da⟨t−1⟩ = W_aᵀ dz
//  GRU:  dc = da;  dc̃ = dc·Γu, dΓu = dc·(c̃ − c⟨t−1⟩), dc⟨t−1⟩ = dc·(1 − Γu);  dz_c = dc̃·(1 − c̃²),
//        d(Γr·c⟨t−1⟩) = W_caᵀ dz_c → dΓr = ·c⟨t−1⟩, dc⟨t−1⟩ += ·Γr;  dc⟨t−1⟩ += W_{ur,a}ᵀ dz_{ur}
// Then dW_a = Σ_t dz ⊗ (the recurrent input of step t), dW_x = dZ Xᵀ, db = Σ_t dz, dX = W_xᵀ dZ.
template <typename T>
void RecurrentT<T>::backward(const ColMat<T>& dA, ColMat<T>* dX)
{
    const int n = m_n, B = m_batch, steps = m_steps;
    const Eigen::Index cols = static_cast<Eigen::Index>(steps) * B;
    DL_CHECK(steps > 0 && dA.rows() == n && dA.cols() == cols, "recurrent backward: dA does not match the forward");
    const ConstMatMap<T> W(m_W.value.data(), m_g * n, n + m_in);
    const auto Wa = W.leftCols(n);
    // y += W_a[r0, r0 + rows)ᵀ · v: B = 1 as W's rows scaled by v (small_gemv.h), else Eigen's product.
    auto addWaT = [&](auto&& y, int r0, int rows, const auto& v) {
        if (B == 1)
            addScaledRows(y.data(), W.data() + static_cast<long>(r0) * (n + m_in), n + m_in, rows, n, v.data(), 1);
        else
            y.noalias() += Wa.middleRows(r0, rows).transpose() * v;
    };
    m_dz.resize(m_g * n, cols);
    m_dAtotal.resize(n, cols);
    ColMat<T>& daNext = m_daNext; // buffers kept between calls
    ColMat<T>& dcNext = m_dcNext;
    ColMat<T>& dc = m_dc;
    daNext.setZero(n, B);
    dcNext.setZero(n, B);
    dc.resize(n, B);
    for (int t = steps - 1; t >= 0; --t) {
        const Eigen::Index at = static_cast<Eigen::Index>(t) * B;
        m_dAtotal.middleCols(at, B) = dA.middleCols(at, B) + daNext;
        const auto da = m_dAtotal.middleCols(at, B);
        const auto g = m_gates.middleCols(at, B);
        auto dz = m_dz.middleCols(at, B);
        switch (m_kind) {
        case CellKind::RNN:
            dz = da.cwiseProduct((T(1) - g.array().square()).matrix());
            if (t > 0) daNext.setZero(), addWaT(daNext, 0, n, dz); // ∂L/∂a⟨0⟩ is not needed (truncated)
            break;
        case CellKind::LSTM: {
            const auto ct = m_c.middleCols(at, B); // c⟨t−1⟩
            const auto tc = m_tc.middleCols(at, B);
            const auto ctl = g.topRows(n), u = g.middleRows(n, n), f = g.middleRows(2 * n, n), o = g.bottomRows(n);
            dc = dcNext + da.cwiseProduct(o).cwiseProduct((T(1) - tc.array().square()).matrix());
            dz.topRows(n) = dc.cwiseProduct(u).cwiseProduct((T(1) - ctl.array().square()).matrix());
            dz.middleRows(n, n) = (dc.cwiseProduct(ctl).array() * u.array() * (T(1) - u.array())).matrix();
            dz.middleRows(2 * n, n) = (dc.cwiseProduct(ct).array() * f.array() * (T(1) - f.array())).matrix();
            dz.bottomRows(n) = (da.cwiseProduct(tc).array() * o.array() * (T(1) - o.array())).matrix();
            if (t == 0) break; // nothing flows into the window's start state
            dcNext = dc.cwiseProduct(f);
            daNext.setZero();
            addWaT(daNext, 0, 4 * n, dz);
            break;
        }
        case CellKind::GRU: {
            const auto cp = m_a.middleCols(at, B); // c⟨t−1⟩
            const auto ctl = g.topRows(n), u = g.middleRows(n, n), r = g.bottomRows(n);
            dz.topRows(n) = da.cwiseProduct(u).cwiseProduct((T(1) - ctl.array().square()).matrix());
            dz.middleRows(n, n) = (da.cwiseProduct(ctl - cp).array() * u.array() * (T(1) - u.array())).matrix();
            ColMat<T>& drc = m_drc; // ∂L/∂(Γr * c⟨t−1⟩)
            drc.setZero(n, B);
            addWaT(drc, 0, n, dz.topRows(n));
            dz.bottomRows(n) = (drc.cwiseProduct(cp).array() * r.array() * (T(1) - r.array())).matrix();
            if (t == 0) break;
            daNext = da.cwiseProduct((T(1) - u.array()).matrix()) + drc.cwiseProduct(r);
            addWaT(daNext, n, 2 * n, dz.bottomRows(2 * n));
            break;
        }
        }
    }
    MatMap<T> dW = m_W.grad.mat();
    const auto aPrev = m_a.leftCols(cols); // a⟨0..T−1⟩: each step's recurrent input
    if (m_kind == CellKind::GRU) {
        dW.topLeftCorner(n, n).noalias() += m_dz.topRows(n) * m_rc.transpose();
        dW.bottomLeftCorner(2 * n, n).noalias() += m_dz.bottomRows(2 * n) * aPrev.transpose();
    } else {
        dW.leftCols(n).noalias() += m_dz * aPrev.transpose();
    }
    Eigen::Map<Eigen::Matrix<T, Eigen::Dynamic, 1>>(m_b.grad.data(), m_g * n) += m_dz.rowwise().sum();
    if (m_fromIds) {
        for (size_t j = 0; j < m_ids.size(); ++j) // dW_x += dz ⊗ one-hot(id): column id only
            if (m_ids[j] >= 0) dW.col(n + m_ids[j]) += m_dz.col(static_cast<Eigen::Index>(j));
        return;
    }
    dW.rightCols(m_in).noalias() += m_dz * m_x.transpose();
    if (dX) dX->noalias() = W.rightCols(m_in).transpose() * m_dz;
}

template <typename T>
size_t RecurrentT<T>::workingBytes() const
{
    size_t n = 0;
    for (const ColMat<T>* m : {&m_x, &m_gates, &m_a, &m_c, &m_tc, &m_rc, &m_dz, &m_dAtotal})
        n += static_cast<size_t>(m->size());
    return n * sizeof(T) + m_ids.size() * sizeof(int);
}

template class RecurrentT<float>;
template class RecurrentT<double>;

} // namespace dl
