// SPDX-License-Identifier: MIT
#include "core/seq/char_model.h"

#include "core/seq/masked_softmax.h"
#include "core/tensor/small_gemv.h"

#include "core/util/error.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace dl {

template <typename T>
CharModelT<T>::CharModelT(const CharModelSpec& s) : m_spec(s)
{
    if (s.vocab < 2 || s.vocab > 65536) throw ConfigError("the vocabulary must have 2 to 65536 symbols");
    if (s.depth < 1 || s.depth > 3) throw ConfigError("depth must be 1, 2 or 3 recurrent layers");
    if (s.hidden < 1 || s.hidden > 4096) throw ConfigError("hidden units must be from 1 to 4096");
    for (int l = 0; l < s.depth; ++l) {
        m_layers.push_back(std::make_unique<RecurrentT<T>>(s.cell, l == 0 ? s.vocab : s.hidden, s.hidden));
        m_layers.back()->setName(std::string(cellName(s.cell)) + std::to_string(l + 1));
    }
    m_Wy = {"out.Wya", TensorT<T>({s.vocab, s.hidden}), TensorT<T>({s.vocab, s.hidden}), true};
    m_by = {"out.by", TensorT<T>({s.vocab}), TensorT<T>({s.vocab}), false};
}

template <typename T>
void CharModelT<T>::init(Rng& rng, T scale)
{
    for (auto& l : m_layers) l->init(rng, scale);
    for (size_t i = 0; i < m_Wy.value.size(); ++i) m_Wy.value[i] = scale * static_cast<T>(rng.normal());
    m_by.value.setZero();
}

template <typename T>
void CharModelT<T>::setDropout(float keepProb, std::uint32_t seed)
{
    if (!(keepProb > 0.f && keepProb <= 1.f))
        throw ConfigError("the dropout keep probability must be in (0, 1], not " + std::to_string(keepProb));
    m_keep = keepProb;
    m_dropRng = Rng(seed);
}

template <typename T>
Eigen::Ref<const ColMat<T>> CharModelT<T>::top() const
{
    if (m_dropped) return m_kept.back();
    return m_layers.back()->outputs();
}

template <typename T>
std::vector<ParamT<T>*> CharModelT<T>::params()
{
    std::vector<ParamT<T>*> p;
    for (auto& l : m_layers)
        for (ParamT<T>* q : l->params()) p.push_back(q);
    p.push_back(&m_Wy);
    p.push_back(&m_by);
    return p;
}

template <typename T>
size_t CharModelT<T>::paramCount() const
{
    size_t n = m_Wy.value.size() + m_by.value.size();
    for (const auto& l : m_layers) n += l->paramCount();
    return n;
}

template <typename T>
T CharModelT<T>::forward(const std::vector<int>& inputs, const std::vector<int>& targets, int steps, int batch,
                         const State& start, Mode mode)
{
    const size_t cols = static_cast<size_t>(steps) * batch;
    DL_CHECK(inputs.size() == cols && targets.size() == cols, "char model: inputs and targets must be T·B");
    DL_CHECK(start.empty() || start.size() == m_layers.size(), "char model: one carried state per layer");
    m_steps = steps, m_batch = batch, m_targets = targets;
    m_dropped = mode == Mode::Train && m_keep < 1.f;
    const bool reuse = m_dropped && m_holdMasks && m_masks.size() == m_layers.size() &&
                       m_masks[0].cols() == static_cast<Eigen::Index>(cols);
    if (m_dropped) m_masks.resize(m_layers.size()), m_kept.resize(m_layers.size());
    static const ColMat<T> none;
    for (size_t l = 0; l < m_layers.size(); ++l) {
        const ColMat<T>& s0 = start.empty() ? none : start[l];
        if (l == 0)
            m_layers[0]->forwardIds(inputs, steps, batch, s0);
        else if (m_dropped)
            m_layers[l]->forward(m_kept[l - 1], steps, batch, s0);
        else
            m_layers[l]->forward(m_layers[l - 1]->outputs(), steps, batch, s0);
        if (!m_dropped) continue;
        ColMat<T>& d = m_masks[l]; // inverted dropout (COURSE.md §3): d = (u < keep) / keep
        if (!reuse) {
            const T scale = T(1) / static_cast<T>(m_keep);
            d.resize(m_spec.hidden, static_cast<Eigen::Index>(cols));
            for (Eigen::Index i = 0; i < d.size(); ++i) d.data()[i] = m_dropRng.uniform() < m_keep ? scale : T(0);
        }
        m_kept[l] = m_layers[l]->outputs().cwiseProduct(d);
    }
    const ConstMatMap<T> Wy(m_Wy.value.data(), m_spec.vocab, m_spec.hidden);
    const Eigen::Map<const Eigen::Matrix<T, Eigen::Dynamic, 1>> by(m_by.value.data(), m_spec.vocab);
    m_prob.noalias() = Wy * top();
    m_prob.colwise() += by;
    const double loss = softmaxCrossEntropy(m_prob, targets, m_counted, "char model");
    return static_cast<T>(loss / batch);
}

// ∂J/∂z = (ŷ − one-hot(y)) / B at each counted position (softmax with cross-entropy, COURSE.md §5), then
// dWya = dZ Aᵀ, dby = Σ dZ, ∂J/∂a = Wyaᵀ dZ into the top layer, and down the stack; through a dropout
// mask the gradient is multiplied by the same mask (COURSE.md §3: dA = dA·d / keep_prob).
template <typename T>
void CharModelT<T>::backward()
{
    const Eigen::Index cols = static_cast<Eigen::Index>(m_steps) * m_batch;
    DL_CHECK(m_prob.cols() == cols && cols > 0, "char model: backward needs a forward first");
    ColMat<T>& dz = m_dz; // buffers kept between steps: a name is a few dozen tiny products
    softmaxCrossEntropyGrad(m_prob, m_targets, T(1) / static_cast<T>(m_batch), dz);
    MatMap<T> dWy = m_Wy.grad.mat();
    const ConstMatMap<T> Wy(m_Wy.value.data(), m_spec.vocab, m_spec.hidden);
    dWy.noalias() += dz * top().transpose();
    Eigen::Map<Eigen::Matrix<T, Eigen::Dynamic, 1>>(m_by.grad.data(), m_spec.vocab) += dz.rowwise().sum();
    if (m_batch == 1) { // one sequence: Wyaᵀ dz⟨t⟩ as Wya's rows scaled by dz⟨t⟩ (small_gemv.h)
        m_dA.setZero(m_spec.hidden, cols);
        for (Eigen::Index t = 0; t < cols; ++t)
            addScaledRows(m_dA.col(t).data(), m_Wy.value.data(), m_spec.hidden, m_spec.vocab, m_spec.hidden,
                          dz.col(t).data(), 1);
    } else {
        m_dA.noalias() = Wy.transpose() * dz;
    }
    for (size_t l = m_layers.size(); l-- > 0;) {
        if (m_dropped) m_dA.array() *= m_masks[l].array();
        m_layers[l]->backward(m_dA, l > 0 ? &m_dBelow : nullptr);
        if (l > 0) m_dA.swap(m_dBelow);
    }
}

template <typename T>
typename CharModelT<T>::State CharModelT<T>::finalState() const
{
    State s;
    finalState(s);
    return s;
}

template <typename T>
void CharModelT<T>::finalState(State& s) const
{
    s.resize(m_layers.size());
    for (size_t l = 0; l < m_layers.size(); ++l) m_layers[l]->finalState(s[l]);
}

template <typename T>
Eigen::Matrix<T, Eigen::Dynamic, 1> CharModelT<T>::step(int input, State& state, State* gates) const
{
    if (state.empty())
        for (const auto& l : m_layers) state.push_back(ColMat<T>::Zero(l->stateRows(), 1));
    DL_CHECK(state.size() == m_layers.size(), "char model: one state per layer");
    if (gates) gates->assign(m_layers.size(), ColMat<T>());
    ColMat<T> zx, x;
    for (size_t l = 0; l < m_layers.size(); ++l) {
        if (l == 0)
            m_layers[0]->inputPartIds({input}, zx);
        else
            m_layers[l]->inputPart(x, zx);
        m_layers[l]->step(zx, state[l], gates ? &(*gates)[l] : nullptr);
        x = state[l].topRows(m_spec.hidden);
    }
    const ConstMatMap<T> Wy(m_Wy.value.data(), m_spec.vocab, m_spec.hidden);
    const Eigen::Map<const Eigen::Matrix<T, Eigen::Dynamic, 1>> by(m_by.value.data(), m_spec.vocab);
    return Wy * x.col(0) + by;
}

template class CharModelT<float>;
template class CharModelT<double>;

std::vector<int> sampleIds(const CharModel& m, const CharVocab& v, Rng& rng, const SampleOptions& o)
{
    if (!(o.temperature > 0) || !std::isfinite(o.temperature))
        throw ConfigError("the temperature must be above 0");
    if (o.maxLength < 1 || o.maxLength > 100000) throw ConfigError("the sample length must be from 1 to 100000");
    const std::vector<int> prime = v.encode(o.prime);
    CharModel::State state;
    Eigen::VectorXf z = m.step(-1, state); // x⟨1⟩ = 0 (COURSE.md §11)
    for (int id : prime) z = m.step(id, state);
    std::vector<int> out;
    std::vector<double> p(static_cast<size_t>(z.size()));
    std::vector<int> order(p.size());
    while (static_cast<int>(out.size()) < o.maxLength) {
        const double top = z.maxCoeff();
        for (size_t i = 0; i < p.size(); ++i) p[i] = std::exp((z[static_cast<Eigen::Index>(i)] - top) / o.temperature);
        if (o.topK > 0 && o.topK < static_cast<int>(p.size())) { // keep the k largest
            std::iota(order.begin(), order.end(), 0);
            std::nth_element(order.begin(), order.begin() + o.topK - 1, order.end(),
                             [&](int a, int b) { return p[static_cast<size_t>(a)] > p[static_cast<size_t>(b)]; });
            const double kth = p[static_cast<size_t>(order[static_cast<size_t>(o.topK - 1)])];
            int kept = 0;
            for (double& q : p) q = q >= kth && kept < o.topK ? (++kept, q) : 0;
        }
        const double total = std::accumulate(p.begin(), p.end(), 0.0);
        double u = static_cast<double>(rng.uniform()) * total;
        int pick = static_cast<int>(p.size()) - 1;
        for (size_t i = 0; i < p.size(); ++i) {
            if (u < p[i] && p[i] > 0) {
                pick = static_cast<int>(i);
                break;
            }
            u -= p[i];
        }
        while (pick > 0 && p[static_cast<size_t>(pick)] == 0) --pick; // rounding at the end of the sum
        out.push_back(pick);
        if (o.endAtNewline && pick == v.newline()) break;
        z = m.step(pick, state);
    }
    return out;
}

CharReading readText(const CharModel& m, const std::vector<int>& text)
{
    const Eigen::Index T = static_cast<Eigen::Index>(text.size());
    const int n = m.spec().hidden;
    const size_t top = static_cast<size_t>(m.spec().depth - 1);
    CharReading r;
    r.next.resize(m.spec().vocab, T + 1);
    r.hidden.resize(n, T);
    r.gates.resize(static_cast<Eigen::Index>(gateCount(m.spec().cell)) * n, T);
    CharModel::State state, gates;
    Eigen::VectorXf z = m.step(-1, state);
    for (Eigen::Index i = 0; i <= T; ++i) {
        auto c = r.next.col(i); // softmax (COURSE.md §5), shifted by the maximum
        c = (z.array() - z.maxCoeff()).exp().matrix();
        c /= c.sum();
        if (i == T) break;
        z = m.step(text[static_cast<size_t>(i)], state, &gates);
        r.hidden.col(i) = state[top].topRows(n).col(0);
        r.gates.col(i) = gates[top].col(0);
    }
    return r;
}

} // namespace dl
