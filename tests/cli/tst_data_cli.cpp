// SPDX-License-Identifier: MIT
// The data lab's dlcli clean: the JSON report of the planted table (every problem with kind, row, line,
// column, value, why), the cleaned copy written beside an original that stays byte-identical, and bad input
// one sentence each. dlcli label's JSON on a small budget.
#include "tests/require_files.h"
#include "tests/run_cli.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

namespace {

// A 16×16 grey picture as a 24-bit BMP (the BMP file format: a 14-byte file header, a 40-byte info header,
// bottom-up rows of B, G, R bytes; 48 bytes a row need no padding).
QByteArray greyBmp(QRandomGenerator& rng)
{
    QByteArray b(54, '\0');
    auto put32 = [&b](int at, quint32 v) {
        for (int k = 0; k < 4; ++k) b[at + k] = char((v >> (8 * k)) & 0xFF);
    };
    b[0] = 'B', b[1] = 'M';
    put32(2, 54 + 16 * 16 * 3), put32(10, 54), put32(14, 40), put32(18, 16), put32(22, 16);
    b[26] = 1, b[28] = 24;
    for (int i = 0; i < 16 * 16; ++i) b.append(QByteArray(3, char(rng.bounded(256))));
    return b;
}

} // namespace

class TstDataCli : public QObject {
    Q_OBJECT
    static dltest::CliResult run(const QStringList& args) { return dltest::runCli(DLCLI_PATH, args); }
    static QString planted() { return qEnvironmentVariable("DL_TEST_DATA") + "/clean/planted.csv"; }
    static QByteArray hashOf(const QString& path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) return {};
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    }
    static QStringList rules() { return {"--pattern", "phone:\\d{3}-\\d{4}", "--categories", "plan:basic|pro|team"}; }

  private slots:
    void jsonReport()
    {
        const dltest::CliResult r = run(QStringList{"clean", planted(), "--report", "--json"} + rules());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject j = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(j["rows"].toInt(), 25);
        const QJsonArray p = j["problems"].toArray();
        QCOMPARE(p.size(), 10);
        const QJsonObject outlier = p[3].toObject();
        QCOMPARE(outlier["kind"].toString(), QString("out-of-range"));
        QCOMPARE(outlier["row"].toInt(), 10);
        QCOMPARE(outlier["line"].toInt(), 12);
        QCOMPARE(outlier["column"].toString(), QString("age"));
        QCOMPARE(outlier["value"].toString(), QString("250"));
        QVERIFY(outlier["why"].toString().contains("robust z"));
        QVERIFY(p[9].toObject()["column"].isNull()); // the duplicate is a whole row
        QCOMPARE(p[6].toObject()["kind"].toString(), QString("pattern"));
        QCOMPARE(j["columns"].toArray()[4].toObject()["type"].toString(), QString("date"));
        // The text report names every problem's row and line.
        const dltest::CliResult text = run(QStringList{"clean", planted()} + rules());
        QVERIFY(text.out.contains("row 10 (line 12), age: \"250\" above the plausible range"));
        QVERIFY(text.out.contains("row 25 (line 27): the same as row 3 (line 5)."));
    }
    void cleanedCopyOriginalUntouched()
    {
        QTemporaryDir dir;
        const QByteArray before = hashOf(planted());
        const QString out = dir.filePath("cleaned.csv");
        const QStringList ageRange{"--range", "age:0:120"};
        const dltest::CliResult r =
            run(QStringList{"clean", planted(), "--out", out, "--fix", "missing=mean", "--json"} + rules() + ageRange);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(hashOf(planted()), before);
        const QJsonObject c = QJsonDocument::fromJson(r.out).object()["cleaned"].toObject();
        QCOMPARE(c["rows"].toInt(), 19);
        QCOMPARE(c["dropped"].toInt(), 6);
        // Under the same rules the cleaned copy has no problem left: age 250 clipped to 120, the gaps filled. (A
        // robust z range is not a fixed point: without the set range the clipped value can stand out anew.)
        const dltest::CliResult again = run(QStringList{"clean", out, "--json"} + rules() + ageRange);
        QVERIFY2(again.exitCode == 0, again.err.constData());
        const QJsonArray left = QJsonDocument::fromJson(again.out).object()["problems"].toArray();
        QVERIFY2(left.isEmpty(), again.out.constData());
    }
    void labelJson()
    {
        DL_NEEDS_FILES(QStringList{"/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"},
                       "Debian's dataset-fashion-mnist, installed by scripts/setup.sh");
        const dltest::CliResult r = run({"label", "--dataset", "fashion-mnist", "--labelled-per-class", "5", "--strategy",
                                         "margin", "--pool", "500", "--test", "200", "--rounds", "3", "--batch", "20",
                                         "--annotators", "3", "--annotator-error", "0.2", "--vote", "majority", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject j = QJsonDocument::fromJson(r.out).object();
        const QJsonArray rounds = j["rounds"].toArray();
        QCOMPARE(rounds.size(), 4); // the seed and three purchases
        QCOMPARE(rounds[3].toObject()["labels_used"].toInt(), 50 + 3 * 20);
        QCOMPARE(j["labels_used"].toInt(), 110);
        QCOMPARE(j["labels_bought"].toInt(), 50 + 3 * 20 * 3); // three answers an image after the seed
        QCOMPARE(j["test_accuracy"].toDouble(), rounds[3].toObject()["test_accuracy"].toDouble());
        QVERIFY(j["test_accuracy"].toDouble() > 0.3);
        QVERIFY(r.err.contains("round 3: 110 labels used"));
        QVERIFY(run({"label", "--strategy", "smart"}).err.contains("--strategy expects random|least-confident"));
        QVERIFY(run({"label", "--vote", "loudest"}).err.contains("--vote expects single|majority|disagreement"));
        QVERIFY(run({"label", "--annotators", "2", "--annotator-error", "0.1,0.2,0.3"}).err.contains("3 rates for 2"));
        QVERIFY(run({"label", "--strategy", "weak", "--rules", "/nonexistent/rules.txt"}).err.contains("rules.txt"));
        QVERIFY(run({"label", "--dataset", "folder:/tmp"}).err.contains("only fashion-mnist"));
    }
    void imageFolder()
    {
        // Twelve 16×16 grey pictures of noise in one class, a copy of one, a text file named .png.
        QTemporaryDir dir;
        const QString root = dir.filePath("pics");
        QDir().mkpath(root + "/a");
        QRandomGenerator rng(7);
        for (int i = 0; i < 12; ++i) {
            QFile f(root + QString("/a/%1.bmp").arg(i, 2, 10, QChar('0')));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(greyBmp(rng));
        }
        QFile::copy(root + "/a/04.bmp", root + "/a/zz-copy.bmp");
        QFile text(root + "/a/notes.png");
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("hello\n");
        text.close();
        const dltest::CliResult r = run({"clean", root, "--json", "--out", dir.filePath("clean")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject j = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(j["images"].toInt(), 14);
        QCOMPARE(j["mode"].toString(), QString("grey"));
        const QJsonArray p = j["problems"].toArray();
        QCOMPARE(p.size(), 2);
        QCOMPARE(p[0].toObject()["kind"].toString(), QString("unreadable"));
        QCOMPARE(p[1].toObject()["kind"].toString(), QString("duplicate"));
        QCOMPARE(p[1].toObject()["other"].toString(), QString("a/04.bmp"));
        QCOMPARE(j["cleaned"].toObject()["images"].toInt(), 12);
        QCOMPARE(QDir(dir.filePath("clean/a")).entryList(QDir::Files).size(), 12);
        QVERIFY(run({"clean", root, "--out", root + "/a"}).err.contains("inside it"));
        QVERIFY(run({"clean", root, "--size", "big"}).err.contains("--size expects WxH"));
        QVERIFY(run({"clean", root, "--fix", "duplicate=resize"}).err.contains("--fix expects KIND=ACTION for images"));
    }
    void badInputOneSentence()
    {
        QTemporaryDir dir;
        const QString same = run({"clean", planted(), "--out", planted()}).err;
        QVERIFY2(same.contains("is the table itself"), qPrintable(same));
        QVERIFY(run({"clean", planted(), "--fix", "duplicate=mean"}).err.contains("\"mean\" does not fix duplicate"));
        QVERIFY(run({"clean", planted(), "--fix", "typo"}).err.contains("--fix expects KIND=ACTION"));
        QVERIFY(run({"clean", planted(), "--range", "age:x:3"}).err.contains("--range: The range of \"age\" must be LO:HI"));
        QVERIFY(run({"clean", planted(), "--range", "weight:0:3"}).err.contains("no column \"weight\""));
        QVERIFY(run({"clean", planted(), "--pattern", "phone:(["}).err.contains("no regular expression"));
        QVERIFY(run({"clean", dir.filePath("none.csv")}).err.contains("none.csv"));
        QFile broken(dir.filePath("broken.csv"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("a,b\n1,2\n3,\"four\n");
        broken.close();
        const dltest::CliResult b = run({"clean", broken.fileName()});
        QCOMPARE(b.exitCode, 1);
        QVERIFY2(b.err.contains("broken.csv, line 3: a quoted field is never closed."), b.err.constData());
    }
};

QTEST_GUILESS_MAIN(TstDataCli)
#include "tst_data_cli.moc"
