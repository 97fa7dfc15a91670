// SPDX-License-Identifier: MIT
// Whole-model gradient check: correct models pass below 1e-7 per layer; a broken backward is caught.
#include "core/data/synthetic.h"
#include "core/layers/dense.h"
#include "core/train/gradcheck.h"
#include "core/train/trainer.h"

#include <QtTest>

namespace {
// A dense layer whose weight gradient is 10% too large: the check must flag it.
class BrokenDense : public dl::DenseT<double> {
  public:
    using DenseT::DenseT;
    dl::TensorD backward(const dl::TensorD& dy) override
    {
        dl::TensorD dx = DenseT::backward(dy);
        weight().grad.arr() *= 1.1;
        return dx;
    }
};
} // namespace

class TstGradcheck : public QObject {
    Q_OBJECT
  private slots:
    void flowerModels_data()
    {
        QTest::addColumn<QString>("hidden");
        QTest::addColumn<QString>("act");
        QTest::addColumn<bool>("bn");
        QTest::addColumn<float>("l2");
        QTest::newRow("4,3 tanh") << "4,3"
                                  << "tanh" << false << 0.f;
        QTest::newRow("5 relu l2") << "5"
                                   << "relu" << false << 0.7f;
        QTest::newRow("4,3 sigmoid bn") << "4,3"
                                        << "sigmoid" << true << 0.f;
        QTest::newRow("6,4 leaky bn l2") << "6,4"
                                         << "leaky" << true << 0.3f;
        QTest::newRow("logistic") << "0"
                                  << "tanh" << false << 0.f;
    }
    void flowerModels()
    {
        QFETCH(QString, hidden);
        QFETCH(QString, act);
        QFETCH(bool, bn);
        QFETCH(float, l2);
        dl::ModelSpec spec;
        spec.hidden = dl::parseHidden(hidden.toStdString());
        spec.activation = dl::parseAct(act.toStdString());
        spec.batchNorm = bn;
        spec.init = dl::Init::Xavier;
        dl::DatasetSpec ds;
        dl::Split split = dl::splitDataset(dl::makeSynthetic(ds), 0.2f, 1);
        dl::Hyperparams h;
        h.l2 = l2;
        dl::Trainer t(spec, h, split, 3);
        t.run(5); // away from the initial point, before gradients vanish (logistic regression converges fast)
        const dl::GradCheckReport r = dl::gradientCheck(t.spec(), t.model(), dl::featureTensor(split.train),
                                                        dl::targetTensor(split.train, 1), t.lossKind(), l2);
        QVERIFY(!r.layers.empty());
        for (const auto& l : r.layers)
            QVERIFY2(l.difference < 1e-7, (l.layer + " " + std::to_string(l.difference)).c_str());
    }
    void softmaxModel()
    {
        dl::ModelSpec spec;
        spec.hidden = {5};
        spec.init = dl::Init::He;
        dl::DatasetSpec ds;
        ds.kind = "spiral";
        ds.classes = 3;
        dl::Split split = dl::splitDataset(dl::makeSynthetic(ds), 0.f, 1);
        dl::Trainer t(spec, dl::Hyperparams{}, split, 1);
        QCOMPARE(t.spec().outputs, 3);
        const auto r = dl::gradientCheck(t.spec(), t.model(), dl::featureTensor(split.train),
                                         dl::targetTensor(split.train, 3), t.lossKind(), 0.f);
        QVERIFY(r.passed());
    }
    void brokenLayerIsCaught()
    {
        dl::SequentialT<double> m;
        auto d1 = std::make_unique<BrokenDense>(2, 3);
        dl::Rng rng(1);
        for (size_t i = 0; i < d1->weight().value.size(); ++i) d1->weight().value[i] = rng.normal();
        m.add(std::move(d1), "dense1");
        m.add(std::make_unique<dl::DenseT<double>>(3, 1), "dense2");
        for (size_t i = 0; i < m.params()[2]->value.size(); ++i) m.params()[2]->value[i] = rng.normal();
        dl::TensorD x({2, 6}), y({1, 6});
        for (size_t i = 0; i < x.size(); ++i) x[i] = rng.normal();
        for (int i = 0; i < 6; ++i) y[i] = i % 2;
        const auto r = dl::gradientCheck(m, x, y, dl::LossKind::BinaryCrossEntropy, 0.0);
        QCOMPARE(r.layers.size(), size_t(2));
        QVERIFY(r.layers[0].difference > 1e-3); // red in the GUI
        QVERIFY(r.layers[1].difference < 1e-7);
        QVERIFY(!r.passed());
    }
};

QTEST_APPLESS_MAIN(TstGradcheck)
#include "tst_gradcheck.moc"
