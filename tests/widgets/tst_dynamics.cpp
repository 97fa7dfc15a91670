// SPDX-License-Identifier: MIT
// The training-dynamics lab's race, offscreen, through its controls: the surface and its suggested α, the
// start typed (a bad one is one sentence and changes nothing) and clicked on the map, Run / Pause / Step /
// Reset, an optimiser left out, α and the noise changed live, the iteration limit, and the loss plot and
// table following the race; the paths are the core's (tst_race checks those by hand).
#include "error_messages.h"
#include "app/labs/dynamics/contour_view.h"
#include "app/labs/dynamics/dynamics_page.h"
#include "app/labs/dynamics/init_tab.h"
#include "app/labs/dynamics/regularisation_tab.h"
#include "app/labs/dynamics/schedule_tab.h"
#include "widgets/decision_map_view.h"
#include "app/labs/dynamics/search_tab.h"
#include "app/gui/main_window.h"
#include "core/data/image_set.h"
#include "core/train/experiment.h"
#include "tests/require_files.h"
#include "widgets/parallel_coords_view.h"
#include "widgets/trial_plot.h"
#include "core/tensor/init.h"
#include "widgets/study_view.h"
#include "widgets/series_plot.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTableWidget>
#include <QSpinBox>
#include <QtTest>

using dltest::errors;

class TstDynamics : public QObject {
    Q_OBJECT
  private slots:
    void raceThroughTheControls()
    {
        lab::DynamicsPage page;
        page.resize(1300, 800);
        page.show();
        QSignalSpy messages(&page, &lab::LabPage::message);
        QTRY_COMPARE_WITH_TIMEOUT(int(page.last().racers.size()), 4, 5000);
        QCOMPARE(page.last().step, 0L);
        QCOMPARE(page.last().racers[0].path.front(), QPointF(-2, 1)); // the valley's own start
        // Rosenbrock: its suggested α, its start.
        page.findChild<QComboBox*>("dynSurface")->setCurrentIndex(int(dl::SurfaceKind::Rosenbrock));
        QVERIFY(std::abs(page.findChild<QDoubleSpinBox*>("dynLr_gd")->value() -
                         dl::suggestedLearningRate(dl::SurfaceKind::Rosenbrock, dl::OptKind::GD)) < 1e-9);
        QVERIFY(!page.findChild<QDoubleSpinBox*>("dynKappa")->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(page.last().surface, int(dl::SurfaceKind::Rosenbrock), 5000);
        QCOMPARE(page.last().racers[3].path.front(), QPointF(-1.5, 2));
        // A start typed wrong: one sentence, the start unchanged; typed right: a new race from there.
        QVERIFY(!page.setStart("1;2"));
        QCOMPARE(errors(messages).size(), 1);
        QVERIFY(errors(messages)[0].contains("two numbers separated by a comma"));
        QCOMPARE(page.findChild<QLineEdit*>("dynStart")->text(), QString("-1.5,2"));
        QVERIFY(page.setStart("-1,1.5"));
        QTRY_COMPARE_WITH_TIMEOUT(page.last().racers[0].path.front(), QPointF(-1, 1.5), 5000);
        // A click on the map is a start too.
        lab::ContourView* view = page.contour();
        const QPointF at = view->toWidget(QPointF(0.5, 2.5));
        QTest::mouseClick(view, Qt::LeftButton, {}, at.toPoint());
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(page.last().racers[0].path.front().x() - 0.5) < 0.05, 5000);
        QVERIFY(std::abs(page.last().racers[0].path.front().y() - 2.5) < 0.05);
        // Run, pause: the race moves, every racer the same number of steps, the plot and the table follow.
        page.setSpeed(2000);
        page.run();
        QTRY_VERIFY_WITH_TIMEOUT(page.last().step > 100, 10000);
        page.pause();
        QTRY_VERIFY_WITH_TIMEOUT(!page.isRunning(), 5000);
        QTest::qWait(100);
        const long paused = page.last().step;
        for (const lab::RacerTrack& t : page.last().racers) QCOMPARE(long(t.path.size()), paused + 1);
        QCOMPARE(page.lossPlot()->pointCount(3), int(paused + 1));
        QCOMPARE(page.findChild<QTableWidget*>("dynTable")->rowCount(), 4); // the course's four by default
        // Step: one iteration, the state drawn as arrows.
        page.stepOnce();
        QTRY_COMPARE_WITH_TIMEOUT(page.last().step, paused + 1, 5000);
        QVERIFY(page.findChild<QCheckBox*>("dynArrows")->isChecked());
        QVERIFY(page.last().racers[1].first != QPointF()); // Momentum's v
        QVERIFY(page.last().racers[3].second.x() > 0);     // Adam's s
        // α live: the next steps use it, the race goes on from where it is.
        page.setLearningRate(dl::OptKind::Adam, 0.05);
        page.stepOnce();
        QTRY_COMPARE_WITH_TIMEOUT(page.last().step, paused + 2, 5000);
        QCOMPARE(page.last().racers[3].lr, 0.05f);
        // An optimiser left out and an extra one in: new races, in dl::OptKind's order.
        page.setRacing(dl::OptKind::RMSprop, false);
        QTRY_COMPARE_WITH_TIMEOUT(int(page.last().racers.size()), 3, 5000);
        QCOMPARE(page.last().step, 0L);
        QCOMPARE(page.last().racers[2].kind, int(dl::OptKind::Adam));
        page.setRacing(dl::OptKind::Nesterov, true);
        QTRY_COMPARE_WITH_TIMEOUT(int(page.last().racers.size()), 4, 5000);
        QCOMPARE(page.last().racers[3].kind, int(dl::OptKind::Nesterov));
        // The iteration limit ends a run; Run again says so in a sentence.
        page.setMaxIterations(50);
        page.setNoise(0.5);
        page.run();
        QTRY_VERIFY_WITH_TIMEOUT(!page.isRunning() && page.last().step == 50, 10000);
        page.run();
        QTest::qWait(200);
        QCOMPARE(page.last().step, 50L);
        // Reset: a new race from the same start.
        page.reset();
        QTRY_COMPARE_WITH_TIMEOUT(page.last().step, 0L, 5000);
        QCOMPARE(errors(messages).size(), 1); // only the bad start
    }

    void divergenceIsMarkedAndTheOthersGoOn()
    {
        lab::DynamicsPage page;
        page.setKappa(10);
        page.setLearningRate(dl::OptKind::GD, 0.3); // above 2/κ: GD leaves the plane, Momentum converges
        page.setLearningRate(dl::OptKind::Momentum, 0.3);
        page.setSpeed(5000);
        page.setMaxIterations(300);
        page.run();
        QTRY_VERIFY_WITH_TIMEOUT(!page.isRunning() && page.last().step == 300, 10000);
        QVERIFY(page.last().racers[0].diverged);
        QVERIFY(!page.last().racers[1].diverged);
        QVERIFY(page.last().racers[1].losses.back() < 1e-6);
        QCOMPARE(page.findChild<QTableWidget*>("dynTable")->item(0, 5)->text(), QString("left the plane"));
    }

    void regularisationTab();
    void schedulesAndRangeTest();
    void tracksAssembleFromDeltas();
    void searchTab();
    void searchCancelStopsEveryRun();

    void initialisationTab()
    {
        // The study through its tab: none ticked is one sentence and nothing runs; then four layers, two inits,
        // 100 steps: the plots get a curve per init and a point per layer, the table a row per init.
        lab::DynamicsPage page;
        lab::InitTab* tab = page.initTab();
        QSignalSpy messages(&page, &lab::LabPage::message);
        for (int i = 0; i < 5; ++i) tab->setInitUsed(i, false);
        tab->run();
        QCOMPARE(errors(messages), QStringList{"Tick at least one initialisation."});
        QVERIFY(!tab->runner()->isRunning());
        tab->setInitUsed(int(dl::Init::Small), true);
        tab->setInitUsed(int(dl::Init::He), true);
        tab->setDepth(4);
        tab->setSteps(100);
        QSignalSpy done(tab->runner(), &lab::StudyRunner::finished);
        tab->run();
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 60000);
        const dl::StudyReport& r = tab->runner()->view()->report();
        QCOMPARE(r.table.size(), size_t(3));
        QCOMPARE(r.table[1][0], std::string("random"));
        QCOMPARE(r.table[2][0], std::string("he"));
        QCOMPARE(r.panels[0].curves.size(), size_t(2));
        QCOMPARE(r.panels[0].curves[1].y.size(), size_t(4));
        QVERIFY(r.panels[0].curves[1].y.back() > 100 * r.panels[0].curves[0].y.back()); // He against ×0.01
        QVERIFY(tab->runner()->last().done);
        QCOMPARE(errors(messages).size(), 1);
        // Fashion-MNIST's pixels instead of 2-D points: 784 inputs, 50 of its images
        DL_NEEDS_FILES(QStringList{QString(dl::kFashionMnistDir) + "/t10k-images-idx3-ubyte.gz"},
                       "Debian's dataset-fashion-mnist, installed by scripts/setup.sh");
        QVERIFY(!tab->findChild<QSpinBox*>("initExamples")->isEnabled());
        tab->setDataset("fashion-mnist", 50);
        QVERIFY(tab->findChild<QSpinBox*>("initExamples")->isEnabled());
        tab->run();
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 2, 60000);
        const dl::StudyReport& f = tab->runner()->view()->report();
        QVERIFY2(QString::fromStdString(f.note).contains("Fashion-MNIST (its first 50 test images"), f.note.c_str());
        QCOMPARE(f.table.size(), size_t(3));
        QCOMPARE(errors(messages).size(), 1);
    }
};

void TstDynamics::regularisationTab()
{
    // The sliders give the values the study uses; a bad hidden list is one sentence; a short run fills three
    // maps, the curves and the table.
    lab::DynamicsPage page;
    lab::RegularisationTab* tab = page.regularisationTab();
    QSignalSpy messages(&page, &lab::LabPage::message);
    QCOMPARE(tab->lambda(), double(0.7f)); // the course's λ, exactly, though between two slider steps
    QCOMPARE(tab->keepProb(), 0.86);
    tab->setLambda(0.1);
    QCOMPARE(tab->lambda(), 0.1);
    tab->findChild<QLineEdit*>()->setText("40,x");
    tab->run();
    QCOMPARE(errors(messages).size(), 1);
    QVERIFY(errors(messages)[0].startsWith("Hidden units:"));
    tab->findChild<QLineEdit*>()->setText("20");
    tab->setSteps(300);
    QSignalSpy done(tab->runner(), &lab::StudyRunner::finished);
    tab->run();
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 30000);
    const dl::StudyReport& r = tab->runner()->view()->report();
    QCOMPARE(r.maps.size(), size_t(3));
    QCOMPARE(r.maps[1].name, std::string("L2, λ = 0.1"));
    QVERIFY(tab->runner()->view()->map(2)->isVisibleTo(tab));
    QCOMPARE(r.table.size(), size_t(4));
    QCOMPARE(r.panels[1].curves[0].x.back(), 300.0);
}

void TstDynamics::schedulesAndRangeTest()
{
    // The preview follows the ticks before training; none ticked is one sentence; a run draws the α the
    // trainer used per epoch under the cost; the range test's suggestion goes to the schedules' α₀.
    lab::DynamicsPage page;
    lab::ScheduleTab* tab = page.scheduleTab();
    QSignalSpy messages(&page, &lab::LabPage::message);
    const dl::StudyReport& shown = tab->runner()->view()->report();
    QCOMPARE(shown.panels[1].curves.size(), size_t(3)); // none, exponential, step: the defaults
    tab->setUsed(dl::Decay::Staircase, true, 0.5, 100);
    QCOMPARE(shown.panels[1].curves.size(), size_t(4));
    QCOMPARE(shown.panels[1].curves[3].name, std::string("staircase: α₀·0.5^⌊e/100⌋"));
    for (dl::Decay d : dl::decays()) tab->setUsed(d, false);
    tab->run();
    QCOMPARE(errors(messages), QStringList{"Tick at least one schedule."});
    tab->setUsed(dl::Decay::None, true);
    tab->setUsed(dl::Decay::Step, true, 1, 10);
    tab->setEpochs(40);
    QSignalSpy done(tab->runner(), &lab::StudyRunner::finished);
    tab->run();
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 30000);
    const dl::StudyReport& r = tab->runner()->view()->report();
    QVERIFY(r.stacked);
    QCOMPARE(r.table.size(), size_t(3));
    QCOMPARE(r.panels[1].curves[1].y.size(), size_t(40));
    QCOMPARE(r.panels[1].curves[1].y.back(), double(0.1f / 4)); // α₀/(1 + ⌊39/10⌋)
    QCOMPARE(r.panels[0].curves[1].y.size(), size_t(40));
    // the range test, and its suggestion handed to the schedules
    lab::RangeTestTab* range = page.rangeTestTab();
    range->setSteps(100);
    QSignalSpy rdone(range->runner(), &lab::StudyRunner::finished);
    range->run();
    QTRY_COMPARE_WITH_TIMEOUT(rdone.count(), 1, 30000);
    QVERIFY(std::isfinite(range->suggested()) && range->suggested() > 1e-5 && range->suggested() < 10);
    QSignalSpy used(range, &lab::RangeTestTab::useSuggested);
    auto* use = range->findChild<QPushButton*>();
    for (QPushButton* b : range->findChildren<QPushButton*>())
        if (b->text().startsWith("Use the suggested")) use = b;
    QVERIFY(use && use->isEnabled());
    use->click();
    QCOMPARE(used.count(), 1);
    QCOMPARE(errors(messages).size(), 1);
}

void TstDynamics::tracksAssembleFromDeltas()
{
    // The worker sends only the points since its last snapshot; the page's tracks, put together from them over
    // a few hundred snapshots, are every point of the same race run headless.
    lab::DynamicsPage page;
    page.setSurface(dl::SurfaceKind::Rosenbrock);
    page.setMaxIterations(4000);
    page.setSpeed(20000);
    page.run();
    QTest::qWait(100);
    page.stepOnce(); // a pause and one step between deltas
    page.run();
    QTRY_VERIFY_WITH_TIMEOUT(!page.isRunning() && page.last().step == 4000, 30000);
    dl::Surface f;
        f.kind = dl::SurfaceKind::Rosenbrock;
    const dl::SurfaceView v = f.view();
    std::vector<dl::RacerSpec> specs;
    for (int k = 0; k < 4; ++k) {
        dl::RacerSpec r;
        r.opt.kind = dl::OptKind(k);
        r.lr = dl::suggestedLearningRate(f.kind, r.opt.kind);
        specs.push_back(r);
    }
    dl::Race race(f, v.startX, v.startY, specs);
    for (int t = 0; t < 4000; ++t) race.step();
    QCOMPARE(page.last().racers.size(), size_t(4));
    for (int i = 0; i < 4; ++i) {
        const auto& track = page.last().racers[size_t(i)];
        QCOMPARE(track.path.size(), race.state(i).pathX.size());
        QCOMPARE(track.losses.size(), race.state(i).losses.size());
        for (size_t k = 0; k < track.path.size(); k += 97)
            QCOMPARE(track.path[k], QPointF(race.state(i).pathX[k], race.state(i).pathY[k]));
        QCOMPARE(track.losses.back(), race.state(i).losses.back());
    }
}

void TstDynamics::searchTab()
{
    // Bad ranges are one sentence and nothing runs; then 6 trials in two rounds and a 3 × 2 grid, 300 steps
    // each: the table, the plots and the lines get every trial; one more round zoomed into the best; the best
    // saved and replayed to the same numbers; "Open best in Playground" hands the window the file, and the
    // Playground opens it.
    QStandardPaths::setTestModeEnabled(true);
    lab::MainWindow window;
    lab::DynamicsPage* page = nullptr;
    for (lab::LabPage* p : window.labs())
        if (auto* d = qobject_cast<lab::DynamicsPage*>(p)) page = d;
    QVERIFY(page);
    lab::SearchTab* tab = page->searchTab();
    QSignalSpy messages(page, &lab::LabPage::message);
    tab->setRange("lr", true, "1", "1e-4");
    tab->run();
    QCOMPARE(errors(messages).size(), 1);
    QVERIFY2(errors(messages)[0].startsWith("Cannot search: the range in \"lr:log:1:0.0001\" must go from a lower"),
             qPrintable(errors(messages)[0]));
    QVERIFY(!tab->isRunning());
    tab->setRange("lr", false, "1e-3", "1");
    tab->setRange("beta", false, "", "");
    tab->run();
    QVERIFY(errors(messages).last().contains("tick at least one setting to search"));
    tab->setRange("lr", true, "", "");
    tab->setRange("beta", true, "", "");
    tab->setBudget(6, 2, true);
    tab->setStepsPerTrial(300);
    QSignalSpy finished(tab, &lab::SearchTab::finished);
    tab->run();
    QVERIFY(tab->isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(int(tab->trials().size()), 12);
    QCOMPARE(tab->table()->rowCount(), 12);
    int shown = 0;
    for (const auto& t : tab->trials()) shown += t.error.empty() && !t.diverged;
    QCOMPARE(tab->parallel()->lineCount(), shown);
    QCOMPARE(tab->plots().size(), size_t(2));
    QCOMPARE(tab->plots()[0]->pointCount(0) + tab->plots()[0]->pointCount(1) + tab->plots()[0]->pointCount(2), shown);
    QVERIFY(tab->status()->text().startsWith("12 of 12 trials, 2 random round(s)"));
    QVERIFY(tab->status()->text().contains("Best grid trial"));
    // one more round inside the best region
    const std::vector<dl::SearchTrial> before = tab->trials();
    tab->zoomIn();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
    QCOMPARE(int(tab->trials().size()), 15);
    QCOMPARE(tab->trials().back().round, 3);
    // the best saved as an experiment replays to its numbers
    QTemporaryDir dir;
    const int b = tab->bestIndex();
    QVERIFY(b >= 0 && tab->saveBest(dir.filePath("best.json")));
    const dl::Experiment e = dl::loadExperiment(dir.filePath("best.json").toStdString());
    auto trainer = dl::makeTrainer(e);
    trainer->run(e.steps);
    QCOMPARE(trainer->evaluateAll().dev.accuracy, tab->trials()[size_t(b)].dev.accuracy);
    // and handed to the Playground through the window
    QSignalSpy open(page, &lab::LabPage::openRequested);
    tab->openBestInPlayground();
    QCOMPARE(open.count(), 1);
    QVERIFY(QFile::exists(open[0][0].toString()));
    QCOMPARE(window.currentLab()->id(), QString("playground"));
    QVERIFY2(errors(messages).size() == 2, qPrintable(errors(messages).join('\n')));
}

void TstDynamics::searchCancelStopsEveryRun()
{
    // 40 long trials; Cancel: the tab is free again within a second, with fewer trials than planned.
    lab::DynamicsPage page;
    lab::SearchTab* tab = page.searchTab();
    tab->setBudget(40, 2, false);
    tab->setStepsPerTrial(2000000);
    QSignalSpy finished(tab, &lab::SearchTab::finished);
    tab->run();
    QTest::qWait(300);
    tab->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
    QVERIFY(!tab->isRunning());
    QVERIFY(tab->trials().size() < 40);
}

QTEST_MAIN(TstDynamics)
#include "tst_dynamics.moc"
