// SPDX-License-Identifier: MIT
// dlcli charlm (the Sequence lab headless, COURSE.md §11): the course's dinosaur run reaches the issue's
// smoothed loss with new names that end like dinosaurs; an LSTM on tiny Shakespeare gets below 2.2 nats per
// character on a small fixed budget; every cell passes the gradient check; a saved model samples the same
// with the same seed; bad input is one sentence.
#include "tests/require_files.h"
#include "tests/run_cli.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

namespace {
const QString kDinos = QStringLiteral(DL_SOURCE_DIR "/corpora/dinosaurs/dinos.txt");
const QString kShakespeare = QStringLiteral(DL_SOURCE_DIR "/corpora/tinyshakespeare/input.txt");

dltest::CliResult run(const QStringList& args)
{
    return dltest::runCli(DLCLI_PATH, args, 600000);
}

QJsonObject jsonOf(const dltest::CliResult& r)
{
    return QJsonDocument::fromJson(r.out).object();
}
} // namespace

class TstCharlm : public QObject {
    Q_OBJECT
  private slots:
    // RNN, hidden 50, GD α 0.01, one name a step, clip ±5, 35 000 steps (the "must show").
    void dinosaurCourseRun()
    {
        DL_NEEDS_FILES(QStringList{kDinos}, DL_FROM_SHARED_DATASETS);
        const dltest::CliResult r = run({"charlm", "--corpus", "dinos", "--iterations", "35000", "--json", "--quiet"});
        QVERIFY(r.finished);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject j = jsonOf(r);
        qInfo("smoothed loss %.3f, new %.2f, ending %.2f, %.0f names/s", j["smoothed_loss"].toDouble(),
              j["new_sample_share"].toDouble(), j["ending_share"].toDouble(), j["names_per_second"].toDouble());
        QCOMPARE(j["iterations"].toInt(), 35000);
        QCOMPARE(j["samples"].toArray().size(), 200);
        QVERIFY(j["smoothed_loss"].toDouble() < 21.5);
        QVERIFY(j["new_sample_share"].toDouble() >= 0.9);
        QVERIFY(j["ending_share"].toDouble() >= 0.5);
        QVERIFY(j["dev_loss"].toDouble() > 0 && j["dev_loss"].toDouble() < 2.2);
    }
    // LSTM on running text, a budget that fits CI (about 2 s in a Release build).
    void shakespeareSmallBudget()
    {
        DL_NEEDS_FILES(QStringList{kShakespeare}, DL_FROM_SHARED_DATASETS);
        const dltest::CliResult r = run({"charlm", "--corpus", "shakespeare", "--cell", "lstm", "--hidden", "96", "--seq",
                                         "32", "--batch", "16", "--lr", "0.01", "--iterations", "600", "--samples",
                                         "5", "--json", "--quiet"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject j = jsonOf(r);
        qInfo("dev loss %.3f nats/char (%.3f bits), %.0f chars/s", j["dev_loss"].toDouble(),
              j["dev_bits_per_char"].toDouble(), j["chars_per_second"].toDouble());
        QVERIFY(j["dev_loss"].toDouble() < 2.2);
        QCOMPARE(j["mode"].toString(), QString("text"));
        QVERIFY(j.contains("word_share"));
    }
    void gradientChecks_data()
    {
        QTest::addColumn<QStringList>("args");
        for (const char* c : {"rnn", "gru", "lstm"})
            for (const char* d : {"1", "2"})
                QTest::newRow(qPrintable(QString("%1 depth %2").arg(c, d))) << QStringList{"--cell", c, "--depth", d};
    }
    void gradientChecks()
    {
        QFETCH(QStringList, args);
        const dltest::CliResult r = run(QStringList{"charlm", "--gradcheck", "--json"} + args);
        QVERIFY2(r.exitCode == 0, r.out.constData());
        QVERIFY(jsonOf(r)["passed"].toBool());
        QVERIFY(jsonOf(r)["worst"].toDouble() < 1e-7);
    }
    void savedModelSamples()
    {
        QTemporaryDir dir;
        const QString text = dir.filePath("names.txt"), model = dir.filePath("m.dlm");
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("梯度下降\n反向传播\n卷积网络\n循环网络\n注意力\n"); // any UTF-8 text: Chinese names
        f.close();
        const dltest::CliResult t = run({"charlm", "--corpus", text, "--mode", "lines", "--cell", "gru", "--hidden", "16",
                                        "--optimizer", "adam", "--iterations", "300", "--save", model, "--quiet"});
        QVERIFY2(t.exitCode == 0, t.err.constData());
        const QStringList sample{"charlm", "--sample", model, "--n", "4", "--seed", "3", "--prime", "卷", "--json"};
        const dltest::CliResult a = run(sample), b = run(sample);
        QVERIFY2(a.exitCode == 0, a.err.constData());
        QCOMPARE(a.out, b.out);
        for (const QJsonValue v : jsonOf(a)["samples"].toArray()) QVERIFY(v.toString().startsWith("卷"));
    }
    // --warmup: steps trained before the clock starts; they train (the count includes them), the rates do not.
    void warmupStepsTrainUntimed()
    {
        DL_NEEDS_FILES(QStringList{kDinos}, DL_FROM_SHARED_DATASETS);
        const dltest::CliResult r =
            run({"charlm", "--corpus", "dinos", "--warmup", "300", "--iterations", "200", "--samples", "3", "--json", "--quiet"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject j = jsonOf(r);
        QCOMPARE(j["iterations"].toInt(), 500);
        QVERIFY(j["seconds"].toDouble() > 0);
        // names_per_second counts the 200 timed names only: seconds × rate = 200 (one name a step)
        QVERIFY(std::abs(j["seconds"].toDouble() * j["names_per_second"].toDouble() - 200) < 1e-6);
    }
    void badInputIsOneSentence_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("says");
        QTest::newRow("missing file") << QStringList{"--corpus", "/nonexistent/t.txt"} << 1 << "cannot open /nonexistent/t.txt";
        QTest::newRow("cell") << QStringList{"--cell", "transformer"} << 2 << "--cell must be rnn, gru or lstm";
        QTest::newRow("mode") << QStringList{"--mode", "words"} << 2 << "--mode must be lines or text";
        QTest::newRow("not a model") << QStringList{"--sample", DL_SOURCE_DIR "/README.md"} << 1
                                     << "README.md is not a DL Visual Lab sequence model";
        QTest::newRow("not learning") << QStringList{"--corpus", DL_SOURCE_DIR "/README.md", "--mode", "lines",
                                                     "--lr", "100", "--iterations", "400"}
                                      << 1 << "the model is not learning. Try a lower learning rate (now 100)";
        QTest::newRow("decay") << QStringList{"--decay", "sometimes"} << 2 << "--decay: unknown decay \"sometimes\"";
        QTest::newRow("keep") << QStringList{"--corpus", DL_SOURCE_DIR "/README.md", "--keep-prob", "1.5"} << 1
                              << "keep_prob must be between 0.05 and 1, got 1.5";
        QTest::newRow("warmup") << QStringList{"--warmup", "-1"} << 2 << "--warmup must be 0 or more steps, not -1";
        QTest::newRow("depth") << QStringList{"--corpus", DL_SOURCE_DIR "/README.md", "--depth", "4"} << 1
                               << "depth must be 1, 2 or 3";
    }
    void badInputIsOneSentence()
    {
        QFETCH(QStringList, args);
        QFETCH(int, status);
        QFETCH(QString, says);
        const dltest::CliResult r = run(QStringList{"charlm"} + args);
        QCOMPARE(r.exitCode, status);
        QVERIFY2(QString::fromUtf8(r.err).contains(says), r.err.constData());
        QVERIFY2(QString::fromUtf8(r.err).trimmed().count('\n') <= 1, r.err.constData());
    }
    void notUtf8IsNamed()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath("latin1.txt"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("caf\xe9\n");
        f.close();
        const dltest::CliResult r = run({"charlm", "--corpus", f.fileName()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(QString::fromUtf8(r.err).contains("latin1.txt: byte 4 does not start a valid UTF-8 character"),
                 r.err.constData());
    }
};

QTEST_APPLESS_MAIN(TstCharlm)
#include "tst_charlm.moc"
