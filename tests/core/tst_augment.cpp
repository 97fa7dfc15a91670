// SPDX-License-Identifier: MIT
// Augmentation: each op does what it says on a hand-made image, is seeded (same seed, same result),
// leaves grey images' colours alone, and parses/round-trips its text and JSON forms.
#include "core/data/augment.h"

#include <QtTest>

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
        dl::Rng rng(3);
        for (int trial = 0; trial < 20; ++trial) {
            dl::Tensor t = marked(1, 9, 9);
            t[4 * 9 + 4] = 1.f; // a centre pixel that can never leave a ±2 shift
            dl::augmentBatch(t, always("crop", 2), rng);
            int cy = -1, cx = -1;
            for (int y = 0; y < 9; ++y)
                for (int x = 0; x < 9; ++x)
                    if (t[y * 9 + x] == 1.f && std::abs(y - 4) <= 2 && std::abs(x - 4) <= 2) cy = y, cx = x;
            QVERIFY(cy >= 2 && cy <= 6 && cx >= 2 && cx <= 6);
        }
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
    }
};

QTEST_APPLESS_MAIN(TstAugment)
#include "tst_augment.moc"
