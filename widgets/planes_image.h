// SPDX-License-Identifier: MIT
// Planes (value snapshots of images, filters, feature maps) to QImage: grey or RGB, scaled to [lo, hi];
// signed data (filters) symmetric around 0 so grey 128 is zero.
#pragma once
#include "core/models/photo.h"
#include "widgets/planes.h"

#include <QImage>

namespace lab {

enum class PlaneScale { Unit, PerPlane, Symmetric }; // [0,1] as is; min..max of each plane; ±max|v|
QImage planeImage(const Planes& p, int index, PlaneScale scale);
// One (h, w) float plane, min..max scaled, with a colour map (viridis-like) when `color`.
QImage mapImage(const float* v, int h, int w, bool color);
// A decoded photo (RGB bytes) as a QImage that owns its pixels (safe to send across threads).
QImage photoImage(const dl::Photo& p);
// Grad-CAM heat (in [0, 1]) over a grey/RGB image: jet-like colours, alpha 0.5.
QImage overlayHeat(const QImage& base, const std::vector<float>& heat, int h, int w);

} // namespace lab
