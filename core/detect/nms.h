// SPDX-License-Identifier: MIT
// Greedy non-maximum suppression (COURSE.md chapter 8, "Non-max suppression"), per class as darknet's
// `do_nms_sort` or across classes, with every suppression recorded so the lab can replay it step by step.
#pragma once
#include "core/detect/box.h"

#include <vector>

namespace dl {

struct NmsOptions {
    float scoreThreshold = 0.25f; // candidates with score < this are dropped before NMS
    float iouThreshold = 0.45f;   // a candidate is suppressed if IoU > this with a kept one of its class
    bool perClass = true;         // false: any class suppresses any class (class-agnostic)
};

// One suppression: `suppressed` was removed because IoU(kept, suppressed) = iou > threshold.
struct NmsStep {
    int kept = -1, suppressed = -1;
    float iou = 0;
};

struct NmsResult {
    std::vector<int> candidates; // indices into the input with score ≥ threshold, by descending score
    std::vector<int> kept;       // survivors, by descending score
    std::vector<NmsStep> steps;  // in the order greedy NMS removed them
};

// Order: descending score; equal scores keep input order (lower index first), so results are stable.
// Indices refer to `dets`. Empty input gives an empty result.
NmsResult nonMaxSuppression(const std::vector<Detection>& dets, const NmsOptions& opt);

} // namespace dl
