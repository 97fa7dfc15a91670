// SPDX-License-Identifier: MIT
// Every training hyperparameter of the 2-D playground in one value type, with the course defaults,
// valid ranges and JSON form. Network shape (hidden sizes, activation, init) is in ModelSpec.
#pragma once
#include "core/optim/optimizer.h"
#include "core/optim/schedule.h"
#include "core/util/json.h"

#include <string>

namespace dl {

struct Hyperparams {
    float lr = 1.2f;      // α; the course's planar lab uses 1.2 with full-batch GD
    OptimizerConfig opt;  // kind and β, β₁, β₂, ε
    int batch = 0;        // mini-batch size; 0 = full batch
    float l2 = 0.f;       // λ
    float keepProb = 1.f; // dropout keep probability (needs dropout layers: ModelSpec::keepProb < 1)
    DecayConfig decay;
    float clipValue = 0.f; // 0 = off
    float clipNorm = 0.f;  // 0 = off

    bool operator==(const Hyperparams&) const = default;
};

// Throws ConfigError naming the first value out of range.
void validate(const Hyperparams& h);
Json toJson(const Hyperparams& h);
Hyperparams hyperFromJson(const Json& j); // missing keys keep defaults; bad values throw
// One line per field that differs ("learning rate 1.2 → 0.3"), for change markers.
std::string describeChange(const Hyperparams& before, const Hyperparams& after);

} // namespace dl
