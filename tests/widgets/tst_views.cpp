// SPDX-License-Identifier: MIT
// Views and panels as dumb widgets: values in, requests out; exports write real files.
#include "widgets/compare_dialog.h"
#include "app/labs/playground/data_panel.h"
#include "widgets/decision_map_view.h"
#include "widgets/gradcheck_dialog.h"
#include "app/labs/playground/hyper_panel.h"
#include "widgets/hyperparameters_dialog.h"
#include "widgets/loss_curve_view.h"
#include "widgets/scatter_view.h"
#include "widgets/distribution_plot.h"
#include "widgets/matrix_heat_view.h"
#include "widgets/series_plot.h"
#include <qcustomplot.h>

#include <QComboBox>
#include <QImage>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

class TstViews : public QObject {
    Q_OBJECT
  private slots:

    void lossCurveExports()
    {
        lab::LossCurveView v;
        v.resize(500, 300);
        lab::CurveUpdate s;
        for (long i = 1; i <= 100; ++i) s.costs.push_back({i, 1.f / float(i)});
        s.step = 100;
        s.trainCost = 0.01f;
        s.devCost = 0.02f;
        s.markers.push_back({50, "α 1.2 → 0.3"});
        v.append(s);
        QCOMPARE(v.pointCount(), 100);
        QCOMPARE(v.markerCount(), 1);
        v.setLogScale(true);
        QVERIFY(v.logScale());
        QTemporaryDir dir;
        QVERIFY(v.savePng(dir.path() + "/c.png"));
        QVERIFY(!QImage(dir.path() + "/c.png").isNull());
        QVERIFY(v.saveCsv(dir.path() + "/c.csv"));
        QFile f(dir.path() + "/c.csv");
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString(f.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 101);
        QCOMPARE(lines[0], QString("step,minibatch_cost,train_cost,dev_cost"));
        QCOMPARE(lines[100], QString("100,0.0099999998,0.0099999998,0.02"));
        QVERIFY(!v.savePng(dir.path() + "/missing/dir/c.png"));
        QVERIFY(v.lastError().contains("c.png"));
        v.clear();
        QCOMPARE(v.pointCount(), 0);
    }
    void mapClickMapsToPlane()
    {
        lab::DecisionMapView v;
        v.resize(400, 400);
        dl::PlaneGrid g;
        g.bounds = {-2, 2, -1, 3};
        g.res = 4;
        g.prob.assign(16, 0.5f);
        v.setGrid(g);
        QSignalSpy add(&v, &lab::DecisionMapView::addPointRequested);
        QSignalSpy remove(&v, &lab::DecisionMapView::removePointRequested);
        const QPointF at = v.toWidget(1.f, 2.f);
        QTest::mouseClick(&v, Qt::LeftButton, {}, at.toPoint());
        QCOMPARE(add.size(), 1);
        QVERIFY(std::abs(add[0][0].toFloat() - 1.f) < 0.05f);
        QVERIFY(std::abs(add[0][1].toFloat() - 2.f) < 0.05f);
        QTest::mouseClick(&v, Qt::RightButton, {}, at.toPoint());
        QCOMPARE(remove.size(), 1);
        QTest::mouseClick(&v, Qt::LeftButton, {}, QPoint(2, 2)); // outside the plot: nothing
        QCOMPARE(add.size(), 1);
    }
    void learningRateSliderIsLogarithmic()
    {
        lab::HyperPanel p;
        QSignalSpy changed(&p, &lab::HyperPanel::hyperChanged);
        QCOMPARE(p.learningRateSlider()->value(), lab::HyperPanel::rateToSlider(1.2));
        QVERIFY(changed.isEmpty());            // setting values programmatically does not emit
        p.learningRateSlider()->setValue(200); // 10^(-4 + 2) = 0.01
        QCOMPARE(changed.size(), 1);
        QVERIFY(std::abs(changed[0][0].value<dl::Hyperparams>().lr - 0.01f) < 1e-7f);
        QCOMPARE(lab::HyperPanel::sliderToRate(500), 10.0);
    }
    void dataPanelEmitsRecipe()
    {
        lab::DataPanel p;
        QSignalSpy changed(&p, &lab::DataPanel::specChanged);
        auto* kind = p.findChild<QComboBox*>();
        kind->setCurrentIndex(kind->findData("moons"));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed[0][0].value<dl::DatasetSpec>().kind, std::string("moons"));
    }
    void dialogValidatesAndResets()
    {
        lab::HyperparametersDialog d;
        dl::Hyperparams h;
        h.lr = 0.05f;
        h.opt.kind = dl::OptKind::Adam;
        dl::ModelSpec net;
        net.hidden = {8, 4};
        d.setValues(h, net, 500, 7);
        QCOMPARE(d.hyper().opt.kind, dl::OptKind::Adam);
        QCOMPARE(d.network().hidden, (std::vector<int>{8, 4}));
        QCOMPARE(d.seed(), 7u);
        d.findChild<QLineEdit*>("hiddenEdit")->setText("4,x");
        d.accept();
        QCOMPARE(d.result(), int(QDialog::Rejected)); // stays open with the error shown
        QVERIFY(d.findChild<QPushButton*>("courseDefaults"));
        d.findChild<QPushButton*>("courseDefaults")->click();
        QCOMPARE(d.hyper().lr, 1.2f);
        QCOMPARE(d.hyper().opt.kind, dl::OptKind::GD);
        QCOMPARE(d.network().hidden, std::vector<int>{4});
        QCOMPARE(d.maxSteps(), 10000L);
    }
    void compareRunsByHiddenSize()
    {
        // COURSE.md §2: 1–2 hidden units stay far below the ≥ 3-unit networks on the flower.
        dl::Experiment base;
        base.data = dl::splitDataset(dl::makeSynthetic(base.dataset), 0.2f, 1);
        lab::CompareDialog d(base, dl::SweepParam::HiddenUnits);
        QCOMPARE(d.valuesEdit()->text(), QString("1,2,3,4,5,20,50")); // the course's sizes by default
        d.valuesEdit()->setText("1,4");
        d.iterationsBox()->setValue(5000);
        QSignalSpy done(&d, &lab::CompareDialog::finished);
        d.start();
        QVERIFY(done.wait(20000));
        QTRY_COMPARE(d.results().size(), size_t(2));
        QCOMPARE(d.results()[0].label, std::string("1 unit"));
        QVERIFY(d.results()[0].eval.train.accuracy < 0.75f);
        QVERIFY(d.results()[1].eval.train.accuracy > 0.85f);
        QCOMPARE(d.results()[1].grid.res, 64);
        QCOMPARE(d.plot()->graphCount(), 2); // both cost curves on one plot
        QVERIFY(d.plot()->graph(1)->dataCount() >= 300);
        d.valuesEdit()->setText("4,abc");
        d.start();
        QVERIFY(d.errorText().contains("hidden size \"abc\" is not a number"));
    }
    void gradCheckColours()
    {
        lab::GradCheckDialog d;
        dl::GradCheckReport r;
        r.layers = {{"dense1", "Dense 2→4", 12, 3e-9}, {"dense2", "Dense 4→1", 5, 0.2}};
        r.worst = 0.2;
        d.setReport(r);
        QCOMPARE(d.table()->rowCount(), 2);
        QCOMPARE(d.table()->item(0, 3)->background().color(), lab::GradCheckDialog::colorFor(1e-9));
        QVERIFY(lab::GradCheckDialog::colorFor(1e-9).green() > lab::GradCheckDialog::colorFor(1e-9).red());
        QVERIFY(lab::GradCheckDialog::colorFor(0.2).red() > lab::GradCheckDialog::colorFor(0.2).green());
    }

    // Points fit the plot with a margin: (0, 0) is found bottom-left of (1, 1); a NaN point is never drawn
    // or found; longer arrays are cut to the shortest.
    void scatterFitsAndFindsPoints()
    {
        lab::ScatterView v;
        v.resize(400, 300);
        v.setPoints({0.f, 1.f, NAN, 5.f}, {0.f, 1.f, 0.f}, {0, 1, 2}, {"a", "b", "c"}, {false, true, false});
        QCOMPARE(v.pointCount(), 3);
        QPointF at[3];
        bool found[3] = {false, false, false};
        for (int y = 0; y < v.height(); y += 2)
            for (int x = 0; x < v.width(); x += 2) {
                const int g = v.groupAt(QPointF(x, y));
                if (g >= 0 && !found[g]) found[g] = true, at[g] = QPointF(x, y);
            }
        QVERIFY(found[0] && found[1]);
        QVERIFY(!found[2]);
        QVERIFY(at[0].x() < at[1].x() && at[0].y() > at[1].y());
        QVERIFY(at[0].x() < 60 && at[1].x() > 200); // near the plot's two ends, not squeezed together
        v.setCaption("PCA");
        QCOMPARE(v.caption(), QString("PCA"));
        QVERIFY(!v.grab().isNull());
        v.clear();
        QCOMPARE(v.pointCount(), 0);
        QCOMPARE(v.groupAt(QPointF(10, 10)), -1);
        QVERIFY(v.caption().isEmpty());
    }

    void seriesPlotGrowsWithItsData()
    {
        lab::SeriesPlot p({"acc", "active"}, "epoch", "%");
        p.append(0, 0, 50), p.append(0, 1, 70), p.append(1, 1, 30);
        QCOMPARE(p.pointCount(0), 2);
        QCOMPARE(p.pointCount(1), 1);
        p.setReference(90, "target");
        QVERIFY(p.plot()->yAxis->range().contains(90)); // the reference is in view
        QVERIFY(p.plot()->yAxis->range().contains(30));
        p.append(0, 12, 60);
        QVERIFY(p.plot()->xAxis->range().upper >= 12);
        p.setYRange(0, 100);
        p.append(1, 13, 20);
        QCOMPARE(p.plot()->yAxis->range().lower, 0.0);
        QCOMPARE(p.plot()->yAxis->range().upper, 100.0);
        p.clear();
        QCOMPARE(p.pointCount(0), 0);
    }

    // Bins of 0.5 on [0, 1.5]: 0.1 and 0.2 in the first, 1.4 and a value beyond the range in the last, NaN
    // dropped; each sample's shares sum to 1.
    void distributionBinsShares()
    {
        lab::DistributionPlot p({"same", "different"}, "d", 0, 1.5, 3);
        p.setSamples(0, {0.1, 0.2, 1.4, 9.0, NAN});
        QCOMPARE(p.sampleCount(0), 4);
        QCOMPARE(p.shares(0), (std::vector<double>{0.5, 0.0, 0.5}));
        p.setSamples(1, {0.7});
        QCOMPARE(p.shares(1), (std::vector<double>{0.0, 1.0, 0.0}));
        QCOMPARE(p.sampleCount(1), 1);
        p.setThreshold(0.6, "τ");
        QVERIFY(!p.grab().isNull());
    }

    // A 3×3 matrix: the cells at or below the threshold off the diagonal are counted (both triangles), a
    // click on a cell emits it, a missing value is NaN and never marked.
    void matrixMarksAndClicks()
    {
        lab::MatrixHeatView m;
        m.resize(300, 330);
        m.setMatrix({0, 0.4, 0.9, 0.4, 0, NAN}, {"a", "b", "c"}, 0, 1.5); // short: the rest is NaN
        QCOMPARE(m.size(), 3);
        QVERIFY(std::isnan(m.value(2, 2)));
        m.setThreshold(0.5);
        QCOMPARE(m.markedCount(), 2); // (0,1) and (1,0)
        m.setThreshold(1.0);
        QCOMPARE(m.markedCount(), 3); // + (0,2); (2,0) is NaN
        QSignalSpy clicked(&m, &lab::MatrixHeatView::cellClicked);
        QTest::mouseClick(&m, Qt::LeftButton, {}, m.cellRect(2, 1).center().toPoint());
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked[0][0].toInt(), 2);
        QCOMPARE(clicked[0][1].toInt(), 1);
        QTest::mouseClick(&m, Qt::LeftButton, {}, QPoint(1, 1)); // outside the grid
        QCOMPARE(clicked.count(), 1);
        QVERIFY(!m.grab().isNull());
    }
};

QTEST_MAIN(TstViews)
#include "tst_views.moc"
