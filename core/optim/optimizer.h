// SPDX-License-Identifier: MIT
// Optimizer interface: built for one model's params(), state kept in vectors parallel to it (never keyed by
// address). step() applies one update from the accumulated grads; zeroing them is the caller's job.
#pragma once
#include "core/layers/layer.h"

#include <memory>
#include <string>
#include <vector>

namespace dl {

enum class OptKind { GD, Momentum, RMSprop, Adam, Nesterov, AdamW };
const char* optName(OptKind k);         // "gd", "momentum", "rmsprop", "adam", "nesterov", "adamw"
OptKind parseOpt(const std::string& s); // throws ConfigError

struct OptimizerConfig {
    OptKind kind = OptKind::GD;
    float beta = 0.9f;    // momentum β (Momentum)
    float beta1 = 0.9f;   // Adam β₁
    float beta2 = 0.999f; // Adam β₂, RMSprop β₂
    float eps = 1e-8f;    // Adam/RMSprop ε
    float weightDecay = 0.01f; // AdamW's decoupled λ (Loshchilov & Hutter 2019: W −= αλW beside Adam's step)
    bool operator==(const OptimizerConfig&) const = default;
};

class Optimizer {
  public:
    virtual ~Optimizer() = default;
    virtual OptKind kind() const = 0;
    virtual void step(const std::vector<Param*>& params, float lr) = 0;
    // One training step's tail: clip every grad entry to ±clipValue (if > 0), step(), zero the grads.
    // Gradient descent does the three in one pass (a char-RNN step is small enough for passes to count).
    virtual void stepAndClear(const std::vector<Param*>& params, float lr, float clipValue);
    // Hyperparameters can change between steps; state (v, s, t) is kept.
    void setConfig(const OptimizerConfig& c) { m_cfg = c; }
    const OptimizerConfig& config() const { return m_cfg; }
    // State for checkpoints: moment tensors (parallel to params, possibly several per param) and t.
    std::vector<Tensor>& moments() { return m_slots; }
    long steps() const { return m_t; }
    void setSteps(long t) { m_t = t; }

  protected:
    Optimizer(const OptimizerConfig& c, const std::vector<Param*>& params, int slotsPerParam);
    OptimizerConfig m_cfg;
    std::vector<Tensor> m_slots; // slotsPerParam × params.size(), zero-initialised, same shapes as params
    long m_t = 0;                // update steps taken; Adam's t counts from 1 at the first step
};

std::unique_ptr<Optimizer> makeOptimizer(const OptimizerConfig& c, const std::vector<Param*>& params);

// Gradient clipping, applied to the grads before step(). By value: g = clamp(g, -c, c) (COURSE.md §11).
void clipByValue(const std::vector<Param*>& params, float c);
// By global norm: if ||g||₂ over all params > c, scale every grad by c/||g|| (Pascanu et al. 2013).
// Returns the norm before clipping.
float clipByNorm(const std::vector<Param*>& params, float c);
float gradientNorm(const std::vector<Param*>& params); // ||g||₂ over all params

} // namespace dl
