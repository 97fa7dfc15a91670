// SPDX-License-Identifier: MIT
// The sequence models' output: a softmax per column (one step of one sequence) and its cross-entropy
// against the targets, where a target of −1 marks a position with no loss (padding, or a step a
// many-to-one network does not score). COURSE.md §5: ŷ = softmax(z) shifted by the column's maximum,
// L = −log ŷ[y], ∂L/∂z = ŷ − one-hot(y).
#pragma once
#include "core/util/error.h"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace dl {

// z (classes, columns) becomes ŷ in place; returns Σ −log ŷ[y] over the targeted columns and their count.
template <typename T>
double softmaxCrossEntropy(Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>& z, const std::vector<int>& targets,
                           int& counted, const char* who)
{
    DL_CHECK(targets.size() == static_cast<size_t>(z.cols()), std::string(who) + ": one target per column");
    double loss = 0;
    counted = 0;
    // The whole matrix in three vectorised passes (a column of 27 symbols is too short to vectorise well).
    Eigen::Array<T, 1, Eigen::Dynamic> m = z.colwise().maxCoeff(); // evaluated: z changes below
    z.array().rowwise() -= m;
    z = z.array().exp().matrix();
    m = z.colwise().sum();
    z.array().rowwise() /= m;
    for (Eigen::Index j = 0; j < z.cols(); ++j) {
        const auto c = z.col(j);
        const int y = targets[static_cast<size_t>(j)];
        if (y < 0) continue;
        DL_CHECK(y < z.rows(), std::string(who) + ": a target is outside the classes");
        loss -= std::log(std::max<double>(c(y), 1e-300));
        ++counted;
    }
    return loss;
}

// dz = scale · (ŷ − one-hot(y)) at the targeted columns, 0 elsewhere.
template <typename T>
void softmaxCrossEntropyGrad(const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>& prob,
                             const std::vector<int>& targets, T scale,
                             Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>& dz)
{
    dz = prob * scale;
    for (Eigen::Index j = 0; j < dz.cols(); ++j) {
        const int y = targets[static_cast<size_t>(j)];
        if (y < 0)
            dz.col(j).setZero();
        else
            dz(y, j) -= scale;
    }
}

} // namespace dl
