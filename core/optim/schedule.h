// SPDX-License-Identifier: MIT
// Learning-rate decay as a pure function of the epoch (COURSE.md §4 "Learning-rate decay").
#pragma once
#include <string>
#include <vector>

namespace dl {

enum class Decay { None, InverseTime, Exponential, Step, InverseSqrt, Staircase };
const std::vector<Decay>& decays(); // every kind, in the order above
const char* decayName(Decay d); // "none", "inverse-time", "exponential", "step", "inverse-sqrt", "staircase"
Decay parseDecay(const std::string& s); // throws ConfigError

struct DecayConfig {
    Decay kind = Decay::None;
    float rate = 1.f;    // inverse-time and step: decay_rate; exponential and staircase: base (0.95); inverse-sqrt: k
    int interval = 1000; // step and staircase: epochs per stair
    bool operator==(const DecayConfig&) const = default;
};

// None:        α₀
// InverseTime: α₀ / (1 + rate·epoch)
// Exponential: α₀ · rate^epoch
// Step:        α₀ / (1 + rate·floor(epoch / interval))   (the course's "fixed interval" schedule)
// InverseSqrt: α₀ · rate / sqrt(epoch + 1)
// Staircase:   α₀ · rate^floor(epoch / interval)          (the course's "discrete staircase")
float decayedLearningRate(float lr0, const DecayConfig& d, long epoch);

// "none,step:1:1000,exponential:0.999": KIND[:RATE[:INTERVAL]] per schedule, comma-separated (a missing rate
// or interval keeps the default); throws ConfigError naming the part that is wrong.
std::vector<DecayConfig> parseScheduleList(const std::string& text);
std::string scheduleListText(const std::vector<DecayConfig>& list); // parseScheduleList's inverse

} // namespace dl
