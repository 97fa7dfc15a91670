// SPDX-License-Identifier: MIT
// Draws detections on a photo and writes it as PNG (dlcli detect --annotate). The GUI paints its own view.
#pragma once
#include "core/detect/box.h"
#include "core/models/photo.h"

#include <string>
#include <vector>

namespace dl {

struct Label {
    Box box;
    int cls = 0;
    std::string text; // "dog 0.96"
};

// PNG bytes of `photo` with a coloured rectangle and caption per label (colour by class).
std::string annotatePng(const Photo& photo, const std::vector<Label>& labels);

} // namespace dl
