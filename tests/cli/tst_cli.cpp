// SPDX-License-Identifier: MIT
// dlcli's one parser (app/cli/command.h): a mistake in the command line is exit status 2 with a sentence
// naming it; the usage text comes from the options each lab declares; the shared options work on every
// subcommand; compare --epochs counts passes over the data.
#include "tests/run_cli.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

class TstCli : public QObject {
    Q_OBJECT
    static dltest::CliResult run(const QStringList& args) { return dltest::runCli(DLCLI_PATH, args, 60000); }
  private slots:
    void mistakesAreExitTwoNamingThem_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("named");
        QTest::newRow("misspelt option") << QStringList{"train2d", "--itrations", "5"} << "--itrations";
        QTest::newRow("not a number")
            << QStringList{"train2d", "--lr", "fast"} << "--lr: expects a number, got \"fast\"";
        QTest::newRow("missing value") << QStringList{"train2d", "--lr"} << "--lr";
        QTest::newRow("unknown command") << QStringList{"trian2d"} << "unknown command \"trian2d\"";
        QTest::newRow("no command") << QStringList{} << "subcommand is required";
        QTest::newRow("another lab's option")
            << QStringList{"detect", "x.jpg", "--hidden", "4"} << "--hidden";
        QTest::newRow("missing image") << QStringList{"detect"} << "IMAGE is required";
        QTest::newRow("bad thread count")
            << QStringList{"train2d", "--threads", "0"} << "--threads must be 1 to 256";
        QTest::newRow("a range the command checks")
            << QStringList{"train2d", "--iterations", "-3"} << "--iterations";
    }
    void mistakesAreExitTwoNamingThem()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, named);
        const dltest::CliResult r = run(args);
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(named), r.err.constData());
        QVERIFY2(r.out.isEmpty(), r.out.constData()); // nothing was trained or printed
    }
    void usageComesFromTheDeclaredOptions()
    {
        const dltest::CliResult all = run({"--help"});
        QCOMPARE(all.exitCode, 0);
        for (const char* c : {"train2d", "gradcheck", "compare", "train-images", "bench-conv", "detect",
                              "style", "bench-style"})
            QVERIFY2(all.out.contains(c), c);
        const dltest::CliResult one = run({"train-images", "--help"});
        QCOMPARE(one.exitCode, 0);
        QVERIFY(one.out.contains("--freeze NUMBER"));
        QVERIFY(one.out.contains("--seed NUMBER")); // a shared option, declared once
        QVERIFY(!one.out.contains("--hidden"));     // the Playground's, not this command's
        const dltest::CliResult version = run({"--version"});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("dlcli (DL Visual Lab) "));
    }
    void sharedOptionsAndCompareEpochs()
    {
        const dltest::CliResult t =
            run({"train2d", "--iterations", "30", "--threads", "1", "--seed", "3", "--json"});
        QCOMPARE(t.exitCode, 0);
        const QJsonObject j = QJsonDocument::fromJson(t.out.trimmed()).object();
        QCOMPARE(j["iterations"].toInt(), 30);
        // compare --epochs 2: each run trains two passes over its data (batch 40 of 320 training points: 16
        // steps; full batch: 2), where before the option was dropped and 10 000 steps ran.
        const dltest::CliResult c = run(
            {"compare", "--vary", "batch", "--values", "0,40", "--epochs", "2", "--count", "400", "--json"});
        QCOMPARE(c.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(c.out.trimmed()).array();
        QCOMPARE(rows.size(), 2);
        for (const QJsonValue& v : rows) QVERIFY2(!v.toObject().contains("error"), c.out.constData());
        QCOMPARE(rows[0].toObject()["iterations"].toInt(), 2);
        QCOMPARE(rows[1].toObject()["iterations"].toInt(), 16);
    }
};

QTEST_APPLESS_MAIN(TstCli)
#include "tst_cli.moc"
