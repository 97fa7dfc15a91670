// SPDX-License-Identifier: MIT
// Evaluates a trained 2-D model over a regular grid of the plane: class probabilities for the decision
// map and every hidden unit's output for the network view. Values only; no drawing.
#pragma once
#include "core/train/trainer.h"

#include <string>
#include <vector>

namespace dl {

struct Bounds {
    float xmin = -1, xmax = 1, ymin = -1, ymax = 1;
};
// Bounding box of all points, squared up and widened by `margin` (fraction of the larger side).
Bounds dataBounds(const Split& s, float margin = 0.1f);

// Cell (i, j) of a res×res grid is row i (y from ymax at i = 0 down to ymin), column j (x from xmin).
struct PlaneGrid {
    Bounds bounds;
    int res = 0;
    int classes = 2;
    std::vector<float> prob; // (K', res, res): K' = 1 (P(class 1)) for two classes, else K probabilities
};

struct UnitGrid {
    std::string layer; // "act1"
    int units = 0;
    int res = 0;
    std::vector<float> values; // (units, res, res)
    std::vector<float> scale;  // (units) max |value| of each unit over the grid (for colour scaling)
};

Tensor gridPoints(const Bounds& b, int res); // (2, res·res) cell centres in the order above
PlaneGrid decisionGrid(Trainer& t, const Bounds& b, int res);
// One entry per hidden layer: the activation output of each unit.
std::vector<UnitGrid> hiddenUnitGrids(Trainer& t, const Bounds& b, int res);

} // namespace dl
