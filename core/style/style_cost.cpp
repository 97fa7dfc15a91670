// SPDX-License-Identifier: MIT
#include "core/style/style_cost.h"

#include "core/util/threads.h"

#include <algorithm>

namespace dl {

template <typename T>
void gramMatrix(const TensorT<T>& a, RowMat<T>& g)
{
    const int c = a.dim(1), hw = a.dim(2) * a.dim(3);
    const ConstMatMap<T> A(a.data(), c, hw);
    // G = A Aᵀ: only one triangle is computed (a BLAS syrk: half a GEMM's work), then mirrored.
    g.setZero(c, c);
    g.template selfadjointView<Eigen::Lower>().rankUpdate(A);
    g.template triangularView<Eigen::StrictlyUpper>() = g.transpose();
}

template <typename T>
StyleProblemT<T>::StyleProblemT(FeatureChainT<T> chain) : m_chain(std::move(chain))
{
}

template <typename T>
int StyleProblemT<T>::deepestLayer() const
{
    int d = m_w.contentLayer;
    for (const StyleLayer& s : m_w.style) d = std::max(d, s.layer);
    return d;
}

template <typename T>
void StyleProblemT<T>::setWeights(const StyleWeights& w)
{
    auto check = [&](int l, const char* what) {
        if (l < 0 || l >= m_chain.size())
            throw ConfigError(std::string(what) + " layer " + std::to_string(l) +
                              " is outside the extractor (0.." + std::to_string(m_chain.size() - 1) + ")");
    };
    check(w.contentLayer, "content");
    if (w.style.empty()) throw ConfigError("choose at least one style layer");
    for (const StyleLayer& s : w.style) check(s.layer, "style");
    const bool layersChanged =
        w.contentLayer != m_w.contentLayer || w.style.size() != m_w.style.size() ||
        !std::equal(w.style.begin(), w.style.end(), m_w.style.begin(),
                    [](const StyleLayer& a, const StyleLayer& b) { return a.layer == b.layer; });
    m_w = w;
    if (layersChanged && m_content.size()) computeTargets();
}

template <typename T>
void StyleProblemT<T>::setImages(const TensorT<T>& content, const TensorT<T>& style)
{
    DL_CHECK(content.shape() == style.shape(), "StyleProblem: content " + shapeString(content.shape()) +
                                                   " and style " + shapeString(style.shape()) + " differ");
    m_content = content;
    m_style = style;
    computeTargets();
}

template <typename T>
void StyleProblemT<T>::computeTargets()
{
    m_chain.forward(m_content, m_w.contentLayer);
    m_contentTarget = m_chain.output(m_w.contentLayer);
    int deepest = 0;
    for (const StyleLayer& s : m_w.style) deepest = std::max(deepest, s.layer);
    m_chain.forward(m_style, deepest);
    m_gramS.resize(m_w.style.size());
    m_gramG.resize(m_w.style.size());
    for (size_t k = 0; k < m_w.style.size(); ++k) gramMatrix(m_chain.output(m_w.style[k].layer), m_gramS[k]);
}

template <typename T>
StyleCosts StyleProblemT<T>::evaluate(const TensorT<T>& x, TensorT<T>* grad)
{
    adaptThreads(); // one thread while other programs keep the cores busy (util/threads.h)
    DL_CHECK(m_content.size(), "StyleProblem::evaluate before setImages");
    DL_CHECK(x.shape() == m_content.shape(), "StyleProblem::evaluate: image " + shapeString(x.shape()) +
                                                 " is not the content's " + shapeString(m_content.shape()));
    const int deepest = deepestLayer();
    m_chain.forward(x, deepest);
    if (grad) {
        m_grads.resize(static_cast<size_t>(deepest) + 1);
        for (auto& g : m_grads) g.resize({0});
    }
    StyleCosts c;
    { // content: J = 1/(4 n_H n_W n_C) Σ (a_C − a_G)², dJ/da_G = (a_G − a_C) / (2 n_H n_W n_C)
        const TensorT<T>& aG = m_chain.output(m_w.contentLayer);
        const double n = static_cast<double>(aG.size());
        c.content = (aG.arr() - m_contentTarget.arr()).template cast<double>().square().sum() / (4 * n);
        if (grad && m_w.alpha != 0) {
            TensorT<T>& g = m_grads[static_cast<size_t>(m_w.contentLayer)];
            g.resize(aG.shape());
            g.arr() = (aG.arr() - m_contentTarget.arr()) * static_cast<T>(m_w.alpha / (2 * n));
        }
    }
    c.perLayer.resize(m_w.style.size());
    for (size_t k = 0; k < m_w.style.size(); ++k) {
        // J_style[l] = 1/(4 n_C² (n_H n_W)²) Σ (G_S − G_G)²; with G = A Aᵀ symmetric,
        // dJ/dA = 1/(n_C² (n_H n_W)²) (G_G − G_S) A.
        const StyleLayer& s = m_w.style[k];
        const TensorT<T>& a = m_chain.output(s.layer);
        const int ch = a.dim(1), hw = a.dim(2) * a.dim(3);
        gramMatrix(a, m_gramG[k]);
        m_diff = m_gramG[k] - m_gramS[k];
        const double norm = 1.0 / (static_cast<double>(ch) * ch * static_cast<double>(hw) * hw);
        c.perLayer[k] = m_diff.template cast<double>().squaredNorm() * norm / 4;
        c.style += s.weight * c.perLayer[k];
        if (!grad || m_w.beta == 0 || s.weight == 0) continue;
        TensorT<T>& g = m_grads[static_cast<size_t>(s.layer)];
        const T scale = static_cast<T>(m_w.beta * s.weight * norm);
        const ConstMatMap<T> A(a.data(), ch, hw);
        if (g.size() == 0) {
            g.resize(a.shape());
            MatMap<T>(g.data(), ch, hw).noalias() = (scale * m_diff) * A;
        } else { // the content layer is also a style layer
            MatMap<T>(g.data(), ch, hw).noalias() += (scale * m_diff) * A;
        }
    }
    c.total = m_w.alpha * c.content + m_w.beta * c.style;
    if (!grad) return c;
    if (std::any_of(m_grads.begin(), m_grads.end(), [](const TensorT<T>& g) { return g.size() > 0; })) {
        m_chain.backward(m_grads, *grad);
    } else { // α = β = 0: J does not depend on x
        grad->resize(x.shape());
        grad->arr().setZero();
    }
    return c;
}

template void gramMatrix(const TensorT<float>&, RowMat<float>&);
template void gramMatrix(const TensorT<double>&, RowMat<double>&);
template class StyleProblemT<float>;
template class StyleProblemT<double>;

} // namespace dl
