// SPDX-License-Identifier: MIT
// Comparisons: one run per value, all else equal; the course's comparisons come out as the course says.
#include "core/train/sweep.h"
#include "core/util/run_pool.h"

#include <atomic>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

#include <QtTest>

class TstSweep : public QObject {
    Q_OBJECT
    dl::Experiment base(const std::string& kind)
    {
        dl::Experiment e;
        e.dataset.kind = kind;
        e.data = dl::splitDataset(dl::makeSynthetic(e.dataset), 0.2f, 1);
        return e;
    }
    std::vector<dl::SweepResult> run(const dl::Experiment& e, dl::SweepParam p, const std::string& values,
                                     long it)
    {
        std::vector<dl::SweepResult> out;
        dl::runSweep(dl::sweepRuns(e, p, values), it, 8, 50, nullptr,
                     [&](const dl::SweepResult& r) { out.push_back(r); });
        return out;
    }
  private slots:
    void poolRunsEveryJobOnceAcrossTwoThreads();
    void poolStopsOnCancelAndRethrowsTheFirstError();
    void resultsComeInTheRunsOrderAndEqualOneThreadsRuns();
    void parsing()
    {
        const dl::Experiment e = base("flower");
        auto runs = dl::sweepRuns(e, dl::SweepParam::LearningRate,
                                  dl::defaultSweepValues(dl::SweepParam::LearningRate));
        QCOMPARE(runs.size(), size_t(3));
        QCOMPARE(runs[1].label, std::string("α = 0.001"));
        QCOMPARE(runs[1].experiment.hyper.lr, 0.001f);
        QCOMPARE(runs[1].experiment.network.hidden, e.network.hidden); // everything else equal
        runs = dl::sweepRuns(e, dl::SweepParam::HiddenUnits, "0, 3");
        QVERIFY(runs[0].experiment.network.hidden.empty());
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError,
                                 dl::sweepRuns(e, dl::SweepParam::Optimizer, "adam,nadam"));
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::sweepRuns(e, dl::SweepParam::LearningRate, "-1"));
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::sweepRuns(e, dl::SweepParam::L2, ""));
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::parseSweepParam("momentum"));
    }
    void hiddenSizesAsTheCourseSays()
    {
        // COURSE.md §2: 1-2 units ≈ 67 %, ≥ 3 units ≈ 90 %
        const auto r = run(base("flower"), dl::SweepParam::HiddenUnits, "1,2,3,5", 10000);
        QCOMPARE(r.size(), size_t(4));
        QVERIFY(r[0].eval.train.accuracy < 0.8f && r[1].eval.train.accuracy < 0.8f);
        QVERIFY(r[2].eval.train.accuracy > 0.88f && r[3].eval.train.accuracy > 0.88f);
        QVERIFY(r[3].curve.size() >= 50);
        QVERIFY(r[3].curve.back().second < r[3].curve.front().second); // the cost fell
    }
    void optimizersOnMoons()
    {
        dl::Experiment e = base("moons");
        e.network.hidden = {5, 2};
        e.network.activation = dl::Act::ReLU;
        e.network.init = dl::Init::He;
        e.hyper.lr = 0.0007f;
        e.hyper.batch = 64;
        const auto r = run(e, dl::SweepParam::Optimizer, "gd,adam", 8000);
        QVERIFY(r[1].eval.train.accuracy > r[0].eval.train.accuracy + 0.05f);
    }
    void cancelStops()
    {
        dl::CancelFlag c;
        c.request();
        int calls = 0;
        dl::runSweep(dl::sweepRuns(base("flower"), dl::SweepParam::HiddenUnits, "1,2"), 1000, 8, 10, &c,
                     [&](const dl::SweepResult&) { ++calls; });
        QCOMPARE(calls, 0);
    }
};

void TstSweep::poolRunsEveryJobOnceAcrossTwoThreads()
{
    std::mutex m;
    std::vector<int> seen;
    std::set<std::thread::id> threads;
    dl::runPool(
        40,
        [&](int i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            std::lock_guard lock(m);
            seen.push_back(i);
            threads.insert(std::this_thread::get_id());
        },
        nullptr, 2);
    std::sort(seen.begin(), seen.end());
    std::vector<int> all(40);
    std::iota(all.begin(), all.end(), 0);
    QCOMPARE(seen, all);
    QCOMPARE(threads.size(), size_t(2)); // both cores took runs
}

void TstSweep::poolStopsOnCancelAndRethrowsTheFirstError()
{
    dl::CancelFlag cancel;
    std::atomic<int> ran{0};
    dl::runPool(
        100,
        [&](int) {
            if (++ran == 5) cancel.request();
        },
        &cancel, 2);
    QVERIFY(ran.load() >= 5 && ran.load() <= 6); // the one running when it was asked may finish
    ran = 0;
    bool threw = false;
    try {
        dl::runPool(
            50,
            [&](int i) {
                ++ran;
                if (i == 3) throw std::runtime_error("run 3 broke");
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            },
            nullptr, 2);
    } catch (const std::runtime_error& e) {
        threw = QString(e.what()) == "run 3 broke";
    }
    QVERIFY(threw);
    QVERIFY(ran.load() < 50); // nothing new started after the error
}

void TstSweep::resultsComeInTheRunsOrderAndEqualOneThreadsRuns()
{
    // the first run trains 20x longer than the others: on two threads it finishes last, yet comes first
    std::vector<dl::SweepRun> runs = dl::sweepRuns(base("moons"), dl::SweepParam::HiddenUnits, "3,4,5,6");
    runs[0].iterations = 4000;
    for (size_t i = 1; i < runs.size(); ++i) runs[i].iterations = 200;
    std::vector<dl::SweepResult> pooled;
    dl::runSweep(runs, 0, 8, 50, nullptr, [&](const dl::SweepResult& r) { pooled.push_back(r); });
    QCOMPARE(pooled.size(), runs.size());
    for (size_t i = 0; i < runs.size(); ++i) QCOMPARE(pooled[i].label, runs[i].label);
    QCOMPARE(pooled[0].curve.back().first, 4000L);
    QCOMPARE(pooled[1].curve.back().first, 200L);
    for (size_t i = 0; i < runs.size(); ++i) { // the same numbers as the run alone on this thread
        std::vector<dl::SweepResult> alone;
        dl::runSweep({runs[i]}, 0, 8, 50, nullptr, [&](const dl::SweepResult& r) { alone.push_back(r); });
        QCOMPARE(alone.at(0).eval.train.cost, pooled[i].eval.train.cost);
        QCOMPARE(alone.at(0).grid.prob, pooled[i].grid.prob);
    }
}

QTEST_APPLESS_MAIN(TstSweep)
#include "tst_sweep.moc"
