// SPDX-License-Identifier: MIT
// Losses: known values (uniform logits → log K, hand BCE), gradient checks, L2 penalty and gradient.
#include "core/losses/bce.h"
#include "core/losses/cross_entropy.h"
#include "core/losses/mse.h"
#include "layer_check.h"

Q_DECLARE_METATYPE(dl::LossKind)

class TstLosses : public QObject {
    Q_OBJECT
  private slots:
    void bceHand()
    {
        // z = 0 → a = 0.5 → J = log 2 whatever y; z = 2, y = 1 → -log σ(2)
        dl::BinaryCrossEntropyT<double> l;
        dl::TensorD z({1, 2}), y({1, 2});
        z[0] = 0;
        y[0] = 0;
        z[1] = 2;
        y[1] = 1;
        const auto r = l.compute(z, y);
        const double s2 = 1 / (1 + std::exp(-2.0));
        QVERIFY(std::abs(r.value - (std::log(2.0) - std::log(s2)) / 2) < 1e-12);
        QVERIFY(std::abs(r.dpred[0] - (0.5 - 0) / 2) < 1e-12); // (a - y)/m
        QVERIFY(std::abs(r.dpred[1] - (s2 - 1) / 2) < 1e-12);
    }
    void bceStableAtExtremes()
    {
        dl::BinaryCrossEntropyT<float> l;
        dl::Tensor z({1, 2}), y({1, 2});
        z[0] = 100;
        y[0] = 0; // confidently wrong: J ≈ 100, gradient ≈ 1/m, never NaN
        z[1] = -100;
        y[1] = 0;
        const auto r = l.compute(z, y);
        QVERIFY(std::abs(r.value - 50.f) < 1e-3);
        QVERIFY(std::abs(r.dpred[0] - 0.5f) < 1e-6);
    }
    void softmaxUniformIsLogK()
    {
        dl::SoftmaxCrossEntropyT<double> l;
        dl::TensorD z({4, 3}, 0.7), y({4, 3});
        for (int e = 0; e < 3; ++e) y[e % 4 * 3 + e] = 1;
        QVERIFY(std::abs(l.compute(z, y).value - std::log(4.0)) < 1e-12);
    }
    void mseHand()
    {
        dl::MeanSquaredErrorT<double> l;
        dl::TensorD p({1, 2}), y({1, 2});
        p[0] = 1;
        p[1] = 3;
        y[0] = 0;
        y[1] = 1;
        const auto r = l.compute(p, y);
        QCOMPARE(r.value, 2.5);    // (1 + 4) / 2
        QCOMPARE(r.dpred[1], 2.0); // 2·(3-1)/2
    }
    void gradientCheck_data()
    {
        QTest::addColumn<dl::LossKind>("kind");
        QTest::newRow("bce") << dl::LossKind::BinaryCrossEntropy;
        QTest::newRow("softmax ce") << dl::LossKind::SoftmaxCrossEntropy;
        QTest::newRow("mse") << dl::LossKind::MeanSquaredError;
    }
    void gradientCheck()
    {
        QFETCH(dl::LossKind, kind);
        auto loss = dl::makeLoss<double>(kind);
        dl::Rng rng(11);
        const int k = kind == dl::LossKind::BinaryCrossEntropy ? 1 : 3;
        dl::TensorD z = dltest::randomTensor({k, 5}, rng, 2.0), y({k, 5});
        for (int e = 0; e < 5; ++e) {
            if (k == 1)
                y[e] = e % 2;
            else
                y[(e % k) * 5 + e] = 1;
        }
        const auto r = loss->compute(z, y);
        dl::TensorD approx(z.shape());
        for (size_t i = 0; i < z.size(); ++i) {
            dl::TensorD zp = z;
            zp[i] += 1e-6;
            const double plus = loss->compute(zp, y).value;
            zp[i] -= 2e-6;
            approx[i] = (plus - loss->compute(zp, y).value) / 2e-6;
        }
        QVERIFY(dltest::relDiff(r.dpred, approx) < 1e-7);
    }
    void shapeMismatch()
    {
        dl::BinaryCrossEntropyT<float> l;
        QVERIFY_THROWS_EXCEPTION(dl::ShapeError, l.compute(dl::Tensor({1, 3}), dl::Tensor({1, 2})));
    }
    void l2()
    {
        dl::ParamT<double> w{"w", dl::TensorD({2}), dl::TensorD({2}), true};
        dl::ParamT<double> b{"b", dl::TensorD({1}, 5.0), dl::TensorD({1}), false};
        w.value[0] = 1;
        w.value[1] = 2;
        std::vector<dl::ParamT<double>*> ps{&w, &b};
        QCOMPARE(dl::l2Penalty(ps, 0.7, 4), 0.7 / 8 * 5); // λ/(2m)·||W||², biases excluded
        dl::addL2Grad(ps, 0.7, 4);
        QCOMPARE(w.grad[1], 0.7 / 4 * 2); // λ/m·W
        QCOMPARE(b.grad[0], 0.0);
    }
};

QTEST_APPLESS_MAIN(TstLosses)
#include "tst_losses.moc"
