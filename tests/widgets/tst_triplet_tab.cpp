// SPDX-License-Identifier: MIT
// The Faces lab's triplet-loss tab, offscreen, on a small share of Fashion-MNIST (50 training images per
// class, one-shot on 100 test images per held-out class, D = 2): a bad held-out list is one sentence and nothing starts; Run builds the network on the
// worker thread and trains one epoch; the loss curve, the per-epoch plot (untrained and after epoch 1), the
// summary and the scatter of 60 test images per class follow; with D = 2 and the L2-normalised output every
// drawn point lies on the unit circle; the margin set before Run is the one the worker trains with; the
// |f(xᵢ) − f(xⱼ)| classifier answers with an accuracy.
#include "error_messages.h"
#include "app/labs/faces/triplet_tab.h"
#include "core/data/image_set.h"
#include "widgets/loss_curve_view.h"
#include "widgets/scatter_view.h"
#include "widgets/series_plot.h"

#include <QFileInfo>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>
#include <cmath>

using dltest::errors;

class TstTripletTab : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase()
    {
        // Fashion-MNIST is Debian's dataset-fashion-mnist, which scripts/setup.sh installs: never skipped.
        QVERIFY2(QFileInfo::exists(QString(dl::kFashionMnistDir) + "/train-images-idx3-ubyte.gz"),
                 "Fashion-MNIST is missing: run scripts/setup.sh (Debian's dataset-fashion-mnist)");
    }

    void badHeldOutListIsOneSentence()
    {
        lab::TripletTab tab;
        QSignalSpy messages(&tab, &lab::TripletTab::message);
        tab.setHeldOut("7,x");
        tab.run();
        QCOMPARE(errors(messages).size(), 1);
        QVERIFY2(errors(messages)[0].contains("7,8,9"), qPrintable(errors(messages)[0]));
        QVERIFY(!tab.isRunning());
        // A class the data has not: the worker refuses it in one sentence; the tab stays usable.
        tab.setHeldOut("7,12");
        tab.run();
        QTRY_COMPARE_WITH_TIMEOUT(errors(messages).size(), 2, 60000);
        QVERIFY2(errors(messages)[1].contains("12"), qPrintable(errors(messages)[1]));
        QCOMPARE(errors(messages)[1].count(". "), 0);
    }

    void trainsEpochsAndDrawsThem()
    {
        lab::TripletTab tab;
        tab.resize(1200, 700);
        tab.show();
        QSignalSpy messages(&tab, &lab::TripletTab::message);
        QSignalSpy epochs(&tab, &lab::TripletTab::epochDone);
        tab.setHeldOut("7,8,9");
        tab.setPerClass(50);
        tab.setTestPerClass(100);
        tab.setDim(2);
        tab.setEpochs(1);
        tab.setMargin(0.5);
        tab.run();
        QTRY_COMPARE_WITH_TIMEOUT(epochs.count(), 1, 120000);
        QTRY_VERIFY_WITH_TIMEOUT(!tab.isRunning(), 30000); // the run ends at its epoch limit
        QVERIFY2(errors(messages).isEmpty(), qPrintable(errors(messages).join(" | ")));
        const lab::TripletSnapshot& s = tab.last();
        QCOMPARE(s.trainImages, 7 * 50);
        QCOMPARE(s.heldOutImages, 300); // the first 100 of the test set's sneakers, bags and ankle boots
        QCOMPARE(s.dim, 2);
        QCOMPARE(s.margin, 0.5f);
        QVERIFY(std::fabs(s.chance - 1.0 / 3) < 1e-6);
        QCOMPARE(s.epochs.size(), size_t(1));
        QVERIFY(s.epochs[0].oneShot >= 0 && s.epochs[0].oneShot <= 1);
        QVERIFY(s.epochs[0].active >= 0 && s.epochs[0].active <= 1);
        QVERIFY(s.epochs[0].loss >= 0);
        QCOMPARE(int(s.step), 6); // ⌈350 / 64⌉ steps make the epoch
        QCOMPARE(tab.lossView()->pointCount(), 6);
        QCOMPARE(tab.epochView()->pointCount(0), 2); // untrained, after epoch 1
        QCOMPARE(tab.epochView()->pointCount(1), 1);
        QVERIFY(tab.findChild<QLabel*>("tripletSummary")->text().contains("after epoch 1"));
        // The drawn sample: 60 test images of each of the 10 classes, on the unit circle (D = 2, l2norm).
        QVERIFY(s.scatter.has_value());
        QCOMPARE(tab.scatter()->pointCount(), 600);
        QVERIFY(!s.scatter->pca);
        for (size_t i = 0; i < s.scatter->x.size(); ++i)
            QVERIFY(std::fabs(std::hypot(s.scatter->x[i], s.scatter->y[i]) - 1.0) < 1e-3);
        QCOMPARE(s.scatter->heldOut, (std::vector<bool>{false, false, false, false, false, false, false, true, true, true}));
        // Live changes between runs: marked on the loss curve at the step they apply from; the next run
        // trains with them.
        QCOMPARE(tab.lossView()->markerCount(), 0);
        tab.findChild<QSlider*>("tripletMargin")->setValue(30);
        tab.setMining(dl::Mining::Hard);
        tab.setEpochs(2);
        tab.run();
        QTRY_COMPARE_WITH_TIMEOUT(epochs.count(), 2, 120000);
        QTRY_VERIFY_WITH_TIMEOUT(!tab.isRunning(), 30000);
        QCOMPARE(tab.last().margin, 0.3f);
        QCOMPARE(int(tab.last().step), 12);
        QCOMPARE(tab.lossView()->markerCount(), 2); // α and the mining, both from step 6 on
        QCOMPARE(tab.epochView()->pointCount(0), 3);
        // The course's alternative on the embedding just trained.
        tab.measurePairClassifier();
        QTRY_VERIFY_WITH_TIMEOUT(tab.pairAccuracy() >= 0, 120000);
        QVERIFY(tab.pairAccuracy() <= 1);
    }

    void pcaAboveTwoDimensions()
    {
        lab::TripletTab tab;
        QSignalSpy progressed(&tab, &lab::TripletTab::progressed);
        tab.setPerClass(20);
        tab.setTestPerClass(100);
        tab.setDim(8);
        tab.reset(); // builds without training: the untrained network's embedding is drawn
        QTRY_VERIFY_WITH_TIMEOUT(tab.last().scatter.has_value(), 60000);
        QVERIFY(tab.last().scatter->pca);
        QVERIFY(tab.scatter()->caption().contains("PCA of the 8-D"));
        const double* e = tab.last().scatter->explained;
        QVERIFY(e[0] >= e[1] && e[1] > 0 && e[0] + e[1] <= 1 + 1e-6);
        QCOMPARE(tab.lossView()->pointCount(), 0);
    }
};

QTEST_MAIN(TstTripletTab)
#include "tst_triplet_tab.moc"
