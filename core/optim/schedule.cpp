// SPDX-License-Identifier: MIT
#include "core/optim/schedule.h"

#include "core/util/error.h"

#include <cmath>

namespace dl {

const char* decayName(Decay d)
{
    switch (d) {
    case Decay::None:
        return "none";
    case Decay::InverseTime:
        return "inverse-time";
    case Decay::Exponential:
        return "exponential";
    case Decay::Step:
        return "step";
    case Decay::InverseSqrt:
        return "inverse-sqrt";
    }
    return "none";
}

Decay parseDecay(const std::string& s)
{
    for (Decay d : {Decay::None, Decay::InverseTime, Decay::Exponential, Decay::Step, Decay::InverseSqrt})
        if (s == decayName(d)) return d;
    throw ConfigError("unknown decay \"" + s +
                      "\"; use none, inverse-time, exponential, step or inverse-sqrt");
}

float decayedLearningRate(float lr0, const DecayConfig& d, long epoch)
{
    const double e = static_cast<double>(epoch);
    switch (d.kind) {
    case Decay::None:
        return lr0;
    case Decay::InverseTime:
        return static_cast<float>(lr0 / (1.0 + d.rate * e));
    case Decay::Exponential:
        return static_cast<float>(lr0 * std::pow(static_cast<double>(d.rate), e));
    case Decay::Step:
        return static_cast<float>(lr0 / (1.0 + d.rate * std::floor(e / std::max(1, d.interval))));
    case Decay::InverseSqrt:
        return static_cast<float>(lr0 * d.rate / std::sqrt(e + 1.0));
    }
    return lr0;
}

} // namespace dl
