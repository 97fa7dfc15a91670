// SPDX-License-Identifier: MIT
// Data transformations (course chapter 12, "data cleaning and transformation"; COURSE.md §2 normalising
// inputs): a column rescaled — min-max to [0, 1], z-score to mean 0 and standard deviation 1, log — and
// pictures whitened. Whitening (Stanford UFLDL tutorial, "Whitening"; Krizhevsky 2009, appendix): with the
// pictures as rows x (N × D), mean μ, covariance Σ = (1/N) Σᵢ (xᵢ − μ)(xᵢ − μ)ᵀ = U Λ Uᵀ,
//     PCA whitening  x_PCA = (Λ + εI)^(−1/2) Uᵀ (x − μ)      (coordinates on the principal axes, unit variance)
//     ZCA whitening  x_ZCA = U (Λ + εI)^(−1/2) Uᵀ (x − μ)    (rotated back: the whitened picture looks like one)
// Both give the identity covariance when ε = 0 (ε keeps the small eigenvalues from blowing noise up); a
// direction with no variance at all (λ + ε = 0) is left at 0. Qt-free.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace dl {

enum class ColumnTransform { MinMax, ZScore, Log };
const char* columnTransformName(ColumnTransform t); // "min-max", "z-score", "log"
std::optional<ColumnTransform> columnTransformFromName(const std::string& name);

struct TransformedColumn {
    std::vector<double> values;
    std::string note; // e.g. "log(x + 1 − min): the column has values ≤ 0" or "the column is constant: all 0"
};
// min-max: (x − min) / (max − min); z-score: (x − mean) / sd (population sd); log: ln x when every value is
// positive, else ln(x − min + 1). A constant column becomes all zeros (with a note). Empty in, empty out.
TransformedColumn transformColumn(const std::vector<double>& x, ColumnTransform t);

enum class Whitening { PCA, ZCA };

struct WhiteningResult {
    int dims = 0, count = 0;
    std::vector<double> mean;            // (D)
    std::vector<double> eigenvalues;     // (D), largest first
    std::vector<double> whitened;        // (N × D) row-major: the pictures after whitening
    std::vector<double> covarianceBefore, covarianceAfter; // (D × D) row-major
};

// x: (N × D) row-major, N ≥ 2 pictures of D ≥ 1 values; epsilon ≥ 0. ConfigError for bad sizes.
WhiteningResult whiten(const std::vector<double>& x, int count, int dims, Whitening kind, double epsilon);
std::vector<double> covariance(const std::vector<double>& x, int count, int dims); // (1/N) Σ (x − μ)(x − μ)ᵀ

// One picture's pixels, row-major, channels interleaved, values in [0, 1].
struct Picture {
    int width = 0, height = 0, channels = 1;
    std::vector<float> values;
};
Picture resizePicture(const Picture& p, int width, int height); // pixel-area mean when shrinking, bilinear when growing (OpenCV)
Picture cropPicture(const Picture& p, int width, int height);   // the centred width × height (at most the picture)
Picture downsamplePicture(const Picture& p, int factor);        // the mean of each factor × factor block (edges dropped)
Picture greyPicture(const Picture& p);                          // 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601)

} // namespace dl
