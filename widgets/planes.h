// SPDX-License-Identifier: MIT
// Small images as planes (count × channels × h × w floats): the value type in which a worker sends images,
// filters and feature maps to a view (widgets/planes_image.h draws them). Filters keep their sign.
#pragma once
#include <QStringList>
#include <vector>

namespace lab {

struct Planes {
    int count = 0, channels = 1, h = 0, w = 0;
    std::vector<float> values;
    QStringList captions;
};

} // namespace lab

