// SPDX-License-Identifier: MIT
// Image model files: save, reopen and keep training gives the same numbers as never stopping; damaged or
// mismatched files are refused with one sentence.
#include "core/train/image_model_file.h"
#include "core/util/file.h"
#include "image_fixtures.h"

#include <QTemporaryDir>
#include <QtTest>

class TstImageModelFile : public QObject {
    Q_OBJECT
    static std::unique_ptr<dl::ImageTrainer> trainer()
    {
        dl::Hyperparams h;
        h.lr = 0.003f;
        h.opt.kind = dl::OptKind::Adam;
        h.batch = 16;
        auto t = std::make_unique<dl::ImageTrainer>("cnn-bn", h, dltest::bars(64, 12, 1),
                                                    dltest::bars(16, 12, 2), 3);
        t->setAugmentation(dl::AugmentPipeline::parse("flip:0.5,crop:0.5:2"));
        return t;
    }
  private slots:
    void reopenAndKeepTraining()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("m.dlm").toStdString();
        auto a = trainer();
        a->runEpoch();
        dl::saveImageModel(*a, dl::ImageSource{}, path);
        a->runEpoch();
        const dl::ImageModelFile f = dl::readImageModel(path);
        QCOMPARE(f.augmentation.toJson().dump(), a->augmentation().toJson().dump());
        auto b = dl::restoreImageTrainer(f, dltest::bars(64, 12, 1), dltest::bars(16, 12, 2));
        QCOMPARE(b->epochs(), 1L);
        b->runEpoch();
        QCOMPARE(b->steps(), a->steps());
        const auto pa = a->model().params(), pb = b->model().params();
        for (size_t i = 0; i < pa.size(); ++i) QCOMPARE(pb[i]->value.toVector(), pa[i]->value.toVector());
        QCOMPARE(b->model().buffers()[0]->toVector(), a->model().buffers()[0]->toVector());
    }
    void damagedFiles()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("m.dlm").toStdString();
        auto a = trainer();
        dl::saveImageModel(*a, dl::ImageSource{}, path);
        const std::string bytes = dl::readFile(path);
        const std::string cut = dir.filePath("cut.dlm").toStdString();
        dl::writeFileAtomic(cut, bytes.substr(0, bytes.size() - 100));
        const dl::ImageModelFile f = dl::readImageModel(cut); // the header is intact
        try {
            dl::restoreImageTrainer(f, dltest::bars(64, 12, 1), dltest::bars(16, 12, 2));
            QFAIL("no error");
        } catch (const dl::FormatError& e) {
            QVERIFY(QString(e.what()).startsWith("cut.dlm is truncated"));
        }
        dl::writeFileAtomic(cut, "DLCK" + bytes.substr(4));
        QVERIFY_THROWS_EXCEPTION(dl::FormatError, dl::readImageModel(cut));
        try {
            dl::restoreImageTrainer(dl::readImageModel(path), dltest::bars(64, 10, 1),
                                    dltest::bars(16, 10, 2));
            QFAIL("no error");
        } catch (const dl::FormatError& e) {
            QVERIFY(QString(e.what()).contains("1×12×12 images; the chosen data has 2 classes of 1×10×10"));
        }
    }
};

QTEST_APPLESS_MAIN(TstImageModelFile)
#include "tst_image_model_file.moc"
