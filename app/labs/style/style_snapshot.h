// SPDX-License-Identifier: MIT
// Values the style worker and the GUI exchange (copies only): what to run, the prepared images, and
// progress snapshots with the generated image and the new cost points.
#pragma once
#include "core/style/style_transfer.h"
#include "widgets/planes.h"

#include <QImage>
#include <QString>
#include <QStringList>
#include <vector>

namespace lab {

struct StyleRunConfig {
    QString content, style; // image files
    int size = 320;         // longest side of the generated image
    int iterations = 200;   // stop after this many (each = one forward + backward)
    dl::StyleSettings settings;
    QString modelsDir;
};

struct StyleCostPoint {
    int iteration = 0;
    double content = 0, style = 0, total = 0;
};

struct StyleSnapshot {
    long runId = 0;
    int iteration = 0, iterations = 0;  // done, planned
    dl::StyleCosts costs;               // of the current image
    std::vector<StyleCostPoint> points; // new since the last snapshot
    QImage image;                       // the generated image (RGB888), when it changed
    bool running = false, finished = false;
    double secondsPerIteration = 0; // mean over this run's iterations so far
};

// Once per run: the inputs as the extractor sees them, and the extractor's layers for the pickers.
struct StylePrepared {
    long runId = 0;
    QImage content, style; // scaled to the run's size (style: cover + centre crop)
    int width = 0, height = 0;
    QStringList layers;        // "0: Conv2d 3→16 3×3 pad 1 leaky — 16×240×320"
    std::vector<int> channels; // per extractor layer, for the Gram view's title
};

// The Gram matrices of one style layer for S and for the current G (COURSE.md §10), row-major C×C.
struct GramPair {
    int layer = 0, channels = 0, iteration = 0;
    std::vector<float> style, generated;
};

} // namespace lab
