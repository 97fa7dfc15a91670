// SPDX-License-Identifier: MIT
// The course's hidden-size comparison (COURSE.md §2): one network per hidden-layer size, trained on the same
// data with the same settings. Values only; callers decide where it runs (a background task in the GUI).
#pragma once
#include "core/train/experiment.h"
#include "core/train/plane_probe.h"

#include <functional>
#include <vector>

namespace dl {

struct SweepResult {
    int units = 0;
    EpochStats eval;  // after training
    PlaneGrid grid;   // decision map over the data bounds
    bool diverged = false;
    std::string error; // set when this size could not be trained
};

// For each size: base with one hidden layer of that size, `iterations` steps, then onResult. Stops between
// (and within) trainings when `cancel` is requested.
void sweepHiddenSizes(const Experiment& base, const std::vector<int>& sizes, long iterations, int gridRes,
                      const CancelFlag* cancel, const std::function<void(const SweepResult&)>& onResult);

} // namespace dl
