// SPDX-License-Identifier: MIT
// Per-column layers. Softmax over the classes of each example (each column of (K, N)) as a layer (COURSE.md §1, §5). For
// training, prefer the fused SoftmaxCrossEntropy loss on logits; this layer exists for models that output
// probabilities.
#pragma once
#include "core/layers/layer.h"

namespace dl {

// Numerically safe softmax of each column of z (K, N): subtract the column max before exp.
template <typename T>
void softmaxColumns(const TensorT<T>& z, TensorT<T>& p);

template <typename T>
class SoftmaxT : public LayerT<T> {
  public:
    std::string_view type() const override { return "Softmax"; }
    Shape outputShape(const Shape& in) const override;
    TensorT<T> forward(const TensorT<T>& x, Mode mode) override;
    TensorT<T> backward(const TensorT<T>& dy) override;

  private:
    TensorT<T> m_y; // (K, N) output of the last Train forward
};

// Scales each column of (D, N) to unit length: y = x / ‖x‖₂ (FaceNet, Schroff et al. 2015 §3: the embedding
// lives on the hypersphere ‖f(x)‖₂ = 1, which gives the triplet margin α a scale; COURSE.md §9). A column of
// zeros stays zero (‖x‖ is taken as sqrt(‖x‖² + 1e-12)). Per-column like softmax, hence this file.
template <typename T>
class L2NormalizeT : public LayerT<T> {
  public:
    std::string_view type() const override { return "L2Normalize"; }
    Shape outputShape(const Shape& in) const override;
    TensorT<T> forward(const TensorT<T>& x, Mode mode) override;
    // dx = (dy − y (y·dy)) / ‖x‖ per column (the derivative of x/‖x‖ with d‖x‖/dx = x/‖x‖).
    TensorT<T> backward(const TensorT<T>& dy) override;

  private:
    TensorT<T> m_y;                          // (D, N) output of the last Train forward
    Eigen::Array<T, 1, Eigen::Dynamic> m_norm; // ‖x‖ per column
};

using Softmax = SoftmaxT<float>;
using L2Normalize = L2NormalizeT<float>;

} // namespace dl
