// SPDX-License-Identifier: MIT
// Values the training worker sends to the GUI: copies only, never pointers into the model.
#pragma once
#include "core/data/synthetic.h"
#include "core/layers/registry.h"
#include "core/train/gradcheck.h"
#include "core/train/hyper.h"
#include "core/train/plane_probe.h"
#include "core/train/stats.h"

#include "widgets/curve_points.h"

#include <QString>
#include <vector>

namespace lab {

struct DenseWeights {
    int din = 0, dout = 0;
    std::vector<float> w; // (Dout, Din)
};

// Everything a run starts from. The worker builds a fresh trainer from it (Reset).
struct RunConfig {
    dl::DatasetSpec dataset;
    QString source = "synthetic"; // or the CSV file name
    bool edited = false;
    dl::Split data;
    dl::ModelSpec network;
    dl::Hyperparams hyper;
    std::uint32_t seed = 1;
    long maxSteps = 0; // 0 = until paused
};

struct Snapshot {
    long runId = 0; // increments at every reset: views clear their history
    bool running = false;
    dl::StepStats last;                // the latest step (step 0 before training)
    dl::EpochStats eval;               // whole train and dev sets, Eval mode, at snapshot time
    std::vector<CostPoint> costs;      // per-step costs since the previous snapshot
    std::vector<ChangeMarker> markers; // hyperparameter changes since the previous snapshot
    dl::PlaneGrid grid;                // class probabilities over the plane
    std::vector<dl::UnitGrid> units;   // hidden-unit outputs over the plane (same bounds, lower res)
    std::vector<DenseWeights> weights; // for the network view's connections
    dl::Split data;                    // the points being trained on
    dl::ModelSpec network;
    dl::Hyperparams hyper;
};

// What the learning-curve view takes from a snapshot: its step costs, the whole-set costs and the changes.
inline CurveUpdate curveUpdate(const Snapshot& s)
{
    return {s.last.step, s.costs, s.eval.train.cost, s.eval.dev.count ? s.eval.dev.cost : NAN, s.markers};
}

} // namespace lab
