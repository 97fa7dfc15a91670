// SPDX-License-Identifier: MIT
// The one worker mechanism (widgets/lab_worker.h, lab_thread.h) as the GUI sees it, with the simplest
// worker (a counter: the chunk loop, the snapshot throttle, pause, the limit, an error, cancel, shutdown)
// and the Playground's: snapshots arrive, pause stops, bad input fails with one sentence and the worker
// stays usable, a new learning rate is used by the trainer.
#include "app/labs/playground/training_worker.h"
#include "widgets/lab_thread.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <stdexcept>

namespace {

// Counts to a limit in the base's chunks; throws at `failAt` (to test the guard).
class CountingWorker : public lab::LabWorker {
    Q_OBJECT
  public:
    long count = 0, limit = 0, failAt = -1;
    int chunks = 0;

  signals:
    void counted(long count, bool running, bool final);

  protected:
    bool workChunk() override
    {
        ++chunks;
        while (chunkLeft()) {
            if (++count == failAt) throw std::runtime_error("The counter broke at " + std::to_string(count) + ".");
            if (limit > 0 && count >= limit) return false;
        }
        return true;
    }
    void sendSnapshot(bool final) override { emit counted(count, isRunning(), final); }
};

// The page's side of a LabThread: the worker's signals re-emitted here (for QSignalSpy).
class CountingFront : public QObject {
    Q_OBJECT
  public:
    CountingFront()
    {
        t.relay(&CountingWorker::counted, this, &CountingFront::counted);
        t.relay(&lab::LabWorker::runningChanged, this, [this](bool r) {
            running = r;
            emit runningChanged(r);
        });
        t.relay(&lab::LabWorker::failed, this, &CountingFront::failed);
    }
    lab::LabThread<CountingWorker> t{"counting"};
    bool running = false;
  signals:
    void counted(long count, bool running, bool final);
    void runningChanged(bool running);
    void failed(const QString& message);
};

// The Playground's worker behind a LabThread, with the calls its page makes.
class TrainingFront : public QObject {
    Q_OBJECT
  public:
    TrainingFront()
    {
        t.relay(&lab::TrainingWorker::progressed, this, &TrainingFront::progressed);
        t.relay(&lab::LabWorker::runningChanged, this, [this](bool r) {
            m_running = r;
            emit runningChanged(r);
        });
        t.relay(&lab::LabWorker::failed, this, &TrainingFront::failed);
        t.relay(&lab::TrainingWorker::configured, this, &TrainingFront::configured);
    }
    bool isRunning() const { return m_running; }
    void configure(const lab::RunConfig& c) { t.call([c](lab::TrainingWorker& w) { w.configure(c); }); }
    void start() { t.start(); }
    void pause() { t.pause(); }
    void setStepsPerSecond(int r) { t.call([r](lab::TrainingWorker& w) { w.setStepsPerSecond(r); }); }
    void setHyper(const dl::Hyperparams& h) { t.call([h](lab::TrainingWorker& w) { w.setHyper(h); }); }
    void openExperiment(const QString& p) { t.call([p](lab::TrainingWorker& w) { w.openExperiment(p); }); }
    void requestSnapshot() { t.call([](lab::TrainingWorker& w) { w.requestSnapshot(); }); }
    lab::LabThread<lab::TrainingWorker> t{"training"};
  signals:
    void progressed(const lab::Snapshot& s);
    void runningChanged(bool running);
    void failed(const QString& message);
    void configured(const lab::RunConfig& cfg);

  private:
    bool m_running = false;
};

lab::RunConfig flower()
{
    lab::RunConfig c;
    c.data = dl::splitDataset(dl::makeSynthetic(c.dataset), 0.2f, 1);
    return c;
}
lab::Snapshot lastOf(const QSignalSpy& spy)
{
    return spy.last().at(0).value<lab::Snapshot>();
}
} // namespace

class TstLabWorker : public QObject {
    Q_OBJECT
  private slots:
    void chunkLoopThrottlesSnapshotsAndStopsAtItsLimit()
    {
        CountingFront f;
        QSignalSpy counted(&f, &CountingFront::counted);
        QSignalSpy running(&f, &CountingFront::runningChanged);
        f.t.call([](CountingWorker& w) { w.limit = 20'000'000; });
        f.t.start();
        QVERIFY(running.wait(2000));
        QCOMPARE(running.at(0).at(0).toBool(), true);
        QTRY_VERIFY_WITH_TIMEOUT(!f.running, 120000);
        const auto last = counted.last();
        QCOMPARE(last.at(0).toLongLong(), 20'000'000LL); // stopped exactly at the limit
        QCOMPARE(last.at(1).toBool(), false);              // the final snapshot says "not running" ...
        QCOMPARE(last.at(2).toBool(), true);               // ... and came before runningChanged(false)
        long previous = -1;
        for (const auto& c : counted) { // counts only grow, and mid-run snapshots are not final
            QVERIFY(c.at(0).toLongLong() >= previous);
            previous = c.at(0).toLongLong();
        }
        for (int i = 0; i + 1 < counted.size(); ++i) QVERIFY(!counted.at(i).at(2).toBool());
    }
    void pauseStopsTheChunkInProgressAndStartGoesOn()
    {
        CountingFront f;
        QSignalSpy counted(&f, &CountingFront::counted);
        f.t.start();
        QTRY_VERIFY_WITH_TIMEOUT(counted.size() >= 3, 5000);
        f.t.pause();
        QTRY_VERIFY_WITH_TIMEOUT(!f.running && counted.last().at(2).toBool(), 5000);
        const long stopped = counted.last().at(0).toLongLong();
        QTest::qWait(200);
        QCOMPARE(counted.last().at(0).toLongLong(), stopped);
        f.t.start(); // Run again clears the cancel flag
        QTRY_VERIFY_WITH_TIMEOUT(counted.last().at(0).toLongLong() > stopped, 5000);
        f.t.pause();
    }
    void anErrorIsOneSentenceAndTheWorkerStaysUsable()
    {
        CountingFront f;
        QSignalSpy failed(&f, &CountingFront::failed);
        QSignalSpy counted(&f, &CountingFront::counted);
        f.t.call([](CountingWorker& w) { w.failAt = 1000; });
        f.t.start();
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.last().at(0).toString(), QString("The counter broke at 1000."));
        QTRY_VERIFY_WITH_TIMEOUT(!f.running, 2000);
        f.t.call([](CountingWorker& w) { w.limit = w.count + 10; });
        f.t.start();
        QTRY_VERIFY_WITH_TIMEOUT(!counted.isEmpty() && counted.last().at(0).toLongLong() == 1010, 5000);
    }
    void destroyingTheHolderWhileRunningJoinsPromptly()
    {
        QElapsedTimer clock;
        {
            CountingFront f;
            QSignalSpy counted(&f, &CountingFront::counted);
            f.t.start();
            QTRY_VERIFY_WITH_TIMEOUT(counted.size() >= 2, 5000);
            clock.start();
        } // closing + cancel + shutdown, then join: the chunk in progress ends at its next check
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    }
    void configureSendsStepZero()
    {
        TrainingFront c;
        QSignalSpy progressed(&c, &TrainingFront::progressed);
        c.configure(flower());
        QVERIFY(progressed.wait(2000));
        const lab::Snapshot s = lastOf(progressed);
        QCOMPARE(s.last.step, 0L);
        QCOMPARE(s.grid.res, lab::TrainingWorker::kGridRes);
        QCOMPARE(int(s.grid.prob.size()), s.grid.res * s.grid.res);
        QCOMPARE(s.units.size(), size_t(1)); // one hidden layer of 4 tanh units
        QCOMPARE(s.units[0].units, 4);
        QCOMPARE(s.data.train.size(), 320);
    }
    void runThenPauseWithinOneSecond()
    {
        TrainingFront c;
        QSignalSpy progressed(&c, &TrainingFront::progressed);
        QSignalSpy running(&c, &TrainingFront::runningChanged);
        c.configure(flower());
        c.setStepsPerSecond(0);
        c.start();
        QTRY_VERIFY_WITH_TIMEOUT(progressed.size() >= 4, 5000);
        QVERIFY(lastOf(progressed).last.step > 0);
        c.pause(); // how fast it stops is measured in bench/, not here
        QTRY_VERIFY_WITH_TIMEOUT(!c.isRunning(), 10000);
        QTest::qWait(200);
        const long stopped = lastOf(progressed).last.step;
        QTest::qWait(300);
        QCOMPARE(lastOf(progressed).last.step, stopped); // really stopped
        // snapshots are throttled: far fewer than steps
        QVERIFY(progressed.size() < stopped);
    }
    void badInputFailsAndStaysUsable()
    {
        TrainingFront c;
        QSignalSpy failed(&c, &TrainingFront::failed);
        QSignalSpy progressed(&c, &TrainingFront::progressed);
        lab::RunConfig bad = flower();
        bad.data.train = dl::Dataset2D{}; // nothing to train on
        c.configure(bad);
        QVERIFY(failed.wait(2000));
        QVERIFY2(failed.last().at(0).toString().contains("training set is empty"),
                 qPrintable(failed.last().at(0).toString()));
        c.configure(flower()); // still usable
        QVERIFY(progressed.wait(2000));
    }
    void experimentWhoseNetworkCannotBeBuiltNamesTheFile()
    {
        QTemporaryDir dir;
        dl::Experiment e;
        e.data = flower().data;
        e.network.hidden = std::vector<int>(8, 4096); // 134 M weights: refused before anything is allocated
        e.steps = 50;
        const QString path = dir.filePath("huge.json");
        dl::saveExperiment(e, path.toStdString());
        TrainingFront c;
        QSignalSpy failed(&c, &TrainingFront::failed);
        QSignalSpy configured(&c, &TrainingFront::configured);
        QSignalSpy progressed(&c, &TrainingFront::progressed);
        c.configure(flower());
        QVERIFY(progressed.wait(2000));
        c.openExperiment(path);
        QVERIFY(failed.wait(5000));
        const QString why = failed.last().at(0).toString();
        QVERIFY2(why.startsWith("huge.json: ") && why.contains("weights"), qPrintable(why));
        c.requestSnapshot(); // the previous run is still there, not replayed onto
        QTRY_VERIFY_WITH_TIMEOUT(progressed.size() >= 2, 2000);
        QCOMPARE(lastOf(progressed).last.step, 0L);
        QCOMPARE(lastOf(progressed).units.at(0).units, 4);
        QCOMPARE(configured.size(), 0);
    }
    void sillyLearningRateStopsWithMessage()
    {
        TrainingFront c;
        QSignalSpy failed(&c, &TrainingFront::failed);
        lab::RunConfig cfg = flower();
        cfg.network.hidden = {50, 50};
        cfg.network.activation = dl::Act::ReLU;
        cfg.network.init = dl::Init::Large;
        cfg.hyper.lr = 100.f;
        c.configure(cfg);
        c.setStepsPerSecond(0);
        c.start();
        QVERIFY(failed.wait(5000));
        QVERIFY2(failed.last().at(0).toString().contains("Try a lower learning rate (now 100)"),
                 qPrintable(failed.last().at(0).toString()));
        QTRY_VERIFY_WITH_TIMEOUT(!c.isRunning(), 1000);
    }
    void newLearningRateIsUsed()
    {
        TrainingFront c;
        QSignalSpy progressed(&c, &TrainingFront::progressed);
        c.configure(flower());
        c.setStepsPerSecond(2000);
        c.start();
        QTRY_VERIFY_WITH_TIMEOUT(progressed.size() >= 2 && lastOf(progressed).last.step > 100, 5000);
        dl::Hyperparams h = lastOf(progressed).hyper;
        h.lr = 0.3f;
        c.setHyper(h);
        QTRY_VERIFY_WITH_TIMEOUT(lastOf(progressed).last.lr == 0.3f, 3000);
        bool marked = false;
        for (const auto& args : progressed)
            for (const auto& m : args.at(0).value<lab::Snapshot>().markers)
                marked = marked || m.what.contains("0.3");
        QVERIFY(marked);
        c.pause();
    }
};

QTEST_MAIN(TstLabWorker)
#include "tst_lab_worker.moc"
