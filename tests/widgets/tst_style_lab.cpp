// SPDX-License-Identifier: MIT
// The Style lab, offscreen, on a small stand-in for Tiny Darknet (tests/core/detect_fixtures.h): a run goes
// through the worker thread and the costs fall; Pause stops within one iteration and the GUI thread stays
// free meanwhile; β changed while paused applies from the next iteration; the Gram view shows G_S and G_G;
// Save PNG writes G at the chosen size; the saved run file replays in dlcli to the same pixels; a missing
// model and a broken photo give one sentence and the page stays usable.
#include "tests/require_files.h"
#include "tests/run_cli.h"
#include "../core/detect_fixtures.h"
#include "app/labs/style/style_page.h"
#include "app/labs/style/gram_view.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <qcustomplot.h>

namespace {
const QString kDog = "/usr/share/darknet/data/dog.jpg", kScream = "/usr/share/darknet/data/scream.jpg";

bool waitFor(const std::function<bool()>& done, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < ms) QTest::qWait(10);
    return done();
}
// Pause, wait until the worker reports it stopped; the iteration count must then stay put.
bool pauseAndWait(lab::StylePage& page)
{
    page.pause();
    if (!waitFor([&] { return !page.running(); }, 5000)) return false;
    QTest::qWait(150); // the last snapshot
    const int at = page.last().iteration;
    QTest::qWait(300);
    return page.last().iteration == at;
}
} // namespace

class TstStyleLab : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir m_dir;
    QString m_models;

  private slots:
    void initTestCase()
    {
        DL_NEEDS_FILES((QStringList{kDog, kScream}), DL_FROM_DARKNET_PKG);
        m_models = dltest::writeSmallStyleModels(m_dir);
        qputenv("DLLAB_MODELS", m_models.toLocal8Bit());
    }

    void runPauseChangeBetaContinue()
    {
        lab::StylePage page;
        page.resize(1200, 800);
        page.setSize(96);
        page.setIterations(100000); // paused long before
        page.setStyle(kScream);
        page.setContent(kDog);
        // The GUI thread keeps turning while the worker iterates: its timer fires during the run. (How
        // late it fires is measured in bench/busy_machine.sh, not asserted here.)
        int ticks = 0;
        QTimer tick;
        QObject::connect(&tick, &QTimer::timeout, [&] { ++ticks; });
        page.run();
        tick.start(5);
        QVERIFY(waitFor([&] { return page.last().iteration >= 5; }, 60000));
        QVERIFY(waitFor([&] { return ticks >= 20; }, 60000));
        tick.stop();
        QVERIFY(page.running());
        // Pause: the run stops before its next iteration (the shared flag is checked between iterations).
        QVERIFY(pauseAndWait(page));
        const int at = page.last().iteration;
        QVERIFY(!page.last().image.isNull());
        QCOMPARE(page.last().image.width(), 96);
        QCOMPARE(page.last().image.height(), 72);
        const double style0 = page.plot()->graph(1)->data()->at(0)->value;
        QVERIFY(page.plot()->graph(2)->dataCount() == at);
        // β from 1e4 to 10 while paused, continue: J = α J_content + 10 J_style from then on.
        page.setBeta(10);
        page.run();
        QVERIFY(waitFor([&] { return page.last().iteration >= at + 4; }, 30000));
        QVERIFY(pauseAndWait(page));
        const dl::StyleCosts c = page.last().costs;
        QVERIFY2(std::abs(c.total - (c.content + 10 * c.style)) <= 1e-6 * c.total,
                 qPrintable(QString("%1 vs %2 + 10·%3").arg(c.total).arg(c.content).arg(c.style)));
        QVERIFY2(c.style < style0, qPrintable(QString("style %1 -> %2").arg(style0).arg(c.style)));
        QVERIFY(page.cliCommand().contains("--beta 10"));
    }

    void gramSaveAndReplay()
    {
        lab::StylePage page;
        page.resize(1200, 800);
        page.setSize(80);
        page.setIterations(8);
        QSignalSpy finished(&page, &lab::StylePage::finished);
        page.setStyle(kScream);
        page.setContent(kDog);
        page.run();
        QVERIFY(finished.wait(60000));
        QCOMPARE(page.last().iteration, 8);
        QSignalSpy gram(&page, &lab::StylePage::gramShown);
        page.showGram(1);
        QVERIFY(gram.wait(5000));
        QVERIFY(page.gramView()->relativeDifference() > 0);
        // Continue 4 more with Adam after a pause, so the run file has a change to replay.
        page.setOptimizer(dl::StyleOptimizer::Adam);
        page.setIterations(12);
        page.run();
        QVERIFY(finished.wait(60000));
        QCOMPARE(page.last().iteration, 12);
        QSignalSpy saved(&page, &lab::StylePage::saved);
        const QString png = m_dir.filePath("g.png"), run = m_dir.filePath("run.json");
        page.saveImage(png);
        QVERIFY(saved.wait(5000));
        page.saveRun(run);
        QVERIFY(saved.wait(5000));
        const QImage g(png);
        QCOMPARE(g.size(), QSize(80, 60));
        QFile f(run);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject j = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(j["iterations"].toInt(), 12);
        QCOMPARE(j["changes"].toArray().size(), 1);
        QCOMPARE(j["changes"].toArray()[0].toObject()["iteration"].toInt(), 8);
        // The CLI replays the run file to the same image.
        const QString out = m_dir.filePath("replay.png");
        const dltest::CliResult cli = dltest::runCli(
            DLCLI_PATH, {"style", "--replay", run, "--out", out, "--models", m_models, "--json"}, 300000);
        QVERIFY(cli.finished);
        QVERIFY2(cli.exitCode == 0, cli.err.constData());
        const QImage r(out);
        QCOMPARE(r.size(), g.size());
        int differ = 0;
        for (int y = 0; y < g.height(); ++y)
            for (int x = 0; x < g.width(); ++x) differ += g.pixel(x, y) != r.pixel(x, y);
        qInfo("replay: %d of %d pixels differ", differ, g.width() * g.height());
        QVERIFY2(differ == 0, qPrintable(QString("%1 pixels differ").arg(differ)));
        // File ▸ Open of the run in a fresh page: its photos, size, iterations and start settings.
        lab::StylePage opened;
        QVERIFY(opened.canOpen(run));
        QSignalSpy said(&opened, &lab::LabPage::message);
        opened.open(run);
        QVERIFY(!said.isEmpty() && !said.last()[1].toBool());
        const QString text = said.last()[0].toString();
        QVERIFY2(text.contains("dog.jpg in the style of scream.jpg, 12 iterations") &&
                     text.contains("1 change(s)"),
                 qPrintable(text));
        const lab::StyleRunConfig c = opened.config();
        QCOMPARE(c.size, 80);
        QCOMPARE(c.iterations, 12);
        QCOMPARE(QFileInfo(c.content).fileName(), QString("dog.jpg"));
        QCOMPARE(c.settings.optimizer, dl::StyleOptimizer::Lbfgs); // its start; Adam came at iteration 8
        QCOMPARE(c.settings.weights.style.size(), dl::StyleWeights{}.style.size());
        QCOMPARE(c.settings.weights.contentLayer, dl::StyleWeights{}.contentLayer);
        QSignalSpy done(&opened, &lab::StylePage::finished);
        opened.run();
        QVERIFY(done.wait(60000));
        QCOMPARE(opened.last().iteration, 12);
        // A damaged run file: one sentence, nothing changed.
        const QString bad = m_dir.filePath("bad.json");
        QFile b(bad);
        QVERIFY(b.open(QIODevice::WriteOnly) && b.write(R"({"content": "x.jpg", "size": 5})") > 0);
        b.close();
        opened.open(bad);
        QVERIFY(said.last()[1].toBool());
        QVERIFY2(said.last()[0].toString().startsWith("bad.json is not a readable run file"),
                 qPrintable(said.last()[0].toString()));
        QCOMPARE(opened.config().size, 80);
    }

    void copyCliLineRunsInDlcli()
    {
        // The line comes from dlcli's own option definitions (dlcli::commandLine): run it as it is.
        lab::StylePage page;
        page.setSize(48);
        page.setIterations(2);
        page.setBeta(250);
        page.setStyle(kScream);
        page.setContent(kDog);
        QStringList words = QProcess::splitCommand(page.cliCommand());
        QCOMPARE(words.value(0), QString("dlcli"));
        QVERIFY(words.contains("--beta")); // the slider's value (it moves in steps)
        const double beta = words[words.indexOf("--beta") + 1].toDouble();
        QVERIFY2(std::abs(beta - page.weights().beta) <= 1e-5 * page.weights().beta, qPrintable(QString::number(beta)));
        words.removeFirst();
        words[words.indexOf("--out") + 1] = m_dir.filePath("copied.png");
        words << "--models" << m_models << "--json";
        const dltest::CliResult cli = dltest::runCli(DLCLI_PATH, words, 120000);
        QVERIFY(cli.finished);
        QVERIFY2(cli.exitCode == 0, cli.err.constData());
        QCOMPARE(QImage(m_dir.filePath("copied.png")).width(), 48);
    }

    void badInputKeepsThePageUsable()
    {
        const QString half = m_dir.filePath("half.jpg");
        {
            QFile in(kDog), out(half);
            QVERIFY(in.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly));
            out.write(in.readAll().left(4000)); // cut short
        }
        lab::StylePage page;
        page.setSize(64);
        page.setIterations(3);
        QSignalSpy msg(&page, &lab::StylePage::message);
        page.setStyle(kScream);
        page.setContent(half);
        QVERIFY(msg.wait(10000));
        QVERIFY2(page.infoText().contains("cut short"), qPrintable(page.infoText()));
        QSignalSpy finished(&page, &lab::StylePage::finished);
        page.setContent(kDog); // a good photo works with the same page
        page.run();
        QVERIFY(finished.wait(30000));
    }

    void missingModelSaysWhereToPutIt()
    {
        QTemporaryDir empty;
        qputenv("DLLAB_MODELS", empty.path().toLocal8Bit());
        lab::StylePage page;
        QSignalSpy msg(&page, &lab::StylePage::message);
        page.setStyle(kScream);
        page.setContent(kDog);
        QVERIFY(msg.wait(10000));
        QVERIFY2(page.infoText().contains("tiny.cfg") && page.infoText().contains("scripts/fetch-models.sh"),
                 qPrintable(page.infoText()));
        msg.clear();
        page.run(); // nothing to run: the same sentence again, no crash
        QVERIFY(msg.wait(5000));
        QVERIFY2(msg.last().at(0).toString().contains("tiny.cfg") && msg.last().at(1).toBool(),
                 qPrintable(msg.last().at(0).toString()));
        QVERIFY(!page.running());
        qputenv("DLLAB_MODELS", m_models.toLocal8Bit());
    }
};

QTEST_MAIN(TstStyleLab)
#include "tst_style_lab.moc"
