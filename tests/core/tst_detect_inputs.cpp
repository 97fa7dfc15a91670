// SPDX-License-Identifier: MIT
// What users feed the detection lab: photos that are cut short, enormous, tiny or not photos; TF.js weight
// manifests (uint8 dequantisation, exact sizes); and face-api's tiny face detector on its own demo photos.
#include "core/detect/detector.h"
#include "core/detect/nms.h"
#include "core/util/error.h"
#include "detect_fixtures.h"
#include "tests/require_files.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace {

std::string encoded(const char* ext, int w, int h)
{
    cv::Mat img(h, w, CV_8UC3, cv::Scalar(0, 0, 255)); // BGR red
    cv::rectangle(img, cv::Point(0, 0), cv::Point(w / 2, h / 2), cv::Scalar(255, 0, 0), cv::FILLED);
    std::vector<uchar> out;
    cv::imencode(ext, img, out);
    return std::string(out.begin(), out.end());
}

QString photoError(const std::string& bytes, const std::string& name)
{
    try {
        dl::decodePhoto(bytes, name);
    } catch (const dl::FormatError& e) {
        return e.what();
    }
    return {};
}

std::string be32(unsigned v)
{
    return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
            static_cast<char>(v)};
}

} // namespace

class TstDetectInputs : public QObject {
    Q_OBJECT
  private slots:
    void goodPhotoIsRgb()
    {
        const dl::Photo p = dl::decodePhoto(encoded(".png", 40, 30), "a.png");
        QCOMPARE(p.width, 40);
        QCOMPARE(p.height, 30);
        QCOMPARE(int(p.rgb[0]), 0); // top-left is BGR blue = RGB (0, 0, 255)
        QCOMPARE(int(p.rgb[2]), 255);
        const size_t last = (static_cast<size_t>(29) * 40 + 39) * 3; // bottom-right red
        QCOMPARE(int(p.rgb[last]), 255);
        QCOMPARE(int(p.rgb[last + 2]), 0);
    }
    void badPhotosSayWhatIsWrong()
    {
        const std::string jpg = encoded(".jpg", 64, 48);
        QVERIFY(photoError(jpg, "/x/ok.jpg").isEmpty());
        QCOMPARE(
            photoError(jpg.substr(0, jpg.size() / 2), "/x/half.jpg"),
            QString(
                "half.jpg is cut short (its JPEG data stops before the end marker); copy the photo again."));
        QCOMPARE(photoError(encoded(".png", 1, 1), "dot.png"),
                 QString("dot.png is only 1×1 pixels; detection needs at least 8×8."));
        QVERIFY(photoError("not an image at all", "notes.txt")
                    .contains("notes.txt is not a photo this lab can read"));
        QVERIFY(photoError("", "empty.jpg").contains("empty.jpg is empty"));
        // A PNG that claims 20000×20000 (IHDR only): refused from the header, before any allocation.
        const std::string huge = std::string("\x89PNG\r\n\x1a\n", 8) + be32(13) + "IHDR" + be32(20000) +
                                 be32(20000) + std::string("\x08\x02\x00\x00\x00", 5) + be32(0);
        QCOMPARE(
            photoError(huge, "huge.png"),
            QString(
                "huge.png is 20000×20000 pixels (400 megapixels); the lab opens photos up to 50 megapixels: "
                "scale it down first."));
        // The same for a JPEG whose SOF0 says 20000×20000.
        std::string sof = jpg;
        const size_t at = sof.find("\xFF\xC0", 0, 2);
        QVERIFY(at != std::string::npos);
        sof[at + 5] = static_cast<char>(20000 >> 8), sof[at + 6] = static_cast<char>(20000 & 255);
        sof[at + 7] = static_cast<char>(20000 >> 8), sof[at + 8] = static_cast<char>(20000 & 255);
        QVERIFY(photoError(sof, "big.jpg").startsWith("big.jpg is 20000×20000 pixels"));
        // A PNG whose sides are both near 2³²: their product overflows a 64-bit signed long.
        const std::string vast = std::string("\x89PNG\r\n\x1a\n", 8) + be32(13) + "IHDR" + be32(0xFFFFFFF0u) +
                                 be32(0xFFFFFFF0u) + std::string("\x08\x02\x00\x00\x00", 5) + be32(0);
        QVERIFY2(photoError(vast, "vast.png").startsWith("vast.png is 4294967280×4294967280 pixels ("),
                 qPrintable(photoError(vast, "vast.png")));
        // A BMP whose DIB header says 13328×65548 (a fuzz finding: OpenCV allocated 2.6 GB for it), and one
        // top-down (negative height): refused from the header; a real small BMP still opens.
        const std::string bmp = encoded(".bmp", 64, 48);
        QVERIFY(photoError(bmp, "ok.bmp").isEmpty());
        std::string tall = bmp;
        tall.replace(18, 8, std::string("\x10\x34\x00\x00\x0c\x00\x01\x00", 8));
        QVERIFY2(photoError(tall, "tall.bmp").startsWith("tall.bmp is 13328×65548 pixels (873 megapixels)"),
                 qPrintable(photoError(tall, "tall.bmp")));
        tall.replace(22, 4, std::string("\xf4\xff\xfe\xff", 4)); // −65548
        QVERIFY(photoError(tall, "down.bmp").startsWith("down.bmp is 13328×65548 pixels"));
    }
    void jpegWithBytesAfterItsEndIsAPhoto()
    {
        // Cameras and editors append data after the end marker; such a file is complete (issue 11).
        const std::string jpg = encoded(".jpg", 64, 48);
        for (const std::string& tail :
             {std::string(100, '\0'), std::string("trailing text"), std::string(7, '\xFF')}) {
            const dl::Photo p = dl::decodePhoto(jpg + tail, "tail.jpg");
            QCOMPARE(p.width, 64);
            QCOMPARE(p.height, 48);
        }
        // A JPEG cut inside its scan is still cut short, even when text follows the cut.
        QVERIFY(photoError(jpg.substr(0, jpg.size() / 2) + "more", "cut.jpg").contains("cut short"));
    }
    void tfjsManifestDequantises()
    {
        // Three tensors back to back: uint8 [2,2] (min −1, scale 0.5), raw float32 [2], int32 quantised [1].
        const std::string manifest = R"([{"paths":["m.bin"],"weights":[
            {"name":"a","shape":[2,2],"dtype":"float32","quantization":{"scale":0.5,"min":-1,"dtype":"uint8"}},
            {"name":"b","shape":[2],"dtype":"float32"},
            {"name":"c","shape":[],"dtype":"int32","quantization":{"dtype":"uint8","min":0.4,"scale":1}}]}])";
        std::string bin = {0, 1, 2, static_cast<char>(255)};
        const float b[2] = {1.25f, -3.5f};
        bin.append(reinterpret_cast<const char*>(b), 8);
        bin.push_back(2);
        const dl::TfjsManifest m = dl::parseTfjsManifest(manifest, "m.json");
        QCOMPARE(m.paths, (std::vector<std::string>{"m.bin"}));
        const std::vector<dl::NamedTensor> t = dl::decodeTfjsWeights(m, bin, "m.bin");
        QCOMPARE(t.size(), size_t(3));
        QCOMPARE(t[0].values, (std::vector<float>{-1.f, -0.5f, 0.f, 126.5f})); // min + scale·q
        QCOMPARE(t[1].values, (std::vector<float>{1.25f, -3.5f}));
        QCOMPARE(t[2].values, (std::vector<float>{2.f})); // round(0.4 + 2)
        auto err = [&](const std::string& json, const std::string& data) {
            try {
                dl::decodeTfjsWeights(dl::parseTfjsManifest(json, "m.json"), data, "m.bin");
            } catch (const dl::FormatError& e) {
                return QString(e.what());
            }
            return QString();
        };
        QVERIFY(err(manifest, bin.substr(0, 5))
                    .contains("m.bin has 5 bytes but its manifest describes 13; the file is truncated."));
        QVERIFY(err(manifest, bin + "x").contains("is it another model's file?"));
        QVERIFY(err("[{\"paths\":", bin).startsWith("m.json is not valid JSON"));
        QVERIFY(err(R"([{"paths":["m.bin"],"weights":[{"name":"a","shape":[1],"dtype":"float16"}]}])", bin)
                    .contains("dtype float16"));
        QVERIFY(err(R"([{"paths":["m.bin"],"weights":[{"shape":[1]}]}])", bin).startsWith("m.json: "));
        QVERIFY(err("{}", bin).contains("not a TF.js weights manifest"));
    }
    void faceDetectorFindsFaceApisFaces()
    {
        // tests/data/face_api_reference.json: what face-api 1.7.15 itself (tfjs CPU backend) finds on its six
        // demo photos with TinyFaceDetectorOptions(416, 0.5); made by tests/data/face_api_reference.cjs.
        DL_NEEDS_FILES((QStringList{dltest::modelsRoot() + "/face-api/tiny_face_detector_model.bin",
                        dltest::modelsRoot() + "/face-api/sample1.jpg"}),
                       DL_FROM_FACE_API);
        const std::string models = dl::findModelsDir("", DL_SOURCE_DIR);
        QFile f(QString(DL_SOURCE_DIR) + "/tests/data/face_api_reference.json");
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject ref = QJsonDocument::fromJson(f.readAll()).object();
        dl::Detector det = dl::Detector::open("face", models);
        int faces = 0;
        for (auto it = ref.begin(); it != ref.end(); ++it) {
            const dl::Photo photo = dl::loadPhoto(models + "/face-api/" + it.key().toStdString());
            const dl::DetectionRun run = det.run(photo);
            const dl::NmsResult nms = dl::nonMaxSuppression(run.candidates, {0.5f, 0.4f, true});
            const QJsonArray theirs = it.value().toArray();
            QCOMPARE(int(nms.kept.size()), int(theirs.size()));
            for (const QJsonValue& v : theirs) {
                const QJsonObject o = v.toObject();
                bool found = false;
                for (int i : nms.kept) {
                    const dl::Detection& d = run.candidates[static_cast<size_t>(i)];
                    const dl::PixelRect r = dl::toPixels(d.box, photo.width, photo.height);
                    // Different JPEG decoders (jpeg-js there, libjpeg here): score ±0.01, box ±2.5 px of
                    // 1920.
                    const double tol = 2.5;
                    found = found || (std::fabs(d.score - o["score"].toDouble()) < 0.01 &&
                                      std::fabs(r.x - o["x"].toDouble()) < tol &&
                                      std::fabs(r.y - o["y"].toDouble()) < tol &&
                                      std::fabs(r.w - o["w"].toDouble()) < tol &&
                                      std::fabs(r.h - o["h"].toDouble()) < tol);
                }
                QVERIFY2(found, qPrintable(it.key() + ": a face face-api finds is missing"));
                ++faces;
            }
        }
        qInfo("%d faces in %d photos, all found", faces, int(ref.size()));
        QVERIFY(faces >= 3);
    }
};

QTEST_APPLESS_MAIN(TstDetectInputs)
#include "tst_detect_inputs.moc"
