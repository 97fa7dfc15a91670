// SPDX-License-Identifier: MIT
#include "core/tensor/pca.h"

#include <Eigen/Eigenvalues>

#include <algorithm>

#include <stdexcept>

namespace dl {

Projection2 pca2(const Tensor& X)
{
    if (X.rank() != 2) throw std::invalid_argument("pca2: points must be a (D, N) matrix");
    const Eigen::Index d = X.dim(0), n = X.dim(1);
    Projection2 out;
    out.x.assign(size_t(n), 0.f), out.y.assign(size_t(n), 0.f);
    if (n == 0 || d == 0) return out;
    // Centred points in double: C = (1/N) Xc Xcᵀ (D × D).
    const Eigen::MatrixXd xc = [&] {
        Eigen::MatrixXd m = ConstMatMap<float>(X.data(), d, n).cast<double>();
        m.colwise() -= m.rowwise().mean();
        return m;
    }();
    const Eigen::MatrixXd cov = (xc * xc.transpose()) / double(n);
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(cov); // eigenvalues ascending
    const double total = eig.eigenvalues().sum();
    for (int k = 0; k < 2 && k < d; ++k) {
        Eigen::VectorXd v = eig.eigenvectors().col(d - 1 - k);
        Eigen::Index big = 0;
        v.cwiseAbs().maxCoeff(&big);
        if (v[big] < 0) v = -v;
        const Eigen::VectorXd coords = xc.transpose() * v;
        std::vector<float>& dst = k == 0 ? out.x : out.y;
        for (Eigen::Index i = 0; i < n; ++i) dst[size_t(i)] = float(coords[i]);
        out.explained[k] = total > 0 ? std::max(0.0, eig.eigenvalues()[d - 1 - k]) / total : 0;
    }
    return out;
}

} // namespace dl
