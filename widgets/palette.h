// SPDX-License-Identifier: MIT
// Colours shared by the playground views: one per class, and the diverging scale for unit outputs.
#pragma once
#include <QColor>
#include <QImage>
#include <vector>

namespace lab {

// Orange, blue, ultramarine, dark green, wine, teal (TensorFlow Playground's first two): readable for
// colour-blind eyes too (every pair ≥ ΔE 20 apart after a simulated deuteranopia; tst_palette).
QColor classColor(int k);
// Ten distinct colours for categories (classColor's six, then light green, red, grey-olive, royal blue), cycling
// after ten; also ≥ ΔE 20 apart after a simulated deuteranopia.
QColor categoryColor(int k);
// Value in [-1, 1] → orange (-1) … white (0) … blue (+1).
QRgb divergingColor(float v);
// Decision map: P(class 1) (one value per cell) or K probabilities per cell, blended with white by
// confidence.
QImage probabilityImage(const std::vector<float>& prob, int res, int classes);
// A unit's outputs (res×res), scaled by `scale` into the diverging colours.
QImage unitImage(const float* values, int res, float scale);

} // namespace lab
