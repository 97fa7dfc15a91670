// SPDX-License-Identifier: MIT
// Weight initialisers (COURSE.md §3 "Initialization"): zeros, random x0.01, Xavier, He. Explicit Rng only.
#pragma once
#include "core/tensor/tensor.h"
#include "core/util/rng.h"

#include <string>

namespace dl {

enum class Init { Zeros, Small, Xavier, He, Large };

// Fills w (Dout, Din): Zeros; Small randn*0.01; Xavier randn*sqrt(1/Din); He randn*sqrt(2/Din);
// Large randn*10 (the course's "too large" demonstration).
template <typename T>
void initWeights(TensorT<T>& w, Init kind, int fanIn, Rng& rng)
{
    double scale = 0;
    switch (kind) {
    case Init::Zeros:
        scale = 0;
        break;
    case Init::Small:
        scale = 0.01;
        break;
    case Init::Xavier:
        scale = std::sqrt(1.0 / fanIn);
        break;
    case Init::He:
        scale = std::sqrt(2.0 / fanIn);
        break;
    case Init::Large:
        scale = 10.0;
        break;
    }
    for (size_t i = 0; i < w.size(); ++i)
        w[i] = kind == Init::Zeros ? T(0) : static_cast<T>(rng.normal() * scale);
}

const char* initName(Init i);
Init parseInit(const std::string& s); // throws ConfigError listing the valid names

} // namespace dl
