// SPDX-License-Identifier: MIT
// The frozen feature extractor of the style-transfer lab: the first layers of a darknet classifier (Tiny
// Darknet: convolutions with batch norm folded, leaky ReLU, max-pools; MODELS.md §3), run forward on an
// image of any size, then backpropagated TO THE INPUT PIXELS with the weights held fixed (Gatys et al. 2016,
// "Image Style Transfer Using Convolutional Neural Networks"; COURSE.md §10). Templated on the scalar so the
// gradient check runs the same code in double. Its layers are the registry's Conv2d (leaky fused) and Pool2d
// (darknet padding), the same classes the darknet net runs, in double when T is. Tensors are (1, C, H, W).
#pragma once
#include "core/layers/conv2d.h"
#include "core/layers/pool2d.h"

#include <memory>
#include <string>
#include <vector>

namespace dl {

class DarknetNet;

template <typename T>
class FeatureChainT {
  public:
    struct Layer {
        std::unique_ptr<Conv2dT<T>> conv; // a convolution (+ leaky if `leaky`), or
        std::unique_ptr<Pool2dT<T>> pool; // a max-pool, darknet semantics (window offset −pad/2)
        bool leaky = false;               // darknet leaky: max(z, 0.1 z)
        std::string describe() const;
    };

    // Layers 0..last of `net`, weights copied. Only convolutions (linear or leaky) and max-pools can be
    // backpropagated here; throws ConfigError naming the first other layer.
    static FeatureChainT fromDarknet(const DarknetNet& net, int last);
    FeatureChainT() = default;
    FeatureChainT(FeatureChainT&&) = default;
    FeatureChainT& operator=(FeatureChainT&&) = default;

    int size() const { return static_cast<int>(m_layers.size()); }
    const Layer& layer(int i) const { return m_layers[static_cast<size_t>(i)]; }
    // Output shape (1, C, H, W) of layer i for an input of h×w pixels (no compute).
    Shape outputShape(int i, int h, int w) const;

    // x: (1, 3, H, W). Runs layers 0..last (default: all) and keeps their outputs.
    void forward(const TensorT<T>& x, int last = -1);
    // Runs the layers after the last forward's deepest one, through `last` (bench: W6 computes them all).
    void extend(int last);
    const TensorT<T>& output(int i) const { return m_out[static_cast<size_t>(i)]; }

    // grads[i] (empty or output(i)'s shape): dJ/d output(i) from the costs that read layer i. Backpropagates
    // from the deepest layer with a gradient down to the pixels; returns dJ/dx in `dx`. `grads` is used as
    // scratch (its tensors are overwritten). Needs the forward of the same image first.
    void backward(std::vector<TensorT<T>>& grads, TensorT<T>& dx);

  private:
    void run(int first, int last);
    std::vector<Layer> m_layers;
    int m_done = -1; // deepest layer the last forward computed
    TensorT<T> m_input;
    std::vector<TensorT<T>> m_out;
    TensorT<T> m_g, m_gNext;                // backward scratch
};

using FeatureChain = FeatureChainT<float>;

} // namespace dl
