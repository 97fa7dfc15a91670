// SPDX-License-Identifier: MIT
// Augmentation: each op does what it says on a hand-made image, is seeded (same seed, same result),
// leaves grey images' colours alone, and parses/round-trips its text and JSON forms.
#include "core/data/augment.h"

#include <QtTest>

#include <set>

namespace {
dl::Tensor marked(int c, int h, int w) // zero image with one bright pixel per channel at (1, 1)
{
    dl::Tensor t({1, c, h, w});
    for (int ch = 0; ch < c; ++ch) t[size_t(ch) * h * w + 1 * w + 1] = 1.f;
    return t;
}
dl::AugmentPipeline always(const std::string& kind, float strength)
{
    return dl::AugmentPipeline::parse(kind + ":1:" + std::to_string(strength));
}
} // namespace

class TstAugment : public QObject {
    Q_OBJECT
  private slots:
    void flipMirrors()
    {
        dl::Tensor t = marked(1, 4, 6);
        dl::Rng rng(1);
        dl::augmentBatch(t, always("flip", 0), rng);
        QCOMPARE(t[1 * 6 + 4], 1.f); // column 1 → 6 - 1 - 1
        QCOMPARE(t.arr().sum(), 1.f);
    }
    void cropShiftsWithinPadding()
    {
        // One bright pixel at the centre of a 9×9 image: a crop with padding 2 moves it by (dy, dx) with
        // |dy|, |dx| ≤ 2 and nothing else appears; over 40 draws the shifts take many values, not only 0.
        dl::Rng rng(3);
        std::set<std::pair<int, int>> shifts;
        for (int trial = 0; trial < 40; ++trial) {
            dl::Tensor t({1, 1, 9, 9});
            t[4 * 9 + 4] = 1.f;
            dl::augmentBatch(t, always("crop", 2), rng);
            QCOMPARE(t.arr().sum(), 1.f); // it cannot leave the picture, and nothing else lights up
            int at = -1;
            for (int i = 0; i < 81; ++i)
                if (t[size_t(i)] == 1.f) at = i;
            QVERIFY(at >= 0);
            const int dy = at / 9 - 4, dx = at % 9 - 4;
            QVERIFY(std::abs(dy) <= 2 && std::abs(dx) <= 2);
            shifts.insert({dy, dx});
        }
        QVERIFY2(shifts.size() >= 10, qPrintable(QString::number(shifts.size())));
    }
    void elasticResamplesSmoothly()
    {
        // A constant image stays constant away from the border (a resampling, not noise) ...
        dl::Rng rng(6);
        dl::Tensor flat({1, 1, 28, 28}, 0.5f);
        dl::augmentBatch(flat, always("elastic", 1.5f), rng);
        for (int y = 10; y < 18; ++y)
            for (int x = 10; x < 18; ++x) QVERIFY(std::abs(flat[size_t(y) * 28 + x] - 0.5f) < 1e-5f);
        // ... while a ramp is displaced: values change, by about α pixels' worth of the slope (1/27 per px),
        // and stay within the ramp's range.
        dl::Tensor ramp({1, 1, 28, 28});
        for (int y = 0; y < 28; ++y)
            for (int x = 0; x < 28; ++x) ramp[size_t(y) * 28 + x] = float(x) / 27.f;
        const dl::Tensor before = ramp;
        dl::augmentBatch(ramp, always("elastic", 1.5f), rng);
        double moved = 0;
        for (int y = 4; y < 24; ++y)
            for (int x = 4; x < 24; ++x) {
                const float v = ramp[size_t(y) * 28 + x];
                QVERIFY(v >= 0.f && v <= 1.f);
                moved += std::abs(v - before[size_t(y) * 28 + x]) * 27.0; // in pixels of displacement
            }
        moved /= 400.0;
        QVERIFY2(moved > 0.3 && moved < 4.0, qPrintable(QString("mean |dx| %1 px").arg(moved)));
    }
    void pcaColourShiftsAlongTheComponents()
    {
        // Krizhevsky et al. 2012: every pixel gets the same RGB shift Σ α_k λ_k p_k. With one component
        // (λ = 0.2 along (1, 1, 0)/√2), R and G move by the same amount, B not at all.
        dl::PcaColor basis;
        basis.eigenvalues[0] = basis.eigenvalues[1] = 0.f;
        basis.eigenvalues[2] = 0.2f;
        for (int c = 0; c < 3; ++c) basis.eigenvectors[c][2] = c < 2 ? float(M_SQRT1_2) : 0.f;
        dl::Rng rng(8);
        int changed = 0;
        for (int trial = 0; trial < 10; ++trial) {
            dl::Tensor t({1, 3, 3, 3}, 0.5f);
            dl::augmentBatch(t, always("pca", 1.f), rng, &basis);
            const float dr = t[0] - 0.5f, dg = t[9] - 0.5f;
            for (int p = 0; p < 9; ++p) {
                QVERIFY(std::abs((t[size_t(p)] - 0.5f) - dr) < 1e-6f);      // the same shift for every pixel
                QVERIFY(std::abs((t[size_t(9 + p)] - 0.5f) - dg) < 1e-6f);
                QCOMPARE(t[size_t(18 + p)], 0.5f); // blue untouched
            }
            QVERIFY(std::abs(dr - dg) < 1e-6f);
            changed += std::abs(dr) > 1e-4f;
        }
        QVERIFY(changed >= 8); // α ~ N(0, 1): almost never ~0
    }
    void zeroStrengthGeometryIsNearIdentity_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("rotate") << "rotate";
        QTest::newRow("shear") << "shear";
    }
    void zeroStrengthGeometryIsNearIdentity()
    {
        QFETCH(QString, kind);
        dl::Rng rng(1);
        dl::Tensor t = marked(1, 8, 8);
        dl::AugmentPipeline p = dl::AugmentPipeline::parse(kind.toStdString() + ":1:0.000001");
        dl::augmentBatch(t, p, rng);
        QVERIFY(std::abs(t[1 * 8 + 1] - 1.f) < 1e-3f);
    }
    void rotationMovesMass()
    {
        dl::Rng rng(2);
        dl::Tensor t = marked(1, 16, 16);
        const dl::Tensor before = t;
        dl::augmentBatch(t, always("rotate", 45), rng);
        QVERIFY((t.arr() - before.arr()).abs().sum() > 0.1f);
    }
    void seededAndRepeatable()
    {
        const dl::AugmentPipeline p = dl::AugmentPipeline::parse("flip,crop,rotate,shear,elastic");
        dl::Tensor a({4, 1, 12, 12}), b;
        dl::Rng fill(9);
        for (size_t i = 0; i < a.size(); ++i) a[i] = fill.uniform();
        b = a;
        dl::Rng r1(5), r2(5);
        dl::augmentBatch(a, p, r1);
        dl::augmentBatch(b, p, r2);
        QVERIFY(a.arr().cwiseEqual(b.arr()).all());
    }
    void colourOnlyForRgb()
    {
        dl::Rng rng(4);
        dl::Tensor grey({1, 1, 4, 4}, 0.5f);
        dl::augmentBatch(grey, always("color", 0.3f), rng);
        QCOMPARE(grey.arr().maxCoeff(), 0.5f);
        dl::Tensor rgb({1, 3, 4, 4}, 0.5f);
        dl::augmentBatch(rgb, always("color", 0.3f), rng);
        QVERIFY(rgb.arr().maxCoeff() != 0.5f || rgb.arr().minCoeff() != 0.5f);
        QVERIFY(rgb.arr().maxCoeff() <= 1.f && rgb.arr().minCoeff() >= 0.f);
    }
    void pcaFollowsTheMainColourAxis()
    {
        // images that vary only along R = G (grey levels) have their first component along (1, 1, 0)/√2
        dl::Tensor imgs({8, 3, 2, 2});
        for (int n = 0; n < 8; ++n)
            for (int p = 0; p < 4; ++p) {
                const float v = 0.1f * float((n + p) % 7);
                imgs[(size_t(n) * 3 + 0) * 4 + p] = v;
                imgs[(size_t(n) * 3 + 1) * 4 + p] = v;
            }
        const dl::PcaColor pc = dl::pcaColorBasis(imgs);
        QVERIFY(pc.eigenvalues[2] > 0.f); // ascending order: the last is the largest
        QVERIFY(std::abs(std::abs(pc.eigenvectors[0][2]) - float(M_SQRT1_2)) < 1e-4f);
        QVERIFY(std::abs(pc.eigenvectors[2][2]) < 1e-4f);
    }
    void parsing()
    {
        const dl::AugmentPipeline p = dl::AugmentPipeline::parse("flip, rotate:0.3:20");
        QCOMPARE(p.ops.size(), size_t(2));
        QCOMPARE(p.ops[1].probability, 0.3f);
        QCOMPARE(p.ops[1].strength, 20.f);
        const dl::AugmentPipeline back = dl::AugmentPipeline::fromJson(dl::Json::parse(p.toJson().dump()));
        QCOMPARE(back.ops[1].kind, std::string("rotate"));
        QCOMPARE(back.ops[1].strength, 20.f);
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::AugmentPipeline::parse("blur"));
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::AugmentPipeline::parse("flip:2"));
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::AugmentPipeline::parse("crop:0.5:x"));
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::AugmentPipeline::parse("crop:1:1e30")); // no int padding
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::AugmentPipeline::parse("rotate:1:inf"));
    }
};

QTEST_APPLESS_MAIN(TstAugment)
#include "tst_augment.moc"
