// SPDX-License-Identifier: MIT
// The training-dynamics lab's race, offscreen, through its controls: the surface and its suggested α, the
// start typed (a bad one is one sentence and changes nothing) and clicked on the map, Run / Pause / Step /
// Reset, an optimiser left out, α and the noise changed live, the iteration limit, and the loss plot and
// table following the race; the paths are the core's (tst_race checks those by hand).
#include "error_messages.h"
#include "app/labs/dynamics/contour_view.h"
#include "app/labs/dynamics/dynamics_page.h"
#include "app/labs/dynamics/init_tab.h"
#include "core/tensor/init.h"
#include "widgets/study_view.h"
#include "widgets/series_plot.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableWidget>
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
    }
};

QTEST_MAIN(TstDynamics)
#include "tst_dynamics.moc"
