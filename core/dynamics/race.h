// SPDX-License-Identifier: MIT
// The optimiser race (issue 15; COURSE.md §4): several optimisers step side by side on one 2-D surface
// (surface.h) from one start. Each racer is the core's own optimiser (core/optim: the same update code that
// trains every network in the app) on a two-number parameter, so a path is exactly what GD, Momentum
// (v = βv + (1 − β)dW), RMSprop or Adam do; its state — the velocity v and the per-axis s — is readable for
// drawing. Nesterov and AdamW race too (core/optim's extras beyond the course). Optional gradient noise N(0, σ²) per coordinate (a mini-batch's noise), from a seeded generator: the
// same race twice is the same race. Qt-free.
#pragma once
#include "core/dynamics/surface.h"
#include "core/layers/layer.h"
#include "core/optim/optimizer.h"
#include "core/util/cancel.h"
#include "core/util/json.h"
#include "core/util/rng.h"

#include <memory>
#include <string>
#include <vector>

namespace dl {

struct RacerSpec {
    OptimizerConfig opt; // kind, β, β₁, β₂, ε
    float lr = 0.01f;
};

struct RacerState {
    double x = 0, y = 0, loss = 0;
    bool diverged = false;           // left the plane (|x| or |y| > 1e6, or not finite): it stops there
    double first[2] = {0, 0};        // Momentum's, Nesterov's and Adam's v (0 for GD and RMSprop)
    double second[2] = {0, 0};       // RMSprop's and Adam's s (0 for GD, Momentum and Nesterov)
    std::vector<double> pathX, pathY; // every position, the start first
    std::vector<double> losses;       // f at every position
};

class Race {
  public:
    // ConfigError for no racers, a learning rate ≤ 0 or not finite, a noise σ < 0 or a start not finite.
    Race(const Surface& surface, double startX, double startY, std::vector<RacerSpec> racers, double noise = 0,
         std::uint32_t seed = 1);
    Race(const Race&) = delete;
    Race& operator=(const Race&) = delete;

    void step(); // one iteration of every racer still on the plane
    long steps() const { return m_steps; }
    int size() const { return static_cast<int>(m_racers.size()); }
    const RacerState& state(int i) const { return m_racers[static_cast<size_t>(i)].state; }
    const RacerSpec& spec(int i) const { return m_racers[static_cast<size_t>(i)].spec; }
    // Live changes (the lab's sliders), kept from the next step on; the optimisers' state stays.
    void setSpec(int i, const RacerSpec& s);
    void setNoise(double sigma);
    const Surface& surface() const { return m_surface; }

  private:
    struct Racer {
        RacerSpec spec;
        Param param; // (1, 2): x, y
        std::unique_ptr<Optimizer> opt;
        RacerState state;
    };
    void record(Racer& r);
    Surface m_surface;
    std::vector<Racer> m_racers;
    double m_noise;
    Rng m_rng;
    long m_steps = 0;
};

// A learning rate that makes a watchable race of `k` on `surface` from its own start (the lab's and dlcli
// race's default): small enough that GD stays on the plane where it can, large enough to move.
float suggestedLearningRate(SurfaceKind surface, OptKind k);

// "gd,momentum,adam" → the kinds; ConfigError for an unknown or repeated name.
std::vector<OptKind> parseOptList(const std::string& list);

// A race run headless to the end (dlcli race; the lab's saved comparison): `iterations` steps from (x, y),
// noting the step each racer first came within 1e-3 of the minimum's loss (−1: never).
struct RaceRun {
    SurfaceKind surface;
    double kappa = 10, startX = 0, startY = 0, noise = 0, minimumLoss = 0;
    long steps = 0;
    std::vector<RacerSpec> specs;
    std::vector<RacerState> states;
    std::vector<long> reached;
};
RaceRun runRace(const Surface& surface, double x, double y, const std::vector<RacerSpec>& specs, double noise,
                std::uint32_t seed, long iterations, const CancelFlag* cancel = nullptr);
Json toJson(const RaceRun& run); // what dlcli race --json prints

} // namespace dl
