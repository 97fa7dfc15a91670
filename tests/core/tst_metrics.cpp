// SPDX-License-Identifier: MIT
// Metrics against a hand-computed confusion matrix.
#include "core/train/metrics.h"
#include "core/util/error.h"

#include <QtTest>

class TstMetrics : public QObject {
    Q_OBJECT
  private slots:
    void handComputed()
    {
        // truth:     0 0 0 1 1 2
        // predicted: 0 0 1 1 2 2   → class 0: P 2/2, R 2/3; class 1: P 1/2, R 1/2; class 2: P 1/2, R 1/1
        const dl::Metrics m = dl::computeMetrics({0, 0, 0, 1, 1, 2}, {0, 0, 1, 1, 2, 2}, 3);
        QCOMPARE(m.accuracy, 4.f / 6.f);
        QCOMPARE(m.at(0, 1), 1);
        QCOMPARE(m.at(1, 2), 1);
        QCOMPARE(m.at(2, 2), 1);
        QCOMPARE(m.perClass[0].precision, 1.f);
        QCOMPARE(m.perClass[0].recall, 2.f / 3.f);
        QVERIFY(std::abs(m.perClass[0].f1 - 0.8f) < 1e-6);      // 2·1·(2/3) / (1 + 2/3)
        QVERIFY(std::abs(m.perClass[2].f1 - 2.f / 3.f) < 1e-6); // 2·0.5·1 / 1.5
        QCOMPARE(m.perClass[1].support, 2);
        QVERIFY(std::abs(m.macroF1 - (0.8f + 0.5f + 2.f / 3.f) / 3.f) < 1e-6);
    }
    void emptyClassIsZeroNotNaN()
    {
        const dl::Metrics m = dl::computeMetrics({0, 0}, {0, 0}, 2);
        QCOMPARE(m.perClass[1].precision, 0.f);
        QCOMPARE(m.perClass[1].recall, 0.f);
        QCOMPARE(m.perClass[1].f1, 0.f);
    }
    void badInput()
    {
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::computeMetrics({0}, {0, 1}, 2));
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::computeMetrics({3}, {0}, 2));
    }
};

QTEST_APPLESS_MAIN(TstMetrics)
#include "tst_metrics.moc"
