// SPDX-License-Identifier: MIT
// Principal component analysis down to two coordinates, for drawing high-dimensional encodings on a plane
// (the Faces lab's 128-D face encodings and its triplet embeddings). Pearson 1901 / the course's PCA note
// (COURSE.md §9 "a 2-D projection"): centre the points, take the two eigenvectors of their covariance with
// the largest eigenvalues, and project. Signs are fixed (each axis's largest-magnitude coordinate of the
// eigenvector is positive) so the picture does not flip between calls on similar data. No Qt.
#pragma once
#include "core/tensor/tensor.h"

#include <vector>

namespace dl {

struct Projection2 {
    std::vector<float> x, y; // (N) coordinates of the points on the first and second component
    double explained[2] = {0, 0}; // share of the total variance on each (0 when the points coincide)
};

// X: (D, N), one point per column, D ≥ 1 (D = 1: y is zero). N = 0 gives empty coordinates.
Projection2 pca2(const Tensor& X);

} // namespace dl
