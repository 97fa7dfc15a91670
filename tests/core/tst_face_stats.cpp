// SPDX-License-Identifier: MIT
// Distances at a glance, by hand: a 3-4-5 triangle's distance matrix; a database of two people (three
// encodings: one same-person pair at 0.3, different-person pairs at 0.7 and 1.0) and the false accept and
// reject rates at thresholds on both sides of and exactly at a distance (d ≤ τ is "the same person").
#include "core/faces/face_stats.h"
#include "core/util/error.h"

#include <QTest>
#include <cmath>

class TstFaceStats : public QObject {
    Q_OBJECT
  private:
    static dl::FaceEntry at(float x)
    {
        dl::FaceEntry e;
        e.descriptor.fill(0.f);
        e.descriptor[0] = x;
        return e;
    }

  private slots:
    void matrixOfATriangle()
    {
        const std::vector<double> d = dl::distanceMatrix({{0, 0}, {3, 0}, {0, 4}});
        const std::vector<double> want{0, 3, 4, 3, 0, 5, 4, 5, 0};
        QCOMPARE(d.size(), want.size());
        for (size_t i = 0; i < d.size(); ++i) QVERIFY(std::fabs(d[i] - want[i]) < 1e-12);
        QVERIFY(dl::distanceMatrix({}).empty());
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::distanceMatrix({{0, 0}, {1}}));
    }

    void pairsAndRatesByHand()
    {
        dl::FaceDb db;
        db.add("ann", at(0.f));
        db.add("ann", at(0.3f));
        db.add("bob", at(1.f));
        const dl::PairDistances p = dl::pairDistances(db);
        QCOMPARE(p.same.size(), size_t(1));
        QCOMPARE(p.different.size(), size_t(2));
        QVERIFY(std::fabs(p.same[0] - 0.3) < 1e-6);
        std::vector<double> diff = p.different;
        std::sort(diff.begin(), diff.end());
        QVERIFY(std::fabs(diff[0] - 0.7) < 1e-6 && std::fabs(diff[1] - 1.0) < 1e-6);
        dl::ErrorRates r = dl::errorRates(p, 0.6); // between the pairs: no error
        QCOMPARE(r.falseAccept, 0.0);
        QCOMPARE(r.falseReject, 0.0);
        r = dl::errorRates(p, 0.85); // the 0.7 pair accepted: one of two different-person pairs
        QCOMPARE(r.falseAccept, 0.5);
        QCOMPARE(r.falseReject, 0.0);
        r = dl::errorRates(p, 0.2); // the same-person pair at 0.3 rejected
        QCOMPARE(r.falseAccept, 0.0);
        QCOMPARE(r.falseReject, 1.0);
        r = dl::errorRates(p, 1.5);
        QCOMPARE(r.falseAccept, 1.0);
        const std::vector<dl::ErrorRates> c = dl::rateCurve(p, 0, 1.5, 3); // τ = 0, 0.5, 1, 1.5
        QCOMPARE(c.size(), size_t(4));
        QCOMPARE(c[1].tau, 0.5);
        QCOMPARE(c[0].falseReject, 1.0);
        QCOMPARE(c[1].falseReject, 0.0);
        QCOMPARE(c[2].falseAccept, 1.0); // 0.7 and 1.0 ≤ 1
    }

    void noPairsOfAKindIsNotANumber()
    {
        dl::FaceDb db;
        db.add("ann", at(0.f));
        db.add("bob", at(1.f));
        const dl::ErrorRates r = dl::errorRates(dl::pairDistances(db), 0.6);
        QVERIFY(std::isnan(r.falseReject)); // nobody has two faces
        QCOMPARE(r.falseAccept, 0.0);
        QVERIFY(std::isnan(dl::errorRates(dl::pairDistances(dl::FaceDb{}), 0.6).falseAccept));
    }
};

QTEST_MAIN(TstFaceStats)
#include "tst_face_stats.moc"
