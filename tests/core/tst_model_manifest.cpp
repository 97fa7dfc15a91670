// SPDX-License-Identifier: MIT
// The models manifest (core/models/model_manifest.h): lines parsed by hand, each kind of bad line one
// sentence naming its line; the built-in copy equal to resources/models.manifest; a missing file's advice
// naming its source, its size and the fetch command, found from a path in any models folder.
#include "core/models/model_manifest.h"
#include "core/util/error.h"

#include <QFile>
#include <QtTest>

class TstModelManifest : public QObject {
    Q_OBJECT
private slots:
    void linesByHand()
    {
        const std::string sha(64, 'a');
        const auto m = dl::parseManifest("# comment\n\n  models/x/y.bin 12 " + sha + " https://h/y.bin\n"
                                         "corpora/t.txt 0 " + sha + " https://h/p.tgz#package/t.txt\n", "m");
        QCOMPARE(int(m.size()), 2);
        QCOMPARE(QString::fromStdString(m[0].path), QString("models/x/y.bin"));
        QCOMPARE(m[0].bytes, std::uint64_t(12));
        QCOMPARE(m[0].line, 3);
        QCOMPARE(QString::fromStdString(m[1].source), QString("https://h/p.tgz#package/t.txt"));
        QCOMPARE(dl::manifestEntryFor("/home/me/models/x/y.bin", m), &m[0]);
        QCOMPARE(dl::manifestEntryFor("/opt/elsewhere/x/y.bin", m), &m[0]); // another models folder
        QCOMPARE(dl::manifestEntryFor("/home/me/models/x/zy.bin", m), nullptr);
        QCOMPARE(dl::manifestEntryFor("t.txt", m), nullptr); // only the file name: not enough
    }
    void badLines_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        const QString sha(64, 'b');
        QTest::newRow("three fields") << "a/b 1 " + sha << "m, line 1: a line must be PATH BYTES SHA256 SOURCE, four fields.";
        QTest::newRow("five fields") << "\na/b 1 " + sha + " u extra" << "m, line 2: a line must be PATH BYTES SHA256 SOURCE, four fields.";
        QTest::newRow("absolute") << "/etc/x 1 " + sha + " u" << "m, line 1: the path \"/etc/x\" must be relative, without \"..\".";
        QTest::newRow("escapes") << "models/../../x 1 " + sha + " u" << "m, line 1: the path \"models/../../x\" must be relative, without \"..\".";
        QTest::newRow("size") << "a/b -1 " + sha + " u" << "m, line 1: the size \"-1\" must be a number of bytes.";
        QTest::newRow("huge") << "a/b 99999999999999 " + sha + " u" << "m, line 1: the size \"99999999999999\" must be a number of bytes.";
        QTest::newRow("sha") << "a/b 1 " + sha.toUpper() + " u" << "m, line 1: the sha256 must be 64 lower-case hex digits.";
    }
    void badLines()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        try {
            dl::parseManifest(text.toStdString(), "m");
            QFAIL("no error");
        } catch (const dl::DataError& e) {
            QCOMPARE(QString(e.what()), message);
        }
    }
    void theBuiltInCopyIsTheFile()
    {
        QFile f(QString(DL_SOURCE_DIR) + "/resources/models.manifest");
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto file = dl::parseManifest(f.readAll().toStdString(), "models.manifest");
        const auto& built = dl::projectManifest();
        QCOMPARE(built.size(), file.size());
        for (size_t i = 0; i < file.size(); ++i) {
            QCOMPARE(built[i].path, file[i].path);
            QCOMPARE(built[i].sha256, file[i].sha256);
            QCOMPARE(built[i].source, file[i].source);
        }
        for (const char* p : {"models/yolo-fastest-1.1/yolo-fastest-1.1.weights", "models/tiny-darknet/tiny.weights",
                              "models/face-api/face_recognition_model.bin", "corpora/dinosaurs/dinos.txt",
                              "corpora/tinyshakespeare/input.txt"})
            QVERIFY2(dl::manifestEntryFor(p, built), p);
    }
    void adviceNamesSourceSizeAndCommand()
    {
        const QString a = QString::fromStdString(dl::fetchAdvice("/x/models/face-api/tiny_face_detector_model.bin"));
        QVERIFY2(a.startsWith("it is models/face-api/tiny_face_detector_model.bin (193321 bytes) from "
                              "package/model/tiny_face_detector_model.bin inside https://registry.npmjs.org/") &&
                     a.contains("scripts/fetch-models.sh") && a.contains("dllab --fetch-models") &&
                     a.contains("DLLAB_MODEL_MIRROR"), qPrintable(a));
        const QString u = QString::fromStdString(dl::fetchAdvice("/x/unknown.bin"));
        QVERIFY2(u.startsWith("run scripts/setup.sh, or fetch it with dllab --fetch-models"), qPrintable(u));
    }
};

QTEST_GUILESS_MAIN(TstModelManifest)
#include "tst_model_manifest.moc"
