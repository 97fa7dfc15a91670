// SPDX-License-Identifier: MIT
#include "core/detect/nms.h"

#include <algorithm>
#include <numeric>

namespace dl {

// Greedy NMS: take the best remaining box, remove every lower one that overlaps it by more than the
// threshold, repeat (COURSE.md ch. 8; darknet `do_nms_sort` compares `box_iou(a, b) > thresh`).
NmsResult nonMaxSuppression(const std::vector<Detection>& dets, const NmsOptions& opt)
{
    NmsResult r;
    for (int i = 0; i < static_cast<int>(dets.size()); ++i)
        if (dets[i].score >= opt.scoreThreshold) r.candidates.push_back(i);
    std::stable_sort(r.candidates.begin(), r.candidates.end(),
                     [&](int a, int b) { return dets[a].score > dets[b].score; });
    std::vector<char> removed(r.candidates.size(), 0);
    for (size_t i = 0; i < r.candidates.size(); ++i) {
        if (removed[i]) continue;
        const Detection& best = dets[r.candidates[i]];
        r.kept.push_back(r.candidates[i]);
        for (size_t j = i + 1; j < r.candidates.size(); ++j) {
            if (removed[j]) continue;
            const Detection& other = dets[r.candidates[j]];
            if (opt.perClass && other.cls != best.cls) continue;
            const float o = iou(best.box, other.box);
            if (o > opt.iouThreshold) {
                removed[j] = 1;
                r.steps.push_back({r.candidates[i], r.candidates[j], o});
            }
        }
    }
    return r;
}

} // namespace dl
