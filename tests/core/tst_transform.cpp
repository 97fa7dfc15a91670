// SPDX-License-Identifier: MIT
// Transformations (core/data/transform.h): min-max, z-score and log of a column by hand, a constant column and
// a column with values ≤ 0; PCA and ZCA whitening of four points by hand; on correlated data both give the
// identity covariance, ZCA's whitened points stay nearest the originals, and a direction without variance
// is dropped, not divided by zero.
#include "core/data/transform.h"
#include "core/util/error.h"
#include "core/util/rng.h"
#include "tests/message_of.h"

#include <QtTest>

#include <cmath>

namespace {

bool near(const std::vector<double>& a, const std::vector<double>& b, double tol = 1e-9)
{
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (!(std::abs(a[i] - b[i]) <= tol)) return false;
    return true;
}

bool identity(const std::vector<double>& c, int d, double tol)
{
    for (int i = 0; i < d; ++i)
        for (int j = 0; j < d; ++j)
            if (std::abs(c[size_t(i * d + j)] - (i == j ? 1.0 : 0.0)) > tol) return false;
    return true;
}

} // namespace

class TstTransform : public QObject {
    Q_OBJECT
  private slots:
    void columnsByHand()
    {
        const std::vector<double> x{1, 2, 3, 4, 5};
        QVERIFY(near(dl::transformColumn(x, dl::ColumnTransform::MinMax).values, {0, 0.25, 0.5, 0.75, 1}));
        // mean 3, population sd √2
        const double s = std::sqrt(2.0);
        QVERIFY(near(dl::transformColumn(x, dl::ColumnTransform::ZScore).values, {-2 / s, -1 / s, 0, 1 / s, 2 / s}));
        QVERIFY(near(dl::transformColumn(x, dl::ColumnTransform::Log).values, {0, std::log(2), std::log(3), std::log(4), std::log(5)}));
        const dl::TransformedColumn shifted = dl::transformColumn({0, 1, 3}, dl::ColumnTransform::Log);
        QVERIFY(near(shifted.values, {0, std::log(2), std::log(4)}));
        QVERIFY(shifted.note.find("ln(x − min + 1)") != std::string::npos);
        const dl::TransformedColumn flat = dl::transformColumn({7, 7, 7}, dl::ColumnTransform::ZScore);
        QVERIFY(near(flat.values, {0, 0, 0}) && flat.note.find("constant") != std::string::npos);
        QVERIFY(dl::transformColumn({}, dl::ColumnTransform::MinMax).values.empty());
        QCOMPARE(dl::columnTransformFromName("z-score"), std::optional(dl::ColumnTransform::ZScore));
    }
    void whiteningByHand()
    {
        // (±2, 0) and (0, ±1): mean 0, Σ = diag(2, 0.5). ZCA = Σ^(−1/2): x / √2, y · √2.
        const std::vector<double> x{2, 0, -2, 0, 0, 1, 0, -1};
        const dl::WhiteningResult z = dl::whiten(x, 4, 2, dl::Whitening::ZCA, 0);
        QVERIFY(near(z.covarianceBefore, {2, 0, 0, 0.5}));
        QVERIFY(near(z.eigenvalues, {2, 0.5}));
        const double r = std::sqrt(2.0);
        QVERIFY(near(z.whitened, {r, 0, -r, 0, 0, r, 0, -r}));
        QVERIFY(identity(z.covarianceAfter, 2, 1e-9));
        // PCA: the same up to the sign of each axis (an eigenvector's sign is not fixed).
        const dl::WhiteningResult p = dl::whiten(x, 4, 2, dl::Whitening::PCA, 0);
        for (size_t i = 0; i < 8; ++i) QVERIFY(std::abs(std::abs(p.whitened[i]) - std::abs(z.whitened[i])) < 1e-9);
        // ε: the variances become λ / (λ + ε).
        const dl::WhiteningResult e = dl::whiten(x, 4, 2, dl::Whitening::ZCA, 0.5);
        QVERIFY(near(e.covarianceAfter, {2 / 2.5, 0, 0, 0.5 / 1.0}));
    }
    void correlatedData()
    {
        // 400 points of three correlated values and a fourth always 0.
        dl::Rng rng(3);
        const int n = 400, d = 4;
        std::vector<double> x;
        for (int i = 0; i < n; ++i) {
            const double a = rng.normal(), b = rng.normal(), c = rng.normal();
            x.insert(x.end(), {3 * a + 5, a + 0.5 * b, 0.2 * a - b + 0.1 * c, 0});
        }
        for (dl::Whitening w : {dl::Whitening::PCA, dl::Whitening::ZCA}) {
            const dl::WhiteningResult r = dl::whiten(x, n, d, w, 0);
            std::vector<double> top(9);
            for (int i = 0; i < 3; ++i)
                for (int j = 0; j < 3; ++j) top[size_t(i * 3 + j)] = r.covarianceAfter[size_t(i * d + j)];
            QVERIFY(identity(top, 3, 1e-6));
            for (double v : r.whitened) QVERIFY(std::isfinite(v));
            QCOMPARE(r.eigenvalues.back(), 0.0); // the constant value
        }
        // ZCA is the whitening that moves the (centred) points least.
        auto moved = [&](const dl::WhiteningResult& r) {
            double s = 0;
            for (int i = 0; i < n; ++i)
                for (int j = 0; j < 3; ++j) {
                    const double c = x[size_t(i * d + j)] - r.mean[size_t(j)];
                    s += (r.whitened[size_t(i * d + j)] - c) * (r.whitened[size_t(i * d + j)] - c);
                }
            return s;
        };
        QVERIFY(moved(dl::whiten(x, n, d, dl::Whitening::ZCA, 0)) < moved(dl::whiten(x, n, d, dl::Whitening::PCA, 0)));
        QVERIFY(dltest::messageOf([&] { dl::whiten(x, 1, 4, dl::Whitening::ZCA, 0); }).contains("at least two pictures"));
        QVERIFY(dltest::messageOf([&] { dl::whiten(x, n, d, dl::Whitening::ZCA, -1); }).contains("ε"));
    }
    void picturesByHand()
    {
        // A 4×4 grey ramp 0, 1/15, …, 1: the 2×2 blocks' means; the centred 2×2; area resize to 2×2 = the same
        // means; grey of a pure red pixel 0.299.
        dl::Picture p{4, 4, 1, {}};
        for (int i = 0; i < 16; ++i) p.values.push_back(float(i) / 15);
        const dl::Picture down = dl::downsamplePicture(p, 2);
        QCOMPARE(down.width, 2);
        const std::vector<float> means{2.5f / 15, 4.5f / 15, 10.5f / 15, 12.5f / 15};
        for (size_t i = 0; i < 4; ++i) QVERIFY(std::abs(down.values[i] - means[i]) < 1e-6);
        const dl::Picture crop = dl::cropPicture(p, 2, 2);
        QCOMPARE(crop.values, (std::vector<float>{5.f / 15, 6.f / 15, 9.f / 15, 10.f / 15}));
        const dl::Picture small = dl::resizePicture(p, 2, 2);
        for (size_t i = 0; i < 4; ++i) QVERIFY(std::abs(small.values[i] - means[i]) < 1e-6);
        QCOMPARE(dl::resizePicture(p, 8, 8).values.size(), size_t(64));
        const dl::Picture red{1, 1, 3, {1.f, 0.f, 0.f}};
        QCOMPARE(dl::greyPicture(red).values, std::vector<float>{0.299f});
        QVERIFY(dltest::messageOf([&] { dl::downsamplePicture(p, 5); }).contains("factor"));
    }
};

QTEST_GUILESS_MAIN(TstTransform)
#include "tst_transform.moc"
