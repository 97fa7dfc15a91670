// SPDX-License-Identifier: MIT
#include "core/seq/seq_net.h"

#include "core/seq/masked_softmax.h"

#include "core/util/error.h"

#include <algorithm>
#include <cmath>

namespace dl {

template <typename T>
ColMat<T> reverseSteps(const ColMat<T>& m, int steps, int batch)
{
    ColMat<T> r(m.rows(), m.cols());
    for (int t = 0; t < steps; ++t)
        r.middleCols(static_cast<Eigen::Index>(steps - 1 - t) * batch, batch) =
            m.middleCols(static_cast<Eigen::Index>(t) * batch, batch);
    return r;
}

std::vector<int> reverseSteps(const std::vector<int>& ids, int steps, int batch)
{
    std::vector<int> r(ids.size());
    for (int t = 0; t < steps; ++t)
        std::copy_n(ids.begin() + static_cast<long>(t) * batch, batch,
                    r.begin() + static_cast<long>(steps - 1 - t) * batch);
    return r;
}

template <typename T>
SeqNetT<T>::SeqNetT(const SeqNetSpec& s) : m_spec(s)
{
    if (s.vocab < 1 || s.vocab > 65536) throw ConfigError("a sequence network needs 1 to 65536 input symbols");
    if (s.classes < 2 || s.classes > 65536) throw ConfigError("a sequence network needs 2 to 65536 classes");
    if (s.depth < 1 || s.depth > 2) throw ConfigError("depth must be 1 or 2 recurrent layers");
    if (s.hidden < 1 || s.hidden > 4096) throw ConfigError("hidden units must be from 1 to 4096");
    const char* dirName[] = {"fwd", "bwd"};
    for (int l = 0; l < s.depth; ++l) {
        m_layers.emplace_back();
        for (int d = 0; d < dirs(); ++d) {
            m_layers.back().push_back(
                std::make_unique<RecurrentT<T>>(s.cell, l == 0 ? s.vocab : dirs() * s.hidden, s.hidden));
            m_layers.back().back()->setName(std::string(cellName(s.cell)) + std::to_string(l + 1) +
                                            (s.bidirectional ? std::string(".") + dirName[d] : std::string()));
        }
    }
    const int h = dirs() * s.hidden;
    m_Wy = {"out.Wy", TensorT<T>({s.classes, h}), TensorT<T>({s.classes, h}), true};
    m_by = {"out.by", TensorT<T>({s.classes}), TensorT<T>({s.classes}), false};
}

template <typename T>
void SeqNetT<T>::init(Rng& rng, T forgetBias, T scale)
{
    const int n = m_spec.hidden;
    for (auto& dirsOf : m_layers)
        for (auto& l : dirsOf) {
            l->init(rng, scale > 0 ? scale : T(1) / std::sqrt(static_cast<T>(n + l->inputSize())));
            if (m_spec.cell == CellKind::LSTM) // rows c̃, Γu, Γf, Γo (recurrent.h)
                for (int i = n; i < 3 * n; ++i) l->bias().value[static_cast<size_t>(i)] = i < 2 * n ? -forgetBias : forgetBias;
            if (m_spec.cell == CellKind::GRU) // rows c̃, Γu, Γr; 1 − Γu is the GRU's forget gate
                for (int i = n; i < 2 * n; ++i) l->bias().value[static_cast<size_t>(i)] = -forgetBias;
        }
    const T s = scale > 0 ? scale : T(1) / std::sqrt(static_cast<T>(dirs() * n));
    for (size_t i = 0; i < m_Wy.value.size(); ++i) m_Wy.value[i] = s * static_cast<T>(rng.normal());
    m_by.value.setZero();
}

template <typename T>
std::vector<ParamT<T>*> SeqNetT<T>::params()
{
    std::vector<ParamT<T>*> p;
    for (auto& dirsOf : m_layers)
        for (auto& l : dirsOf)
            for (ParamT<T>* q : l->params()) p.push_back(q);
    p.push_back(&m_Wy);
    p.push_back(&m_by);
    return p;
}

template <typename T>
size_t SeqNetT<T>::paramCount()
{
    size_t n = 0;
    for (ParamT<T>* p : params()) n += p->value.size();
    return n;
}

template <typename T>
T SeqNetT<T>::forward(const std::vector<int>& ids, const std::vector<int>& targets, int steps, int batch)
{
    const size_t cols = static_cast<size_t>(steps) * batch;
    DL_CHECK(steps >= 1 && batch >= 1 && ids.size() == cols && targets.size() == cols,
             "sequence network: ids and targets must be T·B");
    m_steps = steps, m_batch = batch, m_targets = targets;
    const int n = m_spec.hidden;
    static const ColMat<T> zeros;
    m_h.resize(m_layers.size());
    std::vector<int> reversedIds;
    if (m_spec.bidirectional) reversedIds = reverseSteps(ids, steps, batch);
    for (size_t l = 0; l < m_layers.size(); ++l) {
        ColMat<T>& h = m_h[l];
        h.resize(dirs() * n, static_cast<Eigen::Index>(cols));
        for (int d = 0; d < dirs(); ++d) {
            RecurrentT<T>& r = *m_layers[l][static_cast<size_t>(d)];
            if (l == 0)
                r.forwardIds(d ? reversedIds : ids, steps, batch, zeros);
            else
                r.forward(d ? reverseSteps(m_h[l - 1], steps, batch) : m_h[l - 1], steps, batch, zeros);
            h.middleRows(static_cast<Eigen::Index>(d) * n, n) =
                d ? reverseSteps(ColMat<T>(r.outputs()), steps, batch) : ColMat<T>(r.outputs());
        }
    }
    const int C = m_spec.classes;
    const ConstMatMap<T> Wy(m_Wy.value.data(), C, dirs() * n);
    const Eigen::Map<const Eigen::Matrix<T, Eigen::Dynamic, 1>> by(m_by.value.data(), C);
    m_prob.noalias() = Wy * m_h.back();
    m_prob.colwise() += by;
    const double loss = softmaxCrossEntropy(m_prob, targets, m_counted, "sequence network");
    DL_CHECK(m_counted > 0, "sequence network: no position has a target");
    return static_cast<T>(loss / m_counted);
}

// ∂J/∂z = (ŷ − one-hot(y)) / (targeted positions) (softmax with cross-entropy, COURSE.md §5); dWy = dZ Hᵀ,
// ∂J/∂H = Wyᵀ dZ split into the directions (the backward one's in its reversed time), down the stack.
template <typename T>
void SeqNetT<T>::backward()
{
    const Eigen::Index cols = static_cast<Eigen::Index>(m_steps) * m_batch;
    DL_CHECK(m_prob.cols() == cols && cols > 0, "sequence network: backward needs a forward first");
    const int n = m_spec.hidden, C = m_spec.classes;
    ColMat<T> dz;
    softmaxCrossEntropyGrad(m_prob, m_targets, T(1) / static_cast<T>(m_counted), dz);
    MatMap<T> dWy = m_Wy.grad.mat();
    const ConstMatMap<T> Wy(m_Wy.value.data(), C, dirs() * n);
    dWy.noalias() += dz * m_h.back().transpose();
    Eigen::Map<Eigen::Matrix<T, Eigen::Dynamic, 1>>(m_by.grad.data(), C) += dz.rowwise().sum();
    ColMat<T> dH = Wy.transpose() * dz, dX, dBelow;
    for (size_t l = m_layers.size(); l-- > 0;) {
        if (l > 0) dBelow.setZero(dirs() * n, cols);
        for (int d = 0; d < dirs(); ++d) {
            RecurrentT<T>& r = *m_layers[l][static_cast<size_t>(d)];
            const ColMat<T> dA = dH.middleRows(static_cast<Eigen::Index>(d) * n, n);
            r.backward(d ? reverseSteps(dA, m_steps, m_batch) : dA, l > 0 ? &dX : nullptr);
            if (l > 0) dBelow += d ? reverseSteps(dX, m_steps, m_batch) : dX;
        }
        if (l > 0) dH.swap(dBelow);
    }
}

template <typename T>
int SeqNetT<T>::correct() const
{
    int right = 0;
    for (Eigen::Index j = 0; j < m_prob.cols(); ++j) {
        const int y = m_targets[static_cast<size_t>(j)];
        if (y < 0) continue;
        Eigen::Index best = 0;
        m_prob.col(j).maxCoeff(&best);
        right += best == y;
    }
    return right;
}

template <typename T>
std::vector<double> SeqNetT<T>::stateGradientNorms() const
{
    const ColMat<T>& g = m_layers[0][0]->stateGradients();
    std::vector<double> norms(static_cast<size_t>(m_steps), 0.0);
    if (g.cols() != static_cast<Eigen::Index>(m_steps) * m_batch) return {};
    for (int t = 0; t < m_steps; ++t)
        for (int b = 0; b < m_batch; ++b)
            norms[static_cast<size_t>(t)] +=
                static_cast<double>(g.col(static_cast<Eigen::Index>(t) * m_batch + b).norm()) / m_batch;
    return norms;
}

template class SeqNetT<float>;
template class SeqNetT<double>;
template ColMat<float> reverseSteps(const ColMat<float>&, int, int);
template ColMat<double> reverseSteps(const ColMat<double>&, int, int);

} // namespace dl
