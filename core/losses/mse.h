// SPDX-License-Identifier: MIT
// Mean squared error over all elements.
#pragma once
#include "core/losses/loss.h"

namespace dl {

// J = 1/(m·K) Σ (p - y)²; dJ/dp = 2 (p - y)/(m·K).
template <typename T>
class MeanSquaredErrorT : public LossT<T> {
  public:
    LossResultT<T> compute(const TensorT<T>& p, const TensorT<T>& y) const override;
    LossKind kind() const override { return LossKind::MeanSquaredError; }
};

} // namespace dl
