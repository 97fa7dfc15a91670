// SPDX-License-Identifier: MIT
// One row of a layer table (name, description, output shape, parameters, trained or frozen): the value a
// worker sends for a model's layers.
#pragma once
#include <QString>

namespace lab {

struct LayerRow {
    QString name, describe, shape; // "conv1", "Conv2d 1→6 5×5 pad 2", "6×28×28"
    long params = 0;
    bool frozen = false;
};

} // namespace lab
