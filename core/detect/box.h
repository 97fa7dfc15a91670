// SPDX-License-Identifier: MIT
// The one box type of the detection lab: corners (x1, y1, x2, y2) in [0, 1] coordinates of the original
// image (STYLE.md "Boxes"), no `+1`. YOLO's raw (cx, cy, w, h) becomes a Box only in yolo_decode.cpp
// (boxFromCenter); pixels only in toPixels(). Not a rectangle class for drawing.
#pragma once
#include <algorithm>
#include <cmath>

namespace dl {

struct Box {
    float x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    float width() const { return x2 - x1; }
    float height() const { return y2 - y1; }
    float area() const { return std::max(0.f, x2 - x1) * std::max(0.f, y2 - y1); }
};

// Intersection over union with plain areas (darknet `box_iou`, face-api `iou`): 0 when either box is empty.
inline float iou(const Box& a, const Box& b)
{
    const float iw = std::min(a.x2, b.x2) - std::max(a.x1, b.x1);
    const float ih = std::min(a.y2, b.y2) - std::max(a.y1, b.y1);
    if (iw <= 0 || ih <= 0) return 0;
    const float inter = iw * ih;
    const float uni = a.area() + b.area() - inter;
    return uni > 0 ? inter / uni : 0;
}

// Hue in degrees of class k's boxes, the same in the CLI's PNG and in the lab: golden-angle steps, so that
// neighbouring class ids (and COCO's dog/bicycle) get clearly different hues.
inline float classHue(int cls)
{
    return std::fmod(static_cast<float>(cls) * 137.508f, 360.f);
}

// Pixel rectangle (left, top, width, height) in an image of imageW × imageH: what CLI JSON and views show.
struct PixelRect {
    float x = 0, y = 0, w = 0, h = 0;
};
inline PixelRect toPixels(const Box& b, int imageW, int imageH)
{
    return {b.x1 * imageW, b.y1 * imageH, b.width() * imageW, b.height() * imageH};
}

// One candidate: a box with one class and its score (objectness × class probability), and where in the
// network it came from (head, grid cell, anchor), so the lab can show the grid and anchors behind it.
struct Detection {
    Box box;
    int cls = 0;
    float score = 0;
    float objectness = 0;
    int head = 0, row = 0, col = 0, anchor = 0;
};

} // namespace dl
