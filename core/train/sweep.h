// SPDX-License-Identifier: MIT
// Side-by-side comparisons the course asks for: the same data and settings trained once per value of one
// setting (COURSE.md §1 learning rates, §2 hidden sizes, §3 initialisation and regularisation, §4
// optimisers). Values only; callers decide where it runs (a background task in the GUI, dlcli compare).
#pragma once
#include "core/train/experiment.h"
#include "core/train/plane_probe.h"

#include <functional>
#include <string>
#include <vector>

namespace dl {

enum class SweepParam { HiddenUnits, LearningRate, Optimizer, Init, L2, KeepProb, BatchSize };
const std::vector<SweepParam>& sweepParams();
const char* sweepParamName(SweepParam p);  // "hidden", "lr", "optimizer", "init", "l2", "keep-prob", "batch"
const char* sweepParamTitle(SweepParam p); // "hidden units", "learning rate α", ...
SweepParam parseSweepParam(const std::string& s); // throws ConfigError listing the names
std::string defaultSweepValues(SweepParam p);     // the course's values, e.g. "1,2,3,4,5,20,50"

struct SweepRun {
    std::string label;     // "α = 0.01", "20 units", "adam"
    Experiment experiment; // base with the one setting changed
    long iterations = 0;   // steps to train; 0: the sweep's count (runSweep)
};
// One run per comma-separated value; throws ConfigError naming a bad value.
std::vector<SweepRun> sweepRuns(const Experiment& base, SweepParam p, const std::string& values);

struct SweepResult {
    std::string label;
    EpochStats eval;                           // after training
    PlaneGrid grid;                            // decision map over the data bounds
    std::vector<std::pair<long, float>> curve; // (step, mean mini-batch cost over the window ending there)
    bool diverged = false;
    std::string error; // set when this run could not be trained
};

// Trains each run for its `iterations` (or the sweep's `iterations`) steps, the runs spread across the cores
// (core/util/run_pool.h: one run per core, each single-threaded), and calls onResult for each in the runs'
// order as soon as it and all before it are done (on a pool thread, one call at a time). The curve keeps
// about `curvePoints` points. Stops between and within runs when `cancel` is requested.
void runSweep(const std::vector<SweepRun>& runs, long iterations, int gridRes, int curvePoints,
              const CancelFlag* cancel, const std::function<void(const SweepResult&)>& onResult);

} // namespace dl
