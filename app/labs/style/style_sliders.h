// SPDX-License-Identifier: MIT
// The Style page's slider scales (shared by style_page.cpp and style_page_build.cpp).
#pragma once
#include "core/style/style_transfer.h"

#include <algorithm>
#include <cmath>

namespace lab::style_sliders {
inline const char* kDarknetPhotos = "/usr/share/darknet/data";
// Sliders are logarithmic: α in 10^[−2, 2], β in 10^[0, 6], 100 steps per decade.
inline double alphaOf(int v)
{
    return std::pow(10.0, -2 + v / 100.0);
}
inline double betaOf(int v)
{
    return std::pow(10.0, v / 100.0);
}
inline int alphaPos(double a)
{
    return static_cast<int>(std::lround((std::log10(std::max(a, 1e-2)) + 2) * 100));
}
inline int betaPos(double b)
{
    return static_cast<int>(std::lround(std::log10(std::max(b, 1.0)) * 100));
}
inline const dl::StyleWeights kDefaults;
} // namespace lab::style_sliders
