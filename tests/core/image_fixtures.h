// SPDX-License-Identifier: MIT
// Test images: a two-class synthetic set (vertical vs horizontal bars) that small models learn in a second.
#pragma once
#include "core/data/image_set.h"
#include "core/util/rng.h"

namespace dltest {
// Class 0: a vertical bar, class 1: a horizontal bar, at random positions, plus noise.
inline dl::ImageSet bars(int n, int size, std::uint32_t seed)
{
    dl::Rng rng(seed);
    dl::ImageSet s;
    s.classes = 2;
    s.classNames = {"vertical", "horizontal"};
    s.images = dl::Tensor({n, 1, size, size});
    for (int i = 0; i < n; ++i) {
        const int cls = i % 2, at = rng.uniformInt(1, size - 2);
        float* img = s.images.data() + static_cast<size_t>(i) * size * size;
        for (int p = 0; p < size * size; ++p) img[p] = 0.1f * rng.uniform();
        for (int k = 0; k < size; ++k) img[cls == 0 ? k * size + at : at * size + k] = 1.f;
        s.labels.push_back(cls);
    }
    return s;
}
} // namespace dltest
