// SPDX-License-Identifier: MIT
// Two-component PCA (core/tensor/pca.h): a case by hand, the same points turned into 3-D space and moved
// (the picture keeps every distance when the points span a plane), fixed signs, and the edge cases.
#include "core/tensor/pca.h"

#include <QtTest>
#include <cmath>

namespace {

dl::Tensor points(int d, const std::vector<std::vector<float>>& cols)
{
    dl::Tensor x({d, int(cols.size())});
    for (int c = 0; c < int(cols.size()); ++c)
        for (int r = 0; r < d; ++r) x[size_t(r * int(cols.size()) + c)] = cols[size_t(c)][size_t(r)];
    return x;
}

} // namespace

class TstPca : public QObject {
    Q_OBJECT
  private slots:
    void byHand()
    {
        // (3, 0), (−3, 0), (0, 1), (0, −1): mean 0, covariance diag(18/4, 2/4) = diag(4.5, 0.5): the axes
        // are the components, 90 % and 10 % of the variance; coordinates the points themselves.
        const auto p = dl::pca2(points(2, {{3, 0}, {-3, 0}, {0, 1}, {0, -1}}));
        QVERIFY(std::abs(p.explained[0] - 0.9) < 1e-9 && std::abs(p.explained[1] - 0.1) < 1e-9);
        const float x[4] = {3, -3, 0, 0}, y[4] = {0, 0, 1, -1};
        for (int i = 0; i < 4; ++i) QVERIFY(std::abs(p.x[size_t(i)] - x[i]) < 1e-5f && std::abs(p.y[size_t(i)] - y[i]) < 1e-5f);
    }
    void planeInThreeDimensionsKeepsDistances()
    {
        // The same four points on the plane spanned by u = (2, 1, 2)/3 and v = (1, −2, 0)/√5 (orthonormal),
        // moved by (5, −1, 7): the projection's pairwise distances equal the original ones.
        const float u[3] = {2 / 3.f, 1 / 3.f, 2 / 3.f}, s = 1 / std::sqrt(5.f), v[3] = {s, -2 * s, 0};
        const std::vector<std::pair<float, float>> flat{{3, 0}, {-3, 0}, {0, 1}, {0, -1}, {1, 0.5f}};
        std::vector<std::vector<float>> cols;
        for (auto [a, b] : flat) cols.push_back({5 + a * u[0] + b * v[0], -1 + a * u[1] + b * v[1], 7 + a * u[2] + b * v[2]});
        const auto p = dl::pca2(points(3, cols));
        QVERIFY(p.explained[0] + p.explained[1] > 1 - 1e-6);
        for (size_t i = 0; i < flat.size(); ++i)
            for (size_t j = 0; j < flat.size(); ++j) {
                const float want = std::hypot(flat[i].first - flat[j].first, flat[i].second - flat[j].second);
                const float got = std::hypot(p.x[i] - p.x[j], p.y[i] - p.y[j]);
                QVERIFY2(std::abs(want - got) < 1e-4f, qPrintable(QString("%1 %2: %3 vs %4").arg(i).arg(j).arg(got).arg(want)));
            }
        // Fixed signs: negating every point gives the same picture mirrored through the origin, not flipped
        // axes: each axis's eigenvector keeps its largest coordinate positive.
        std::vector<std::vector<float>> neg = cols;
        for (auto& c : neg)
            for (float& e : c) e = -e;
        const auto q = dl::pca2(points(3, neg));
        for (size_t i = 0; i < flat.size(); ++i) QVERIFY(std::abs(q.x[i] + p.x[i]) < 1e-4f && std::abs(q.y[i] + p.y[i]) < 1e-4f);
    }
    void edgeCases()
    {
        const auto none = dl::pca2(dl::Tensor({4, 0}));
        QVERIFY(none.x.empty() && none.y.empty());
        const auto same = dl::pca2(points(3, {{1, 2, 3}, {1, 2, 3}}));
        QCOMPARE(same.explained[0], 0.0);
        QCOMPARE(same.x[0], 0.f);
        const auto line = dl::pca2(points(1, {{2}, {4}})); // D = 1: x = centred value, y = 0
        QVERIFY(std::abs(line.x[0] + 1) < 1e-6f && line.y[1] == 0.f && std::abs(line.explained[0] - 1) < 1e-9);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, dl::pca2(dl::Tensor({6})));
    }
};

QTEST_APPLESS_MAIN(TstPca)
#include "tst_pca.moc"
