// SPDX-License-Identifier: MIT
#include "widgets/planes_image.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

namespace lab {

static QRgb heatColor(float t) // t in [0, 1]: blue → cyan → green → yellow → red
{
    t = std::clamp(t, 0.f, 1.f);
    const float r = std::clamp(1.5f - std::abs(4.f * t - 3.f), 0.f, 1.f);
    const float g = std::clamp(1.5f - std::abs(4.f * t - 2.f), 0.f, 1.f);
    const float b = std::clamp(1.5f - std::abs(4.f * t - 1.f), 0.f, 1.f);
    return qRgb(int(255 * r), int(255 * g), int(255 * b));
}

QImage planeImage(const Planes& p, int index, PlaneScale scale)
{
    const int hw = p.h * p.w, ch = p.channels;
    const float* v = p.values.data() + size_t(index) * ch * hw;
    float lo = 0, hi = 1;
    if (scale != PlaneScale::Unit) {
        lo = *std::min_element(v, v + size_t(ch) * hw);
        hi = *std::max_element(v, v + size_t(ch) * hw);
        if (scale == PlaneScale::Symmetric) {
            hi = std::max(std::abs(lo), std::abs(hi));
            lo = -hi;
        }
    }
    const float span = hi > lo ? hi - lo : 1.f;
    auto to8 = [&](float x) {
        return int(std::clamp((x - lo) / span, 0.f, 1.f) * 255.f + 0.5f);
    };
    QImage img(p.w, p.h, QImage::Format_RGB32);
    for (int y = 0; y < p.h; ++y) {
        QRgb* row = reinterpret_cast<QRgb*>(img.scanLine(y));
        for (int x = 0; x < p.w; ++x) {
            const int i = y * p.w + x;
            if (ch == 3)
                row[x] = qRgb(to8(v[i]), to8(v[hw + i]), to8(v[2 * hw + i]));
            else {
                const int g = to8(v[i]); // more than 3 channels: the first one
                row[x] = qRgb(g, g, g);
            }
        }
    }
    return img;
}

QImage photoImage(const dl::Photo& p)
{
    return QImage(p.rgb.data(), p.width, p.height, p.width * 3, QImage::Format_RGB888).copy(); // deep copy
}

QImage mapImage(const float* v, int h, int w, bool color)
{
    const float lo = *std::min_element(v, v + size_t(h) * w), hi = *std::max_element(v, v + size_t(h) * w);
    const float span = hi > lo ? hi - lo : 1.f;
    QImage img(w, h, QImage::Format_RGB32);
    for (int y = 0; y < h; ++y) {
        QRgb* row = reinterpret_cast<QRgb*>(img.scanLine(y));
        for (int x = 0; x < w; ++x) {
            const float t = (v[y * w + x] - lo) / span;
            const int g = int(t * 255.f + 0.5f);
            row[x] = color ? heatColor(t) : qRgb(g, g, g);
        }
    }
    return img;
}

QImage overlayHeat(const QImage& base, const std::vector<float>& heat, int h, int w)
{
    QImage out = base.convertToFormat(QImage::Format_RGB32).scaled(w, h);
    for (int y = 0; y < h; ++y) {
        QRgb* row = reinterpret_cast<QRgb*>(out.scanLine(y));
        for (int x = 0; x < w; ++x) {
            const QRgb c = heatColor(heat[size_t(y) * w + x]), b = row[x];
            const float a = 0.25f + 0.5f * heat[size_t(y) * w + x];
            row[x] = qRgb(int(qRed(b) * (1 - a) + qRed(c) * a), int(qGreen(b) * (1 - a) + qGreen(c) * a),
                          int(qBlue(b) * (1 - a) + qBlue(c) * a));
        }
    }
    return out;
}

} // namespace lab
