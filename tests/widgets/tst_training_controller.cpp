// SPDX-License-Identifier: MIT
// The worker thread as the GUI sees it: snapshots arrive, pause stops within 1 s, bad input fails with one
// sentence and the controller stays usable, a new learning rate is used by the trainer.
#include "widgets/training_controller.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

namespace {
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

class TstTrainingController : public QObject {
    Q_OBJECT
  private slots:
    void configureSendsStepZero()
    {
        lab::TrainingController c;
        QSignalSpy progressed(&c, &lab::TrainingController::progressed);
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
        lab::TrainingController c;
        QSignalSpy progressed(&c, &lab::TrainingController::progressed);
        QSignalSpy running(&c, &lab::TrainingController::runningChanged);
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
        lab::TrainingController c;
        QSignalSpy failed(&c, &lab::TrainingController::failed);
        QSignalSpy progressed(&c, &lab::TrainingController::progressed);
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
        lab::TrainingController c;
        QSignalSpy failed(&c, &lab::TrainingController::failed);
        QSignalSpy configured(&c, &lab::TrainingController::configured);
        QSignalSpy progressed(&c, &lab::TrainingController::progressed);
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
        lab::TrainingController c;
        QSignalSpy failed(&c, &lab::TrainingController::failed);
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
        lab::TrainingController c;
        QSignalSpy progressed(&c, &lab::TrainingController::progressed);
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

QTEST_MAIN(TstTrainingController)
#include "tst_training_controller.moc"
