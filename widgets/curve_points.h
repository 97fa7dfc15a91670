// SPDX-License-Identifier: MIT
// What a worker sends a learning-curve view (widgets/loss_curve_view.h): per-step costs, whole-set costs at a
// step, and markers where a setting changed. Copies only.
#pragma once
#include <QString>
#include <cmath>
#include <vector>

namespace lab {

struct CostPoint {
    long step = 0;
    float cost = 0; // mini-batch cost of that step
};

struct ChangeMarker {
    long step = 0;
    QString what; // "α 1.2 → 0.3"
};

// One append to the curve: new per-step costs, optionally the train/dev cost of the whole sets at `step`
// (NaN = not evaluated), and changes.
struct CurveUpdate {
    long step = 0;
    std::vector<CostPoint> costs;
    float trainCost = NAN, devCost = NAN;
    std::vector<ChangeMarker> markers;
};

} // namespace lab
