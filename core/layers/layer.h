// SPDX-License-Identifier: MIT
// The layer contract every op follows (dlib-style). Layers are templated on the scalar type only so that
// gradient checking can run the same code in double precision; models train in float.
//
// Contract:
//  - forward(x, mode) may cache what backward needs; Mode is explicit, no hidden train/test flag;
//  - backward(dy) follows the most recent forward(..., Train or Frozen) on the same batch; dy has that
//    output's shape;
//    it RETURNS dL/dx (assigned) and ADDS dL/dparam into Param::grad (+=);
//  - params() lists learnable tensors in a stable order; optimizers keep state parallel to it.
#pragma once
#include "core/tensor/tensor.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dl {

// Train: batch statistics, dropout on, caches for backward. Eval: running statistics, no caches.
// Frozen: computes exactly as Eval (the network is a fixed function) but caches for backward, so gradients
// can flow to the input pixels (Grad-CAM, saliency, style transfer).
enum class Mode { Train, Eval, Frozen };
inline bool cachesForBackward(Mode m)
{
    return m != Mode::Eval;
}

template <typename T>
struct ParamT {
    std::string name; // "dense1.weight": used by optimizer, checkpoint, UI
    TensorT<T> value;
    TensorT<T> grad;    // same shape as value; zeroed by Sequential::zeroGrad()
    bool decay = false; // true for weights that L2 regularisation applies to
};

template <typename T>
class LayerT {
  public:
    virtual ~LayerT() = default;
    virtual std::string_view type() const = 0;            // registry key, e.g. "Dense"
    virtual Shape outputShape(const Shape& in) const = 0; // throws ShapeError; no compute
    virtual TensorT<T> forward(const TensorT<T>& x, Mode mode) = 0;
    virtual TensorT<T> backward(const TensorT<T>& dy) = 0;
    virtual std::vector<ParamT<T>*> params() { return {}; }
    // Non-learned state that a checkpoint must carry (batch-norm running averages).
    virtual std::vector<TensorT<T>*> buffers() { return {}; }
    // Layers that draw random numbers (dropout) expose their generator state for checkpoints.
    virtual std::string rngState() const { return {}; }
    virtual void setRngState(const std::string&) {}
    virtual std::string describe() const { return std::string(type()); } // "Dense 2→4"
    // Told that nobody needs dL/dx (the first layer of a trained model), a layer may skip computing it;
    // backward then returns an empty tensor. Parameter gradients are unaffected.
    virtual void setNeedInputGrad(bool) {}
    const std::string& name() const { return m_name; }
    void setName(std::string n) { m_name = std::move(n); }

  private:
    std::string m_name;
};

using Layer = LayerT<float>;
using Param = ParamT<float>;

} // namespace dl
