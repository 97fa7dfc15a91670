// SPDX-License-Identifier: MIT
// Plain gradient descent and momentum, as the course writes them (COURSE.md §1, §4).
#pragma once
#include "core/optim/optimizer.h"

namespace dl {

// W -= α dW
class GradientDescent : public Optimizer {
  public:
    GradientDescent(const OptimizerConfig& c, const std::vector<Param*>& p) : Optimizer(c, p, 0) {}
    OptKind kind() const override { return OptKind::GD; }
    void step(const std::vector<Param*>& params, float lr) override;
    void stepAndClear(const std::vector<Param*>& params, float lr, float clipValue) override;
};

// v = β v + (1-β) dW;  W -= α v   (the course's form, not PyTorch's v = βv + dW)
class Momentum : public Optimizer {
  public:
    Momentum(const OptimizerConfig& c, const std::vector<Param*>& p) : Optimizer(c, p, 1) {}
    OptKind kind() const override { return OptKind::Momentum; }
    void step(const std::vector<Param*>& params, float lr) override;
};

// Nesterov's accelerated gradient (Nesterov 1983; Sutskever et al. 2013) in the course's averaged form:
// v = β v + (1-β) dW;  W -= α (β v + (1-β) dW) — the step momentum would take next, taken now (the form
// Dozat 2016 derives NAdam from; with β = 0 it is plain GD).
class Nesterov : public Optimizer {
  public:
    Nesterov(const OptimizerConfig& c, const std::vector<Param*>& p) : Optimizer(c, p, 1) {}
    OptKind kind() const override { return OptKind::Nesterov; }
    void step(const std::vector<Param*>& params, float lr) override;
};

} // namespace dl
