// SPDX-License-Identifier: MIT
// Inverted dropout: identity at eval, scaling by 1/keep_prob, same mask in backward, gradient check.
#include "core/layers/dropout.h"
#include "layer_check.h"

class TstDropout : public QObject {
    Q_OBJECT
  private slots:
    void evalIsIdentity()
    {
        dl::Dropout d(0.5f, 1);
        dl::Tensor x({3, 4}, 2.f);
        const dl::Tensor y = d.forward(x, dl::Mode::Eval);
        for (size_t i = 0; i < y.size(); ++i) QCOMPARE(y[i], 2.f);
    }
    void invertedScaling()
    {
        dl::Dropout d(0.8f, 2);
        dl::Tensor x({100, 100}, 1.f);
        const dl::Tensor y = d.forward(x, dl::Mode::Train);
        int kept = 0;
        for (size_t i = 0; i < y.size(); ++i) {
            QVERIFY(y[i] == 0.f || std::abs(y[i] - 1.25f) < 1e-6); // A·D / keep_prob
            kept += y[i] != 0.f;
        }
        QVERIFY(std::abs(kept / 10000.0 - 0.8) < 0.02);
        QVERIFY(std::abs(y.arr().mean() - 1.f) < 0.03); // expectation preserved
        const dl::Tensor dx = d.backward(dl::Tensor({100, 100}, 1.f));
        for (size_t i = 0; i < y.size(); ++i) QCOMPARE(dx[i], y[i]); // same mask
    }
    void keepProbValidated()
    {
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::Dropout(0.f, 1));
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::Dropout(1.5f, 1));
    }
    void gradientCheck()
    {
        dl::Rng rng(4);
        dl::DropoutT<double> d(0.7f, 9);
        const std::string state = d.rngState();
        dltest::checkLayerGradients(d, dltest::randomTensor({5, 6}, rng), 1e-7,
                                    [&] { d.setRngState(state); });
    }
};

QTEST_APPLESS_MAIN(TstDropout)
#include "tst_dropout.moc"
