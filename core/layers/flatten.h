// SPDX-License-Identifier: MIT
// Where images become features: Flatten turns an NCHW batch into a feature batch (C·H·W, N), one column per
// image (tensor.h), and GlobalAvgPool averages each channel into (C, N). No parameters.
#pragma once
#include "core/layers/layer.h"

namespace dl {

template <typename T>
class FlattenT : public LayerT<T> {
  public:
    std::string_view type() const override { return "Flatten"; }
    Shape outputShape(const Shape& in) const override; // (N, C, H, W) → (C·H·W, N)
    TensorT<T> forward(const TensorT<T>& x, Mode mode) override;
    TensorT<T> backward(const TensorT<T>& dy) override;

  private:
    Shape m_inShape;
};

template <typename T>
class GlobalAvgPoolT : public LayerT<T> {
  public:
    std::string_view type() const override { return "GlobalAvgPool"; }
    Shape outputShape(const Shape& in) const override; // (N, C, H, W) → (C, N)
    TensorT<T> forward(const TensorT<T>& x, Mode mode) override;
    TensorT<T> backward(const TensorT<T>& dy) override; // spreads each mean over its H·W pixels

  private:
    Shape m_inShape;
};

using Flatten = FlattenT<float>;
using GlobalAvgPool = GlobalAvgPoolT<float>;

} // namespace dl
