// SPDX-License-Identifier: MIT
#include "widgets/palette.h"

#include <algorithm>
#include <cmath>

namespace lab {

QColor classColor(int k)
{
    // Orange and blue first (TensorFlow Playground's); the other four chosen so that every pair stays at least
    // ΔE*ab 34 apart for normal vision and after a simulated deuteranopia or protanopia (Machado, Oliveira &
    // Fernandes 2009, severity 1): tests/widgets/tst_palette.cpp.
    static const QColor c[] = {QColor(245, 147, 34), QColor(8, 119, 189), QColor(0, 0, 255),
                               QColor(0, 85, 0),     QColor(136, 17, 85), QColor(0, 187, 187)};
    return c[((k % 6) + 6) % 6];
}

QColor categoryColor(int k)
{
    // ≥ ΔE*ab 27 apart from each other and the six after a simulated deuteranopia (tst_palette)
    static const QColor more[] = {QColor(85, 238, 119), QColor(204, 0, 0), QColor(136, 136, 102), QColor(34, 68, 221)};
    const int i = ((k % 10) + 10) % 10;
    return i < 6 ? classColor(i) : more[i - 6];
}

static QRgb mixWhite(const QColor& c, float t) // t = 0: white, 1: the colour
{
    t = std::clamp(t, 0.f, 1.f);
    auto ch = [t](int v) {
        return static_cast<int>(std::lround(255 + (v - 255) * t));
    };
    return qRgb(ch(c.red()), ch(c.green()), ch(c.blue()));
}

QRgb divergingColor(float v)
{
    if (!std::isfinite(v)) return qRgb(128, 128, 128);
    return v >= 0 ? mixWhite(classColor(1), v) : mixWhite(classColor(0), -v);
}

QImage probabilityImage(const std::vector<float>& prob, int res, int classes)
{
    QImage img(res, res, QImage::Format_RGB32);
    const size_t cells = static_cast<size_t>(res) * res;
    if (prob.size() < cells) {
        img.fill(Qt::white);
        return img;
    }
    const bool binary = prob.size() == cells;
    for (int i = 0; i < res; ++i) {
        QRgb* line = reinterpret_cast<QRgb*>(img.scanLine(i));
        for (int j = 0; j < res; ++j) {
            const size_t c = static_cast<size_t>(i) * res + j;
            if (binary) {
                line[j] = divergingColor(0.75f * (2.f * prob[c] - 1.f));
                continue;
            }
            float r = 0, g = 0, b = 0, best = 0;
            for (int k = 0; k < classes; ++k) {
                const float p = prob[k * cells + c];
                const QColor col = classColor(k);
                r += p * col.red();
                g += p * col.green();
                b += p * col.blue();
                best = std::max(best, p);
            }
            const float t = 0.75f * (best - 1.f / classes) / (1.f - 1.f / classes); // confidence
            line[j] = mixWhite(QColor(int(r), int(g), int(b)), t);
        }
    }
    return img;
}

QImage unitImage(const float* values, int res, float scale)
{
    QImage img(res, res, QImage::Format_RGB32);
    const float inv = scale > 0 ? 1.f / scale : 0.f;
    for (int i = 0; i < res; ++i) {
        QRgb* line = reinterpret_cast<QRgb*>(img.scanLine(i));
        for (int j = 0; j < res; ++j)
            line[j] = divergingColor(values[static_cast<size_t>(i) * res + j] * inv);
    }
    return img;
}

} // namespace lab
