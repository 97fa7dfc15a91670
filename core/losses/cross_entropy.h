// SPDX-License-Identifier: MIT
// Softmax cross-entropy on logits, softmax fused (COURSE.md §5 "Softmax regression").
#pragma once
#include "core/losses/loss.h"

namespace dl {

// J = -1/m Σ_i Σ_k y_ik log ŷ_ik with ŷ = softmax(z) (column max subtracted); dJ/dz = (ŷ - y)/m.
template <typename T>
class SoftmaxCrossEntropyT : public LossT<T> {
  public:
    LossResultT<T> compute(const TensorT<T>& z, const TensorT<T>& y) const override;
    LossKind kind() const override { return LossKind::SoftmaxCrossEntropy; }
};

} // namespace dl
