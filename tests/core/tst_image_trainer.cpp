// SPDX-License-Identifier: MIT
// Image models and trainer (groundwork for the Images lab): every preset builds for 28×28 and gives K
// logits; training separates a synthetic two-class image set; Fashion-MNIST loads from Debian's package.
#include "core/train/image_models.h"
#include "core/train/image_trainer.h"

#include "image_fixtures.h"

#include <QtTest>

class TstImageTrainer : public QObject {
    Q_OBJECT
  private slots:
    void presetsBuild_data()
    {
        QTest::addColumn<QString>("name");
        for (const auto& n : dl::imageModelNames()) QTest::newRow(n.c_str()) << QString::fromStdString(n);
    }
    void presetsBuild()
    {
        QFETCH(QString, name);
        dl::Rng rng(1);
        dl::Sequential m = dl::buildImageModel(name.toStdString(), 1, 28, 28, 10, rng);
        QCOMPARE(m.outputShape({4, 1, 28, 28}), (dl::Shape{10, 4}));
        const dl::Tensor z = m.forward(dl::Tensor({2, 1, 28, 28}, 0.5f), dl::Mode::Eval);
        QCOMPARE(z.shape(), (dl::Shape{10, 2}));
        QVERIFY(z.arr().isFinite().all());
    }
    void lenetHasTheClassicSize()
    {
        dl::Rng rng(1);
        QCOMPARE(dl::buildImageModel("lenet5", 1, 28, 28, 10, rng).paramCount(), size_t(61706));
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::buildImageModel("vgg", 1, 28, 28, 10, rng));
        QVERIFY_THROWS_EXCEPTION(dl::ShapeError,
                                 dl::buildImageModel("lenet5", 1, 8, 8, 10, rng)); // too small
    }
    void learnsBars_data()
    {
        QTest::addColumn<QString>("model");
        QTest::newRow("mlp") << "mlp";
        QTest::newRow("cnn-bn") << "cnn-bn";
    }
    void learnsBars()
    {
        QFETCH(QString, model);
        dl::Hyperparams h;
        h.lr = 0.003f;
        h.opt.kind = dl::OptKind::Adam;
        h.batch = 32;
        dl::ImageTrainer t(model.toStdString(), h, dltest::bars(256, 12, 1), dltest::bars(64, 12, 2), 3);
        const float before = t.evaluate(t.dev()).cost;
        for (int e = 0; e < 4; ++e) QVERIFY(!t.runEpoch().diverged);
        QCOMPARE(t.steps(), 4L * 8);
        const dl::Metrics m = t.metrics(t.dev());
        QVERIFY2(m.accuracy >= 0.95f, std::to_string(m.accuracy).c_str());
        QVERIFY(t.evaluate(t.dev()).cost < before);
        QCOMPARE(m.at(0, 0) + m.at(0, 1), 32);
    }
    void fashionMnistTestSet()
    {
        const dl::ImageSet s = dl::loadFashionMnist(dl::kFashionMnistDir, false);
        QCOMPARE(s.images.shape(), (dl::Shape{10000, 1, 28, 28}));
        QCOMPARE(s.classNames[9], std::string("Ankle boot"));
        QVERIFY(s.images.arr().maxCoeff() <= 1.f && s.images.arr().minCoeff() >= 0.f);
        dl::ImageSet train, dev;
        dl::splitImages(s, 1000, 1, train, dev);
        QCOMPARE(dev.size(), 1000);
        QCOMPARE(train.size(), 9000);
        try {
            dl::loadFashionMnist("/nonexistent", true);
            QFAIL("no exception");
        } catch (const dl::IoError& e) {
            QVERIFY2(QString(e.what()).contains("dataset-fashion-mnist"), e.what());
        }
    }
};

QTEST_APPLESS_MAIN(TstImageTrainer)
#include "tst_image_trainer.moc"
