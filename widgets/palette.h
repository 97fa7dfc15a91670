// SPDX-License-Identifier: MIT
// Colours shared by the playground views: one per class, and the diverging scale for unit outputs.
#pragma once
#include <QColor>
#include <QImage>
#include <vector>

namespace lab {

QColor classColor(int k); // orange, blue, green, purple, red, brown (TensorFlow Playground's first two)
// Ten distinct colours for categories (classColor's six, then pink, grey, olive, cyan), cycling after ten.
QColor categoryColor(int k);
// Value in [-1, 1] → orange (-1) … white (0) … blue (+1).
QRgb divergingColor(float v);
// Decision map: P(class 1) (one value per cell) or K probabilities per cell, blended with white by
// confidence.
QImage probabilityImage(const std::vector<float>& prob, int res, int classes);
// A unit's outputs (res×res), scaled by `scale` into the diverging colours.
QImage unitImage(const float* values, int res, float scale);

} // namespace lab
