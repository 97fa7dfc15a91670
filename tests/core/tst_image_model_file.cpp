// SPDX-License-Identifier: MIT
// Image model files: save, reopen and keep training gives the same numbers as never stopping; damaged or
// mismatched files are refused with one sentence.
#include "core/train/image_model_file.h"
#include "core/util/file.h"
#include "image_fixtures.h"

#include <QTemporaryDir>
#include <QtTest>
#include <cstring>

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
    static bool sameWeights(dl::ImageTrainer& a, dl::ImageTrainer& b) // bit for bit
    {
        const auto pa = a.model().params(), pb = b.model().params();
        for (size_t i = 0; i < pa.size(); ++i)
            if (pb[i]->value.toVector() != pa[i]->value.toVector()) return false;
        return pa.size() == pb.size();
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
        QVERIFY(sameWeights(*a, *b));
        QCOMPARE(b->model().buffers()[0]->toVector(), a->model().buffers()[0]->toVector());
    }
    void reopenMidEpochAndKeepTraining()
    {
        // Saved after 3 steps of a 4-step epoch (batch 16 of 64 images), reopened: the next 10 steps (across
        // two epoch boundaries) cost and weigh bit for bit what an uninterrupted run gives.
        QTemporaryDir dir;
        const std::string path = dir.filePath("mid.dlm").toStdString();
        auto a = trainer();
        for (int s = 0; s < 3; ++s) a->step();
        QCOMPARE(a->epochPosition(), 48);
        dl::saveImageModel(*a, dl::ImageSource{}, path);
        auto b = dl::restoreImageTrainer(dl::readImageModel(path), dltest::bars(64, 12, 1),
                                         dltest::bars(16, 12, 2));
        QCOMPARE(b->epochPosition(), 48);
        QCOMPARE(b->epochOrder(), a->epochOrder());
        for (int s = 0; s < 10; ++s) {
            const dl::StepStats sa = a->step(), sb = b->step();
            QCOMPARE(sb.cost, sa.cost);
            QCOMPARE(sb.epoch, sa.epoch);
        }
        QVERIFY(sameWeights(*a, *b));
        // A damaged order (an image twice) is refused with a sentence, not trained on.
        std::string bytes = dl::readFile(path);
        const size_t orderAt = bytes.size() - 4 - 64 * 4;
        std::memcpy(bytes.data() + orderAt, bytes.data() + orderAt + 4, 4);
        const std::string bad = dir.filePath("bad.dlm").toStdString();
        dl::writeFileAtomic(bad, bytes);
        try {
            dl::restoreImageTrainer(dl::readImageModel(bad), dltest::bars(64, 12, 1),
                                    dltest::bars(16, 12, 2));
            QFAIL("no error");
        } catch (const dl::FormatError& e) {
            QVERIFY2(QString(e.what()).startsWith("bad.dlm is damaged: the epoch's order"), e.what());
        }
        // Other data than it was saved on, in the middle of an epoch: one sentence.
        try {
            dl::restoreImageTrainer(dl::readImageModel(path), dltest::bars(32, 12, 1),
                                    dltest::bars(16, 12, 2));
            QFAIL("no error");
        } catch (const dl::FormatError& e) {
            QVERIFY2(QString(e.what()).contains("middle of an epoch over 64 training images"), e.what());
        }
    }
    void versionOneFilesStillOpen()
    {
        // A version-1 file (before the epoch order was saved: no order section) opens and trains on from
        // the start of an epoch, as it was saved.
        QTemporaryDir dir;
        const std::string path = dir.filePath("m.dlm").toStdString();
        auto a = trainer();
        a->runEpoch();
        dl::saveImageModel(*a, dl::ImageSource{}, path);
        std::string bytes = dl::readFile(path);
        const std::uint32_t one = 1;
        std::memcpy(bytes.data() + 4, &one, 4);
        bytes.erase(bytes.size() - 8, 4); // the order's count (0 at an epoch boundary)
        const std::string old = dir.filePath("old.dlm").toStdString();
        dl::writeFileAtomic(old, bytes);
        const dl::ImageModelFile f = dl::readImageModel(old);
        QCOMPARE(f.version, 1u);
        auto b = dl::restoreImageTrainer(f, dltest::bars(64, 12, 1), dltest::bars(16, 12, 2));
        a->runEpoch();
        b->runEpoch();
        QVERIFY(sameWeights(*a, *b));
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
