// SPDX-License-Identifier: MIT
// A stack of layers run in order; owns them and lists their parameters as "layer.param". No graph, no
// branches (residual blocks are single layers).
#pragma once
#include "core/layers/layer.h"

#include <memory>
#include <vector>

namespace dl {

template <typename T>
class SequentialT {
  public:
    SequentialT() = default;
    SequentialT(SequentialT&&) noexcept = default;
    SequentialT& operator=(SequentialT&&) noexcept = default;

    // Takes ownership; names the layer (e.g. "dense1") and prefixes its params ("dense1.weight").
    void add(std::unique_ptr<LayerT<T>> layer, const std::string& name);
    TensorT<T> forward(const TensorT<T>& x, Mode mode);
    // Like forward, also keeping every layer's output: outs[i] is the output of layer i.
    TensorT<T> forwardAll(const TensorT<T>& x, Mode mode, std::vector<TensorT<T>>& outs);
    // Layers [begin, end) only: transfer learning runs a frozen prefix once and trains the rest.
    TensorT<T> forwardRange(const TensorT<T>& x, Mode mode, size_t begin, size_t end);
    TensorT<T> backward(const TensorT<T>& dy); // returns dL/dinput (empty when not needed, see below)
    // Backward stops before layer `first` (a frozen prefix gets no gradients at all); 0 = every layer.
    // Call after setInputGradNeeded, which resets it.
    void setBackwardStart(size_t first);
    // A model trained on data (not on its input pixels) needs no dL/dinput: backward then stops at the first
    // layer with parameters, which skips its own input gradient. Style transfer keeps it on.
    void setInputGradNeeded(bool need);
    std::vector<ParamT<T>*> params(); // stable order: layer by layer
    std::vector<TensorT<T>*> buffers();
    void zeroGrad();
    Shape outputShape(const Shape& in) const; // throws ShapeError naming the layer that rejects it
    size_t size() const { return m_layers.size(); }
    LayerT<T>& layer(size_t i) { return *m_layers[i]; }
    const LayerT<T>& layer(size_t i) const { return *m_layers[i]; }
    size_t paramCount();

  private:
    std::vector<std::unique_ptr<LayerT<T>>> m_layers;
    size_t m_stopAt = 0; // backward runs layers m_layers.size()-1 down to m_stopAt
};

using Sequential = SequentialT<float>;

} // namespace dl
