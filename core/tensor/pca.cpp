// SPDX-License-Identifier: MIT
#include "core/tensor/pca.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>

namespace dl {

namespace {

// The two leading eigenvectors of a symmetric positive semi-definite C (D × D) by subspace (orthogonal)
// iteration with a Rayleigh–Ritz step (Golub & Van Loan, "Matrix Computations", §8.2.4 and §8.1.1): Q ← C·Q,
// orthonormalised, until the subspace stops moving; then the 2 × 2 problem QᵀCQ solved in closed form turns
// Q into the eigenvectors. Two components of a few hundred dimensions at most: cheap, and it spares the build
// a general eigen-solver (Eigen's SelfAdjointEigenSolver took 43 s to compile under ASan).
void topTwo(const Eigen::MatrixXd& c, Eigen::VectorXd& v1, Eigen::VectorXd& v2, double& l1, double& l2)
{
    const Eigen::Index d = c.rows();
    Eigen::MatrixXd q(d, 2);
    std::uint64_t s = 0x9E3779B97F4A7C15ull; // a fixed start: the same picture every call
    for (Eigen::Index i = 0; i < q.size(); ++i) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        q.data()[i] = double(s >> 11) / double(1ull << 53) - 0.5;
    }
    auto orthonormalise = [](Eigen::MatrixXd& m) {
        m.col(0).normalize();
        m.col(1) -= m.col(0).dot(m.col(1)) * m.col(0);
        const double n = m.col(1).norm();
        if (n > 0) m.col(1) /= n;
    };
    orthonormalise(q);
    for (int it = 0; it < 2000; ++it) {
        Eigen::MatrixXd z = c * q;
        if (z.col(0).norm() == 0) break; // C = 0: any basis
        orthonormalise(z);
        const double moved = (z - q * (q.transpose() * z)).norm(); // how far the subspace turned
        q = z;
        if (moved < 1e-13) break;
    }
    // Rayleigh–Ritz: H = QᵀCQ = [[a, b], [b, e]]; its eigenvalues (a + e)/2 ± √(((a − e)/2)² + b²).
    const Eigen::Matrix2d h = q.transpose() * c * q;
    const double a = h(0, 0), b = h(0, 1), e = h(1, 1);
    const double mid = (a + e) / 2, r = std::hypot((a - e) / 2, b);
    l1 = mid + r, l2 = mid - r;
    // The eigenvector of H for l1: (b, l1 − a), or (l1 − e, b); the better conditioned of the two.
    Eigen::Vector2d w = std::abs(l1 - a) > std::abs(l1 - e) ? Eigen::Vector2d(b, l1 - a) : Eigen::Vector2d(l1 - e, b);
    if (w.norm() == 0) w = Eigen::Vector2d(1, 0); // H already diagonal with a ≥ e
    w.normalize();
    v1 = q * w;
    v2 = q * Eigen::Vector2d(-w[1], w[0]);
}

} // namespace

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
    const double total = cov.trace(); // the sum of all eigenvalues
    Eigen::VectorXd v[2];
    double lambda[2] = {0, 0};
    if (d == 1) {
        v[0] = Eigen::VectorXd::Ones(1), lambda[0] = cov(0, 0);
    } else {
        topTwo(cov, v[0], v[1], lambda[0], lambda[1]);
    }
    for (int k = 0; k < 2 && k < d; ++k) {
        Eigen::Index big = 0;
        v[k].cwiseAbs().maxCoeff(&big);
        if (v[k][big] < 0) v[k] = -v[k];
        const Eigen::VectorXd coords = xc.transpose() * v[k];
        std::vector<float>& dst = k == 0 ? out.x : out.y;
        for (Eigen::Index i = 0; i < n; ++i) dst[size_t(i)] = float(coords[i]);
        out.explained[k] = total > 0 ? std::max(0.0, lambda[k]) / total : 0;
    }
    return out;
}

} // namespace dl
