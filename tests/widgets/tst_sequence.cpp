// SPDX-License-Identifier: MIT
// The Sequence lab, offscreen: the course's dinosaur run trains on the lab's thread with samples every N
// steps typed out character by character; Pause stops within a chunk and the GUI stays free; the
// temperature applies to the next sample; "Look inside" reads a text (a unit's activation, the gates, the
// next-character distribution at a clicked character); Save model writes a file dlcli samples from; a text
// that is not UTF-8 gives one sentence and the lab stays usable; File ▸ Open routes texts and points; the
// Experiments tab runs beside training, reports as it goes, cancels within a step, says what is wrong.
#include "tests/require_files.h"
#include "tests/run_cli.h"
#include "app/labs/sequence/char_probe_view.h"
#include "app/labs/sequence/sequence_experiments.h"
#include "app/labs/sequence/unit_heat_map.h"
#include "core/seq/unit_features.h"
#include "widgets/study_view.h"
#include "app/labs/sequence/sequence_page.h"
#include "app/labs/playground/playground_page.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

namespace {
const QString kCorpora = QStringLiteral(DL_SOURCE_DIR "/corpora");

bool waitFor(const std::function<bool()>& done, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < ms) QTest::qWait(10);
    return done();
}
} // namespace

class TstSequence : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

  private slots:
    void initTestCase()
    {
        DL_NEEDS_FILES(QStringList{kCorpora + "/dinosaurs/dinos.txt"}, DL_FROM_SHARED_DATASETS);
        qputenv("DLLAB_CORPORA", kCorpora.toLocal8Bit());
    }

    void dinosaurRunSamplesAsItTrains()
    {
        lab::SequencePage page;
        page.resize(1200, 800);
        page.show();
        QSignalSpy fields(&page, &lab::LabPage::statusFields);
        QSignalSpy finished(&page, &lab::SequencePage::finished);
        page.setSteps(3000);
        page.setSampleEvery(500);
        page.run();
        QVERIFY(finished.wait(60000));
        QCOMPARE(page.last().step, 3000L);
        QCOMPARE(page.samples().size(), 6);
        for (const QString& s : page.samples()) QVERIFY2(s.size() <= 50 && !s.contains('\n'), qPrintable(s));
        QVERIFY(!std::isnan(page.last().devLoss) && page.last().devLoss < 3.3); // below ln 27 once it learns
        QVERIFY(!fields.isEmpty() && fields.last()[0].toStringList().first() == "step 3000");
        // The typewriter shows every sample, in order, after the step it was drawn at.
        QVERIFY(waitFor([&] { return page.typed().contains(page.samples().last()); }, 10000));
        QVERIFY(page.typed().startsWith("step 500: " + page.samples().first()));
    }

    void pauseIsQuickAndTheGuiStaysFree()
    {
        lab::SequencePage page;
        QSignalSpy prepared(&page, &lab::SequencePage::prepared);
        QVERIFY(prepared.wait(10000));
        page.setSteps(5000000);
        page.run();
        QVERIFY(waitFor([&] { return page.last().step > 500; }, 10000));
        QElapsedTimer t;
        t.start();
        int ticks = 0;
        QTimer tick;
        connect(&tick, &QTimer::timeout, [&] { ++ticks; });
        tick.start(10);
        QTest::qWait(300);
        QVERIFY2(ticks >= 15, qPrintable(QString::number(ticks))); // the GUI thread kept its timer going
        page.pause();
        QVERIFY(waitFor([&] { return !page.isRunning(); }, 2000));
        QVERIFY2(t.elapsed() < 1500, qPrintable(QString::number(t.elapsed())));
        QTest::qWait(100);
        const long at = page.last().step;
        QTest::qWait(200);
        QCOMPARE(page.last().step, at);
    }

    void temperatureAppliesToTheNextSample()
    {
        lab::SequencePage page;
        QSignalSpy finished(&page, &lab::SequencePage::finished);
        page.setSteps(4000);
        page.setSampleEvery(0);
        page.run();
        QVERIFY(finished.wait(60000));
        QVERIFY(page.samples().isEmpty());
        page.setTemperature(0.05); // nearly argmax: the same name each time
        QSignalSpy progressed(&page, &lab::SequencePage::progressed);
        page.sampleNow();
        page.sampleNow();
        QVERIFY(waitFor([&] { return page.samples().size() == 2; }, 5000));
        QCOMPARE(page.samples()[0], page.samples()[1]);
        page.setTemperature(2.0);
        for (int i = 0; i < 4; ++i) page.sampleNow();
        QVERIFY(waitFor([&] { return page.samples().size() == 6; }, 5000));
        const QStringList hot = page.samples().mid(2);
        QVERIFY(QSet<QString>(hot.begin(), hot.end()).size() > 1);
    }

    void lookInsideReadsAText()
    {
        lab::SequencePage page;
        page.setCell(dl::CellKind::LSTM);
        page.setSteps(1500);
        QSignalSpy finished(&page, &lab::SequencePage::finished);
        page.run();
        QVERIFY(finished.wait(60000));
        QSignalSpy probed(&page, &lab::SequencePage::probed);
        page.readText("Tyrannosaurus");
        QVERIFY(probed.wait(5000));
        const lab::SequenceProbe& p = page.probeView()->probe();
        QCOMPARE(p.text, QString("tyrannosaurus")); // lower-cased as the course's list
        QCOMPARE(int(p.next.size()), 14);
        QCOMPARE(int(p.hidden.size()), 13);
        QCOMPARE(p.gateNames, (QStringList{"c̃", "Γu", "Γf", "Γo"}));
        QCOMPARE(int(p.gates.front().size()), 4 * 50);
        page.probeView()->selectPosition(13); // after "tyrannosaurus": the end of the name is the favourite
        const auto top = page.probeView()->topNext(10);
        QCOMPARE(int(top.size()), 10);
        for (size_t i = 1; i < top.size(); ++i) QVERIFY(top[i - 1].second >= top[i].second);
        QCOMPARE(top[0].first, QString("⏎"));
        page.probeView()->setUnit(49);
        QCOMPARE(page.probeView()->unit(), 49);
        // Every unit over the text; the unit that tracks vowels chosen by correlation, in the spin, the text's
        // colouring and the heat map alike.
        QCOMPARE(page.heatMap()->units(), 50);
        QCOMPARE(page.heatMap()->steps(), 13);
        const std::vector<double> r = dl::unitCorrelations(p.hidden, dl::textFeature(p.text.toStdU32String(), dl::TextFeature::Vowel));
        const int u = page.findUnit(dl::TextFeature::Vowel);
        QCOMPARE(u, dl::strongestUnit(r));
        QCOMPARE(page.probeView()->unit(), u);
        QCOMPARE(page.heatMap()->unit(), u);
        QVERIFY2(page.topText().contains(QString("Unit %1 tracks vowels").arg(u)), qPrintable(page.topText()));
        page.resize(900, 600);
        QVERIFY(!page.probeView()->grab().isNull());
    }

    void savedModelSamplesInDlcli()
    {
        lab::SequencePage page;
        page.setSteps(2000);
        QSignalSpy finished(&page, &lab::SequencePage::finished);
        page.run();
        QVERIFY(finished.wait(60000));
        const QString path = m_dir.filePath("dinos.dlm");
        QSignalSpy saved(&page, &lab::SequencePage::saved);
        page.saveModel(path);
        QVERIFY(saved.wait(5000));
        const dltest::CliResult r = dltest::runCli(DLCLI_PATH, {"charlm", "--sample", path, "--n", "3", "--json"}, 60000);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).object()["samples"].toArray().size(), 3);

        // File ▸ Sequence: export to ONNX: the graph unrolled over 50 steps, one input and output per step
        QSignalSpy said(&page, &lab::LabPage::message);
        const QString onnx = m_dir.filePath("dinos.onnx");
        page.exportModel(onnx);
        QVERIFY(said.wait(10000));
        QVERIFY2(said.last().at(0).toString().startsWith("Exported the Sequence lab model to dinos.onnx (ONNX, "),
                 qPrintable(said.last().at(0).toString()));
        QFile f(onnx);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.contains("x_50") && bytes.contains("y_50") && !bytes.contains("x_51"));
        page.exportModel({}, m_dir.filePath("torch")); // and the PyTorch experiment with the course's cells
        QVERIFY(said.wait(10000));
        QVERIFY2(said.last().at(0).toString() == "Exported the Sequence lab model to torch/ (model.py, weights.npz, train.py).",
                 qPrintable(said.last().at(0).toString()));
        for (const char* name : {"model.py", "weights.npz", "experiment.json", "train.py"})
            QVERIFY2(QFile::exists(m_dir.filePath("torch/") + name), name);
    }

    // The Experiments tab: an experiment runs on its own thread and reports as it goes (plots, table); the
    // page's training runs beside it; Cancel stops it within a step; the GUI thread stays free.
    void experimentsRunBesideTrainingAndCancel()
    {
        lab::SequencePage page;
        QSignalSpy prepared(&page, &lab::SequencePage::prepared);
        QVERIFY(prepared.wait(10000));
        lab::SequenceExperiments* ex = page.experiments();
        ex->setKind(lab::SequenceExperiments::Tagging);
        ex->setSteps(150);
        QSignalSpy done(ex, &lab::SequenceExperiments::finished);
        page.setSteps(5000000);
        page.run();
        ex->runExperiment();
        QVERIFY(ex->isRunning());
        QVERIFY(done.wait(60000));
        QVERIFY(ex->last().done);
        QCOMPARE(ex->view()->table()->rowCount(), 2); // one-way, bidirectional
        QVERIFY(ex->view()->plottedPoints() >= 2 * 4);  // accuracy at 0, 50, 100, 150 for each
        QVERIFY(page.isRunning() && page.last().step > 0); // the training went on meanwhile
        page.pause();

        ex->setKind(lab::SequenceExperiments::LongRange);
        ex->setSpans("50");
        ex->setSteps(100000);
        QSignalSpy reported(ex, &lab::SequenceExperiments::reported);
        done.clear();
        ex->runExperiment();
        QVERIFY(reported.wait(10000));
        int ticks = 0;
        QTimer tick;
        connect(&tick, &QTimer::timeout, [&] { ++ticks; });
        tick.start(10);
        QTest::qWait(300);
        QVERIFY2(ticks >= 15, qPrintable(QString::number(ticks)));
        QElapsedTimer t;
        t.start();
        ex->cancel();
        QVERIFY(waitFor([&] { return !ex->isRunning(); }, 2000));
        QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
        QVERIFY(!ex->last().done);
    }

    void badExperimentSettingsAreOneSentence()
    {
        lab::SequencePage page;
        QSignalSpy msg(&page, &lab::LabPage::message);
        lab::SequenceExperiments* ex = page.experiments();
        ex->setKind(lab::SequenceExperiments::LongRange);
        ex->setSpans("5,x");
        ex->runExperiment();
        QVERIFY(!ex->isRunning());
        QVERIFY(!msg.isEmpty() && msg.last()[1].toBool());
        QVERIFY2(msg.last()[0].toString().contains("\"x\""), qPrintable(msg.last()[0].toString()));
        // A corpus that is not UTF-8: the clipping experiment says so where it reads it; Run is free again.
        const QString bad = m_dir.filePath("latin1-ex.txt");
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("caf\xe9 au lait\n");
        f.close();
        page.open(bad);
        ex->setKind(lab::SequenceExperiments::Clipping);
        msg.clear();
        ex->runExperiment();
        QVERIFY(waitFor([&] {
            for (const auto& m : msg)
                if (m[1].toBool() && m[0].toString().contains("latin1-ex.txt: byte 4")) return true;
            return false;
        }, 5000));
        QVERIFY(waitFor([&] { return !ex->isRunning(); }, 2000));
        ex->setKind(lab::SequenceExperiments::Gradients); // still usable
        QSignalSpy done(ex, &lab::SequenceExperiments::finished);
        ex->runExperiment();
        QVERIFY(done.wait(30000));
        QVERIFY(ex->last().done);
        QCOMPARE(ex->last().report.panels.at(0).curves.size(), size_t(3));
    }

    void badTextIsOneSentence()
    {
        const QString bad = m_dir.filePath("latin1.txt");
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("caf\xe9 au lait\n");
        f.close();
        lab::SequencePage page;
        QSignalSpy msg(&page, &lab::LabPage::message);
        QVERIFY(page.canOpen(bad));
        page.open(bad);
        QVERIFY(waitFor([&] {
            for (const auto& m : msg)
                if (m[1].toBool() && m[0].toString().contains("latin1.txt: byte 4")) return true;
            return false;
        }, 5000));
        page.run(); // says why again, starts nothing
        QTest::qWait(200);
        QVERIFY(!page.isRunning());
        page.setCorpus(0); // still usable
        page.setSteps(200);
        QSignalSpy finished(&page, &lab::SequencePage::finished);
        page.run();
        QVERIFY(finished.wait(30000));
    }

    void textFilesGoToTheLabThatReadsThem()
    {
        const QString points = m_dir.filePath("points.txt"), notes = m_dir.filePath("notes.txt");
        QFile a(points), b(notes);
        QVERIFY(a.open(QIODevice::WriteOnly) && b.open(QIODevice::WriteOnly));
        a.write("0.5,1.25,1\n-1,2,0\n");
        b.write("梯度下降是一种优化算法。\n");
        a.close();
        b.close();
        lab::PlaygroundPage playground;
        lab::SequencePage sequence;
        QVERIFY(playground.canOpen(points) && !playground.canOpen(notes));
        QVERIFY(sequence.canOpen(notes));
    }
};

QTEST_MAIN(TstSequence)
#include "tst_sequence.moc"
