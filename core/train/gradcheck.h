// SPDX-License-Identifier: MIT
// Whole-model gradient check in double precision (COURSE.md §3 "Gradient checking"): two-sided differences
// against backprop, reported per layer. Dropout is off (keep_prob = 1) as the course requires.
#pragma once
#include "core/layers/registry.h"
#include "core/losses/loss.h"

#include <functional>
#include <string>
#include <vector>

namespace dl {

// The one numeric gradient of the project (COURSE.md §3 "Gradient checking"): two-sided differences
// approx_i = (J(v + ε e_i) − J(v − ε e_i)) / 2ε for every entry of `values`, which `cost` reads (each entry
// is restored after). Used by the whole-model check below, the layer and cell tests
// (tests/core/layer_check.h) and the style cost's test.
inline TensorD numericGradient(TensorD& values, const std::function<double()>& cost, double eps = 1e-6)
{
    TensorD approx(values.shape());
    for (size_t i = 0; i < values.size(); ++i) {
        const double keep = values[i];
        values[i] = keep + eps;
        const double plus = cost();
        values[i] = keep - eps;
        const double minus = cost();
        values[i] = keep;
        approx[i] = (plus - minus) / (2 * eps);
    }
    return approx;
}

struct GradCheckLayer {
    std::string layer;     // "dense1"
    std::string what;      // "Dense 2→4"
    size_t count = 0;      // parameters compared
    double difference = 0; // ||grad - approx|| / (||grad|| + ||approx||)
};

struct GradCheckReport {
    std::vector<GradCheckLayer> layers;
    double overall = 0; // the same formula over all parameters flattened
    double worst = 0;   // max over layers
    bool passed(double tol = 1e-7) const { return worst < tol; }
};

// Copies the float model's values into a double model built from `spec` and checks
// J(θ) = loss(model(x), y) + λ/(2m)Σ||W||² with approx_i = (J(θ+ε e_i) - J(θ-ε e_i)) / 2ε.
// Default ε = 1e-6, not the course's 1e-7: in double the central difference's truncation error is O(ε²)
// and its rounding error O(u·J/ε); 1e-7 sits near the rounding floor (a correct batch-norm layer scored
// 1.9e-7 there and 1.2e-8 at 1e-6). Pass 1e-7 to reproduce the course exactly.
// Batch norm runs in Train mode (batch statistics), so J is deterministic.
GradCheckReport gradientCheck(const ModelSpec& spec, Sequential& model, const Tensor& x, const Tensor& y,
                              LossKind loss, float l2, double eps = 1e-6);

// The same check for any double model (used by per-layer tests).
GradCheckReport gradientCheck(SequentialT<double>& model, const TensorD& x, const TensorD& y, LossKind loss,
                              double l2, double eps = 1e-6);

} // namespace dl
