// SPDX-License-Identifier: MIT
// Issue 14's same/different rates on face-api's six demo photos, through the whole pipeline (detector,
// landmarks, aligned square, 128-D descriptor): every face against itself in its photo changed the way a
// camera or a hand changes it — mirrored, brighter and darker (±40 of 255), less and more contrast (×0.7,
// ×1.3 about mid-grey), turned −10° and +10° about the photo's centre — is the same person at τ = 0.6
// (COURSE.md §9: d ≤ τ); the different faces within one photo (a group) are different people at 0.6; with
// either detector (tiny, SSD). The rates are printed; the bars below are a little under what they are. The
// face in the changed photo is the one whose box centre is nearest where the change moved the original's
// (within a third of its width); a face the detector loses is counted, never silently dropped.
#include "core/faces/face_pipeline.h"
#include "core/models/model_files.h"
#include "core/models/photo.h"

#include "detect_fixtures.h"

#include <QtTest>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <functional>

namespace {

struct Change {
    const char* name;
    std::function<cv::Mat(const cv::Mat&)> image;            // the changed photo
    std::function<cv::Point2d(cv::Point2d, cv::Size)> point; // where a point of the photo goes
};

cv::Point2d same(cv::Point2d p, cv::Size)
{
    return p;
}

cv::Mat tone(const cv::Mat& m, double gain, double shift)
{
    cv::Mat out;
    m.convertTo(out, -1, gain, shift); // saturating, as a photo editor's slider
    return out;
}

cv::Mat turnMatrix(cv::Size s, double degrees)
{
    return cv::getRotationMatrix2D(cv::Point2f(s.width / 2.f, s.height / 2.f), degrees, 1.0);
}

// All seven changes, or (CI, all = false) one of each kind: the mirror, a brightness, a contrast and a turn.
std::vector<Change> changes(bool all)
{
    auto turn = [](double deg) {
        return Change{deg > 0 ? "turned +10°" : "turned -10°",
                      [deg](const cv::Mat& m) {
                          cv::Mat out;
                          cv::warpAffine(m, out, turnMatrix(m.size(), deg), m.size(), cv::INTER_LINEAR,
                                         cv::BORDER_REPLICATE);
                          return out;
                      },
                      [deg](cv::Point2d p, cv::Size s) {
                          const cv::Mat r = turnMatrix(s, deg);
                          return cv::Point2d(
                              r.at<double>(0, 0) * p.x + r.at<double>(0, 1) * p.y + r.at<double>(0, 2),
                              r.at<double>(1, 0) * p.x + r.at<double>(1, 1) * p.y + r.at<double>(1, 2));
                      }};
    };
    if (!all) {
        std::vector<Change> c = changes(true);
        return {c[0], c[2], c[3], c[6]}; // mirrored, darker −40, contrast ×0.7, turned +10°
    }
    return {
        {"mirrored",
         [](const cv::Mat& m) {
             cv::Mat out;
             cv::flip(m, out, 1);
             return out;
         },
         [](cv::Point2d p, cv::Size s) {
             return cv::Point2d(s.width - p.x, p.y);
         }},
        {"brighter +40", [](const cv::Mat& m) { return tone(m, 1, 40); }, same},
        {"darker -40", [](const cv::Mat& m) { return tone(m, 1, -40); }, same},
        {"contrast x0.7", [](const cv::Mat& m) { return tone(m, 0.7, 128 * 0.3); }, same},
        {"contrast x1.3", [](const cv::Mat& m) { return tone(m, 1.3, -128 * 0.3); }, same},
        turn(-10),
        turn(10),
    };
}

dl::Photo fromMat(const cv::Mat& m)
{
    dl::Photo p;
    p.width = m.cols, p.height = m.rows;
    p.rgb.assign(m.data, m.data + m.total() * 3);
    return p;
}

cv::Point2d centre(const dl::FaceBox& b)
{
    return {b.x + b.w / 2, b.y + b.h / 2};
}

} // namespace

class TstFaceChanges : public QObject {
    Q_OBJECT
    static bool allChanges() { return qEnvironmentVariableIntValue("DL_FACE_CHANGES_ALL") != 0; }

  private slots:
    void samePersonUnderChangesDifferentPeopleInAGroup_data()
    {
        // Eight pipeline runs a photo are slow under the sanitizers (SSD's 512² MobileNet about 1.5 s a photo):
        // CI runs the tiny detector on the three group photos of 3, 5 and 5 faces and SSD on samples 1–2, each
        // under one change of each kind (five runs a photo); DL_FACE_CHANGES_ALL=1 both detectors on all six
        // photos under all seven changes (the README's rows).
        const bool all = allChanges();
        const QList<int> six{1, 2, 3, 4, 5, 6};
        QTest::addColumn<int>("detector");
        QTest::addColumn<QList<int>>("photos");
        QTest::newRow("tiny") << int(dl::FaceDetectorKind::Tiny) << (all ? six : QList<int>{1, 5, 6});
        QTest::newRow("ssd") << int(dl::FaceDetectorKind::Ssd) << (all ? six : QList<int>{1, 2});
    }
    void samePersonUnderChangesDifferentPeopleInAGroup()
    {
        QFETCH(int, detector);
        QFETCH(QList<int>, photos);
        const auto kind = static_cast<dl::FaceDetectorKind>(detector);
        const QString root = dltest::modelsRoot() + "/face-api/";
        QStringList need{root + (kind == dl::FaceDetectorKind::Ssd ? "ssd_mobilenetv1_model.bin"
                                                                   : "tiny_face_detector_model.bin"),
                         root + "face_landmark_68_model.bin", root + "face_recognition_model.bin"};
        for (int i : photos) need << root + QString("sample%1.jpg").arg(i);
        DL_NEEDS_FILES(need, DL_FROM_FACE_API);
        const std::string models = dl::findModelsDir("", DL_SOURCE_DIR);
        dl::FacePipeline pipe = dl::FacePipeline::open(models, kind);
        int samePairs = 0, sameAtTau = 0, lost = 0, diffPairs = 0, diffAtTau = 0;
        double farthestSame = 0, nearestDiff = 1e9;
        QString worstSame;
        for (int i : photos) {
            const std::string name = "sample" + std::to_string(i) + ".jpg";
            const dl::Photo photo = dl::loadPhoto(models + "/face-api/" + name);
            const std::vector<dl::FaceResult> faces = pipe.run(photo);
            QVERIFY2(!faces.empty(), name.c_str());
            for (size_t a = 0; a < faces.size(); ++a)
                for (size_t b = a + 1; b < faces.size(); ++b) {
                    const double d = dl::faceDistance(faces[a].descriptor, faces[b].descriptor);
                    ++diffPairs;
                    diffAtTau += d > dl::kFaceThreshold;
                    nearestDiff = std::min(nearestDiff, d);
                }
            const cv::Mat rgb(photo.height, photo.width, CV_8UC3, const_cast<uint8_t*>(photo.rgb.data()));
            for (const Change& c : changes(allChanges())) {
                const std::vector<dl::FaceResult> again = pipe.run(fromMat(c.image(rgb)));
                for (const dl::FaceResult& f : faces) {
                    const cv::Point2d want = c.point(centre(f.box), rgb.size());
                    const dl::FaceResult* match = nullptr;
                    for (const dl::FaceResult& g : again)
                        if (cv::norm(centre(g.box) - want) < f.box.w / 3 &&
                            (!match || cv::norm(centre(g.box) - want) < cv::norm(centre(match->box) - want)))
                            match = &g;
                    if (!match) {
                        ++lost;
                        qInfo("%s, face at %.0f,%.0f %s: not found", name.c_str(), f.box.x, f.box.y, c.name);
                        continue;
                    }
                    const double d = dl::faceDistance(f.descriptor, match->descriptor);
                    ++samePairs;
                    sameAtTau += d <= dl::kFaceThreshold;
                    if (d > farthestSame)
                        farthestSame = d,
                        worstSame = QString("%1 %2").arg(QString::fromStdString(name), c.name);
                }
            }
        }
        qInfo(
            "%s: same person: %d of %d pairs at d <= 0.6 (farthest %.3f: %s), %d faces lost by the detector; "
            "different people in one photo: %d of %d pairs at d > 0.6 (nearest %.3f)",
            dl::faceDetectorName(kind), sameAtTau, samePairs, farthestSame, qPrintable(worstSame), lost,
            diffAtTau, diffPairs, nearestDiff);
        // Found again, a face is the same person at 0.6 in at least 95 % of the pairs (all six photos: tiny 133
        // of 133, SSD 149 of 150 — sample 2's mirrored face at 0.622; CI's photos and changes: tiny 49 of 49,
        // SSD 23 of 24); at most one in ten is lost (a turned or mirrored face that falls under the detector's
        // 0.5: tiny 7 of 140, SSD 4 of 154; CI's: 3 of 52, 0 of 24).
        QVERIFY2(sameAtTau * 100 >= samePairs * 95,
                 qPrintable(QString("%1 of %2").arg(sameAtTau).arg(samePairs)));
        QVERIFY2(lost * 10 <= samePairs + lost, qPrintable(QString("%1 faces lost").arg(lost)));
        // Different people: at least 80 % apart at 0.6 (all six photos: tiny 26 of 29, SSD 27 of 31; CI's:
        // 21 of 23, 5 of 6; dlib reports 99.38 % on LFW's pairs, where a pair is rarely two people of one family photo).
        QVERIFY(diffPairs >= 3 * int(photos.size()));
        const int bar = diffPairs >= 20 ? 80 : 66; // on two photos' six pairs one miss is 17 points
        QVERIFY2(diffAtTau * 100 >= diffPairs * bar,
                 qPrintable(QString("%1 of %2").arg(diffAtTau).arg(diffPairs)));
    }

    // A hundred faces in one photo (a 10 × 10 mosaic of the demo photos' 20 faces, 160 px each): SSD finds
    // 87 of them here (at least 80 asked; the count is the detector's, the landmarks and descriptors of so many
    // faces are each the same work as tst_faces checks on one); a face of 12 px and a photo of no face give
    // no face through the whole pipeline (the lab and dlcli then say "no face found"), nothing thrown.
    void aHundredFacesATinyOneAndNone()
    {
        const QString root = dltest::modelsRoot() + "/face-api/";
        DL_NEEDS_FILES((QStringList{root + "ssd_mobilenetv1_model.bin", root + "face_landmark_68_model.bin",
                                    root + "face_recognition_model.bin", root + "sample1.jpg"}),
                       DL_FROM_FACE_API);
        const std::string models = dl::findModelsDir("", DL_SOURCE_DIR);
        dl::FacePipeline ssd = dl::FacePipeline::open(models, dl::FaceDetectorKind::Ssd);
        dl::FacePipeline tiny = dl::FacePipeline::open(models); // cheaper for cutting the 20 faces out
        std::vector<cv::Mat> crops;
        for (int i = 1; i <= 6; ++i) {
            const dl::Photo photo = dl::loadPhoto(models + "/face-api/sample" + std::to_string(i) + ".jpg");
            const cv::Mat rgb(photo.height, photo.width, CV_8UC3, const_cast<uint8_t*>(photo.rgb.data()));
            for (const dl::Detection& d : tiny.detect(photo)) { // the face with a third of its size around it
                const double w = d.box.width() * photo.width, h = d.box.height() * photo.height;
                cv::Rect r(int(d.box.x1 * photo.width - w / 3), int(d.box.y1 * photo.height - h / 3),
                           int(w * 5 / 3), int(h * 5 / 3));
                r &= cv::Rect(0, 0, rgb.cols, rgb.rows);
                cv::Mat c;
                cv::resize(rgb(r), c, cv::Size(160, 160), 0, 0, cv::INTER_AREA);
                crops.push_back(c);
            }
        }
        QVERIFY(crops.size() >= 20);
        cv::Mat mosaic(1600, 1600, CV_8UC3);
        for (int k = 0; k < 100; ++k)
            crops[static_cast<size_t>(k) % crops.size()].copyTo(
                mosaic(cv::Rect(k % 10 * 160, k / 10 * 160, 160, 160)));
        const std::vector<dl::Detection> many = ssd.detect(fromMat(mosaic));
        qInfo("SSD found %zu of the mosaic's 100 faces", many.size());
        QVERIFY2(many.size() >= 80 && many.size() <= 100, qPrintable(QString::number(many.size())));
        cv::Mat small(480, 640, CV_8UC3, cv::Scalar(128, 128, 128));
        cv::resize(crops[0], small(cv::Rect(300, 200, 12, 12)), cv::Size(12, 12), 0, 0, cv::INTER_AREA);
        QVERIFY(ssd.run(fromMat(small)).empty());
        const cv::Mat none(480, 640, CV_8UC3, cv::Scalar(90, 140, 200));
        QVERIFY(ssd.run(fromMat(none)).empty());
        QVERIFY(tiny.run(fromMat(none)).empty());
    }
};

QTEST_APPLESS_MAIN(TstFaceChanges)
#include "tst_face_changes.moc"
