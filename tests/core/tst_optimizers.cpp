// SPDX-License-Identifier: MIT
// Optimizers vs hand-computed steps (Adam bias correction at t = 1), decay schedules, clipping.
#include "core/optim/optimizer.h"
#include "core/optim/schedule.h"

#include <QtTest>

class TstOptimizers : public QObject {
    Q_OBJECT
    dl::Param m_p;
    std::vector<dl::Param*> params()
    {
        m_p = {"w", dl::Tensor({2}), dl::Tensor({2}), true};
        m_p.value[0] = 1.f;
        m_p.value[1] = -1.f;
        return {&m_p};
    }
    void setGrad()
    {
        m_p.grad[0] = 0.5f;
        m_p.grad[1] = -2.f;
    }
  private slots:
    void gradientDescent()
    {
        auto ps = params();
        auto opt = dl::makeOptimizer({dl::OptKind::GD}, ps);
        setGrad();
        opt->step(ps, 0.1f);
        QVERIFY(std::abs(m_p.value[0] - 0.95f) < 1e-6); // W -= α dW
        QVERIFY(std::abs(m_p.value[1] - -0.8f) < 1e-6);
    }
    void momentumCourseForm()
    {
        auto ps = params();
        dl::OptimizerConfig c{dl::OptKind::Momentum};
        auto opt = dl::makeOptimizer(c, ps);
        setGrad();
        opt->step(ps, 0.1f); // v = 0.1·dW = (0.05, -0.2); W -= 0.1 v
        QVERIFY(std::abs(m_p.value[0] - 0.995f) < 1e-6);
        setGrad();
        opt->step(ps, 0.1f); // v = 0.9·0.05 + 0.1·0.5 = 0.095
        QVERIFY(std::abs(m_p.value[0] - (0.995f - 0.0095f)) < 1e-6);
    }
    void rmsprop()
    {
        auto ps = params();
        auto opt = dl::makeOptimizer({dl::OptKind::RMSprop}, ps);
        setGrad();
        opt->step(ps, 0.01f); // s = 0.001·dW²; W -= α dW/(√s + ε) = α·sign(dW)/√0.001
        QVERIFY(std::abs(m_p.value[0] - (1.f - 0.01f / std::sqrt(0.001f))) < 1e-5);
        QVERIFY(std::abs(m_p.value[1] - (-1.f + 0.01f / std::sqrt(0.001f))) < 1e-5);
    }
    void adamFirstAndSecondStep()
    {
        auto ps = params();
        auto opt = dl::makeOptimizer({dl::OptKind::Adam}, ps);
        setGrad();
        opt->step(ps, 0.1f);
        // t = 1: v̂ = dW, ŝ = dW², update = α·dW/(|dW| + ε) = ±α (to 1e-6)
        QCOMPARE(opt->steps(), 1L);
        QVERIFY(std::abs(m_p.value[0] - 0.9f) < 1e-6);
        QVERIFY(std::abs(m_p.value[1] - -0.9f) < 1e-6);
        // t = 2 with dW = (0.25, -2): v = 0.9·0.05 + 0.1·0.25 = 0.07, v̂ = 0.07/0.19;
        // s = 0.999·0.00025 + 0.001·0.0625 = 0.00031225, ŝ = s/(1-0.998001)
        m_p.grad[0] = 0.25f;
        m_p.grad[1] = -2.f;
        opt->step(ps, 0.1f);
        const double vhat = 0.07 / 0.19, shat = 0.00031225 / (1 - 0.999 * 0.999);
        QVERIFY(std::abs(m_p.value[0] - (0.9 - 0.1 * vhat / (std::sqrt(shat) + 1e-8))) < 1e-6);
    }
    void stateSurvivesConfigChange()
    {
        auto ps = params();
        auto opt = dl::makeOptimizer({dl::OptKind::Adam}, ps);
        setGrad();
        opt->step(ps, 0.1f);
        dl::OptimizerConfig c{dl::OptKind::Adam};
        c.beta1 = 0.5f;
        opt->setConfig(c);
        QCOMPARE(opt->steps(), 1L);
        QVERIFY(opt->moments()[0].arr().abs().sum() > 0);
    }
    void decay()
    {
        dl::DecayConfig d{dl::Decay::InverseTime, 1.f, 1};
        QCOMPARE(dl::decayedLearningRate(0.2f, d, 1), 0.1f); // α₀/(1 + 1·1)
        d = {dl::Decay::Exponential, 0.95f, 1};
        QVERIFY(std::abs(dl::decayedLearningRate(1.f, d, 2) - 0.9025f) < 1e-6); // 0.95²
        d = {dl::Decay::Step, 1.f, 1000};
        QCOMPARE(dl::decayedLearningRate(0.3f, d, 999), 0.3f);
        QCOMPARE(dl::decayedLearningRate(0.3f, d, 1000), 0.15f); // α₀/(1 + floor(1000/1000))
        d = {dl::Decay::Staircase, 0.5f, 10};
        QCOMPARE(dl::decayedLearningRate(0.8f, d, 9), 0.8f);
        QCOMPARE(dl::decayedLearningRate(0.8f, d, 25), 0.2f); // α₀·0.5^floor(25/10)
        d = {dl::Decay::InverseSqrt, 2.f, 1};
        QCOMPARE(dl::decayedLearningRate(0.1f, d, 3), 0.1f); // α₀·2/√4
        d = {dl::Decay::None, 1.f, 1};
        QCOMPARE(dl::decayedLearningRate(0.3f, d, 5000), 0.3f);
        for (dl::Decay k : dl::decays()) QCOMPARE(dl::parseDecay(dl::decayName(k)), k);
    }
    void clipping()
    {
        auto ps = params();
        m_p.grad[0] = 3.f;
        m_p.grad[1] = -4.f;
        QCOMPARE(dl::clipByNorm(ps, 1.f), 5.f);
        QVERIFY(std::abs(m_p.grad[0] - 0.6f) < 1e-6); // scaled by 1/5
        m_p.grad[0] = 10.f;
        m_p.grad[1] = -10.f;
        dl::clipByValue(ps, 5.f);
        QCOMPARE(m_p.grad[0], 5.f);
        QCOMPARE(m_p.grad[1], -5.f);
    }
    // The fused tail of a step (clip by value, update, zero) against the three passes it replaces, for gradient
    // descent (one pass) and Adam (the default: the passes themselves), with and without a clip.
    void stepAndClear()
    {
        for (dl::OptKind k : {dl::OptKind::GD, dl::OptKind::Adam})
            for (float clip : {0.f, 1.f}) {
                auto ps = params();
                auto fused = dl::makeOptimizer({k}, ps);
                m_p.grad[0] = 3.f, m_p.grad[1] = -0.25f;
                fused->stepAndClear(ps, 0.1f, clip);
                const float w0 = m_p.value[0], w1 = m_p.value[1];
                QCOMPARE(m_p.grad[0], 0.f);
                QCOMPARE(m_p.grad[1], 0.f);
                QCOMPARE(fused->steps(), 1L);
                ps = params();
                auto plain = dl::makeOptimizer({k}, ps);
                m_p.grad[0] = 3.f, m_p.grad[1] = -0.25f;
                if (clip > 0.f) dl::clipByValue(ps, clip);
                plain->step(ps, 0.1f);
                QCOMPARE(m_p.value[0], w0);
                QCOMPARE(m_p.value[1], w1);
                if (k == dl::OptKind::GD) // W -= α clamp(dW): 1 − 0.1·min(3, c), −1 + 0.025
                    QVERIFY(std::abs(w0 - (clip > 0.f ? 0.9f : 0.7f)) < 1e-6 && std::abs(w1 + 0.975f) < 1e-6);
            }
    }
};

QTEST_APPLESS_MAIN(TstOptimizers)
#include "tst_optimizers.moc"
