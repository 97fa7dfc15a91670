// SPDX-License-Identifier: MIT
#include "core/tensor/pca.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace dl {

namespace {

// Plain row-major D × D and D × 2 arithmetic in double: the sizes are a few hundred at most, and plain loops
// compile in a second where Eigen's double products took eight under the sanitizers (CI time, README).
using Vec = std::vector<double>;

double dot(const double* a, const double* b, size_t d)
{
    double s = 0;
    for (size_t i = 0; i < d; ++i) s += a[i] * b[i];
    return s;
}

// Columns a and b (length d) of a D × 2 block stored as two vectors: Gram–Schmidt.
void orthonormalise(Vec& a, Vec& b)
{
    const double na = std::sqrt(dot(a.data(), a.data(), a.size()));
    if (na > 0)
        for (double& x : a) x /= na;
    const double p = dot(a.data(), b.data(), a.size());
    for (size_t i = 0; i < a.size(); ++i) b[i] -= p * a[i];
    const double nb = std::sqrt(dot(b.data(), b.data(), b.size()));
    if (nb > 0)
        for (double& x : b) x /= nb;
}

// y = C x for the symmetric D × D matrix c (row-major).
void multiply(const Vec& c, const Vec& x, Vec& y)
{
    const size_t d = x.size();
    for (size_t r = 0; r < d; ++r) y[r] = dot(&c[r * d], x.data(), d);
}

// The two leading eigenvectors of a symmetric positive semi-definite C (D × D) by subspace (orthogonal)
// iteration with a Rayleigh–Ritz step (Golub & Van Loan, "Matrix Computations", §8.2.4 and §8.1.1): Q ← C·Q,
// orthonormalised, until the subspace stops moving; then the 2 × 2 problem QᵀCQ solved in closed form turns
// Q into the eigenvectors. Two components of a few hundred dimensions at most: cheap, and it spares the build
// a general eigen-solver (Eigen's SelfAdjointEigenSolver took 43 s to compile under ASan).
void topTwo(const Vec& c, size_t d, Vec& v1, Vec& v2, double& l1, double& l2)
{
    Vec q0(d), q1(d), z0(d), z1(d);
    std::uint64_t s = 0x9E3779B97F4A7C15ull; // a fixed start: the same picture every call
    for (size_t i = 0; i < 2 * d; ++i) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        (i < d ? q0[i] : q1[i - d]) = double(s >> 11) / double(1ull << 53) - 0.5;
    }
    orthonormalise(q0, q1);
    for (int it = 0; it < 2000; ++it) {
        multiply(c, q0, z0), multiply(c, q1, z1);
        if (dot(z0.data(), z0.data(), d) == 0) break; // C = 0: any basis
        orthonormalise(z0, z1);
        // How far the subspace turned: |Z − Q QᵀZ|.
        double moved = 0;
        const double a00 = dot(q0.data(), z0.data(), d), a01 = dot(q0.data(), z1.data(), d);
        const double a10 = dot(q1.data(), z0.data(), d), a11 = dot(q1.data(), z1.data(), d);
        for (size_t i = 0; i < d; ++i) {
            const double r0 = z0[i] - q0[i] * a00 - q1[i] * a10, r1 = z1[i] - q0[i] * a01 - q1[i] * a11;
            moved += r0 * r0 + r1 * r1;
        }
        q0.swap(z0), q1.swap(z1);
        if (std::sqrt(moved) < 1e-13) break;
    }
    // Rayleigh–Ritz: H = QᵀCQ = [[a, b], [b, e]]; its eigenvalues (a + e)/2 ± √(((a − e)/2)² + b²).
    multiply(c, q0, z0), multiply(c, q1, z1);
    const double a = dot(q0.data(), z0.data(), d), b = dot(q0.data(), z1.data(), d), e = dot(q1.data(), z1.data(), d);
    const double mid = (a + e) / 2, r = std::hypot((a - e) / 2, b);
    l1 = mid + r, l2 = mid - r;
    // The eigenvector of H for l1: (b, l1 − a), or (l1 − e, b); the better conditioned of the two.
    double w0 = std::abs(l1 - a) > std::abs(l1 - e) ? b : l1 - e, w1 = std::abs(l1 - a) > std::abs(l1 - e) ? l1 - a : b;
    const double nw = std::hypot(w0, w1);
    if (nw == 0) w0 = 1, w1 = 0; // H already diagonal with a ≥ e
    else w0 /= nw, w1 /= nw;
    v1.assign(d, 0), v2.assign(d, 0);
    for (size_t i = 0; i < d; ++i) v1[i] = q0[i] * w0 + q1[i] * w1, v2[i] = -q0[i] * w1 + q1[i] * w0;
}

} // namespace

Projection2 pca2(const Tensor& X)
{
    if (X.rank() != 2) throw std::invalid_argument("pca2: points must be a (D, N) matrix");
    const size_t d = size_t(X.dim(0)), n = size_t(X.dim(1));
    Projection2 out;
    out.x.assign(n, 0.f), out.y.assign(n, 0.f);
    if (n == 0 || d == 0) return out;
    // Centred points in double, one row per dimension: C = (1/N) Xc Xcᵀ (D × D).
    Vec xc(d * n);
    for (size_t r = 0; r < d; ++r) {
        const float* row = X.data() + r * n;
        double mean = 0;
        for (size_t i = 0; i < n; ++i) mean += row[i];
        mean /= double(n);
        for (size_t i = 0; i < n; ++i) xc[r * n + i] = row[i] - mean;
    }
    Vec cov(d * d);
    for (size_t r = 0; r < d; ++r)
        for (size_t k = r; k < d; ++k) cov[r * d + k] = cov[k * d + r] = dot(&xc[r * n], &xc[k * n], n) / double(n);
    double total = 0; // the trace: the sum of all eigenvalues
    for (size_t r = 0; r < d; ++r) total += cov[r * d + r];
    Vec v[2];
    double lambda[2] = {0, 0};
    if (d == 1) v[0] = Vec{1.0}, lambda[0] = cov[0];
    else topTwo(cov, d, v[0], v[1], lambda[0], lambda[1]);
    for (size_t k = 0; k < 2 && k < d; ++k) {
        const size_t big = size_t(std::max_element(v[k].begin(), v[k].end(),
                                                   [](double a, double b) { return std::abs(a) < std::abs(b); }) -
                                  v[k].begin());
        if (v[k][big] < 0)
            for (double& x : v[k]) x = -x;
        std::vector<float>& dst = k == 0 ? out.x : out.y;
        for (size_t i = 0; i < n; ++i) {
            double c = 0;
            for (size_t r = 0; r < d; ++r) c += xc[r * n + i] * v[k][r];
            dst[i] = float(c);
        }
        out.explained[k] = total > 0 ? std::max(0.0, lambda[k]) / total : 0;
    }
    return out;
}

} // namespace dl
