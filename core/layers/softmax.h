// SPDX-License-Identifier: MIT
// Softmax over the classes of each example (each column of (K, N)) as a layer (COURSE.md §1, §5). For
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

using Softmax = SoftmaxT<float>;

} // namespace dl
