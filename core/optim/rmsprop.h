// SPDX-License-Identifier: MIT
// RMSprop as the course writes it (COURSE.md §4).
#pragma once
#include "core/optim/optimizer.h"

namespace dl {

// s = β₂ s + (1-β₂) dW²;  W -= α dW / (sqrt(s) + ε)
class RmsProp : public Optimizer {
  public:
    RmsProp(const OptimizerConfig& c, const std::vector<Param*>& p) : Optimizer(c, p, 1) {}
    OptKind kind() const override { return OptKind::RMSprop; }
    void step(const std::vector<Param*>& params, float lr) override;
};

} // namespace dl
