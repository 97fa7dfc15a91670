// SPDX-License-Identifier: MIT
// The Playground as a user drives it, offscreen: the learning-rate slider changes the rate the trainer
// uses mid-run; clicks add points; bad CSVs give one sentence; experiments replay to the same numbers.
#include "app/gui/main_window.h"
#include "app/labs/playground/playground_page.h"
#include "tests/run_cli.h"
#include "widgets/decision_map_view.h"
#include "widgets/gradcheck_dialog.h"
#include "app/labs/playground/hyper_panel.h"
#include "widgets/loss_curve_view.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

class TstPlayground : public QObject {
    Q_OBJECT
    std::unique_ptr<lab::MainWindow> m_w;
    lab::PlaygroundPage* page() { return m_w->lab<lab::PlaygroundPage>(); }
    static bool writeFile(const QString& path, const QByteArray& bytes)
    {
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    }
    // True once the page has shown step `step`; callers QVERIFY it, so a time-out fails the test.
    bool waitForStep(long step)
    {
        const bool ok = QTest::qWaitFor([&] { return page()->lastSnapshot().last.step >= step; }, 30000);
        if (!ok) qWarning("timed out waiting for step %ld", step);
        return ok;
    }
  private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("DLVisualLab-test");
    }
    void init()
    {
        QSettings().clear();
        m_w = std::make_unique<lab::MainWindow>();
        m_w->resize(1300, 800);
        m_w->show();
        QVERIFY(QTest::qWaitFor([&] { return page()->lastSnapshot().grid.res > 0; }, 5000));
    }
    void cleanup() { m_w.reset(); }

    void sliderChangesLearningRateWhileTraining()
    {
        page()->setStepsPerSecond(1000);
        m_w->runAction()->trigger();
        QVERIFY(QTest::qWaitFor([&] { return page()->isRunning(); }, 2000));
        QVERIFY(waitForStep(200));
        QCOMPARE(page()->lastSnapshot().hyper.lr, 1.2f);
        QSlider* slider = page()->hyperPanel()->learningRateSlider();
        slider->setValue(lab::HyperPanel::rateToSlider(0.1)); // what dragging it does
        const float expected = float(lab::HyperPanel::sliderToRate(slider->value()));
        QVERIFY(QTest::qWaitFor([&] { return page()->lastSnapshot().last.lr == expected; }, 3000));
        QVERIFY(page()->lastSnapshot().hyper.lr == expected);
        QVERIFY(page()->curveView()->markerCount() >= 1); // the change is marked on the curve
        const long at = page()->lastSnapshot().last.step;
        QVERIFY(waitForStep(at + 100));
        QVERIFY(page()->lastSnapshot().last.lr == expected); // and it keeps training with it
        m_w->pauseAction()->trigger();
        QVERIFY(QTest::qWaitFor([&] { return !page()->isRunning(); }, 1000));
    }
    void oneDragIsOneChange()
    {
        // Dragging the α slider through many values while it trains is one change, marked where it ends.
        page()->setStepsPerSecond(1000);
        m_w->runAction()->trigger();
        QVERIFY(waitForStep(100));
        const int markers = page()->curveView()->markerCount();
        QSlider* slider = page()->hyperPanel()->learningRateSlider();
        slider->setSliderDown(true);
        for (double lr : {1.0, 0.8, 0.5, 0.3, 0.2}) {
            slider->setSliderPosition(lab::HyperPanel::rateToSlider(lr));
            QTest::qWait(60); // the run goes on meanwhile
        }
        QCOMPARE(page()->lastSnapshot().hyper.lr, 1.2f); // nothing applied while the handle is held
        slider->setSliderDown(false);                    // the release
        const float expected = float(lab::HyperPanel::sliderToRate(slider->value()));
        QTRY_COMPARE_WITH_TIMEOUT(page()->lastSnapshot().hyper.lr, expected, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(page()->curveView()->markerCount(), markers + 1, 10000);
        QTest::qWait(300);
        QCOMPARE(page()->curveView()->markerCount(), markers + 1);
        m_w->pauseAction()->trigger();
    }
    void guiStaysResponsiveAtFullSpeed()
    {
        // Training as fast as the CPU goes must not starve the GUI thread: while it trains, the GUI thread
        // keeps handling its timer and the page keeps receiving snapshots. (How fast, and the GUI's latency,
        // are measured in bench/busy_machine.sh, not here.)
        page()->setStepsPerSecond(0);
        m_w->runAction()->trigger();
        int ticks = 0;
        QTimer tick;
        connect(&tick, &QTimer::timeout, this, [&] { ++ticks; });
        tick.start(10);
        QVERIFY(waitForStep(1000));
        QTRY_VERIFY_WITH_TIMEOUT(ticks >= 20, 30000);
        const long at = page()->lastSnapshot().last.step;
        QVERIFY(waitForStep(at + 1000)); // still running, still reported
        tick.stop();
        m_w->pauseAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!page()->isRunning(), 5000);
    }
    void stepAndReset()
    {
        m_w->stepAction()->trigger();
        m_w->stepAction()->trigger();
        QVERIFY(waitForStep(2));
        QCOMPARE(page()->lastSnapshot().last.step, 2L);
        QVERIFY(page()->curveView()->pointCount() == 2);
        m_w->resetAction()->trigger();
        QVERIFY(QTest::qWaitFor([&] { return page()->lastSnapshot().last.step == 0; }, 3000));
        QCOMPARE(page()->curveView()->pointCount(), 0);
    }
    void clickAddsAPoint()
    {
        const int before = page()->lastSnapshot().data.train.size();
        lab::DecisionMapView* map = page()->mapView();
        QTest::mouseClick(map, Qt::LeftButton, {}, map->rect().center());
        QVERIFY(
            QTest::qWaitFor([&] { return page()->lastSnapshot().data.train.size() == before + 1; }, 3000));
        QTest::mouseClick(map, Qt::RightButton, {}, map->rect().center());
        QVERIFY(QTest::qWaitFor([&] { return page()->lastSnapshot().data.train.size() == before; }, 3000));
    }
    void badCsvIsOneSentence()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + "/pts.csv";
        QVERIFY(writeFile(path, "x,y,label\n1,2,0\n3,4\n"));
        page()->loadCsv(path);
        QCOMPARE(m_w->statusMessage(),
                 QString("pts.csv, line 3: expected 3 columns (x, y, label), found 2."));
        m_w->stepAction()->trigger(); // the app keeps working
        QVERIFY(waitForStep(1));
    }
    void eachLabKeepsItsOwnStatusAndToolbar()
    {
        // The Playground's error stays with the Playground: another lab shows its own status (none yet)
        // and not the Playground's toolbar actions; coming back shows the error again.
        QTemporaryDir dir;
        const QString path = dir.path() + "/pts.csv";
        QVERIFY(writeFile(path, "x,y,label\n1,2,0\n3,4\n"));
        page()->loadCsv(path);
        const QString error = m_w->statusMessage();
        QVERIFY(error.startsWith("pts.csv, line 3"));
        auto visible = [&](const QString& text) {
            for (QAction* a : m_w->findChildren<QAction*>())
                if (a->text() == text) return a->isVisible();
            return false;
        };
        QVERIFY(visible("Gradient check"));
        QVERIFY(!visible("Augmentation…"));
        m_w->showLab(3); // Style
        QVERIFY(m_w->statusMessage() != error);
        QVERIFY(!visible("Gradient check"));
        QVERIFY(!visible("Hyperparameters…"));
        m_w->showLab(1); // Images
        QVERIFY(visible("Augmentation…"));
        QVERIFY(!visible("Gradient check"));
        m_w->showLab(0);
        QCOMPARE(m_w->statusMessage(), error);
        QVERIFY(visible("Gradient check"));
    }
    void hugeCsvLabelIsOneSentence()
    {
        // A label too large for a number once ended the app (std::out_of_range from std::stol, issue 11).
        QTemporaryDir dir;
        const QString path = dir.path() + "/big.csv";
        QVERIFY(writeFile(path, "x,y,label\n1,2,0\n3,4,99999999999999999999\n5,6,1\n"));
        const int before = page()->lastSnapshot().data.train.size() + page()->lastSnapshot().data.dev.size();
        page()->loadCsv(path);
        QCOMPARE(m_w->statusMessage(),
                 QString("big.csv, line 3: the label \"99999999999999999999\" is too large "
                         "a number; use class numbers 0 to 5 or class names."));
        m_w->stepAction()->trigger(); // the app keeps working, on the data it had
        QVERIFY(waitForStep(1));
        QCOMPARE(page()->lastSnapshot().data.train.size() + page()->lastSnapshot().data.dev.size(), before);

        // and the command line says the same sentence and exits 1
        const dltest::CliResult cli =
            dltest::runCli(DLCLI_PATH, {"train2d", "--csv", path, "--iterations", "10"});
        QVERIFY(cli.finished);
        QCOMPARE(cli.exitCode, 1);
        QVERIFY2(cli.err.contains("big.csv, line 3: the label"), cli.err.constData());
    }
    void gradientCheckShowsGreenRows()
    {
        page()->gradientCheck();
        lab::GradCheckDialog* d = nullptr;
        QVERIFY(QTest::qWaitFor(
            [&] { return (d = page()->findChild<lab::GradCheckDialog*>()) && d->isVisible(); }, 5000));
        QCOMPARE(d->table()->rowCount(), 2); // dense1, dense2
        for (int r = 0; r < 2; ++r)
            QCOMPARE(d->table()->item(r, 3)->background().color(), lab::GradCheckDialog::colorFor(0));
    }
    void settingsPersist()
    {
        page()->hyperPanel()->learningRateSlider()->setValue(lab::HyperPanel::rateToSlider(0.05));
        page()->curveView()->setLogScale(true);
        const float lr = page()->hyperPanel()->hyper().lr;
        m_w->close(); // closeEvent writes QSettings
        m_w = std::make_unique<lab::MainWindow>();
        QCOMPARE(page()->hyperPanel()->hyper().lr, lr);
        QVERIFY(page()->curveView()->logScale());
        QVERIFY(
            QTest::qWaitFor([&] { return page()->lastSnapshot().hyper.lr == lr; }, 3000)); // the run uses it
    }
    void experimentRoundTrip()
    {
        page()->setStepsPerSecond(0);
        m_w->runAction()->trigger();
        QVERIFY(waitForStep(300));
        page()->hyperPanel()->learningRateSlider()->setValue(lab::HyperPanel::rateToSlider(0.3));
        QVERIFY(waitForStep(page()->lastSnapshot().last.step + 200));
        const int points = page()->lastSnapshot().data.train.size();
        QTest::mouseClick(page()->mapView(), Qt::LeftButton, {},
                          page()->mapView()->rect().center()); // an edit mid-run
        QVERIFY(
            QTest::qWaitFor([&] { return page()->lastSnapshot().data.train.size() == points + 1; }, 3000));
        QVERIFY(waitForStep(page()->lastSnapshot().last.step + 200));
        m_w->pauseAction()->trigger();
        QVERIFY(QTest::qWaitFor([&] { return !page()->isRunning(); }, 1000));
        QTest::qWait(100);
        const lab::Snapshot saved = page()->lastSnapshot();
        QTemporaryDir dir;
        const QString path = dir.path() + "/run.json";
        page()->saveExperiment(path);
        QVERIFY(QTest::qWaitFor([&] { return QFile::exists(path); }, 3000));
        m_w->resetAction()->trigger();
        QVERIFY(QTest::qWaitFor([&] { return page()->lastSnapshot().last.step == 0; }, 3000));
        page()->openExperiment(path);
        QVERIFY(QTest::qWaitFor([&] { return page()->lastSnapshot().last.step == saved.last.step; }, 5000));
        QCOMPARE(page()->lastSnapshot().eval.train.cost, saved.eval.train.cost); // same numbers
        QCOMPARE(page()->lastSnapshot().eval.dev.accuracy, saved.eval.dev.accuracy);
        QCOMPARE(page()->lastSnapshot().hyper.lr, saved.hyper.lr);
        QCOMPARE(page()->lastSnapshot().data.train.size(), saved.data.train.size()); // the edit was replayed
        QCOMPARE(page()->config().data.train.size(), saved.data.train.size());       // and the page knows it

        // and the command line replays the GUI's file to the same numbers
        const dltest::CliResult cli = dltest::runCli(DLCLI_PATH, {"train2d", "--experiment", path, "--json"});
        QVERIFY(cli.finished);
        QVERIFY2(cli.exitCode == 0, cli.err.constData());
        const QJsonObject j = QJsonDocument::fromJson(cli.out).object();
        QCOMPARE(j.value("iterations").toInteger(), qint64(saved.last.step));
        QVERIFY(j.value("matches_saved_result").toBool());
        QCOMPARE(float(j.value("cost").toDouble()), saved.eval.train.cost);
    }

    // File ▸ Export: the model as ONNX and as a PyTorch experiment, by the same code as dlcli export (the
    // weights of the GUI's folder are byte for byte those dlcli writes from the same checkpoint); a folder
    // path that is a file is one sentence and the lab keeps working.
    void exportFromTheMenu()
    {
        page()->setStepsPerSecond(0);
        m_w->runAction()->trigger();
        QVERIFY(waitForStep(200));
        m_w->pauseAction()->trigger();
        QVERIFY(QTest::qWaitFor([&] { return !page()->isRunning(); }, 1000));
        QTemporaryDir dir;
        const QString onnx = dir.path() + "/net.onnx", torch = dir.path() + "/torch", ck = dir.path() + "/net.dlck";
        page()->exportModel(onnx, torch);
        QVERIFY(QTest::qWaitFor([&] { return m_w->statusMessage().startsWith("Exported the Playground model to"); }, 10000));
        QVERIFY2(m_w->statusMessage().contains("net.onnx (ONNX, ") && m_w->statusMessage().contains("torch/ (model.py, weights.npz, train.py)"),
                 qPrintable(m_w->statusMessage()));
        QFile f(onnx);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.size() > 100 && bytes.startsWith(char(0x08)) && bytes.contains("Gemm")); // ir_version first
        for (const char* name : {"model.py", "weights.npz", "experiment.json", "train.py", "data.npz"})
            QVERIFY2(QFile::exists(torch + "/" + name), name);
        page()->saveModel(ck);
        QVERIFY(QTest::qWaitFor([&] { return QFile::exists(ck); }, 3000));
        const dltest::CliResult cli = dltest::runCli(DLCLI_PATH, {"export", ck, "--pytorch", dir.path() + "/cli"});
        QVERIFY2(cli.exitCode == 0, cli.err.constData());
        QFile a(torch + "/weights.npz"), b(dir.path() + "/cli/weights.npz");
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(a.readAll(), b.readAll());

        page()->exportModel({}, onnx); // a file where the folder should be
        QVERIFY(QTest::qWaitFor([&] { return m_w->statusMessage().endsWith("choose a folder for the PyTorch experiment."); }, 5000));
        QCOMPARE(m_w->statusMessage(), onnx + " is a file, not a folder; choose a folder for the PyTorch experiment.");
        m_w->stepAction()->trigger(); // still trains
        QVERIFY(waitForStep(201));
    }
};

QTEST_MAIN(TstPlayground)
#include "tst_playground.moc"
