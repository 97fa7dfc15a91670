// SPDX-License-Identifier: MIT
// The one source of randomness: a seeded std::mt19937 whose whole state can be saved and restored.
// Distributions are built per call so the engine state alone determines every future draw.
#pragma once
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace dl {

class Rng {
  public:
    explicit Rng(std::uint32_t seed = 1) : m_engine(seed) {}
    float uniform() { return std::uniform_real_distribution<float>(0.f, 1.f)(m_engine); }
    float uniform(float lo, float hi) { return std::uniform_real_distribution<float>(lo, hi)(m_engine); }
    float normal(float mean = 0.f, float stddev = 1.f)
    {
        return std::normal_distribution<float>(mean, stddev)(m_engine);
    }
    int uniformInt(int lo, int hi)
    {
        return std::uniform_int_distribution<int>(lo, hi)(m_engine);
    } // [lo, hi]
    std::uint32_t next() { return m_engine(); }
    std::vector<int> permutation(int n); // Fisher-Yates over 0..n-1
    std::string state() const;           // textual engine state (std::mt19937 operator<<)
    void setState(const std::string& s); // throws FormatError when s is not a valid state
    std::mt19937& engine() { return m_engine; }

  private:
    std::mt19937 m_engine;
};

} // namespace dl
