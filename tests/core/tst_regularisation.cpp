// SPDX-License-Identifier: MIT
// Regularisation side by side (core/dynamics/regularisation.h; COURSE.md §3): ‖W‖ by hand on a network whose
// weights are set; the three networks start from the same weights; and the claims on 60 noisy moons points
// (half dev), 40-40 ReLU, 2000 steps of full-batch GD at 0.3, seeds 1–4: unregularised, train accuracy
// reaches at least 93 % and dev stays below it; L2 (λ 0.7) keeps ‖W‖ under a third of the unregularised
// network's and, summed over the seeds, less than half its train − dev gap. The same study twice gives the
// same numbers; three decision maps.
#include "core/dynamics/regularisation.h"
#include "core/util/error.h"

#include <QtTest>
#include <cmath>

class TestRegularisation : public QObject {
    Q_OBJECT
  private slots:
    void weightNormByHand()
    {
        dl::Experiment e;
        e.data.train.add(0, 0, 0), e.data.train.add(1, 1, 1);
        e.network.hidden = {2};
        auto t = dl::makeTrainer(e);
        // dense1.weight (2×2) = 1, 2, 3, 4; dense2.weight (1×2) = 2, 2; biases (not counted) = 5
        float v = 1;
        for (dl::ParamT<float>* p : t->model().params())
            for (Eigen::Index i = 0; i < p->value.arr().size(); ++i) p->value.arr()[i] = p->decay ? (v < 5 ? v++ : 2.f) : 5.f;
        QVERIFY(std::abs(dl::weightNorm(*t) - std::sqrt(1 + 4 + 9 + 16 + 4 + 4.0)) < 1e-12);
    }

    void regularisedAgainstNot()
    {
        double gapNone = 0, gapL2 = 0;
        for (std::uint32_t seed = 1; seed <= 4; ++seed) {
            dl::RegularisationSpec s;
            s.steps = 2000, s.seed = seed, s.gridRes = 16;
            dl::RegularisationStudy study(s);
            QCOMPARE(study.tracks()[0].weightNorm.front(), study.tracks()[1].weightNorm.front()); // same start
            QCOMPARE(study.tracks()[0].weightNorm.front(), study.tracks()[2].weightNorm.front());
            while (study.advance()) {
            }
            const auto& none = study.tracks()[0];
            const auto& l2 = study.tracks()[1];
            qInfo("seed %u: none train %.1f dev %.1f |W| %.2f; L2 train %.1f dev %.1f |W| %.2f; dropout train %.1f dev %.1f",
                  seed, none.trainAcc.back(), none.devAcc.back(), none.weightNorm.back(), l2.trainAcc.back(),
                  l2.devAcc.back(), l2.weightNorm.back(), study.tracks()[2].trainAcc.back(), study.tracks()[2].devAcc.back());
            QVERIFY(none.trainAcc.back() >= 93 && none.devAcc.back() < none.trainAcc.back());
            QVERIFY(l2.weightNorm.back() < none.weightNorm.back() / 3);
            gapNone += none.trainAcc.back() - none.devAcc.back();
            gapL2 += l2.trainAcc.back() - l2.devAcc.back();
            QCOMPARE(none.step.size(), size_t(2000 / 50 + 1));
            const dl::StudyReport r = study.report();
            QCOMPARE(r.maps.size(), size_t(3));
            QCOMPARE(r.maps[1].grid.res, 16);
            QCOMPARE(r.panels[0].curves.size(), size_t(6));
            QVERIFY(r.panels[0].curves[1].dashed && r.panels[0].curves[1].colour == 0);
            if (seed == 1) { // deterministic
                dl::RegularisationStudy again(s);
                while (again.advance()) {
                }
                QCOMPARE(again.tracks()[2].devAcc, study.tracks()[2].devAcc);
                QCOMPARE(again.tracks()[1].weightNorm, study.tracks()[1].weightNorm);
            }
        }
        QVERIFY2(gapL2 < gapNone / 2, qPrintable(QString("%1 vs %2").arg(gapL2).arg(gapNone)));
    }

    void badSettings()
    {
        dl::RegularisationSpec s;
        s.keepProb = 0;
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::RegularisationStudy{s});
        s.keepProb = 0.8f, s.hidden.clear();
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::RegularisationStudy{s});
    }
};

QTEST_GUILESS_MAIN(TestRegularisation)
#include "tst_regularisation.moc"
