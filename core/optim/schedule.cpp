// SPDX-License-Identifier: MIT
#include "core/optim/schedule.h"

#include "core/util/error.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace dl {

const std::vector<Decay>& decays()
{
    static const std::vector<Decay> all{Decay::None, Decay::InverseTime, Decay::Exponential,
                                        Decay::Step, Decay::InverseSqrt, Decay::Staircase};
    return all;
}

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
    case Decay::Staircase:
        return "staircase";
    }
    return "none";
}

Decay parseDecay(const std::string& s)
{
    for (Decay d : decays())
        if (s == decayName(d)) return d;
    throw ConfigError("unknown decay \"" + s +
                      "\"; use none, inverse-time, exponential, step, inverse-sqrt or staircase");
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
    case Decay::Staircase:
        return static_cast<float>(lr0 * std::pow(static_cast<double>(d.rate), std::floor(e / std::max(1, d.interval))));
    }
    return lr0;
}

std::vector<DecayConfig> parseScheduleList(const std::string& text)
{
    std::vector<DecayConfig> out;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, ',');) {
        const size_t a = item.find_first_not_of(" \t"), b = item.find_last_not_of(" \t");
        if (a == std::string::npos) continue;
        item = item.substr(a, b - a + 1);
        std::vector<std::string> f;
        std::stringstream parts(item);
        for (std::string p; std::getline(parts, p, ':');) f.push_back(p);
        if (f.empty() || f.size() > 3) throw ConfigError("\"" + item + "\" should be KIND[:RATE[:INTERVAL]], e.g. step:1:1000");
        DecayConfig d;
        d.kind = parseDecay(f[0]);
        if (f.size() > 1) {
            char* end = nullptr;
            const double r = std::strtod(f[1].c_str(), &end);
            if (f[1].empty() || *end != '\0' || !std::isfinite(r) || r < 0 || r > 1e6)
                throw ConfigError("the rate in \"" + item + "\" must be a number from 0 to 1e6");
            d.rate = float(r);
        }
        if (f.size() > 2) {
            char* end = nullptr;
            const long n = std::strtol(f[2].c_str(), &end, 10);
            if (f[2].empty() || *end != '\0' || n < 1 || n > 100000000)
                throw ConfigError("the interval in \"" + item + "\" must be a whole number of epochs from 1 to 1e8");
            d.interval = int(n);
        }
        out.push_back(d);
    }
    if (out.empty()) throw ConfigError("name at least one schedule, e.g. none,step:1:1000");
    return out;
}

std::string scheduleListText(const std::vector<DecayConfig>& list)
{
    std::string s;
    for (const DecayConfig& d : list) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%s:%.9g:%d", decayName(d.kind), double(d.rate), d.interval);
        s += (s.empty() ? "" : ",") + std::string(buf);
    }
    return s;
}

} // namespace dl
