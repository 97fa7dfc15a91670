// SPDX-License-Identifier: MIT
// Trainer: the course's reference results, mini-batch bookkeeping, live hyperparameter changes,
// divergence handling and cancellation.
#include "core/data/synthetic.h"
#include "core/train/trainer.h"

#include <QtTest>

#include <limits>

namespace {
dl::Split data(const std::string& kind, float dev = 0.2f, std::uint32_t seed = 1)
{
    dl::DatasetSpec s;
    s.kind = kind;
    s.seed = seed;
    return dl::splitDataset(dl::makeSynthetic(s), dev, seed);
}
} // namespace

class TstTrainer : public QObject {
    Q_OBJECT
  private slots:
    void coursePlanarResult()
    {
        // COURSE.md §2: 2-4-1, tanh, random ×0.01, GD α = 1.2, 10 000 iterations ⇒ about 90 %
        dl::ModelSpec spec;
        dl::Hyperparams h;
        dl::Trainer t(spec, h, data("flower"), 1);
        t.run(10000);
        const dl::EpochStats e = t.evaluateAll();
        QVERIFY2(e.train.accuracy >= 0.88f, std::to_string(e.train.accuracy).c_str());
        QCOMPARE(t.steps(), 10000L);
    }
    void logisticRegressionFailsOnFlower()
    {
        dl::ModelSpec spec;
        spec.hidden = {};
        dl::Trainer t(spec, dl::Hyperparams{}, data("flower"), 1);
        t.run(10000);
        QVERIFY(t.evaluateAll().train.accuracy < 0.6f); // the course reports about 47 %
    }
    void adamBeatsGdOnMoons()
    {
        // COURSE.md §4: moons, 5-2-1 ReLU, He init, batch 64, same epoch budget for both
        dl::ModelSpec spec;
        spec.hidden = {5, 2};
        spec.activation = dl::Act::ReLU;
        spec.init = dl::Init::He;
        float acc[2];
        for (int k = 0; k < 2; ++k) {
            dl::Hyperparams h;
            h.lr = 0.0007f;
            h.batch = 64;
            h.opt.kind = k == 0 ? dl::OptKind::GD : dl::OptKind::Adam;
            dl::Trainer t(spec, h, data("moons"), 1);
            while (t.epochs() < 5000) t.step();
            acc[k] = t.evaluateAll().train.accuracy;
        }
        QVERIFY2(acc[1] > acc[0] + 0.05f, (std::to_string(acc[0]) + " vs " + std::to_string(acc[1])).c_str());
        QVERIFY(acc[1] >= 0.93f);
    }
    void xorSmoke()
    {
        dl::ModelSpec spec;
        spec.hidden = {8};
        spec.activation = dl::Act::ReLU;
        spec.init = dl::Init::He;
        dl::Hyperparams h;
        h.lr = 0.01f;
        h.opt.kind = dl::OptKind::Adam;
        dl::Trainer t(spec, h, data("xor"), 2);
        t.run(1500);
        QVERIFY(t.evaluateAll().train.accuracy >= 0.95f);
    }
    void miniBatchesKeepPartialBatch()
    {
        dl::Hyperparams h;
        h.batch = 64;
        dl::Split s = data("moons", 0.f); // 300 points → 4 full batches + 44
        dl::Trainer t(dl::ModelSpec{}, h, s, 1);
        int steps = 0;
        while (t.epochs() < 1) {
            t.step();
            ++steps;
        }
        QCOMPARE(steps, 5);
        QCOMPARE(t.steps(), 5L);
    }
    void liveLearningRateChange()
    {
        dl::Trainer t(dl::ModelSpec{}, dl::Hyperparams{}, data("flower"), 1);
        QCOMPARE(t.step().lr, 1.2f);
        dl::Hyperparams h = t.hyper();
        h.lr = 0.05f;
        t.setHyper(h);
        QCOMPARE(t.step().lr, 0.05f);
        h.lr = -1.f;
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, t.setHyper(h));
        QCOMPARE(t.hyper().lr, 0.05f); // a rejected change leaves the old value
    }
    void decayUsesEpochs()
    {
        dl::Hyperparams h;
        h.decay = {dl::Decay::InverseTime, 1.f, 1};
        dl::Trainer t(dl::ModelSpec{}, h, data("flower"), 1);
        t.step();                    // epoch 0
        QCOMPARE(t.step().lr, 0.6f); // epoch 1: 1.2 / (1 + 1)
    }
    void divergenceStopsCleanly()
    {
        dl::ModelSpec spec;
        spec.hidden = {50, 50};
        spec.activation = dl::Act::ReLU;
        spec.init = dl::Init::Large;
        dl::Hyperparams h;
        h.lr = 100.f;
        dl::Trainer t(spec, h, data("flower"), 1);
        int calls = 0;
        t.onStep = [&](const dl::StepStats&) {
            ++calls;
        };
        const dl::StepStats s = t.run(5000);
        QVERIFY(s.diverged);
        QVERIFY(t.steps() < 5000);
        QCOMPARE(static_cast<long>(calls), t.steps() + 1);
        const QString msg = QString::fromStdString(t.divergenceMessage(s));
        QVERIFY2(msg.contains("Try a lower learning rate (now 100)"), qPrintable(msg));
        for (dl::Param* p : t.model().params())
            QVERIFY(p->value.arr().isFinite().all()); // no NaN update made
    }
    void hugeNetworksAreRefusedBeforeAllocating()
    {
        // An experiment file may list any number of 4096-unit layers: refused by the weight count, not by
        // running out of memory.
        dl::ModelSpec spec;
        spec.hidden = std::vector<int>(8, 4096);
        try {
            dl::Trainer t(spec, dl::Hyperparams{}, data("flower"), 1);
            QFAIL("no error");
        } catch (const dl::ConfigError& e) {
            QVERIFY2(QString(e.what()).contains("more than 64 million weights"), e.what());
        }
        spec.hidden = {4096, 3}; // large but allowed
        dl::Trainer ok(spec, dl::Hyperparams{}, data("flower"), 1);
        QCOMPARE(ok.steps(), 0L);
    }
    void divergenceSaysNaNOrInfinite()
    {
        dl::StepStats s;
        s.step = 11, s.lr = 100.f, s.diverged = true;
        s.cost = std::numeric_limits<float>::quiet_NaN();
        QCOMPARE(
            QString::fromStdString(dl::divergenceMessage(s)),
            QString(
                "Training stopped at step 12: the cost became NaN. Try a lower learning rate (now 100)."));
        s.cost = std::numeric_limits<float>::infinity(); // an overflow, not a NaN: said as it is (issue 11)
        QCOMPARE(
            QString::fromStdString(dl::divergenceMessage(s)),
            QString("Training stopped at step 12: the cost became infinite. Try a lower learning rate (now "
                    "100)."));
        s.cost = -std::numeric_limits<float>::infinity();
        QVERIFY(dl::divergenceMessage(s).find("became infinite") != std::string::npos);
    }
    void cancelStopsWithinOneStep()
    {
        dl::Trainer t(dl::ModelSpec{}, dl::Hyperparams{}, data("flower"), 1);
        dl::CancelFlag flag;
        t.onStep = [&](const dl::StepStats& s) {
            if (s.step == 37) flag.request();
        };
        t.run(10000, &flag);
        QCOMPARE(t.steps(), 37L);
    }
    void emptyTrainingSetIsAnError()
    {
        dl::Split s;
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::Trainer(dl::ModelSpec{}, dl::Hyperparams{}, s, 1));
    }
};

QTEST_APPLESS_MAIN(TstTrainer)
#include "tst_trainer.moc"
