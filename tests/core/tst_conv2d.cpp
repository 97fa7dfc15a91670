// SPDX-License-Identifier: MIT
// Conv2d: the course's vertical-edge example, output sizes, padding/stride/groups, gradient checks,
// batch invariance.
#include "core/layers/conv2d.h"
#include "core/layers/registry.h"
#include "layer_check.h"

class TstConv2d : public QObject {
    Q_OBJECT
  private slots:
    void courseVerticalEdge()
    {
        // COURSE.md §7: a 6×6 image, left half 10, right half 0, convolved with [[1,0,-1]]×3 gives 4×4
        // whose middle columns are 30: the edge.
        dl::Conv2d c({1, 1, 3, 1, 0, 1});
        const float k[] = {1, 0, -1, 1, 0, -1, 1, 0, -1};
        std::copy(k, k + 9, c.weight().value.data());
        dl::Tensor x({1, 1, 6, 6});
        for (int i = 0; i < 6; ++i)
            for (int j = 0; j < 3; ++j) x[i * 6 + j] = 10;
        const dl::Tensor y = c.forward(x, dl::Mode::Eval);
        QCOMPARE(y.shape(), (dl::Shape{1, 1, 4, 4}));
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(y[i * 4 + 0], 0.f);
            QCOMPARE(y[i * 4 + 1], 30.f);
            QCOMPARE(y[i * 4 + 2], 30.f);
            QCOMPARE(y[i * 4 + 3], 0.f);
        }
    }
    void outputSizes()
    {
        QCOMPARE(dl::convOutputSize(6, 3, 1, 0), 4); // valid
        QCOMPARE(dl::convOutputSize(6, 3, 1, 1), 6); // same: p = (f-1)/2
        QCOMPARE(dl::convOutputSize(7, 3, 2, 0), 3); // floor((7 - 3)/2) + 1
        dl::Conv2d c({3, 8, 5, 1, 2, 1});
        QCOMPARE(c.outputShape({2, 3, 28, 28}), (dl::Shape{2, 8, 28, 28}));
        QVERIFY_THROWS_EXCEPTION(dl::ShapeError, c.outputShape({2, 4, 28, 28}));
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::Conv2d({3, 8, 3, 1, 0, 2})); // 2 groups do not divide 3
    }
    void paddingAndBias()
    {
        // 1×1 input, 3×3 kernel of ones, pad 1: only the centre tap sees the pixel
        dl::Conv2d c({1, 2, 3, 1, 1, 1});
        c.weight().value.fill(1.f);
        c.bias().value[1] = 0.5f;
        dl::Tensor x({1, 1, 1, 1}, 4.f);
        const dl::Tensor y = c.forward(x, dl::Mode::Eval);
        QCOMPARE(y[0], 4.f);
        QCOMPARE(y[1], 4.5f);
    }
    void depthwiseKeepsChannelsApart()
    {
        dl::Conv2d c({2, 2, 1, 1, 0, 2}); // 1×1 depthwise: channel c scaled by w[c]
        c.weight().value[0] = 2.f;
        c.weight().value[1] = -1.f;
        dl::Tensor x({1, 2, 1, 2});
        x[0] = 1;
        x[1] = 2;
        x[2] = 3;
        x[3] = 4;
        const dl::Tensor y = c.forward(x, dl::Mode::Eval);
        QCOMPARE(y[1], 4.f);
        QCOMPARE(y[2], -3.f);
    }
    void gradientCheck_data()
    {
        QTest::addColumn<int>("cin");
        QTest::addColumn<int>("cout");
        QTest::addColumn<int>("k");
        QTest::addColumn<int>("stride");
        QTest::addColumn<int>("pad");
        QTest::addColumn<int>("groups");
        QTest::newRow("3x3 valid") << 2 << 3 << 3 << 1 << 0 << 1;
        QTest::newRow("3x3 same") << 2 << 2 << 3 << 1 << 1 << 1;
        QTest::newRow("stride 2 pad 1") << 1 << 2 << 3 << 2 << 1 << 1;
        QTest::newRow("5x5 pad 2") << 1 << 2 << 5 << 1 << 2 << 1;
        QTest::newRow("groups 2") << 4 << 2 << 3 << 1 << 1 << 2;
        QTest::newRow("depthwise") << 3 << 3 << 3 << 1 << 1 << 3;
        QTest::newRow("1x1") << 3 << 4 << 1 << 1 << 0 << 1;
    }
    void gradientCheck()
    {
        QFETCH(int, cin);
        QFETCH(int, cout);
        QFETCH(int, k);
        QFETCH(int, stride);
        QFETCH(int, pad);
        QFETCH(int, groups);
        dl::Rng rng(3);
        dl::Conv2dT<double> c({cin, cout, k, stride, pad, groups});
        c.weight().value = dltest::randomTensor(c.weight().value.shape(), rng);
        c.bias().value = dltest::randomTensor({cout}, rng);
        dltest::checkLayerGradients(c, dltest::randomTensor({2, cin, 6, 5}, rng)); // non-square
    }
    void batchInvariance()
    {
        dl::Rng rng(4);
        dl::Conv2dT<double> c({2, 3, 3, 1, 1, 1});
        c.weight().value = dltest::randomTensor(c.weight().value.shape(), rng);
        const dl::TensorD x = dltest::randomTensor({3, 2, 5, 5}, rng);
        const dl::TensorD y = c.forward(x, dl::Mode::Eval);
        dl::TensorD one({1, 2, 5, 5});
        std::copy(x.data() + 2 * 50, x.data() + 3 * 50, one.data());
        const dl::TensorD y1 = c.forward(one, dl::Mode::Eval);
        for (size_t i = 0; i < y1.size(); ++i) QVERIFY(std::abs(y1[i] - y[2 * 75 + i]) < 1e-12);
    }
    // The frozen one-image input gradient (style transfer) equals the full backward's dL/dx: 3×3 pad 1,
    // 1×1 (one GEMM on dY), stride 2, groups 2.
    void inputGradientOfOneImage()
    {
        dl::Rng rng(6);
        for (dl::Conv2dSpec sp : {dl::Conv2dSpec{4, 6, 3, 1, 1, 1}, dl::Conv2dSpec{4, 6, 1, 1, 0, 1},
                                  dl::Conv2dSpec{4, 6, 3, 2, 1, 1}, dl::Conv2dSpec{4, 6, 3, 1, 1, 2}}) {
            dl::Conv2dT<double> c(sp);
            c.weight().value = dltest::randomTensor(c.weight().value.shape(), rng);
            const dl::TensorD x = dltest::randomTensor({1, 4, 7, 9}, rng);
            const dl::TensorD y = c.forward(x, dl::Mode::Frozen);
            const dl::TensorD dy = dltest::randomTensor(y.shape(), rng);
            const dl::TensorD dx = c.backward(dy);
            dl::TensorD dx1;
            c.backwardInputInto(dy, 7, 9, dx1);
            QVERIFY(dx1.shape() == dx.shape());
            for (size_t i = 0; i < dx.size(); ++i) QVERIFY(std::abs(dx1[i] - dx[i]) < 1e-12);
        }
    }
    void registry()
    {
        dl::LayerSpec s{"Conv2d", 3, 16};
        s.kernel = 5;
        s.pad = 2;
        auto l = dl::makeLayer<float>(s);
        QCOMPARE(QString::fromStdString(l->describe()), QString("Conv2d 3→16 5×5 pad 2"));
    }
};

QTEST_APPLESS_MAIN(TstConv2d)
#include "tst_conv2d.moc"
