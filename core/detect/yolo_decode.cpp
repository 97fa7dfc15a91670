// SPDX-License-Identifier: MIT
#include "core/detect/yolo_decode.h"

#include <algorithm>
#include <cmath>

namespace dl {

static float sigmoid(float x)
{
    return 1.f / (1.f + std::exp(-x));
}

Box boxFromCenter(float cx, float cy, float w, float h, const InputMapping& m)
{
    auto clip = [](float v) {
        return std::clamp(v, 0.f, 1.f);
    };
    return {clip((cx - w / 2 - m.ox) * m.sx), clip((cy - h / 2 - m.oy) * m.sy),
            clip((cx + w / 2 - m.ox) * m.sx), clip((cy + h / 2 - m.oy) * m.sy)};
}

std::vector<Detection> decodeHead(const Tensor& out, const HeadSpec& head, int headIndex,
                                  const InputMapping& m, float floor)
{
    std::vector<Detection> dets;
    const int na = static_cast<int>(head.anchors.size() / 2), nk = head.classes;
    const int gh = out.dim(2), gw = out.dim(3), plane = gh * gw;
    const float s = head.scaleXY;
    std::vector<float> prob(static_cast<size_t>(std::max(nk, 1)));
    for (int row = 0; row < gh; ++row)
        for (int col = 0; col < gw; ++col)
            for (int a = 0; a < na; ++a) {
                const float* p = out.data() + static_cast<size_t>(a) * (5 + nk) * plane + row * gw + col;
                auto at = [&](int k) {
                    return p[static_cast<size_t>(k) * plane];
                };
                const float obj = sigmoid(at(4));
                if (obj < floor) continue; // every score is obj·p ≤ obj
                if (nk == 0) {
                    prob[0] = 1;
                } else if (head.softmax) {
                    float mx = at(5);
                    for (int k = 1; k < nk; ++k) mx = std::max(mx, at(5 + k));
                    float sum = 0;
                    for (int k = 0; k < nk; ++k) sum += prob[k] = std::exp(at(5 + k) - mx);
                    for (int k = 0; k < nk; ++k) prob[k] /= sum;
                } else {
                    for (int k = 0; k < nk; ++k) prob[k] = sigmoid(at(5 + k));
                }
                float cx, cy, w, h;
                if (head.region) {
                    cx = (col + sigmoid(at(0))) / gw;
                    cy = (row + sigmoid(at(1))) / gh;
                    w = std::exp(at(2)) * head.anchors[2 * a] / gw;
                    h = std::exp(at(3)) * head.anchors[2 * a + 1] / gh;
                } else {
                    cx = (col + sigmoid(at(0)) * s - (s - 1) / 2) / gw;
                    cy = (row + sigmoid(at(1)) * s - (s - 1) / 2) / gh;
                    w = std::exp(at(2)) * head.anchors[2 * a] / m.netW;
                    h = std::exp(at(3)) * head.anchors[2 * a + 1] / m.netH;
                }
                if (!std::isfinite(w) || !std::isfinite(h)) continue;
                const Box box = boxFromCenter(cx, cy, w, h, m);
                for (int k = 0; k < std::max(nk, 1); ++k) {
                    const float score = obj * prob[k];
                    if (score >= floor) dets.push_back({box, k, score, obj, headIndex, row, col, a});
                }
            }
    return dets;
}

std::vector<Box> anchorBoxes(const HeadSpec& head, int gh, int gw, int row, int col, const InputMapping& m)
{
    std::vector<Box> boxes;
    const float cx = (col + 0.5f) / gw, cy = (row + 0.5f) / gh;
    for (size_t a = 0; a + 1 < head.anchors.size(); a += 2) {
        const float w = head.region ? head.anchors[a] / gw : head.anchors[a] / m.netW;
        const float h = head.region ? head.anchors[a + 1] / gh : head.anchors[a + 1] / m.netH;
        boxes.push_back(boxFromCenter(cx, cy, w, h, m));
    }
    return boxes;
}

} // namespace dl
