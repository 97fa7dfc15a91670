// SPDX-License-Identifier: MIT
// The Detection lab, offscreen: a generated darknet model and photo go through the worker thread; the
// thresholds re-filter without a new network run; NMS replay, selection, anchors; PNG/JSON export; bad
// photos and models give one sentence and the page stays usable. Real models when models/ has them.
#include "tests/require_files.h"
#include "../core/detect_fixtures.h"
#include "app/labs/detection/detection_page.h"
#include "core/detect/nms.h"
#include "app/labs/detection/detection_view.h"

#include <QApplication>
#include <QDragEnterEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <opencv2/imgcodecs.hpp>

class TstDetection : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir m_dir;
    std::string m_model;
    QString m_photo;

  private slots:
    void initTestCase()
    {
        m_model = dltest::writeSmallModel(m_dir);
        cv::Mat img(120, 200, CV_8UC3);
        cv::randu(img, 0, 255);
        m_photo = m_dir.filePath("noise.png");
        QVERIFY(cv::imwrite(m_photo.toStdString(), img));
    }
    void thresholdsRefilterWithoutRunningTheNetwork()
    {
        lab::DetectionPage page;
        QSignalSpy detected(&page, &lab::DetectionPage::detected);
        page.openModel(QString::fromStdString(m_model));
        page.openPhoto(m_photo);
        QVERIFY(detected.wait(10000));
        QVERIFY(page.hasResult());
        const long id = page.result().id;
        QVERIFY(page.result().candidates.size() > 20);
        QCOMPARE(page.result().heads.size(), size_t(2));
        QCOMPARE(page.result().heads[0].gh, 2); // the 2×3 grid
        QCOMPARE(page.result().heads[0].gw, 3);
        page.setScoreThreshold(0.3);
        const size_t at03 = page.nms().candidates.size();
        QCOMPARE(page.detectionTable()->rowCount(), static_cast<int>(page.nms().kept.size()));
        page.setScoreThreshold(0.6);
        QVERIFY(page.nms().candidates.size() < at03);
        for (int i : page.nms().kept) QVERIFY(page.result().candidates[static_cast<size_t>(i)].score >= 0.6f);
        page.setIouThreshold(1.0); // nothing overlaps by more than 100 %: NMS keeps every candidate
        QCOMPARE(page.nms().kept.size(), page.nms().candidates.size());
        // IoU threshold 0: no two kept boxes of one class overlap at all; across classes, no two kept boxes
        // overlap whatever their class, so boxes of different classes that overlapped are gone too.
        page.setIouThreshold(0.0);
        const std::vector<int> perClass = page.nms().kept;
        const auto& cand = page.result().candidates;
        const auto box = [&](int i) { return cand[static_cast<size_t>(i)]; };
        bool crossOverlap = false;
        for (size_t a = 0; a < perClass.size(); ++a)
            for (size_t b = a + 1; b < perClass.size(); ++b) {
                const float o = dl::iou(box(perClass[a]).box, box(perClass[b]).box);
                if (box(perClass[a]).cls == box(perClass[b]).cls) QCOMPARE(o, 0.f);
                crossOverlap = crossOverlap || o > 0.f;
            }
        page.setPerClass(false);
        const std::vector<int> across = page.nms().kept;
        for (size_t a = 0; a < across.size(); ++a)
            for (size_t b = a + 1; b < across.size(); ++b)
                QCOMPARE(dl::iou(box(across[a]).box, box(across[b]).box), 0.f);
        QVERIFY(across.size() <= perClass.size());
        if (crossOverlap) QVERIFY(across.size() < perClass.size()); // overlapping classes: one of them went
        QCOMPARE(page.result().id, id); // none of this ran the network again
        QCOMPARE(detected.count(), 1);
    }
    void nmsReplayAndSelection()
    {
        lab::DetectionPage page;
        QSignalSpy detected(&page, &lab::DetectionPage::detected);
        page.openModel(QString::fromStdString(m_model));
        page.openPhoto(m_photo);
        QVERIFY(detected.wait(10000));
        page.setScoreThreshold(0.3);
        page.setIouThreshold(0.3);
        QVERIFY(!page.nms().steps.empty());
        page.stepNms(+1); // enters the replay at step 0
        QCOMPARE(page.options().nmsStep, 0);
        page.stepNms(+1);
        QCOMPARE(page.options().nmsStep, 1);
        const lab::Scene& s = page.view()->scene();
        int keepers = 0, removed = 0;
        for (const lab::SceneBox& b : s.boxes) {
            keepers += b.kind == lab::SceneBox::Keeper;
            removed += b.kind == lab::SceneBox::Suppressed;
        }
        QCOMPARE(keepers, 1);
        QCOMPARE(removed, 1);
        QVERIFY(s.caption.contains(QString("IoU %1").arg(page.nms().steps[0].iou, 0, 'f', 2)));
        page.stepNms(-1);
        QCOMPARE(page.options().nmsStep, 0);
        page.stepNms(0);
        QCOMPARE(page.options().nmsStep, -1);
        // Selecting the first list row highlights that detection's box.
        page.detectionTable()->selectRow(0);
        QCOMPARE(page.options().selected, page.nms().kept[0]);
        bool highlighted = false;
        for (const lab::SceneBox& b : page.view()->scene().boxes) highlighted = highlighted || b.highlighted;
        QVERIFY(highlighted);
        // Grid of head 0 (2×3) and the anchors of a clicked cell: 3 anchor boxes.
        page.setGridHead(0);
        int row = -1, col = -1;
        const QPointF bottomRight(page.result().photo.width() - 1, page.result().photo.height() - 1);
        QVERIFY(lab::cellAt(page.result(), 0, bottomRight, row, col));
        QCOMPARE(row, 1);
        QCOMPARE(col, 2);
        emit page.view()->clicked(bottomRight);
        int anchors = 0;
        for (const lab::SceneBox& b : page.view()->scene().boxes) anchors += b.kind == lab::SceneBox::Anchor;
        QCOMPARE(anchors, 3);
        QCOMPARE(page.view()->scene().gridRows, 2);
        QCOMPARE(page.view()->scene().gridCols, 3);
    }
    void droppingAPhotoDetectsIt()
    {
        lab::DetectionPage page;
        QSignalSpy detected(&page, &lab::DetectionPage::detected);
        page.openModel(QString::fromStdString(m_model));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(m_photo)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&page, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&page, &drop);
        QVERIFY(detected.wait(10000));
        QCOMPARE(page.result().source, QString("noise.png"));
    }
    void exportsPngAndJson()
    {
        lab::DetectionPage page;
        QSignalSpy detected(&page, &lab::DetectionPage::detected);
        page.openModel(QString::fromStdString(m_model));
        page.openPhoto(m_photo);
        QVERIFY(detected.wait(10000));
        page.setScoreThreshold(0.5);
        const QString png = m_dir.filePath("out.png"), json = m_dir.filePath("out.json");
        QVERIFY(page.exportPng(png));
        QCOMPARE(QImage(png).size(), QSize(200, 120)); // the photo's own resolution
        QVERIFY(page.exportJson(json));
        QFile f(json);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(o["width"].toInt(), 200);
        QCOMPARE(o["image"].toString(), QString("noise.png"));
        const QJsonArray list = o["detections"].toArray();
        QCOMPARE(list.size(), static_cast<int>(page.nms().kept.size()));
        const dl::Detection& first = page.result().candidates[static_cast<size_t>(page.nms().kept[0])];
        QVERIFY(std::fabs(list[0].toObject()["score"].toDouble() - first.score) < 1e-4);
        QVERIFY(std::fabs(list[0].toObject()["x"].toDouble() - first.box.x1 * 200) < 0.06);
    }
    void badInputsSaySoAndThePageStaysUsable()
    {
        lab::DetectionPage page;
        QSignalSpy detected(&page, &lab::DetectionPage::detected);
        QSignalSpy message(&page, &lab::DetectionPage::message);
        page.openModel(QString::fromStdString(m_model));
        // A truncated JPEG: one sentence naming the file; no result.
        std::vector<uchar> jpg;
        cv::Mat img(64, 64, CV_8UC3, cv::Scalar(10, 200, 30));
        cv::imencode(".jpg", img, jpg);
        const QString half = m_dir.filePath("half.jpg");
        QFile h(half);
        QVERIFY(h.open(QIODevice::WriteOnly));
        h.write(reinterpret_cast<const char*>(jpg.data()), static_cast<qint64>(jpg.size() / 2));
        h.close();
        page.openPhoto(half);
        QTRY_VERIFY_WITH_TIMEOUT(!message.isEmpty() && message.last().at(1).toBool(), 5000);
        QVERIFY(message.last().at(0).toString().contains("half.jpg is cut short"));
        QVERIFY(!page.hasResult());
        // A cfg with an unknown layer: the line is named, the previous model stays.
        const QString bad = m_dir.filePath("bad.cfg");
        QFile b(bad);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write("[net]\nwidth=32\nheight=32\nchannels=3\n[lstm]\n");
        b.close();
        page.openModel(bad + ":" + m_dir.filePath("small.weights"));
        QTRY_VERIFY_WITH_TIMEOUT(
            message.last().at(0).toString().contains("bad.cfg, line 5: unknown layer [lstm]"), 5000);
        // Still usable: a good photo detects with the model that was open before.
        page.openPhoto(m_photo);
        QVERIFY(detected.wait(10000));
        QVERIFY(page.result().candidates.size() > 20);
    }
    void cocoOnDogFindsDogBicycleCar()
    {
        const QString dog = QString(dltest::kDarknetData) + "/dog.jpg";
        DL_NEEDS_FILES((QStringList{dltest::modelsRoot() + "/yolo-fastest-1.1/yolo-fastest-1.1-xl.weights"}),
                       DL_FROM_SHARED_MODELS);
        DL_NEEDS_FILES((QStringList{dog}), DL_FROM_DARKNET_PKG);
        const std::string models = dltest::modelsDir();
        qputenv("DLLAB_MODELS", QByteArray::fromStdString(models));
        lab::DetectionPage page;
        QSignalSpy detected(&page, &lab::DetectionPage::detected);
        page.openModel("coco");
        page.openPhoto(dog);
        QVERIFY(detected.wait(20000));
        QStringList names;
        for (int i : page.nms().kept)
            names << page.model().classes[page.result().candidates[static_cast<size_t>(i)].cls];
        QCOMPARE(names, (QStringList{"dog", "bicycle", "car", "truck"}));
        page.setScoreThreshold(0.5);
        names.clear();
        for (int i : page.nms().kept)
            names << page.model().classes[page.result().candidates[static_cast<size_t>(i)].cls];
        QCOMPARE(names, (QStringList{"dog", "bicycle", "car"}));
    }
};

QTEST_MAIN(TstDetection)
#include "tst_detection.moc"
