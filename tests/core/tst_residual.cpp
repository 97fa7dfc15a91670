// SPDX-License-Identifier: MIT
// BatchNorm2d (per-channel statistics over N·H·W) and the residual block (identity and projection
// shortcuts): hand-computed cases and gradient checks.
#include "core/layers/batchnorm2d.h"
#include "core/layers/residual_block.h"
#include "core/layers/sequential.h"
#include "layer_check.h"

class TstResidual : public QObject {
    Q_OBJECT
    static void randomize(dl::LayerT<double>& l, dl::Rng& rng)
    {
        for (auto* p : l.params()) p->value = dltest::randomTensor(p->value.shape(), rng, 0.5);
    }
  private slots:
    void batchNorm2dHand()
    {
        // channel 0 holds 1, 3 (image 0) and 5, 7 (image 1): μ = 4, σ² = 5; channel 1 is constant
        dl::BatchNorm2dT<double> bn(2, 0.9, 0.0);
        dl::TensorD x({2, 2, 1, 2});
        const double v[] = {1, 3, 2, 2, 5, 7, 2, 2};
        std::copy(v, v + 8, x.data());
        const dl::TensorD y = bn.forward(x, dl::Mode::Train);
        QVERIFY(std::abs(y[0] - (1 - 4) / std::sqrt(5.0)) < 1e-12);
        QVERIFY(std::abs(y[5] - (7 - 4) / std::sqrt(5.0)) < 1e-12);
        QVERIFY(std::abs((*bn.buffers()[0])[0] - 0.4) < 1e-12); // 0.1·4
    }
    void batchNorm2dGradients()
    {
        dl::Rng rng(1);
        dl::BatchNorm2dT<double> bn(3);
        randomize(bn, rng);
        dltest::checkLayerGradients(bn, dltest::randomTensor({2, 3, 3, 2}, rng, 2.0));
    }
    void identityBlockAddsInput()
    {
        // with zero conv weights and β = 0 the main path is 0, so the block is ReLU(x)
        dl::ResidualBlockT<double> b(2, 2, 1);
        QVERIFY(!b.hasProjection());
        dl::TensorD x({1, 2, 2, 2});
        for (int i = 0; i < 8; ++i) x[i] = i - 3.5;
        const dl::TensorD y = b.forward(x, dl::Mode::Train);
        for (int i = 0; i < 8; ++i) QCOMPARE(y[i], std::max(0.0, x[i]));
    }
    void blocks_data()
    {
        QTest::addColumn<int>("cin");
        QTest::addColumn<int>("cout");
        QTest::addColumn<int>("stride");
        QTest::newRow("identity") << 2 << 2 << 1;
        QTest::newRow("projection, more channels") << 2 << 3 << 1;
        QTest::newRow("projection, stride 2") << 2 << 2 << 2;
    }
    void blocks()
    {
        QFETCH(int, cin);
        QFETCH(int, cout);
        QFETCH(int, stride);
        dl::Rng rng(5);
        dl::ResidualBlockT<double> b(cin, cout, stride);
        QCOMPARE(b.hasProjection(), cin != cout || stride != 1);
        randomize(b, rng);
        const dl::Shape out = b.outputShape({2, cin, 5, 4});
        QCOMPARE(out, (dl::Shape{2, cout, (5 - 1) / stride + 1, (4 - 1) / stride + 1}));
        dltest::checkLayerGradients(b, dltest::randomTensor({2, cin, 5, 4}, rng));
    }
    void namesInASequential()
    {
        dl::Sequential m;
        m.add(std::make_unique<dl::ResidualBlock>(2, 4, 2), "res1");
        const auto ps = m.params();
        QCOMPARE(QString::fromStdString(ps.front()->name), QString("res1.conv1.weight"));
        QCOMPARE(QString::fromStdString(ps.back()->name), QString("res1.bnproj.beta"));
        QCOMPARE(m.buffers().size(), size_t(6));
    }
};

QTEST_APPLESS_MAIN(TstResidual)
#include "tst_residual.moc"
