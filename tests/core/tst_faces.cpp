// SPDX-License-Identifier: MIT
// The faces core (issue 14, COURSE.md §9): face-api's centred square crop worked out by hand; the face
// recognition net (MODELS.md §1.5) against face-api 1.7.15 itself on its demo photos — the same pixels, the
// same aligned crops, descriptors within 1e-3 per number (tests/data/face_api_faces.json, made by
// tests/data/face_api_faces.cjs); SSD MobileNet v1 and the pipeline after it against face-api's own
// (tests/data/face_api_ssd.json); the faces described in two lanes as in one; recognition's ranking and its
// database file; a missing or wrong model file is one sentence.
#include "core/faces/face_db.h"
#include "core/faces/face_landmarks.h"
#include "core/faces/face_pipeline.h"
#include "core/faces/face_recognition.h"
#include "core/models/model_files.h"
#include "core/util/cancel.h"
#include "core/util/error.h"

#include "detect_fixtures.h"
#include "tests/require_files.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

namespace {

// The largest difference of any coordinate of our landmarks from face-api's [[x, y] × 68].
double landmarkGap(const dl::FaceLandmarks& p, const QJsonArray& theirs)
{
    double worst = 0;
    for (int i = 0; i < dl::kLandmarkCount; ++i) {
        const QJsonArray q = theirs[i].toArray();
        worst = std::max({worst, std::fabs(p[static_cast<size_t>(i)].x - q[0].toDouble()),
                          std::fabs(p[static_cast<size_t>(i)].y - q[1].toDouble())});
    }
    return worst;
}

// The largest difference of any of the 128 numbers from face-api's.
double descriptorGap(const dl::FaceDescriptor& d, const QJsonArray& theirs)
{
    double worst = 0;
    for (int k = 0; k < dl::kFaceDescriptorSize; ++k)
        worst = std::max(worst, std::fabs(d[static_cast<size_t>(k)] - theirs[k].toDouble()));
    return worst;
}

} // namespace

class TstFaces : public QObject {
    Q_OBJECT
  private slots:
    // A 3 wide × 1 high region: diff 2, round(2/2) = 1 row after, 1 before (face-api padToSquare, centred);
    // the square is 3 × 3, so a 3 × 3 input is the padded square itself (no resize), mean 10, scale 0.5.
    void centredSquarePadding()
    {
        dl::Photo p;
        p.width = 4, p.height = 2;
        p.rgb.assign(4 * 2 * 3, 0);
        for (int x = 0; x < 4; ++x)
            for (int c = 0; c < 3; ++c) p.rgb[static_cast<size_t>((4 + x) * 3 + c)] = static_cast<uint8_t>(20 + 10 * x + c);
        const float mean[3] = {10, 10, 10};
        const dl::Tensor t = dl::padSquareInput(p, {1, 1, 3, 1}, true, 3, mean, 0.5f); // row 1, x = 1..3
        for (int c = 0; c < 3; ++c)
            for (int y = 0; y < 3; ++y)
                for (int x = 0; x < 3; ++x) {
                    const float v = y == 1 ? 20 + 10 * (x + 1) + c : 0; // the region's row in the middle
                    QCOMPARE(t[static_cast<size_t>((c * 3 + y) * 3 + x)], (v - 10) * 0.5f);
                }
        // Not centred (the detectors): all the padding below.
        const dl::Tensor b = dl::padSquareInput(p, {1, 1, 3, 1}, false, 3, mean, 0.5f);
        QCOMPARE(b[0], (30 - 10) * 0.5f);
        QCOMPARE(b[3], -5.f);
        // An odd difference: 4 × 1 → diff 3, round(1.5) = 2 after, 1 before.
        const dl::Tensor o = dl::padSquareInput(p, {0, 1, 4, 1}, true, 4, mean, 1.f);
        QCOMPARE(o[static_cast<size_t>(1 * 4)], 20.f - 10); // row 1 holds the region
        QCOMPARE(o[0], -10.f);
        QCOMPARE(o[static_cast<size_t>(2 * 4)], -10.f);
    }

    void recognitionMatchesFaceApi()
    {
        const QString root = dltest::modelsRoot() + "/face-api/";
        DL_NEEDS_FILES((QStringList{root + "face_recognition_model.bin", root + "sample1.jpg"}), DL_FROM_FACE_API);
        const std::string models = dl::findModelsDir("", DL_SOURCE_DIR);
        dl::FaceRecognitionNet net = dl::FaceRecognitionNet::open(models);
        QCOMPARE(net.fileValues(), size_t(5614592)); // MODELS.md §1.1
        QFile f(QString(DL_SOURCE_DIR) + "/tests/data/face_api_faces.json");
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject ref = QJsonDocument::fromJson(f.readAll()).object();
        int faces = 0;
        double worst = 0;
        for (auto it = ref.begin(); it != ref.end(); ++it) {
            const dl::Photo photo = dl::loadPhoto(models + "/face-api/" + it.key().toStdString());
            for (const QJsonValue& v : it.value().toArray()) {
                const QJsonObject o = v.toObject();
                const QJsonArray c = o["descriptor_crop"].toArray();
                const dl::FaceDescriptor d = net.describe(photo, {c[0].toInt(), c[1].toInt(), c[2].toInt(), c[3].toInt()});
                QCOMPARE(o["descriptor"].toArray().size(), dl::kFaceDescriptorSize);
                worst = std::max(worst, descriptorGap(d, o["descriptor"].toArray()));
                ++faces;
            }
        }
        qInfo("%d faces: descriptors within %.2g of face-api's", faces, worst);
        QVERIFY(faces >= 10);
        QVERIFY2(worst < 1e-3, qPrintable(QString("largest difference %1").arg(worst)));
    }

    // The landmark net on face-api's own detection boxes (the crop it read, then its outputs back to photo
    // pixels): every point within 1 px of face-api's; from our landmarks, face-api's alignedRect and the dlib
    // square its recognition net reads (±1 px where a coordinate sits on an integer), and through the square
    // the same descriptor.
    void landmarksMatchFaceApi()
    {
        const QString root = dltest::modelsRoot() + "/face-api/";
        DL_NEEDS_FILES((QStringList{root + "face_landmark_68_model.bin", root + "face_recognition_model.bin",
                        root + "sample1.jpg"}),
                       DL_FROM_FACE_API);
        const std::string models = dl::findModelsDir("", DL_SOURCE_DIR);
        dl::FaceLandmarkNet marks = dl::FaceLandmarkNet::open(models);
        dl::FaceRecognitionNet rec = dl::FaceRecognitionNet::open(models);
        QFile f(QString(DL_SOURCE_DIR) + "/tests/data/face_api_faces.json");
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject ref = QJsonDocument::fromJson(f.readAll()).object();
        int faces = 0, sameCrop = 0;
        double worstPoint = 0, worstDescriptor = 0;
        for (auto it = ref.begin(); it != ref.end(); ++it) {
            const dl::Photo photo = dl::loadPhoto(models + "/face-api/" + it.key().toStdString());
            for (const QJsonValue& v : it.value().toArray()) {
                const QJsonObject o = v.toObject();
                const QJsonArray b = o["box"].toArray(), lc = o["landmark_crop"].toArray();
                const dl::FaceBox box{b[0].toDouble(), b[1].toDouble(), b[2].toDouble(), b[3].toDouble()};
                const dl::PixelRegion crop = dl::faceCrop(box, photo.width, photo.height);
                QCOMPARE((QList<int>{crop.x, crop.y, crop.w, crop.h}),
                         (QList<int>{lc[0].toInt(), lc[1].toInt(), lc[2].toInt(), lc[3].toInt()}));
                const dl::FaceLandmarks p = marks.detect(photo, box);
                QCOMPARE(o["landmarks"].toArray().size(), dl::kLandmarkCount);
                worstPoint = std::max(worstPoint, landmarkGap(p, o["landmarks"].toArray()));
                for (auto [name, mine] : {std::pair{"aligned_crop", dl::faceCrop(dl::alignedBox(p), photo.width, photo.height)},
                                          {"descriptor_crop", dl::faceCrop(dl::dlibAlignedBox(p, crop.w, crop.h), photo.width, photo.height)}}) {
                    const QJsonArray ac = o[name].toArray();
                    const int off = std::max({std::abs(mine.x - ac[0].toInt()), std::abs(mine.y - ac[1].toInt()),
                                              std::abs(mine.w - ac[2].toInt()), std::abs(mine.h - ac[3].toInt())});
                    QVERIFY2(off <= 1, qPrintable(QString("%1: %2 %3 px off").arg(it.key(), name).arg(off)));
                    if (off || QString(name) == "aligned_crop") continue;
                    ++sameCrop;
                    worstDescriptor = std::max(worstDescriptor, descriptorGap(rec.describe(photo, mine), o["descriptor"].toArray()));
                }
                ++faces;
            }
        }
        qInfo("%d faces: landmarks within %.3g px; %d descriptor crops equal to face-api's, their descriptors within %.2g",
              faces, worstPoint, sameCrop, worstDescriptor);
        QVERIFY2(worstPoint < 1.0, qPrintable(QString("a landmark %1 px off").arg(worstPoint)));
        QVERIFY(sameCrop >= faces - 2);
        QVERIFY(worstDescriptor < 1e-3);
    }

    // SSD MobileNet v1 (MODELS.md §1.4) against face-api's own SsdMobilenetv1 on the same pixels
    // (tests/data/face_api_ssd.json, made by tests/data/face_api_faces.cjs … ssd): the same faces in the same order,
    // scores within 1e-3, boxes within 0.5 px; through the pipeline the landmarks within 1 px and the
    // descriptors within 1e-3, as for the tiny detector.
    void ssdMatchesFaceApi()
    {
        const QString root = dltest::modelsRoot() + "/face-api/";
        DL_NEEDS_FILES((QStringList{root + "ssd_mobilenetv1_model.bin", root + "face_landmark_68_model.bin",
                        root + "face_recognition_model.bin", root + "sample1.jpg"}),
                       DL_FROM_FACE_API);
        const std::string models = dl::findModelsDir("", DL_SOURCE_DIR);
        dl::FacePipeline pipe = dl::FacePipeline::open(models, dl::FaceDetectorKind::Ssd);
        QFile f(QString(DL_SOURCE_DIR) + "/tests/data/face_api_ssd.json");
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject ref = QJsonDocument::fromJson(f.readAll()).object();
        int faces = 0;
        double worstScore = 0, worstBox = 0, worstPoint = 0, worstDescriptor = 0;
        for (auto it = ref.begin(); it != ref.end(); ++it) {
            const std::vector<dl::FaceResult> ours = pipe.run(dl::loadPhoto(models + "/face-api/" + it.key().toStdString()));
            const QJsonArray theirs = it.value().toArray();
            QCOMPARE(int(ours.size()), int(theirs.size()));
            for (int i = 0; i < theirs.size(); ++i) {
                const QJsonObject o = theirs[i].toObject();
                const dl::FaceResult& m = ours[static_cast<size_t>(i)];
                const QJsonArray b = o["box"].toArray();
                worstScore = std::max(worstScore, std::fabs(m.score - o["score"].toDouble()));
                worstBox = std::max({worstBox, std::fabs(m.box.x - b[0].toDouble()), std::fabs(m.box.y - b[1].toDouble()),
                                     std::fabs(m.box.w - b[2].toDouble()), std::fabs(m.box.h - b[3].toDouble())});
                worstPoint = std::max(worstPoint, landmarkGap(m.landmarks, o["landmarks"].toArray()));
                worstDescriptor = std::max(worstDescriptor, descriptorGap(m.descriptor, o["descriptor"].toArray()));
                ++faces;
            }
        }
        qInfo("SSD: %d faces as face-api's; scores within %.2g, boxes within %.3g px, landmarks within %.3g px, "
              "descriptors within %.2g", faces, worstScore, worstBox, worstPoint, worstDescriptor);
        QVERIFY(faces >= 15);
        QVERIFY(worstScore < 1e-3);
        QVERIFY(worstBox < 0.5);
        QVERIFY(worstPoint < 1.0);
        QVERIFY(worstDescriptor < 1e-3);
    }

    // The faces of a photo described in two lanes (one face per thread, each lane its own nets) give exactly
    // what one lane gives, in the same order; a cancel request set before the run stops it with Cancelled.
    void lanesGiveTheSameFaces()
    {
        const QString root = dltest::modelsRoot() + "/face-api/";
        DL_NEEDS_FILES((QStringList{root + "tiny_face_detector_model.bin", root + "face_landmark_68_model.bin",
                        root + "face_recognition_model.bin", root + "sample5.jpg"}),
                       DL_FROM_FACE_API);
        const std::string models = dl::findModelsDir("", DL_SOURCE_DIR);
        dl::FacePipeline pipe = dl::FacePipeline::open(models);
        const dl::Photo photo = dl::loadPhoto(models + "/face-api/sample5.jpg");
        pipe.setLanes(1);
        const std::vector<dl::FaceResult> one = pipe.run(photo);
        pipe.setLanes(2);
        const std::vector<dl::FaceResult> two = pipe.run(photo);
        QCOMPARE(one.size(), size_t(5));
        QCOMPARE(two.size(), one.size());
        for (size_t i = 0; i < one.size(); ++i) {
            QCOMPARE(two[i].box.x, one[i].box.x);
            QCOMPARE(two[i].landmarks[30].y, one[i].landmarks[30].y);
            QVERIFY(two[i].descriptor == one[i].descriptor);
        }
        dl::CancelFlag stop;
        stop.request();
        const dl::CancelScope scope(&stop);
        QVERIFY_THROWS_EXCEPTION(dl::Cancelled, pipe.run(photo));
    }

    // Recognition by hand: person a has encodings at distance 0.2 and 0.4 from q (mean 0.3), b one at 0.5: a
    // first; at τ 0.25 nobody is near enough ("unknown"). The file round-trips; a broken one is one sentence.
    void databaseRanksByMeanDistance()
    {
        dl::FaceDescriptor q{}, a1{}, a2{}, b1{};
        a1[0] = 0.2f, a2[1] = 0.4f, b1[2] = 0.5f;
        dl::FaceDb db;
        db.add("a", {"a1.jpg", a1});
        db.add("b", {"b1.jpg", b1});
        db.add("a", {"a2.jpg", a2});
        QCOMPARE(db.people.size(), size_t(2));
        QCOMPARE(db.faceCount(), size_t(3));
        const std::vector<dl::FaceMatch> r = dl::rankPeople(db, q);
        QCOMPARE(r.size(), size_t(2));
        QCOMPARE(QString::fromStdString(r[0].name), QString("a"));
        QVERIFY(std::fabs(r[0].distance - 0.3) < 1e-7 && std::fabs(r[1].distance - 0.5) < 1e-7);
        double d = 0;
        QCOMPARE(QString::fromStdString(dl::recognise(db, q, 0.6, &d)), QString("a"));
        QVERIFY(std::fabs(d - 0.3) < 1e-7);
        QCOMPARE(QString::fromStdString(dl::recognise(db, q, 0.25)), QString("unknown"));
        QCOMPARE(QString::fromStdString(dl::recognise(dl::FaceDb{}, q, 0.6)), QString("unknown"));
        const dl::FaceDb back = dl::parseFaceDb(dl::faceDbJson(db).dump(), "db.json");
        QCOMPARE(back.faceCount(), size_t(3));
        QCOMPARE(back.people[0].faces[1].descriptor[1], 0.4f);
        QCOMPARE(QString::fromStdString(back.people[0].faces[1].source), QString("a2.jpg"));
        auto err = [](const std::string& text) {
            try {
                dl::parseFaceDb(text, "db.json");
            } catch (const dl::FormatError& e) {
                return QString(e.what());
            }
            return QString();
        };
        QVERIFY(err("{").startsWith("db.json is not a face database (not JSON)"));
        QVERIFY(err(R"({"format": "dl-experiment"})").contains("its \"format\" is not"));
        QVERIFY(err(R"({"format": "dl-face-db", "version": 1, "people": [{"faces": []}]})").contains("person 1 has no name"));
        QVERIFY(err(R"({"format": "dl-face-db", "version": 1, "people": [{"name": "x", "faces": [{"descriptor": [1]}]}]})")
                    .contains("face 1 of \"x\" is not 128 numbers"));
        std::string twice = dl::faceDbJson(db).dump();
        twice.replace(twice.find("\"b\""), 3, "\"a\"");
        QVERIFY(err(twice).contains("appears twice"));
    }

    void missingOrWrongModelIsOneSentence()
    {
        QTemporaryDir dir;
        try {
            dl::FaceRecognitionNet::open(dir.path().toStdString());
            QFAIL("no error");
        } catch (const dl::IoError& e) {
            const QString m = e.what();
            QVERIFY2(m.contains("face recognition model") && m.contains("fetch-models.sh"), qPrintable(m));
        }
        std::vector<dl::NamedTensor> w{{"conv32_down/conv/filters", {7, 7, 3, 32}, std::vector<float>(7 * 7 * 3 * 32)}};
        try {
            dl::FaceRecognitionNet::fromWeights(w);
            QFAIL("no error");
        } catch (const dl::FormatError& e) {
            QCOMPARE(QString(e.what()), QString("the face recognition model has no tensor conv32_down/conv/bias; is it "
                                                "face_recognition_model?"));
        }
    }
};

QTEST_APPLESS_MAIN(TstFaces)
#include "tst_faces.moc"
