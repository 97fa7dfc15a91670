// SPDX-License-Identifier: MIT
// Learning-rate decay as a pure function of the epoch (COURSE.md §4 "Learning-rate decay").
#pragma once
#include <string>

namespace dl {

enum class Decay { None, InverseTime, Exponential, Step, InverseSqrt };
const char* decayName(Decay d);         // "none", "inverse-time", "exponential", "step", "inverse-sqrt"
Decay parseDecay(const std::string& s); // throws ConfigError

struct DecayConfig {
    Decay kind = Decay::None;
    float rate = 1.f;    // inverse-time and step: decay_rate; exponential: base (0.95); inverse-sqrt: k
    int interval = 1000; // step: epochs per stair
    bool operator==(const DecayConfig&) const = default;
};

// None:        α₀
// InverseTime: α₀ / (1 + rate·epoch)
// Exponential: α₀ · rate^epoch
// Step:        α₀ / (1 + rate·floor(epoch / interval))   (the course's "fixed interval" schedule)
// InverseSqrt: α₀ · rate / sqrt(epoch + 1)
float decayedLearningRate(float lr0, const DecayConfig& d, long epoch);

} // namespace dl
