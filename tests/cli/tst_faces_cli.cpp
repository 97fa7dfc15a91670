// SPDX-License-Identifier: MIT
// dlcli faces (the Faces lab headless, COURSE.md §9): the --json object per photo as the issue writes it, the
// same numbers as face-api itself (tests/data/face_api_faces.json) through our own detector, a face against
// its mirror image the same person at τ = 0.6, and bad input as one sentence. dlcli triplet: the JSON the
// issue names on a tiny budget, and its bad settings as one sentence.
#include "tests/require_files.h"
#include "tests/run_cli.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>

namespace {
const QString kFaceApi = QStringLiteral(DL_SOURCE_DIR "/models/face-api/");

dltest::CliResult run(const QStringList& args)
{
    return dltest::runCli(DLCLI_PATH, args, 120000);
}
} // namespace

class TstFacesCli : public QObject {
    Q_OBJECT
  private slots:
    void jsonEqualsFaceApi()
    {
        DL_NEEDS_FILES((QStringList{kFaceApi + "face_recognition_model.bin", kFaceApi + "face_landmark_68_model.bin",
                        kFaceApi + "sample1.jpg"}),
                       DL_FROM_FACE_API);
        QFile f(DL_SOURCE_DIR "/tests/data/face_api_faces.json");
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject ref = QJsonDocument::fromJson(f.readAll()).object();
        const dltest::CliResult r = run({"faces", "--json", kFaceApi + "sample1.jpg", kFaceApi + "sample3.jpg"});
        QVERIFY(r.finished);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2); // one object per photo
        for (const QByteArray& line : lines) {
            const QJsonObject j = QJsonDocument::fromJson(line).object();
            const QString name = QFileInfo(j["image"].toString()).fileName();
            QCOMPARE(j["width"].toInt(), 1920);
            const QJsonArray ours = j["faces"].toArray(), theirs = ref[name].toArray();
            QCOMPARE(ours.size(), theirs.size());
            for (int i = 0; i < ours.size(); ++i) { // both by descending score
                const QJsonObject o = ours[i].toObject(), t = theirs[i].toObject();
                QVERIFY(std::fabs(o["score"].toDouble() - t["score"].toDouble()) < 1e-3);
                QVERIFY(std::fabs(o["x"].toDouble() - t["box"].toArray()[0].toDouble()) < 0.05);
                QCOMPARE(o["landmarks"].toArray().size(), 68);
                const QJsonArray od = o["descriptor"].toArray(), td = t["descriptor"].toArray();
                QCOMPARE(od.size(), 128);
                double worst = 0;
                for (int k = 0; k < 128; ++k) worst = std::max(worst, std::fabs(od[k].toDouble() - td[k].toDouble()));
                QVERIFY2(worst < 1e-3, qPrintable(QString("%1 face %2: %3").arg(name).arg(i).arg(worst)));
            }
        }
    }

    // The course's verification: a face and its mirror image are the same person at τ = 0.6.
    void mirrorIsTheSamePerson()
    {
        DL_NEEDS_FILES((QStringList{kFaceApi + "face_recognition_model.bin", kFaceApi + "sample2.jpg"}), DL_FROM_FACE_API);
        QTemporaryDir dir;
        cv::Mat m = cv::imread((kFaceApi + "sample2.jpg").toStdString());
        cv::Mat flipped;
        cv::flip(m, flipped, 1);
        const QString mirror = dir.filePath("mirror.png");
        QVERIFY(cv::imwrite(mirror.toStdString(), flipped));
        const dltest::CliResult r = run({"faces", "--compare", "--json", kFaceApi + "sample2.jpg", mirror});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject j = QJsonDocument::fromJson(r.out).object();
        qInfo("a face and its mirror image: distance %.3f", j["distance"].toDouble());
        QVERIFY(j["same_person"].toBool());
        QVERIFY(j["distance"].toDouble() > 0 && j["distance"].toDouble() < 0.6);
    }

    // Recognition: enroll people/<name>/ (a folder per person), save, reopen: the enrolled photo is its own
    // person at distance 0, a stranger is "unknown" at τ 0.6 when farther than that; --save writes in place.
    void enrollSaveRecognise()
    {
        DL_NEEDS_FILES((QStringList{kFaceApi + "face_recognition_model.bin", kFaceApi + "sample2.jpg"}), DL_FROM_FACE_API);
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath("people/two") && QDir(dir.path()).mkpath("people/nobody"));
        QVERIFY(QFile::copy(kFaceApi + "sample2.jpg", dir.filePath("people/two/a.jpg")));
        QFile notes(dir.filePath("people/nobody/notes.jpg"));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("not a photo");
        notes.close();
        const QString db = dir.filePath("db.json");
        const dltest::CliResult e = run({"faces", "--enroll", dir.filePath("people"), "--save", db});
        QVERIFY2(e.exitCode == 0, e.err.constData());
        QVERIFY2(e.err.contains("notes.jpg") && e.err.contains("skipped"), e.err.constData()); // one line, goes on
        QVERIFY(e.out.contains("two: 1 face"));
        const dltest::CliResult r = run({"faces", "--json", "--db", db, dir.filePath("people/two/a.jpg")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray faces = QJsonDocument::fromJson(r.out).object()["faces"].toArray();
        QCOMPARE(faces.size(), 1);
        QCOMPARE(faces[0].toObject()["name"].toString(), QString("two"));
        QCOMPARE(faces[0].toObject()["distances"].toArray()[0].toObject()["distance"].toDouble(), 0.0);
        const dltest::CliResult s = run({"faces", "--json", "--db", db, kFaceApi + "sample1.jpg"});
        QVERIFY2(s.exitCode == 0, s.err.constData());
        for (const QJsonValue& v : QJsonDocument::fromJson(s.out).object()["faces"].toArray()) {
            const QJsonObject o = v.toObject();
            const double d = o["distances"].toArray()[0].toObject()["distance"].toDouble();
            QCOMPARE(o["name"].toString(), d <= 0.6 ? QString("two") : QString("unknown"));
        }
        QFile broken(dir.filePath("broken.json"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"format\": \"dl-face-db\", \"version\": 1, \"people\": 3}");
        broken.close();
        const dltest::CliResult b = run({"faces", "--db", dir.filePath("broken.json"), dir.filePath("people/two/a.jpg")});
        QCOMPARE(b.exitCode, 1);
        QVERIFY2(b.err.contains("broken.json: \"people\" must be a list"), b.err.constData());
    }

    // --model ssd: the faces face-api's SSD finds (tests/data/face_api_ssd.json: 3 on sample 2, where the tiny
    // detector finds 1); --repeat: one line per photo with its faces and the median time of a pass.
    void ssdAndRepeat()
    {
        DL_NEEDS_FILES((QStringList{kFaceApi + "ssd_mobilenetv1_model.bin", kFaceApi + "sample2.jpg"}), DL_FROM_FACE_API);
        const dltest::CliResult r = run({"faces", "--model", "ssd", "--json", kFaceApi + "sample2.jpg"});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray faces = QJsonDocument::fromJson(r.out).object()["faces"].toArray();
        QCOMPARE(faces.size(), 3);
        QVERIFY(std::abs(faces[0].toObject()["x"].toDouble() - 1447.0) < 0.5);
        const dltest::CliResult t = run({"faces", "--repeat", "1", "--json", kFaceApi + "sample2.jpg"}); // tiny: cheaper
        QCOMPARE(t.exitCode, 0);
        const QJsonObject j = QJsonDocument::fromJson(t.out).object();
        QCOMPARE(j["faces"].toInt(), 1);
        QVERIFY(j["median_seconds"].toDouble() > 0);
        QVERIFY(j["image"].toString().endsWith("sample2.jpg"));
    }

    void badInputIsOneSentence()
    {
        QTemporaryDir dir;
        const QString cut = dir.filePath("cut.jpg");
        QFile in(kFaceApi + "sample1.jpg"), out(cut);
        if (in.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly)) out.write(in.read(2000));
        out.close();
        const QString missingModels = dir.filePath("none");
        struct Case {
            QStringList args;
            int exit;
            const char* says;
        };
        const Case cases[] = {
            {{"faces", "--models", missingModels, cut}, 1, "is missing"},
            {{"faces", "--compare", cut}, 2, "--compare needs two photos"},
            {{"faces", "--threshold", "-1", cut}, 2, "--threshold must be"},
            {{"faces", "--model", "yolo", cut}, 2, "--model must be tiny (face-api's tiny face detector) or ssd"},
            {{"faces", "--repeat", "2.5", cut}, 2, "--repeat must be a whole number"},
            {{"faces", "--repeat", "3", "--compare", cut, cut}, 2, "does not go with --compare"},
            {{"faces", "--models", missingModels, "--model", "ssd", cut}, 1, "ssd_mobilenetv1_model"},
        };
        for (const Case& c : cases) {
            const dltest::CliResult r = run(c.args);
            QCOMPARE(r.exitCode, c.exit);
            QVERIFY2(r.err.contains(c.says), r.err.constData());
            QVERIFY(r.out.isEmpty());
        }
        if (QFile::exists(kFaceApi + "face_recognition_model.bin")) { // a cut-short photo, with the models
            const dltest::CliResult r = run({"faces", cut});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains("cut short"), r.err.constData());
        }
    }
    void tripletJson()
    {
        // 100 images of each trained class, one pass (11 steps), one-shot on 100 test images of each held-out
        // class: the keys, not the quality (tst_triplet).
        const dltest::CliResult r = run({"triplet", "--dataset", "fashion-mnist", "--dim", "8", "--margin", "0.3",
                                         "--held-out", "0,1,2", "--per-class", "100", "--held-out-per-class",
                                         "100", "--epochs", "1", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject j = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(j["dim"].toInt(), 8);
        QCOMPARE(j["margin"].toDouble(), 0.3);
        QCOMPARE(j["mining"].toString(), QString("semi-hard"));
        QCOMPARE(j["held_out"].toArray().size(), 3);
        QCOMPARE(j["train_images"].toInt(), 700);
        QCOMPARE(j["held_out_images"].toInt(), 300);
        QVERIFY(std::abs(j["chance"].toDouble() - 1.0 / 3.0) < 1e-6);
        const double acc = j["one_shot_accuracy"].toDouble();
        QVERIFY(acc > 0 && acc <= 1);
        const QJsonArray epochs = j["epochs"].toArray();
        QCOMPARE(epochs.size(), 1);
        QCOMPARE(epochs[0].toObject()["one_shot_accuracy"].toDouble(), acc);
        QVERIFY(epochs[0].toObject()["active_fraction"].toDouble() > 0);
        QVERIFY(j["pair_classifier_accuracy"].toDouble() > 0);
    }
    void tripletBadSettings()
    {
        struct Case {
            QStringList args;
            int exit;
            const char* says;
        };
        const Case cases[] = {
            {{"triplet", "--held-out", "7,x"}, 2, "--held-out: write the held-out classes as numbers separated by commas, like 7,8,9"},
            {{"triplet", "--held-out", "7,12"}, 1, "held-out class 12 is not one of the set's classes 0–9"},
            {{"triplet", "--mining", "easy"}, 2, "--mining: unknown triplet choice"},
            {{"triplet", "--margin", "9"}, 1, "the margin α must be in (0, 4]"},
            {{"triplet", "--dataset", "mnist"}, 2, "--dataset: use fashion-mnist or folder:PATH"},
            {{"triplet", "--layers", "/nonexistent/net.txt"}, 1, "/nonexistent/net.txt"},
        };
        for (const Case& c : cases) {
            const dltest::CliResult r = run(c.args);
            QCOMPARE(r.exitCode, c.exit);
            QVERIFY2(r.err.contains(c.says), r.err.constData());
            if (c.exit == 1) QCOMPARE(r.err.count('\n'), 1); // one sentence (a usage error adds its --help hint)
            QVERIFY(r.out.isEmpty());
        }
    }
};

QTEST_APPLESS_MAIN(TstFacesCli)
#include "tst_faces_cli.moc"
