// SPDX-License-Identifier: MIT
// The Images lab as a user drives it, offscreen, on a small folder of pictures (two classes of bars):
// a tiny CNN trains a few steps and its filter view changes; evaluation fills the confusion matrix and the
// inspector; the model is saved, reopened and keeps training; a damaged file gives one sentence.
#include "app/gui/main_window.h"
#include "app/labs/images/images_page.h"
#include "app/labs/images/augmentation_dialog.h"
#include "widgets/confusion_matrix_view.h"
#include "app/labs/images/image_inspector.h"
#include "widgets/tile_grid_view.h"

#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
#include <opencv2/imgcodecs.hpp>

class TstImages : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<lab::MainWindow> m_w;
    QString m_lastMessage;
    QStringList m_messages; // since init()
    bool m_lastError = false;
    lab::ImagesPage* page() { return m_w->lab<lab::ImagesPage>(); }
    static std::vector<QImage> images(const lab::TileGridView* v)
    {
        std::vector<QImage> out;
        for (const lab::Tile& t : v->tiles()) out.push_back(t.image);
        return out;
    }
  private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("DLVisualLab-test");
        // 2 × 40 pictures: a vertical or a horizontal bright bar on noise, at random places
        cv::RNG rng(3);
        for (const char* cls : {"vertical", "horizontal"}) {
            QDir().mkpath(m_dir.filePath(cls));
            for (int i = 0; i < 40; ++i) {
                cv::Mat img(20, 20, CV_8UC1);
                rng.fill(img, cv::RNG::UNIFORM, 0, 40);
                const int at = rng.uniform(2, 18);
                if (cls[0] == 'v')
                    img.col(at).setTo(255);
                else
                    img.row(at).setTo(255);
                QVERIFY(cv::imwrite(m_dir.filePath(QString("%1/%2.png").arg(cls).arg(i)).toStdString(), img));
            }
        }
        std::ofstream(m_dir.filePath("vertical/broken.jpg").toStdString()) << "not a picture";
    }
    void init()
    {
        QSettings().clear();
        m_messages.clear();
        m_w = std::make_unique<lab::MainWindow>();
        m_w->resize(1300, 800);
        m_w->show();
        m_w->showLab(1);
        connect(page(), &lab::ImagesPage::message, this, [this](const QString& m, bool e) {
            m_lastMessage = m;
            m_messages << m;
            m_lastError = e;
        });
        auto* layers = page()->findChild<QPlainTextEdit*>("layerList");
        layers->setPlainText("conv 4 k=3 p=1\nrelu\nmaxpool 2\nflatten\ndense 2\n");
        page()->chooseFolder(m_dir.path());
        QVERIFY(QTest::qWaitFor([&] { return page()->lastSnapshot().filters.count == 4; }, 10000));
        QCOMPARE(page()->lastSnapshot().classNames, (QStringList{"horizontal", "vertical"}));
    }
    void cleanup() { m_w.reset(); }

    void aFolderChosenWhileFashionMnistLoadsReplacesIt()
    {
        // init() showed the lab, which starts reading Fashion-MNIST (60 000 images, gzip), and chose the
        // folder a moment later: that read stopped at its next 64 KiB block instead of running to the end
        // before the folder (it never reported its image counts), and the folder's model is the one shown.
        QTest::qWait(500);
        for (const QString& m : m_messages) QVERIFY2(!m.startsWith("Fashion-MNIST: "), qPrintable(m));
        QCOMPARE(page()->lastSnapshot().classNames, (QStringList{"horizontal", "vertical"}));
    }

    void filtersChangeAsItTrains()
    {
        QVERIFY(m_lastMessage.contains("broken.jpg")); // the unreadable file is named, and skipped
        const std::vector<QImage> before = images(page()->filterView());
        QCOMPARE(int(before.size()), 4);
        for (int i = 0; i < 5; ++i) m_w->stepAction()->trigger();
        QVERIFY(QTest::qWaitFor([&] { return page()->lastSnapshot().step >= 5; }, 10000));
        QVERIFY(QTest::qWaitFor([&] { return images(page()->filterView()) != before; }, 5000));
        QCOMPARE(page()->layerTable()->rowCount(), 5);
    }
    void trainsEpochsThenEvaluates()
    {
        lab::ImageRunConfig cfg = page()->config();
        cfg.hyper.lr = 0.01f;
        cfg.hyper.batch = 8;
        cfg.source.devCount = 16;
        page()->setConfig(cfg);
        QVERIFY(QTest::qWaitFor(
            [&] { return page()->lastSnapshot().step == 0 && page()->config().hyper.batch == 8; }, 5000));
        m_w->runAction()->trigger();
        QVERIFY(QTest::qWaitFor([&] { return page()->epochsSeen() >= 10 && !page()->isRunning(); }, 30000));
        QVERIFY(page()->lastSnapshot().epoch == 10); // stops at the epoch limit
        QSignalSpy evaluated(page(), &lab::ImagesPage::evaluated);
        page()->evaluateDev();
        QVERIFY(evaluated.wait(5000));
        const dl::Metrics& m = page()->confusionView()->metrics();
        QCOMPARE(m.classes, 2);
        QVERIFY(m.count > 0);
        QVERIFY2(m.accuracy > 0.8f, qPrintable(QString::number(m.accuracy)));
        page()->probeDev(0);
        QVERIFY(QTest::qWaitFor([&] { return page()->inspector()->probe().index == 0; }, 5000));
        const lab::Probe& p = page()->inspector()->probe();
        QCOMPARE(int(p.probs.size()), 2);
        QCOMPARE(int(p.maps.size()), 3); // conv, relu, pool
        QCOMPARE(p.cam.h, 32); // folder pictures are resized to 32×32, in colour
        QVERIFY(!page()->mapView()->tiles().empty());
    }
    void saveReopenKeepTraining()
    {
        for (int i = 0; i < 3; ++i) m_w->stepAction()->trigger();
        QVERIFY(QTest::qWaitFor([&] { return page()->lastSnapshot().step >= 3; }, 10000));
        const QString path = m_dir.filePath("m.dlm");
        page()->saveModel(path);
        QVERIFY(QTest::qWaitFor([&] { return m_lastMessage.startsWith("Saved m.dlm"); }, 5000));
        m_w->resetAction()->trigger();
        QVERIFY(QTest::qWaitFor([&] { return page()->lastSnapshot().step == 0; }, 5000));
        page()->openModel(path);
        QVERIFY(QTest::qWaitFor([&] { return page()->lastSnapshot().step == 3; }, 5000));
        m_w->stepAction()->trigger();
        QVERIFY(QTest::qWaitFor([&] { return page()->lastSnapshot().step == 4; }, 5000));

        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QFile cut(m_dir.filePath("cut.dlm"));
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write(bytes.left(bytes.size() - 40));
        cut.close();
        page()->openModel(cut.fileName());
        QVERIFY(QTest::qWaitFor([&] { return m_lastError; }, 5000));
        QVERIFY2(m_lastMessage.startsWith("cut.dlm is truncated"), qPrintable(m_lastMessage));
        m_w->stepAction()->trigger(); // still usable
        QVERIFY(QTest::qWaitFor([&] { return page()->lastSnapshot().step == 5; }, 5000));
    }
    // File ▸ Export: ONNX from the model being trained; a PyTorch experiment of a folder-trained model is
    // refused in one sentence (its train.py reads Fashion-MNIST), and the lab keeps training.
    void exportFromTheMenu()
    {
        for (int i = 0; i < 2; ++i) m_w->stepAction()->trigger();
        QVERIFY(QTest::qWaitFor([&] { return page()->lastSnapshot().step >= 2; }, 10000));
        const QString onnx = m_dir.filePath("m.onnx");
        page()->exportModel(onnx, {});
        QVERIFY(QTest::qWaitFor([&] { return m_lastMessage.startsWith("Exported the Images lab model to m.onnx (ONNX, "); }, 10000));
        QFile f(onnx);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.size() > 1000 && bytes.startsWith(char(0x08)) && bytes.contains("Conv"));
        page()->exportModel({}, m_dir.filePath("torch"));
        QVERIFY(QTest::qWaitFor([&] { return m_lastError; }, 5000));
        QVERIFY2(m_lastMessage.startsWith("This model was trained on the folder ") && m_lastMessage.contains("Fashion-MNIST models only"), qPrintable(m_lastMessage));
        QVERIFY(!QFileInfo::exists(m_dir.filePath("torch/model.py")));
        m_w->stepAction()->trigger(); // still usable
        QVERIFY(QTest::qWaitFor([&] { return page()->lastSnapshot().step >= 3; }, 5000));
    }
    void badLayerListIsOneSentence()
    {
        auto* layers = page()->findChild<QPlainTextEdit*>("layerList");
        layers->setPlainText("conv 4 k=3\nflatten\ndense 3\n");
        m_w->resetAction()->trigger();
        QVERIFY(QTest::qWaitFor([&] { return m_lastError; }, 5000));
        QVERIFY2(m_lastMessage.startsWith("The last layer gives (3, 1) but the data has 2 classes"),
                 qPrintable(m_lastMessage));
    }
    void augmentationPreviewRerolls()
    {
        lab::AugmentationDialog* d = page()->augmentationDialog();
        d->setPipeline(dl::AugmentPipeline::parse("rotate:1:30,crop:1:3"));
        QVERIFY(QTest::qWaitFor([&] { return !d->preview()->tiles().empty(); }, 3000));
        const std::vector<QImage> first = images(d->preview());
        QCOMPARE(int(first.size()), 4 * (lab::AugmentationDialog::kVersions + 1));
        d->reroll();
        const std::vector<QImage> second = images(d->preview());
        QCOMPARE(second[0], first[0]); // the originals stay
        QVERIFY(second[1] != first[1]);
        QCOMPARE(d->pipeline().ops.size(), size_t(2));
    }
};

QTEST_MAIN(TstImages)
#include "tst_images.moc"
