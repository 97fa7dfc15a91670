// SPDX-License-Identifier: MIT
// Images of the style lab: the content photo scaled to the chosen size (longest side, aspect kept), the
// style painting scaled to cover that size and centre-cropped (its strokes keep their shape), pixels as
// (1, 3, H, W) RGB in [0, 1] — Tiny Darknet's input (MODELS.md §3.2: RGB/255) — and back to a photo.
#pragma once
#include "core/models/photo.h"
#include "core/tensor/tensor.h"

#include <string>

namespace dl {

constexpr int kMinStyleSide = 32;   // four 2× max-pools still leave 2×2
constexpr int kMaxStyleSide = 1600; // 1600×1200: 3.3 s per iteration measured on two busy cores

struct ImageSize {
    int width = 0, height = 0;
};

// Longest side = `longest`, aspect of `content` kept. Throws ConfigError when longest is out of range.
ImageSize styleOutputSize(const Photo& content, int longest);
// cover = false: plain resize; cover = true: scale to cover w×h keeping aspect, centre crop.
Tensor photoToPixels(const Photo& photo, int w, int h, bool cover);
Photo pixelsToPhoto(const Tensor& x); // clamped to [0, 1], rounded to bytes
std::string encodePng(const Photo& photo);

} // namespace dl
