// SPDX-License-Identifier: MIT
// Sigmoid, tanh, ReLU, leaky ReLU: hand-computed values and derivatives, gradient checks.
#include "core/layers/activation.h"
#include "layer_check.h"

Q_DECLARE_METATYPE(dl::Act)

class TstActivation : public QObject {
    Q_OBJECT
  private slots:
    void values_data()
    {
        QTest::addColumn<dl::Act>("act");
        QTest::addColumn<double>("z");
        QTest::addColumn<double>("a");
        QTest::addColumn<double>("da"); // g'(z)
        QTest::newRow("sigmoid 0") << dl::Act::Sigmoid << 0.0 << 0.5 << 0.25;
        QTest::newRow("sigmoid 2") << dl::Act::Sigmoid << 2.0 << 0.8807970779778823 << 0.1049935854035065;
        QTest::newRow("tanh 0.5") << dl::Act::Tanh << 0.5 << 0.46211715726000974 << 0.7864477329659274;
        QTest::newRow("relu -1") << dl::Act::ReLU << -1.0 << 0.0 << 0.0;
        QTest::newRow("relu 3") << dl::Act::ReLU << 3.0 << 3.0 << 1.0;
        QTest::newRow("leaky -2") << dl::Act::LeakyReLU << -2.0 << -0.02 << 0.01;
        QTest::newRow("leaky 2") << dl::Act::LeakyReLU << 2.0 << 2.0 << 1.0;
    }
    void values()
    {
        QFETCH(dl::Act, act);
        QFETCH(double, z);
        QFETCH(double, a);
        QFETCH(double, da);
        dl::ActivationT<double> g(act);
        dl::TensorD x({1, 1}, z);
        QVERIFY(std::abs(g.forward(x, dl::Mode::Train)[0] - a) < 1e-12);
        QVERIFY(std::abs(g.backward(dl::TensorD({1, 1}, 1.0))[0] - da) < 1e-12);
    }
    void gradientCheck_data()
    {
        QTest::addColumn<dl::Act>("act");
        QTest::newRow("sigmoid") << dl::Act::Sigmoid;
        QTest::newRow("tanh") << dl::Act::Tanh;
        QTest::newRow("relu") << dl::Act::ReLU;
        QTest::newRow("leaky") << dl::Act::LeakyReLU;
    }
    void gradientCheck()
    {
        QFETCH(dl::Act, act);
        dl::Rng rng(5);
        dl::ActivationT<double> g(act);
        dl::TensorD x = dltest::randomTensor({3, 8}, rng);
        for (size_t i = 0; i < x.size(); ++i)
            if (std::abs(x[i]) < 1e-3) x[i] = 0.5; // keep away from the ReLU kink
        dltest::checkLayerGradients(g, x);
    }
    void floatMatchesDouble()
    {
        dl::Activation f(dl::Act::Tanh);
        dl::Tensor x({1, 4});
        x[0] = -3;
        x[1] = -0.1f;
        x[2] = 0.7f;
        x[3] = 9;
        const dl::Tensor y = f.forward(x, dl::Mode::Eval);
        for (int i = 0; i < 4; ++i) QVERIFY(std::abs(y[i] - std::tanh(x[i])) < 1e-6);
    }
    void names()
    {
        QCOMPARE(dl::parseAct("tanh"), dl::Act::Tanh);
        QCOMPARE(dl::parseAct("LeakyReLU"), dl::Act::LeakyReLU);
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::parseAct("swish"));
    }
};

QTEST_APPLESS_MAIN(TstActivation)
#include "tst_activation.moc"
