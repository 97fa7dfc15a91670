// SPDX-License-Identifier: MIT
// Seeded 2-D toy datasets: the course's planar "flower", moons, circles, spiral, XOR, Gaussian blobs.
#pragma once
#include "core/data/dataset.h"

#include <string>
#include <vector>

namespace dl {

struct DatasetSpec {
    std::string kind = "flower"; // one of syntheticKinds()
    int count = 0;               // points in all; 0: the kind's default (flower 400, others 300)
    float noise = -1.f;          // < 0: the kind's default
    int classes = 2;             // spiral and blobs only (2..6)
    std::uint32_t seed = 1;
    float devRatio = 0.2f; // share of points held out as dev set
};

const std::vector<std::string>& syntheticKinds();
float defaultNoise(const std::string& kind);
int defaultCount(const std::string& kind);
// Throws ConfigError for an unknown kind or out-of-range count, noise or classes.
Dataset2D makeSynthetic(const DatasetSpec& spec);

} // namespace dl
