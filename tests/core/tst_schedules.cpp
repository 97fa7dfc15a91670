// SPDX-License-Identifier: MIT
// Learning-rate schedules and the α range test (core/dynamics/schedules.h): every schedule's α by hand
// (COURSE.md §4), the α the trainer used equal to the formula at every epoch, the preview drawn from the
// formulas, the schedule list's text form; the range test's α growing by a constant factor, its stop once the
// loss blows up, and its suggestion useful: on the course's moons task 2000 steps at the suggested α end within
// 2× the best cost a scan of fixed α finds, and at least half the way there from the cost at α/100.
#include "core/dynamics/schedules.h"
#include "core/util/error.h"

#include "tests/message_of.h"

#include <QtTest>
#include <cmath>

namespace {

using dltest::messageOf;


double costAfter(std::uint32_t seed, double lr, long steps)
{
    auto t = dl::makeTrainer(dl::courseMoons(seed, 0.2f, float(lr)));
    t->run(steps);
    const float c = t->evaluateAll().train.cost;
    return std::isfinite(c) ? c : 1e9;
}

} // namespace

class TestSchedules : public QObject {
    Q_OBJECT
  private slots:
    void formulasByHand()
    {
        using dl::Decay;
        const float a0 = 0.1f;
        QCOMPARE(dl::decayedLearningRate(a0, {Decay::InverseTime, 0.5f, 1}, 2), 0.05f);        // 0.1/(1 + 0.5·2)
        QCOMPARE(dl::decayedLearningRate(a0, {Decay::Step, 1.f, 1000}, 4999), 0.02f);          // 0.1/(1 + 4)
        QCOMPARE(dl::decayedLearningRate(a0, {Decay::Staircase, 0.5f, 100}, 250), 0.025f);     // 0.1·0.5²
        QCOMPARE(dl::decayedLearningRate(a0, {Decay::InverseSqrt, 1.f, 1}, 99), 0.01f);         // 0.1/√100
        QVERIFY(std::abs(dl::decayedLearningRate(a0, {Decay::Exponential, 0.5f, 1}, 3) - 0.0125f) < 1e-9f);
        QCOMPARE(dl::scheduleLabel({Decay::Step, 1.f, 1000}), std::string("fixed interval: α₀/(1 + 1·⌊e/1000⌋)"));
    }

    void listTextRoundTrips()
    {
        const auto l = dl::parseScheduleList("none, step:1:1000,exponential:0.999,staircase:0.5:250");
        QCOMPARE(l.size(), size_t(4));
        QVERIFY(l[1].kind == dl::Decay::Step && l[1].rate == 1.f && l[1].interval == 1000);
        QVERIFY(l[3].kind == dl::Decay::Staircase && l[3].rate == 0.5f && l[3].interval == 250);
        QCOMPARE(dl::parseScheduleList(dl::scheduleListText(l)), l);
        const std::pair<const char*, const char*> bad[] = {
            {"sometimes", "unknown decay \"sometimes\""},
            {"step:x", "the rate in \"step:x\" must be a number"},
            {"step:1:0", "the interval in \"step:1:0\" must be a whole number"},
            {"step:1:2:3", "should be KIND[:RATE[:INTERVAL]]"},
            {" , ", "name at least one schedule"}};
        for (const auto& textSays : bad) {
            const char *text = textSays.first, *says = textSays.second;
            QVERIFY2(messageOf([&] { dl::parseScheduleList(text); }).contains(QString::fromUtf8(says)), text);
        }
    }

    void theTrainerUsesTheFormulaEveryEpoch()
    {
        dl::ScheduleSpec spec;
        spec.base = dl::courseMoons(2);
        spec.epochs = 40;
        spec.schedules = dl::parseScheduleList(
            "none,inverse-time:0.1,exponential:0.9,step:1:10,inverse-sqrt:2,staircase:0.5:10");
        dl::ScheduleStudy study(spec);
        while (study.advance()) {
        }
        QCOMPARE(study.progress(), 1.0);
        QCOMPARE(study.runs().size(), size_t(6));
        for (size_t i = 0; i < 6; ++i) {
            const auto& run = study.runs()[i];
            QVERIFY(run.done && !run.diverged);
            QCOMPARE(run.epoch.size(), size_t(40));
            for (size_t e = 0; e < run.epoch.size(); ++e)
                QCOMPARE(float(run.lr[e]), dl::decayedLearningRate(0.1f, spec.schedules[i], long(e)));
        }
        // the first epoch is the same for all (same weights and batches, α₀ at epoch 0 except inverse-sqrt ×2)
        QCOMPARE(study.runs()[1].cost[0], study.runs()[0].cost[0]);
        const dl::StudyReport r = study.report();
        QVERIFY(r.stacked);
        QCOMPARE(r.panels.size(), size_t(2));
        QCOMPARE(r.panels[1].curves[5].y.back(), double(dl::decayedLearningRate(0.1f, spec.schedules[5], 39)));
        QCOMPARE(r.table.size(), size_t(7));
        // before training, the preview draws the same α from the formulas
        const dl::StudyReport p = dl::schedulePreview(spec);
        QCOMPARE(p.panels[1].curves[3].y, r.panels[1].curves[3].y);
        QVERIFY(p.panels[0].curves[0].y.empty());
        QVERIFY(messageOf([&] {
                    spec.epochs = 0;
                    dl::ScheduleStudy s(spec);
                }).contains("between 1 and 1e7 epochs"));
    }

    void rangeTestGrowsAlphaAndStops()
    {
        dl::LrRangeSpec spec;
        spec.base = dl::courseMoons(1);
        spec.lrMin = 1e-4, spec.lrMax = 1e3, spec.steps = 200;
        dl::LrRangeStudy study(spec);
        while (study.advance()) {
        }
        const auto& lr = study.lrs();
        QCOMPARE(lr.front(), 1e-4);
        const double ratio = std::pow(1e7, 1.0 / 199);
        for (size_t k = 1; k < lr.size(); ++k) QVERIFY(std::abs(lr[k] / lr[k - 1] - ratio) < 1e-9);
        QVERIFY(study.stoppedEarly()); // α of a thousand blows the loss up before the end
        QVERIFY(lr.size() < 200);
        QVERIFY(study.suggested() > 1e-4 && study.suggested() < study.lowestAt());
        QCOMPARE(study.progress(), 1.0);
        QVERIFY(messageOf([&] {
                    spec.lrMin = 0;
                    dl::LrRangeStudy s(spec);
                }).contains("from a positive α"));
    }

    void suggestedAlphaTrainsWell()
    {
        // COURSE.md §4 moons, GD, batch 64: 300 steps of the range test, then 2000 steps at the suggestion
        // against a scan of fixed α from 1e-3 to 5.
        for (std::uint32_t seed = 1; seed <= 3; ++seed) {
            dl::LrRangeSpec spec;
            spec.base = dl::courseMoons(seed);
            dl::LrRangeStudy study(spec);
            while (study.advance()) {
            }
            const double s = study.suggested(), atS = costAfter(seed, s, 2000);
            double best = 1e9;
            for (double lr : {1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1.0, 2.0, 5.0}) best = std::min(best, costAfter(seed, lr, 2000));
            const double tiny = costAfter(seed, s / 100, 2000);
            qInfo("seed %u: suggested α %.3g, cost %.4f; best scanned %.4f; at α/100 %.4f", seed, s, atS, best, tiny);
            QVERIFY(atS <= 2 * best);
            QVERIFY(atS <= tiny - 0.5 * (tiny - best)); // at least half the way from α/100 to the best
        }
    }
};

QTEST_GUILESS_MAIN(TestSchedules)
#include "tst_schedules.moc"
