// SPDX-License-Identifier: MIT
// A labelled 2-D point set and its train/dev split. Points are (x, y) rows; labels are 0..K-1.
// Not an image dataset (see idx.h for those).
#pragma once
#include "core/tensor/tensor.h"

#include <cstdint>
#include <vector>

namespace dl {

struct Dataset2D {
    std::vector<float> xy;  // (N, 2) row-major: x0, y0, x1, y1, ...
    std::vector<int> label; // (N) in [0, classes)
    int classes = 2;

    int size() const { return static_cast<int>(label.size()); }
    void add(float x, float y, int cls);
    void remove(int i);
    // Index of the point nearest to (x, y) within `radius`, or -1.
    int nearest(float x, float y, float radius) const;
};

struct Split {
    Dataset2D train;
    Dataset2D dev;
};

// Shuffles with a permutation from `seed` and puts round(devRatio·N) points in dev (devRatio in [0, 0.9]).
Split splitDataset(const Dataset2D& all, float devRatio, std::uint32_t seed);

// X (2, N): row 0 the x coordinates, row 1 the y coordinates (examples as columns, see tensor.h).
Tensor featureTensor(const Dataset2D& d);
// Targets for a model with `outputs` logits: (1, N) 0/1 for one output, (K, N) one-hot otherwise.
Tensor targetTensor(const Dataset2D& d, int outputs);
// Logits (outputs, N) → predicted class per example (sigmoid > 0.5 ⇔ z > 0 for one output, else argmax).
std::vector<int> predictedClasses(const Tensor& logits);
float accuracy(const Tensor& logits, const std::vector<int>& labels); // fraction in [0, 1]

} // namespace dl
