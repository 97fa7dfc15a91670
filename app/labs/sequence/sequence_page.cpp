// SPDX-License-Identifier: MIT
#include "app/labs/sequence/sequence_page.h"
#include "app/labs/sequence/unit_heat_map.h"

#include "app/labs/sequence/char_probe_view.h"
#include "core/models/model_files.h"
#include "core/models/model_manifest.h"
#include "widgets/file_dialogs.h"
#include "widgets/loss_curve_view.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimer>

#include <cmath>

namespace lab {

SequencePage::SequencePage(QWidget* parent)
    : LabPage("sequence", tr("Sequence"),
              tr("RNN, GRU and LSTM learn characters: invent dinosaur names, write Shakespeare, see the gates"),
              Run | Pause | Step | Reset, parent)
{
    auto* side = new QWidget;
    buildControls(side);
    auto* scroll = new QScrollArea;
    scroll->setWidget(side);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(330);
    auto* main = new QWidget;
    buildViews(main);
    auto* l = new QHBoxLayout(this);
    l->addWidget(scroll);
    l->addWidget(main, 1);

    m_worker.relay(&SequenceWorker::prepared, this, &SequencePage::onPrepared);
    m_worker.relay(&SequenceWorker::progressed, this, &SequencePage::onProgress);
    m_worker.relay(&SequenceWorker::probed, this, &SequencePage::onProbe);
    m_worker.relay(&SequenceWorker::saved, this, [this](const QString& p) {
        emit message(tr("Saved the model to %1.").arg(p), false);
        emit saved(p);
    });
    connectWorker(m_worker);

    for (QComboBox* c : {m_mode, m_cell, m_optimizer, m_clip})
        connect(c, &QComboBox::currentIndexChanged, this, &SequencePage::markDirty);
    for (QSpinBox* s : {m_hidden, m_depth, m_seq, m_batch, m_sampleEvery})
        connect(s, &QSpinBox::valueChanged, this, &SequencePage::markDirty);
    for (QDoubleSpinBox* s : {m_clipValue, m_keep})
        connect(s, &QDoubleSpinBox::valueChanged, this, &SequencePage::markDirty);
    connect(m_steps, &QSpinBox::valueChanged, this, [this](int n) { // live: more steps continue the run
        if (!m_filling && !m_dirty) m_worker.call([n](SequenceWorker& w) { w.setIterations(n); });
    });
    connect(m_lr, &QDoubleSpinBox::valueChanged, this, [this](double lr) { // live: the next step uses it
        if (!m_filling && !m_dirty) m_worker.call([lr](SequenceWorker& w) { w.setLearningRate(float(lr)); });
    });
    connect(m_corpus, &QComboBox::activated, this, [this](int i) {
        if (i < 2) return setCorpus(i);
        const QString p = askOpenPath(this, tr("A UTF-8 text to learn"), tr("Text (*.txt *.md *.csv);;All files (*)"));
        if (!p.isEmpty()) setCorpusFile(p, dl::CorpusMode::Text);
    });
    connect(m_optimizer, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling) m_lr->setValue(m_optimizer->currentData().toInt() == int(dl::OptKind::GD) ? 0.01 : 0.002);
    });
    connect(m_temperature, &QSlider::valueChanged, this, [this] {
        m_temperatureLabel->setText(QString::number(m_temperature->value() / 100.0, 'f', 2));
        sendSampling();
    });
    connect(m_topK, &QSpinBox::valueChanged, this, &SequencePage::sendSampling);
    connect(m_prime, &QLineEdit::editingFinished, this, &SequencePage::sendSampling);
    connect(m_sampleButton, &QPushButton::clicked, this, &SequencePage::sampleNow);
    connect(m_saveButton, &QPushButton::clicked, this, [this] {
        const QString p = askSavePath(this, tr("Save the sequence model"), tr("Sequence models (*.dlm)"), "dlm");
        if (!p.isEmpty()) saveModel(p);
    });
    m_temperatureLabel->setText(QStringLiteral("1.00"));
    setCorpus(0);
}

QString SequencePage::corporaDir() const
{
    return QString::fromStdString(dl::findCorporaDir("", QCoreApplication::applicationDirPath().toStdString()));
}

void SequencePage::setCorpus(int index)
{
    const QString dir = corporaDir();
    const QString file = index == 0 ? "dinosaurs/dinos.txt" : "tinyshakespeare/input.txt";
    m_filling = true;
    m_corpus->setCurrentIndex(index);
    if (index == 0) { // the course's dinosaur settings
        m_mode->setCurrentIndex(0);
        m_optimizer->setCurrentIndex(0);
        m_lr->setValue(0.01);
        m_batch->setValue(1);
        m_steps->setValue(35000);
        m_sampleEvery->setValue(2000);
    } else { // an LSTM on running text, a budget that shows text forming within a minute
        m_mode->setCurrentIndex(1);
        m_cell->setCurrentIndex(2);
        m_hidden->setValue(128);
        m_seq->setValue(64);
        m_batch->setValue(16);
        m_optimizer->setCurrentIndex(1);
        m_lr->setValue(0.005);
        m_steps->setValue(3000);
        m_sampleEvery->setValue(200);
        m_probeText->setText(tr("ROMEO:\nWhat light through yonder window breaks?"));
    }
    m_filling = false;
    m_corpusPath = dir.isEmpty() ? QString() : QDir(dir).filePath(file);
    if (m_corpusPath.isEmpty() || !QFileInfo::exists(m_corpusPath)) {
        m_info->setText(tr("The corpus %1 is missing: %2 Or choose your own text file.")
                            .arg(file, QString::fromStdString(dl::fetchAdvice("corpora/" + file.toStdString()))));
        emit message(m_info->text(), true);
        m_corpusPath.clear();
        return;
    }
    markDirty();
    configureWorker();
}

void SequencePage::setCorpusFile(const QString& path, dl::CorpusMode mode)
{
    m_filling = true;
    if (m_corpus->count() < 4) m_corpus->addItem(QString());
    m_corpus->setItemText(3, QFileInfo(path).fileName());
    m_corpus->setCurrentIndex(3);
    m_mode->setCurrentIndex(mode == dl::CorpusMode::Lines ? 0 : 1);
    m_filling = false;
    m_corpusPath = path;
    markDirty();
    configureWorker();
}

SequenceConfig SequencePage::config() const
{
    SequenceConfig c;
    c.corpus = m_corpusPath;
    c.mode = static_cast<dl::CorpusMode>(m_mode->currentData().toInt());
    c.lowercase = m_corpus->currentIndex() == 0; // the course lower-cases the dinosaur list
    c.run.cell = static_cast<dl::CellKind>(m_cell->currentData().toInt());
    c.run.hidden = m_hidden->value();
    c.run.depth = m_depth->value();
    c.run.seq = m_seq->value();
    c.run.batch = m_batch->value();
    c.run.hyper.opt.kind = static_cast<dl::OptKind>(m_optimizer->currentData().toInt());
    c.run.hyper.lr = static_cast<float>(m_lr->value());
    c.run.hyper.clipValue = m_clip->currentIndex() == 0 ? static_cast<float>(m_clipValue->value()) : 0.f;
    c.run.hyper.clipNorm = m_clip->currentIndex() == 1 ? static_cast<float>(m_clipValue->value()) : 0.f;
    c.run.hyper.keepProb = static_cast<float>(m_keep->value());
    c.iterations = m_steps->value();
    c.sampleEvery = m_sampleEvery->value();
    c.sampling.temperature = m_temperature->value() / 100.0;
    c.sampling.topK = m_topK->value();
    c.sampling.prime = m_prime->text().toStdU32String();
    c.sampling.maxLength = c.mode == dl::CorpusMode::Lines ? 50 : 300;
    return c;
}

void SequencePage::markDirty()
{
    if (m_filling) return;
    m_dirty = true;
    if (m_last.step > 0) m_info->setText(tr("A setting of the run changed: Run starts a new run."));
}

void SequencePage::configureWorker()
{
    if (m_corpusPath.isEmpty()) return;
    m_dirty = false;
    m_worker.interrupt();
    m_worker.call([cfg = config()](SequenceWorker& w) { w.configure(cfg); });
}

void SequencePage::run()
{
    if (m_corpusPath.isEmpty()) {
        m_info->setText(tr("Choose a corpus first."));
        return;
    }
    if (m_dirty || (m_last.finished && m_last.step >= m_steps->value())) configureWorker();
    m_info->setText(tr("Training…"));
    m_worker.start();
}

void SequencePage::pause()
{
    m_worker.pause();
    m_info->setText(tr("Paused: change α, the temperature or top-k, then Continue."));
}

void SequencePage::stepOnce()
{
    if (m_dirty) configureWorker();
    m_worker.call([](SequenceWorker& w) { w.stepOnce(); });
}

void SequencePage::reset()
{
    configureWorker();
    m_info->setText(tr("Reset: a new model with the current settings."));
}

void SequencePage::sendSampling()
{
    if (m_filling) return;
    m_worker.call([o = config().sampling](SequenceWorker& w) { w.setSampling(o); });
}

void SequencePage::sampleNow()
{
    sendSampling();
    m_worker.call([](SequenceWorker& w) { w.sampleNow(); });
}

void SequencePage::exportModel(const QString& onnx, const QString& pytorchDir)
{
    m_worker.call([onnx, pytorchDir](SequenceWorker& w) { w.exportModel(onnx, pytorchDir); });
}

void SequencePage::saveModel(const QString& path)
{
    m_worker.call([path](SequenceWorker& w) { w.saveModel(path); });
}

void SequencePage::readText(const QString& text)
{
    if (text.isEmpty()) return;
    m_worker.call([text](SequenceWorker& w) { w.probe(text); });
}

void SequencePage::onPrepared(const SequencePrepared& p)
{
    m_runId = p.runId;
    m_curve->clear();
    m_text->clear();
    m_samples.clear();
    m_typeQueue.clear();
    m_last = SequenceSnapshot{};
    m_summary->setText(p.summary);
    m_unit->setMaximum(m_hidden->value() - 1);
    emit prepared();
}

void SequencePage::onProgress(const SequenceSnapshot& s)
{
    if (s.runId != m_runId) return; // a snapshot of a run that was replaced
    m_curve->append(s.curve);
    for (int i = 0; i < s.samples.size(); ++i) {
        m_samples << s.samples[i];
        m_typeQueue += (m_text->document()->isEmpty() && m_typeQueue.isEmpty() ? "" : "\n") + s.sampleSteps[i] +
                       ": " + s.samples[i];
    }
    if (!m_typeQueue.isEmpty() && !m_typeTimer->isActive()) m_typeTimer->start();
    m_last = s;
    m_progress->setMaximum(static_cast<int>(std::min<long>(s.iterations, INT32_MAX)));
    m_progress->setValue(static_cast<int>(std::min<long>(s.step, INT32_MAX)));
    const float perChar = s.curve.costs.empty() ? NAN : s.curve.costs.back().cost;
    QStringList fields{tr("step %1").arg(s.step)};
    if (!std::isnan(perChar)) fields << tr("%1 nats/char").arg(perChar, 0, 'f', 3);
    if (config().mode == dl::CorpusMode::Lines) fields << tr("smoothed %1").arg(s.smoothed, 0, 'f', 2);
    if (!std::isnan(s.devLoss)) fields << tr("dev %1 nats/char").arg(s.devLoss, 0, 'f', 3);
    fields << tr("%1 chars/s").arg(s.charsPerSecond, 0, 'f', 0);
    emit statusFields(fields.mid(0, 4));
    if (s.finished && !s.running) {
        m_info->setText(tr("Done: %1 steps.").arg(s.step));
        emit finished();
    }
    emit progressed();
}

void SequencePage::typeNext()
{
    if (m_typeQueue.isEmpty()) {
        m_typeTimer->stop();
        return;
    }
    // Faster when samples pile up, so the typewriter never falls far behind the training.
    const int n = std::max<int>(1, static_cast<int>(m_typeQueue.size() / 200));
    m_text->moveCursor(QTextCursor::End);
    m_text->insertPlainText(m_typeQueue.left(n));
    m_typeQueue.remove(0, n);
}

QString SequencePage::typed() const
{
    return m_text->toPlainText();
}

void SequencePage::onProbe(const SequenceProbe& p)
{
    m_probe->setProbe(p);
    m_heat->setActivations(p.hidden);
    m_heat->setUnit(m_unit->value());
    m_found.clear();
    m_probe->selectPosition(static_cast<int>(p.next.size()) - 1);
    emit probed();
}

QString SequencePage::featureLabel(dl::TextFeature f)
{
    switch (f) { // the same words as core/seq/unit_features.cpp's featureName, for lupdate to find
    case dl::TextFeature::Vowel: return tr("vowels");
    case dl::TextFeature::InsideQuotes: return tr("inside quotes");
    case dl::TextFeature::LinePosition: return tr("position in the line");
    case dl::TextFeature::Space: return tr("spaces");
    }
    return QString::fromLatin1(dl::featureName(f));
}

int SequencePage::findUnit(dl::TextFeature f)
{
    const SequenceProbe& p = m_probe->probe();
    if (p.hidden.empty()) {
        emit message(tr("Read a text first: type one above and press Read."), true);
        return -1;
    }
    const std::vector<double> r = dl::unitCorrelations(p.hidden, dl::textFeature(p.text.toStdU32String(), f));
    const int u = dl::strongestUnit(r);
    m_unit->setValue(u);
    m_found = tr("Unit %1 tracks %2 best in this text: r = %3.")
                  .arg(u)
                  .arg(featureLabel(f))
                  .arg(r[static_cast<size_t>(u)], 0, 'f', 2);
    showTopNext();
    return u;
}

QString SequencePage::topText() const
{
    return m_top->text();
}

void SequencePage::showTopNext()
{
    QString html = tr("<b>Next character after %1 characters:</b> ").arg(m_probe->position());
    for (const auto& [label, p] : m_probe->topNext(10))
        html += QStringLiteral("<span style='background:#cfe3f7'>&nbsp;%1&nbsp;</span> %2 %&nbsp;&nbsp; ")
                    .arg(label.toHtmlEscaped())
                    .arg(100.0 * p, 0, 'f', 1);
    if (!m_found.isEmpty()) html = m_found.toHtmlEscaped() + QStringLiteral("<br>") + html;
    m_top->setText(html);
}

QString SequencePage::infoText() const
{
    return m_info->text();
}

} // namespace lab
