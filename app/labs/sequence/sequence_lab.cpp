// SPDX-License-Identifier: MIT
// The Sequence lab's side of the LabPage contract: its menu items, the text files it opens as a corpus, its
// settings, its screenshot recipe (a corpus, some steps, then the samples or the look-inside view) and its
// GUI benchmark.
#include "app/labs/sequence/char_probe_view.h"
#include "app/labs/sequence/sequence_page.h"
#include "app/labs/sequence/sequence_experiments.h"
#include "widgets/study_view.h"
#include "widgets/file_dialogs.h"

#include <QCommandLineParser>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimer>
#include <cstdio>

namespace lab {

void SequencePage::addMenuItems(const LabMenus& menus)
{
    menus.file->addAction(tr("Sequence: text to learn from…"), this, [this] {
        const QString p = askOpenPath(this, tr("A UTF-8 text to learn"), tr("Text (*.txt *.md *.csv);;All files (*)"));
        if (p.isEmpty()) return;
        emit raiseRequested();
        open(p);
    });
    menus.file->addAction(tr("Sequence: save model…"), this, [this] {
        const QString p = askSavePath(this, tr("Save the sequence model"), tr("Sequence models (*.dlm)"), "dlm");
        if (!p.isEmpty()) saveModel(p);
    });
    menus.file->addAction(tr("Sequence: export to ONNX (50 steps unrolled)…"), this, [this] {
        const QString p = askSavePath(this, tr("Export to ONNX"), tr("ONNX models (*.onnx)"), "onnx");
        if (!p.isEmpty()) exportModel(p);
    });
    menus.file->addAction(tr("Sequence: export to PyTorch…"), this, [this] {
        const QString d = askFolder(this, tr("A folder for the PyTorch experiment (model.py, weights, train.py)"));
        if (!d.isEmpty()) exportModel({}, d);
    });
}

QStringList SequencePage::openFilters() const
{
    return {tr("Texts to learn from (*.txt *.md)")};
}

bool SequencePage::canOpen(const QString& path) const
{
    return LabPage::canOpen(path);
}

// A text file becomes the corpus: one example per line when its lines are short (a list of names), running
// text otherwise.
void SequencePage::open(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        emit message(tr("Cannot open %1: %2.").arg(QFileInfo(path).fileName(), f.errorString()), true);
        return;
    }
    const QByteArray head = f.read(1 << 16);
    const qsizetype lines = std::max<qsizetype>(1, head.count('\n'));
    const bool names = head.size() / lines < 24;
    setCorpusFile(path, names ? dl::CorpusMode::Lines : dl::CorpusMode::Text);
    emit message(tr("%1: learning it as %2; press Run.")
                     .arg(QFileInfo(path).fileName(), names ? tr("one example per line") : tr("running text")),
                 false);
}

void SequencePage::saveSettings(QSettings& s) const
{
    s.setValue("sequence/corpus", m_corpus->currentIndex() < 2 ? m_corpus->currentIndex() : 2);
    s.setValue("sequence/file", m_corpusPath);
    s.setValue("sequence/cell", m_cell->currentIndex());
    s.setValue("sequence/hidden", m_hidden->value());
}

void SequencePage::restoreSettings(const QSettings& s)
{
    const int corpus = s.value("sequence/corpus", 0).toInt();
    const QString file = s.value("sequence/file").toString();
    if (corpus == 2 && QFileInfo::exists(file))
        open(file);
    else if (corpus == 1)
        setCorpus(1);
    m_filling = true;
    m_cell->setCurrentIndex(std::clamp(s.value("sequence/cell", m_cell->currentIndex()).toInt(), 0, 2));
    m_hidden->setValue(s.value("sequence/hidden", m_hidden->value()).toInt());
    m_filling = false;
    configureWorker();
}

QList<QCommandLineOption> SequencePage::commandLineOptions() const
{
    return {
        {"sequence-corpus", "Sequence screenshot: dinos, shakespeare or a text file.", "name", "dinos"},
        {"sequence-cell", "Sequence screenshot: rnn, gru or lstm.", "name"},
        {"sequence-steps", "Sequence screenshot: training steps before the picture.", "n", "6000"},
        {"sequence-view", "Sequence screenshot: samples or inside.", "name", "samples"},
        {"sequence-text", "Sequence screenshot (inside): the text the model reads.", "text"},
        {"sequence-experiment",
         "Sequence screenshot of the Experiments tab instead: longrange, gradients, clipping, cells, tagging or classify.",
         "name"},
        {"sequence-experiment-steps", "Sequence screenshot (experiment): its steps.", "n"},
        {"sequence-experiment-spans", "Sequence screenshot (experiment): its T values, e.g. 5,20,50.", "list"},
    };
}

void SequencePage::shoot(const QCommandLineParser& cli, LabShot& shot)
{
    const QString corpus = cli.value("sequence-corpus");
    if (corpus == "dinos" || corpus == "shakespeare")
        setCorpus(corpus == "dinos" ? 0 : 1);
    else
        open(corpus);
    if (m_corpusPath.isEmpty()) return shot.fail(infoText()); // a corpus missing: the sentence that says so
    if (cli.isSet("sequence-cell")) setCell(dl::parseCell(cli.value("sequence-cell").toStdString()));
    setSteps(cli.value("sequence-steps").toLong());
    connect(this, &LabPage::message, this, [](const QString& m, bool error) {
        if (error) std::fprintf(stderr, "dllab: %s\n", qPrintable(m));
    });
    if (cli.isSet("sequence-experiment")) {
        shootExperiment(cli, shot);
        return;
    }
    const QString view = cli.value("sequence-view");
    connect(this, &SequencePage::finished, this, [this, view, &cli, &shot] {
        std::fprintf(stderr, "dllab: %ld steps, dev %.3f nats/char, %zu samples\n", last().step, last().devLoss,
                     static_cast<size_t>(samples().size()));
        if (view == "inside") {
            connect(this, &SequencePage::probed, this, [&shot] { QTimer::singleShot(300, [&shot] { shot.grab(); }); });
            tabs()->setCurrentIndex(1);
            readText(cli.isSet("sequence-text") ? cli.value("sequence-text") : QStringLiteral("tyrannosaurus"));
            return;
        }
        QTimer::singleShot(2500, this, [&shot] { shot.grab(); }); // the typewriter catches up
    });
    run();
}

void SequencePage::shootExperiment(const QCommandLineParser& cli, LabShot& shot)
{
    const QStringList names{"longrange", "gradients", "clipping", "cells", "tagging", "classify"};
    const int kind = static_cast<int>(names.indexOf(cli.value("sequence-experiment")));
    if (kind < 0) {
        shot.fail(QStringLiteral("--sequence-experiment must be one of %1").arg(names.join(", ")));
        return;
    }
    m_experiments->setKind(static_cast<SequenceExperiments::Kind>(kind));
    if (cli.isSet("sequence-experiment-steps")) m_experiments->setSteps(cli.value("sequence-experiment-steps").toInt());
    if (cli.isSet("sequence-experiment-spans")) m_experiments->setSpans(cli.value("sequence-experiment-spans"));
    tabs()->setCurrentWidget(m_experiments);
    connect(m_experiments, &SequenceExperiments::finished, this, [this, &shot] {
        std::fprintf(stderr, "dllab: experiment done, %d points plotted in %.1f s\n",
                     m_experiments->view()->plottedPoints(), m_experiments->last().seconds);
        QTimer::singleShot(300, this, [&shot] { shot.grab(); });
    });
    m_experiments->runExperiment();
}

std::optional<GuiBench> SequencePage::guiBench()
{
    return GuiBench{[this] {
                        setCorpus(0);
                        setSteps(10000000);
                        run();
                    },
                    [this] { return double(last().step); },
                    "names/s",
                    {"charlm", "--corpus", "dinos", "--iterations", "20000", "--samples", "0", "--json"},
                    [](const QJsonObject& j) { return j["names_per_second"].toDouble(); }};
}

void SequencePage::setCell(dl::CellKind k)
{
    m_cell->setCurrentIndex(std::max(0, m_cell->findData(static_cast<int>(k))));
}

void SequencePage::setSteps(long n)
{
    m_steps->setValue(static_cast<int>(std::min<long>(n, m_steps->maximum())));
}

void SequencePage::setSampleEvery(int n)
{
    m_sampleEvery->setValue(n);
}

void SequencePage::setTemperature(double t)
{
    m_temperature->setValue(static_cast<int>(std::lround(t * 100)));
}

} // namespace lab
