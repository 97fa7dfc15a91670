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
    void splitInPlaceEqualsCopying()
    {
        // keepImages rearranges a set in place (no second 170 MB copy of Fashion-MNIST's training set):
        // the result is image for image what subsetImages copies, and the split is the same seeded split.
        dl::ImageSet s;
        const int n = 300;
        s.classes = 3;
        s.images = dl::Tensor::uninitialized({n, 1, 2, 2});
        for (int i = 0; i < n; ++i) {
            s.labels.push_back(i % 3);
            for (int k = 0; k < 4; ++k) s.images[size_t(i) * 4 + size_t(k)] = float(i) + 0.25f * float(k);
        }
        dl::ImageSet kept = s;
        dl::keepImages(kept, {4, 2, 299, 0, 7});
        QCOMPARE(kept.images.shape(), (dl::Shape{5, 1, 2, 2}));
        QCOMPARE(kept.images.toVector(), dl::subsetImages(s, {4, 2, 299, 0, 7}).images.toVector());
        QCOMPARE(kept.labels, (std::vector<int>{1, 2, 2, 0, 1}));
        dl::ImageSet twice = s;
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::keepImages(twice, {3, 5, 3}));
        dl::ImageSet train, dev;
        dl::splitImages(s, 40, 9, train, dev);
        dl::Rng rng(9);
        const std::vector<int> perm = rng.permutation(n);
        const dl::ImageSet copied = dl::subsetImages(s, std::vector<int>(perm.begin() + 40, perm.end()));
        QCOMPARE(train.images.toVector(), copied.images.toVector());
        QCOMPARE(train.labels, copied.labels);
        QCOMPARE(dev.labels, dl::subsetImages(s, std::vector<int>(perm.begin(), perm.begin() + 40)).labels);
        dl::CancelFlag stop;
        stop.request();
        const dl::CancelScope scope(&stop);
        dl::ImageSet moved = s;
        QVERIFY_THROWS_EXCEPTION(dl::Cancelled, dl::keepImages(moved, {1, 2}));
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
