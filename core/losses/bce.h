// SPDX-License-Identifier: MIT
// Binary cross-entropy on logits with the sigmoid fused (COURSE.md §1).
#pragma once
#include "core/losses/loss.h"

namespace dl {

// J = -1/m Σ [y log a + (1-y) log(1-a)], a = σ(z), computed stably as
// 1/m Σ [max(z,0) - z·y + log(1 + e^-|z|)]; dJ/dz = (a - y)/m  (the course's dZ = A - Y).
template <typename T>
class BinaryCrossEntropyT : public LossT<T> {
  public:
    LossResultT<T> compute(const TensorT<T>& z, const TensorT<T>& y) const override;
    LossKind kind() const override { return LossKind::BinaryCrossEntropy; }
};

} // namespace dl
