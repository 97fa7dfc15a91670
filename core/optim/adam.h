// SPDX-License-Identifier: MIT
// Adam with bias correction (COURSE.md §4; Kingma & Ba 2015, Algorithm 1).
#pragma once
#include "core/optim/optimizer.h"

namespace dl {

// t += 1 (t = 1 at the first step); v = β₁v + (1-β₁)dW; s = β₂s + (1-β₂)dW²;
// v̂ = v/(1-β₁ᵗ); ŝ = s/(1-β₂ᵗ); W -= α v̂ / (sqrt(ŝ) + ε)
// AdamW (Loshchilov & Hutter 2019, Algorithm 2 with the schedule multiplier 1): the same, and the weight decay
// decoupled from the gradient: W −= α (v̂ / (sqrt(ŝ) + ε) + λW), λ = OptimizerConfig::weightDecay.
class Adam : public Optimizer {
  public:
    Adam(const OptimizerConfig& c, const std::vector<Param*>& p, bool decoupledDecay = false)
        : Optimizer(c, p, 2), m_decoupled(decoupledDecay)
    {
    }
    OptKind kind() const override { return m_decoupled ? OptKind::AdamW : OptKind::Adam; }
    void step(const std::vector<Param*>& params, float lr) override;

  private:
    bool m_decoupled;
};

} // namespace dl
