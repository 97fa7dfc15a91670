// SPDX-License-Identifier: MIT
// Batch norm: hand-computed normalisation, running averages at eval, gradient check.
#include "core/layers/batchnorm.h"
#include "layer_check.h"

class TstBatchNorm : public QObject {
    Q_OBJECT
  private slots:
    void handComputed()
    {
        // one feature over 4 examples: 1, 2, 3, 4 → μ = 2.5, σ² = 1.25
        dl::BatchNormT<double> bn(1, 0.9, 0.0);
        dl::TensorD x({1, 4});
        for (int i = 0; i < 4; ++i) x[i] = i + 1;
        const dl::TensorD y = bn.forward(x, dl::Mode::Train);
        const double s = std::sqrt(1.25);
        for (int i = 0; i < 4; ++i) QVERIFY(std::abs(y[i] - (i + 1 - 2.5) / s) < 1e-12);
        // running: 0.9·0 + 0.1·2.5 and 0.9·1 + 0.1·1.25
        QVERIFY(std::abs((*bn.buffers()[0])[0] - 0.25) < 1e-12);
        QVERIFY(std::abs((*bn.buffers()[1])[0] - 1.025) < 1e-12);
        // eval uses the running averages
        const dl::TensorD ye = bn.forward(x, dl::Mode::Eval);
        QVERIFY(std::abs(ye[0] - (1 - 0.25) / std::sqrt(1.025)) < 1e-12);
    }
    void gammaBeta()
    {
        dl::BatchNorm bn(2);
        bn.params()[0]->value[1] = 3.f; // γ of feature 1
        bn.params()[1]->value[1] = 1.f; // β
        dl::Tensor x({2, 2});
        x[0] = 0;
        x[1] = 0;
        x[2] = -1;
        x[3] = 1;
        const dl::Tensor y = bn.forward(x, dl::Mode::Train);
        QVERIFY(std::abs(y[2] - (1 - 3 * 1 / std::sqrt(1 + 1e-5))) < 1e-5);
        QCOMPARE(y[0], 0.f); // zero variance stays finite thanks to ε
    }
    void gradientCheck()
    {
        dl::Rng rng(6);
        dl::BatchNormT<double> bn(3);
        bn.params()[0]->value = dltest::randomTensor({3}, rng);
        bn.params()[1]->value = dltest::randomTensor({3}, rng);
        dltest::checkLayerGradients(bn, dltest::randomTensor({3, 7}, rng, 2.0));
    }
    // Frozen: the Eval computation (running averages), differentiable; the averages must not move.
    void frozenGradientCheck()
    {
        dl::Rng rng(8);
        dl::BatchNormT<double> bn(3);
        bn.params()[0]->value = dltest::randomTensor({3}, rng);
        bn.params()[1]->value = dltest::randomTensor({3}, rng);
        for (int i = 0; i < 5; ++i) bn.forward(dltest::randomTensor({3, 6}, rng, 3.0), dl::Mode::Train);
        const dl::TensorD mean = *bn.buffers()[0], var = *bn.buffers()[1];
        const dl::TensorD x = dltest::randomTensor({3, 5}, rng, 2.0);
        const dl::TensorD ye = bn.forward(x, dl::Mode::Eval);
        const dl::TensorD yf = bn.forward(x, dl::Mode::Frozen);
        for (size_t i = 0; i < ye.size(); ++i) QCOMPARE(yf[i], ye[i]);
        dltest::checkLayerGradients(bn, x, 1e-7, {}, dl::Mode::Frozen);
        for (size_t i = 0; i < 3; ++i) {
            QCOMPARE((*bn.buffers()[0])[i], mean[i]);
            QCOMPARE((*bn.buffers()[1])[i], var[i]);
        }
    }
};

QTEST_APPLESS_MAIN(TstBatchNorm)
#include "tst_batchnorm.moc"
