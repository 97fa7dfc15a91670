// SPDX-License-Identifier: MIT
// Max/avg pooling (backward routes to the max / spreads the mean), Flatten and global average pooling:
// hand-computed cases and gradient checks.
#include "core/layers/flatten.h"
#include "core/layers/pool2d.h"
#include "layer_check.h"

class TstPool2d : public QObject {
    Q_OBJECT
  private slots:
    void maxHand()
    {
        // 4×4 → 2×2 with a 2×2 window, stride 2 (COURSE.md §7)
        const float v[] = {1, 3, 2, 1, 2, 9, 1, 1, 1, 3, 2, 3, 5, 6, 1, 2};
        dl::Tensor x({1, 1, 4, 4});
        std::copy(v, v + 16, x.data());
        dl::Pool2d p(dl::PoolKind::Max, 2, 2);
        const dl::Tensor y = p.forward(x, dl::Mode::Train);
        QCOMPARE(y[0], 9.f);
        QCOMPARE(y[1], 2.f);
        QCOMPARE(y[2], 6.f);
        QCOMPARE(y[3], 3.f);
        const dl::Tensor dx = p.backward(dl::Tensor({1, 1, 2, 2}, 1.f));
        QCOMPARE(dx[5], 1.f); // the 9
        QCOMPARE(dx[0], 0.f);
        QCOMPARE(dx.arr().sum(), 4.f); // one route per window
    }
    void avgHand()
    {
        dl::Tensor x({1, 1, 2, 2});
        x[0] = 1;
        x[1] = 2;
        x[2] = 3;
        x[3] = 6;
        dl::Pool2d p(dl::PoolKind::Avg, 2, 2);
        QCOMPARE(p.forward(x, dl::Mode::Train)[0], 3.f);
        const dl::Tensor dx = p.backward(dl::Tensor({1, 1, 1, 1}, 4.f));
        for (int i = 0; i < 4; ++i) QCOMPARE(dx[i], 1.f); // spread evenly
    }
    void gradientChecks_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("k");
        QTest::addColumn<int>("s");
        QTest::addColumn<int>("p");
        QTest::newRow("max 2/2") << 0 << 2 << 2 << 0;
        QTest::newRow("max 3/2 pad 1") << 0 << 3 << 2 << 1;
        QTest::newRow("max 2/1 (darknet)") << 0 << 2 << 1 << 0;
        QTest::newRow("avg 2/2") << 1 << 2 << 2 << 0;
        QTest::newRow("avg 3/1 pad 1") << 1 << 3 << 1 << 1;
    }
    void gradientChecks()
    {
        QFETCH(int, kind);
        QFETCH(int, k);
        QFETCH(int, s);
        QFETCH(int, p);
        dl::Rng rng(8);
        dl::Pool2dT<double> pool(kind == 0 ? dl::PoolKind::Max : dl::PoolKind::Avg, k, s, p);
        dltest::checkLayerGradients(pool,
                                    dltest::randomTensor({2, 2, 5, 6}, rng)); // distinct values: no ties
    }
    // Darknet padding (maxpool_layer.c): size 2, stride 1, pad 1 (its default size − 1) keeps a 3×3 plane
    // 3×3 — out = (3 + 1 − 2)/1 + 1 — with window offset −pad/2 = 0: the last row and column see the edge.
    void darknetPaddingByHand()
    {
        dl::Tensor x({1, 1, 3, 3});
        const float v[9] = {1, 5, 2, 7, 3, 4, 0, 8, 6};
        for (int i = 0; i < 9; ++i) x[i] = v[i];
        dl::Pool2d p(dl::PoolKind::Max, 2, 1, 1, dl::PoolPad::Darknet);
        QCOMPARE(p.outputShape(x.shape()), (dl::Shape{1, 1, 3, 3}));
        dl::Tensor y;
        p.forwardInto(x, y, true);
        const float want[9] = {7, 5, 4, 8, 8, 6, 8, 8, 6};
        for (int i = 0; i < 9; ++i) QCOMPARE(y[i], want[i]);
        dl::Tensor dy({1, 1, 3, 3}), dx;
        dy.arr().setConstant(1);
        p.backwardInto(dy, dx); // each output's 1 goes to its window's maximum
        const float got[9] = {0, 1, 0, 1, 0, 1, 0, 4, 2};
        for (int i = 0; i < 9; ++i) QCOMPARE(dx[i], got[i]);
        dl::Rng rng(9);
        dl::Pool2dT<double> pd(dl::PoolKind::Max, 3, 2, 2, dl::PoolPad::Darknet);
        dltest::checkLayerGradients(pd, dltest::randomTensor({2, 2, 5, 6}, rng));
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError,
                                 dl::Pool2d(dl::PoolKind::Avg, 2, 2, 1, dl::PoolPad::Darknet));
    }
    void flattenMakesColumns()
    {
        dl::Tensor x({2, 1, 2, 2});
        for (int i = 0; i < 8; ++i) x[i] = float(i);
        dl::Flatten f;
        const dl::Tensor y = f.forward(x, dl::Mode::Train);
        QCOMPARE(y.shape(), (dl::Shape{4, 2}));
        QCOMPARE(y[1], 4.f); // feature 0 of image 1
        QCOMPARE(y[6], 3.f); // feature 3 of image 0
        dl::Rng rng(2);
        dl::FlattenT<double> fd;
        dltest::checkLayerGradients(fd, dltest::randomTensor({3, 2, 2, 3}, rng));
    }
    void globalAveragePool()
    {
        dl::Tensor x({1, 2, 1, 2});
        x[0] = 1;
        x[1] = 3;
        x[2] = -2;
        x[3] = 4;
        dl::GlobalAvgPool g;
        const dl::Tensor y = g.forward(x, dl::Mode::Train);
        QCOMPARE(y.shape(), (dl::Shape{2, 1}));
        QCOMPARE(y[0], 2.f);
        QCOMPARE(y[1], 1.f);
        dl::Rng rng(3);
        dl::GlobalAvgPoolT<double> gd;
        dltest::checkLayerGradients(gd, dltest::randomTensor({2, 3, 3, 2}, rng));
    }
    void errors()
    {
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::Pool2d(dl::PoolKind::Max, 2, 0));
        dl::Pool2d p(dl::PoolKind::Max, 3, 1);
        QVERIFY_THROWS_EXCEPTION(dl::ShapeError, p.outputShape({1, 1, 2, 2}));
    }
};

QTEST_APPLESS_MAIN(TstPool2d)
#include "tst_pool2d.moc"
