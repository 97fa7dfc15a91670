// SPDX-License-Identifier: MIT
// YOLO head decoding (COURSE.md ch. 8 "YOLO algorithm"; darknet yolo_layer.c / region_layer.c; MODELS.md
// §1.3, §2.3): raw head tensor → scored candidate boxes in original-image coordinates. How the network input
// was made from the photo (stretch, letterbox, pad-to-square) is an InputMapping; boxFromCenter() is the
// only place a raw (cx, cy, w, h) becomes a Box.
#pragma once
#include "core/detect/box.h"
#include "core/models/input_mapping.h"
#include "core/models/darknet_net.h"
#include "core/tensor/tensor.h"

#include <vector>

namespace dl {

// Raw centre/size in the network-input frame ([0,1] of netW/netH) → Box in the original image, clipped.
Box boxFromCenter(float cx, float cy, float w, float h, const InputMapping& m);

// Decodes one head: `out` (1, A·(5+K), gh, gw), channel a·(5+K)+k with k = tx, ty, tw, th, to, class logits.
// [yolo]:   bx = (col + σ(tx)·s − (s−1)/2)/gw, bw = e^tw·anchor_w/netW          (s = scale_x_y)
// [region]: bx = (col + σ(tx))/gw,             bw = e^tw·anchor_w/gw (anchors in cells)
// score = σ(to)·p(class), p = σ(logit) for [yolo], softmax for [region] softmax=1, 1 without classes.
// Emits one Detection per (cell, anchor, class) with score ≥ floor, in (row, col, anchor, class) order.
std::vector<Detection> decodeHead(const Tensor& out, const HeadSpec& head, int headIndex,
                                  const InputMapping& m, float floor);

// The anchor boxes of cell (row, col) of a head whose grid is gh × gw, centred on the cell (for the view).
std::vector<Box> anchorBoxes(const HeadSpec& head, int gh, int gw, int row, int col, const InputMapping& m);

} // namespace dl
