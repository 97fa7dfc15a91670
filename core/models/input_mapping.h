// SPDX-License-Identifier: MIT
// How a network input was made from a photo (stretch, letterbox, pad-to-square: core/models/photo.h), so
// that positions in the input can be mapped back to the photo (core/detect/yolo_decode.h).
#pragma once

namespace dl {

// Network-input frame [0,1] → original-image frame [0,1]: x_img = (x_net − ox)·sx, y_img = (y_net − oy)·sy.
struct InputMapping {
    int imageW = 1, imageH = 1; // original photo, pixels
    int netW = 1, netH = 1;     // network input, pixels
    float sx = 1, sy = 1, ox = 0, oy = 0;
};

} // namespace dl
