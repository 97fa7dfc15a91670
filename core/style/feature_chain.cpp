// SPDX-License-Identifier: MIT
#include "core/style/feature_chain.h"

#include "core/layers/activation.h"
#include "core/layers/pool2d.h"
#include "core/models/darknet_net.h"

#include <limits>
#include <utility>

namespace dl {

template <typename T>
std::string FeatureChainT<T>::Layer::describe() const
{
    if (pool) return "maxpool " + std::to_string(pool->kernel()) + "/" + std::to_string(pool->stride());
    return conv->describe() + (leaky ? " leaky" : "");
}

template <typename T>
FeatureChainT<T> FeatureChainT<T>::fromDarknet(const DarknetNet& net, int last)
{
    const auto& layers = net.layers();
    if (last < 0 || last >= static_cast<int>(layers.size()))
        throw ConfigError("the feature extractor has layers 0.." + std::to_string(layers.size() - 1) +
                          "; layer " + std::to_string(last) + " does not exist");
    FeatureChainT chain;
    for (int i = 0; i <= last; ++i) {
        const DnLayer& d = layers[static_cast<size_t>(i)];
        Layer l;
        if (d.kind == DnKind::MaxPool) {
            const Pool2d& p = *d.pool;
            l.pool = std::make_unique<Pool2dT<T>>(PoolKind::Max, p.kernel(), p.stride(), p.pad(), PoolPad::Darknet);
        } else if (d.kind == DnKind::Conv && (d.act == DnAct::Leaky || d.act == DnAct::Linear)) {
            Conv2dSpec s = d.conv->spec();
            s.gradients = false; // weights frozen: only dJ/dx is computed
            l.conv = std::make_unique<Conv2dT<T>>(s);
            const Tensor& w = d.conv->weight().value;
            const Tensor& b = d.conv->bias().value;
            for (size_t k = 0; k < w.size(); ++k) l.conv->weight().value[k] = static_cast<T>(w[k]);
            for (size_t k = 0; k < b.size(); ++k) l.conv->bias().value[k] = static_cast<T>(b[k]);
            l.leaky = d.act == DnAct::Leaky;
        } else {
            throw ConfigError("layer " + std::to_string(i) + " (" + d.describe() +
                              ") cannot be backpropagated by the style lab; choose style and content layers "
                              "among the convolutions and max-pools before it");
        }
        chain.m_layers.push_back(std::move(l));
    }
    chain.m_out.resize(chain.m_layers.size());
    return chain;
}

template <typename T>
Shape FeatureChainT<T>::outputShape(int i, int h, int w) const
{
    int c = 3;
    for (int k = 0; k <= i; ++k) {
        const Layer& l = m_layers[static_cast<size_t>(k)];
        if (l.pool) { // darknet maxpool: out = (in + pad − size)/stride + 1
            const int p = l.pool->pad(), sz = l.pool->kernel(), st = l.pool->stride();
            h = (h + p - sz) / st + 1;
            w = (w + p - sz) / st + 1;
        } else {
            const Shape s = l.conv->outputShape({1, c, h, w});
            c = s[1];
            h = s[2];
            w = s[3];
        }
        if (h <= 0 || w <= 0)
            throw ShapeError("the image is too small for layer " + std::to_string(k) + " of the extractor");
    }
    return {1, c, h, w};
}

template <typename T>
void FeatureChainT<T>::forward(const TensorT<T>& x, int last)
{
    DL_CHECK(x.rank() == 4 && x.dim(0) == 1, "FeatureChain::forward takes one image (1, C, H, W)");
    if (last < 0) last = size() - 1;
    DL_CHECK(last < size(), "FeatureChain::forward: no layer " + std::to_string(last));
    m_input = x;
    run(0, last);
}

template <typename T>
void FeatureChainT<T>::extend(int last)
{
    DL_CHECK(m_done >= 0 && last < size(), "FeatureChain::extend needs a forward first and a valid layer");
    if (last > m_done) run(m_done + 1, last);
}

template <typename T>
void FeatureChainT<T>::run(int first, int last)
{
    m_done = last;
    for (int i = first; i <= last; ++i) {
        Layer& l = m_layers[static_cast<size_t>(i)];
        const TensorT<T>& in = i == 0 ? m_input : m_out[static_cast<size_t>(i - 1)];
        TensorT<T>& y = m_out[static_cast<size_t>(i)];
        if (l.pool) // darknet forward_maxpool_layer; the first maximum's index is kept for backward
            l.pool->forwardInto(in, y, true);
        else
            l.conv->forwardInto(in, y, l.leaky ? T(0.1) : T(1)); // leaky fused (darknet activations.h)
    }
}

// Chain rule layer by layer (COURSE.md §2 backpropagation), weights fixed:
//  leaky:   dz = dy ⊙ (y > 0 ? 1 : 0.1)   (y > 0 exactly when z > 0, the slope being positive)
//  conv:    dx = col2im(Wᵀ dz)            (Conv2d::backwardInputInto)
//  maxpool: the gradient goes to the window's maximum only.
// The costs' own gradients join at the layers they read.
template <typename T>
void FeatureChainT<T>::backward(std::vector<TensorT<T>>& grads, TensorT<T>& dx)
{
    DL_CHECK(grads.size() <= m_layers.size(), "FeatureChain::backward: more gradients than layers");
    int top = static_cast<int>(grads.size()) - 1;
    while (top >= 0 && grads[static_cast<size_t>(top)].size() == 0) --top;
    DL_CHECK(top >= 0, "FeatureChain::backward: no gradient given");
    std::swap(m_g, grads[static_cast<size_t>(top)]);
    for (int i = top; i >= 0; --i) {
        const Layer& l = m_layers[static_cast<size_t>(i)];
        const TensorT<T>& y = m_out[static_cast<size_t>(i)];
        const TensorT<T>& in = i == 0 ? m_input : m_out[static_cast<size_t>(i - 1)];
        DL_CHECK(m_g.shape() == y.shape(), "FeatureChain::backward: gradient of layer " + std::to_string(i) +
                                               " has shape " + shapeString(m_g.shape()) + ", output " +
                                               shapeString(y.shape()));
        if (l.pool) {
            l.pool->backwardInto(m_g, m_gNext);
        } else {
            if (l.leaky) activationBackwardFromOutput(y.data(), m_g.data(), m_g.size(), Act::LeakyReLU, T(0.1));
            l.conv->backwardInputInto(m_g, in.dim(2), in.dim(3), m_gNext);
        }
        std::swap(m_g, m_gNext);
        if (i > 0 && static_cast<size_t>(i - 1) < grads.size() && grads[static_cast<size_t>(i - 1)].size())
            m_g.arr() += grads[static_cast<size_t>(i - 1)].arr();
    }
    std::swap(dx, m_g);
}

template class FeatureChainT<float>;
template class FeatureChainT<double>;

} // namespace dl
