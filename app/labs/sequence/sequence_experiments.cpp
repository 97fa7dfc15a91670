// SPDX-License-Identifier: MIT
#include "app/labs/sequence/sequence_experiments.h"

#include "core/seq/char_studies.h"
#include "core/util/file.h"
#include "widgets/language.h"
#include "widgets/study_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace lab {

namespace {
struct KindInfo {
    const char* name;
    const char* about;
    int steps;
    const char* spans;
};
// Default steps: long-range at most per run; gradients: training before measuring; the others in all.
const KindInfo kKinds[] = {
    {QT_TRANSLATE_NOOP("lab::SequenceExperiments", "Long-range memory: accuracy against T"),
     QT_TRANSLATE_NOOP("lab::SequenceExperiments",
                       "Remember the first of T letters: each cell trained for each T (three seeds a point). The "
                       "notes' long-range dependency: a plain RNN falls behind as T grows."),
     2500, "5,10,20,35,50"},
    {QT_TRANSLATE_NOOP("lab::SequenceExperiments", "Gradients through time"),
     QT_TRANSLATE_NOOP("lab::SequenceExperiments",
                       "‖∂L/∂a⟨t⟩‖ against how far step t is from the loss (the first T below), on a log scale: "
                       "vanishing gradients. Steps: training before measuring (0: at initialisation)."),
     0, "50"},
    {QT_TRANSLATE_NOOP("lab::SequenceExperiments", "Clipping off vs on"),
     QT_TRANSLATE_NOOP("lab::SequenceExperiments",
                       "The page's corpus, an RNN that explodes (GD at α 0.05, weights ~ N(0, 0.3²)) trained twice: "
                       "without clipping and with ±5. The gradient norm per step (log) and the loss."),
     1500, ""},
    {QT_TRANSLATE_NOOP("lab::SequenceExperiments", "GRU vs LSTM on the corpus"),
     QT_TRANSLATE_NOOP("lab::SequenceExperiments",
                       "The page's corpus and settings (hidden, depth, window, batch, optimiser, α, clipping), the "
                       "same steps for each ticked cell: parameters, time per epoch, memory, dev loss per epoch."),
     2000, ""},
    {QT_TRANSLATE_NOOP("lab::SequenceExperiments", "Tagging: one-way vs bidirectional"),
     QT_TRANSLATE_NOOP("lab::SequenceExperiments",
                       "Tag each letter inside a closed pair of brackets (many-to-many). Whether a bracket closes "
                       "lies in the future: only the bidirectional network (the first ticked cell) can know."),
     800, ""},
    {QT_TRANSLATE_NOOP("lab::SequenceExperiments", "Classify a sequence (many-to-one)"),
     QT_TRANSLATE_NOOP("lab::SequenceExperiments",
                       "Which of a, b, c occurs most often in 15 letters: one answer after the last step, per cell."),
     800, ""},
};

std::vector<int> parseSpans(const QString& text, QString* error)
{
    std::vector<int> out;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int v = part.trimmed().toInt(&ok);
        if (!ok || v < 1 || v > 400) {
            *error = SequenceExperiments::tr("T must be whole numbers from 1 to 400 separated by commas; \"%1\" is "
                                             "not one.")
                         .arg(part.trimmed());
            return {};
        }
        out.push_back(v);
    }
    if (out.empty()) *error = SequenceExperiments::tr("Give at least one T (for example 5,20,50).");
    return out;
}
} // namespace

SequenceExperiments::SequenceExperiments(std::function<SequenceConfig()> config, QWidget* parent)
    : QWidget(parent), m_config(std::move(config)),
      m_runner(new StudyRunner("sequence-experiments", [this](QString* error) { return factory(error); }))
{
    auto* v = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_kind = new QComboBox;
    markTranslatedItems(m_kind);
    for (const KindInfo& k : kKinds) m_kind->addItem(tr(k.name));
    form->addRow(tr("Experiment"), m_kind);
    auto* cells = new QHBoxLayout;
    m_rnn = new QCheckBox(tr("RNN"));
    m_gru = new QCheckBox(tr("GRU"));
    m_lstm = new QCheckBox(tr("LSTM"));
    for (QCheckBox* c : {m_rnn, m_gru, m_lstm}) c->setChecked(true), cells->addWidget(c);
    cells->addStretch();
    m_cellForTagging = nullptr;
    form->addRow(tr("Cells"), cells);
    auto* row = new QHBoxLayout;
    m_spansLabel = new QLabel(tr("T"));
    m_spans = new QLineEdit;
    m_steps = new QSpinBox;
    m_steps->setRange(0, 1000000);
    m_forgetBias = new QDoubleSpinBox;
    m_forgetBias->setRange(-10, 10);
    m_forgetBias->setSingleStep(0.5);
    m_forgetBias->setValue(dl::SeqTaskRun{}.forgetBias);
    m_forgetBias->setToolTip(tr("Gated cells start with the forget gate's bias at +b and the update gate's at "
                                "−b: memory open, input mostly closed (Tallec & Ollivier 2018)"));
    row->addWidget(m_spansLabel);
    row->addWidget(m_spans, 1);
    row->addWidget(new QLabel(tr("Steps")));
    row->addWidget(m_steps);
    row->addWidget(new QLabel(tr("Forget bias")));
    row->addWidget(m_forgetBias);
    form->addRow(row);
    m_about = new QLabel;
    m_about->setWordWrap(true);
    form->addRow(m_about);
    m_runner->addControls(form);
    v->addWidget(m_runner, 1);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &SequenceExperiments::kindChanged);
    connect(m_runner->runButton(), &QPushButton::clicked, this, &SequenceExperiments::runExperiment);
    connect(m_runner, &StudyRunner::reported, this, &SequenceExperiments::reported);
    connect(m_runner, &StudyRunner::finished, this, &SequenceExperiments::finished);
    connect(m_runner, &StudyRunner::message, this, &SequenceExperiments::message);
    kindChanged();
}

void SequenceExperiments::setKind(Kind k)
{
    m_kind->setCurrentIndex(static_cast<int>(k));
}

SequenceExperiments::Kind SequenceExperiments::kind() const
{
    return static_cast<Kind>(m_kind->currentIndex());
}

void SequenceExperiments::setSteps(int steps)
{
    m_steps->setValue(steps);
}

void SequenceExperiments::setSpans(const QString& spans)
{
    m_spans->setText(spans);
}

void SequenceExperiments::kindChanged()
{
    const KindInfo& k = kKinds[m_kind->currentIndex()];
    m_about->setText(tr(k.about));
    m_steps->setValue(k.steps);
    m_spans->setText(QString::fromLatin1(k.spans));
    const bool spans = *k.spans != 0;
    m_spans->setVisible(spans);
    m_spansLabel->setVisible(spans);
    m_spansLabel->setText(kind() == Gradients ? tr("T") : tr("T values"));
    const bool task = kind() == LongRange || kind() == Gradients || kind() == Tagging || kind() == Classify;
    m_forgetBias->setEnabled(task);
    m_rnn->setEnabled(kind() != Clipping);
    m_gru->setEnabled(kind() != Clipping);
    m_lstm->setEnabled(kind() != Clipping);
    m_gru->setChecked(true), m_lstm->setChecked(true);
    m_rnn->setChecked(kind() != Cells && kind() != Tagging);
    view()->clear(tr(k.name));
}

StudyWorker::Factory SequenceExperiments::factory(QString* error) const
{
    std::vector<dl::CellKind> cells;
    if (m_rnn->isChecked()) cells.push_back(dl::CellKind::RNN);
    if (m_gru->isChecked()) cells.push_back(dl::CellKind::GRU);
    if (m_lstm->isChecked()) cells.push_back(dl::CellKind::LSTM);
    if (cells.empty() && kind() != Clipping) {
        *error = tr("Tick at least one cell (RNN, GRU or LSTM).");
        return {};
    }
    const int steps = m_steps->value();
    dl::SeqTaskRun run;
    run.forgetBias = static_cast<float>(m_forgetBias->value());
    switch (kind()) {
    case LongRange: {
        dl::LongRangeSpec s;
        s.cells = cells, s.run = run, s.maxSteps = std::max(1, steps);
        s.spans = parseSpans(m_spans->text(), error);
        if (s.spans.empty()) return {};
        return [s] { return std::make_unique<dl::LongRangeStudy>(s); };
    }
    case Gradients: {
        dl::GradientFlowSpec s;
        const std::vector<int> spans = parseSpans(m_spans->text(), error);
        if (spans.empty()) return {};
        s.cells = cells, s.trainSteps = steps;
        const int batch = s.run.batch;
        s.run = run, s.run.batch = batch, s.run.task = {dl::SeqTaskKind::Remember, spans.front()};
        return [s] { return std::make_unique<dl::GradientFlowStudy>(s); };
    }
    case Tagging:
    case Classify: {
        dl::TaskRaceSpec s = kind() == Tagging ? dl::taggingRace(cells.front()) : dl::classifyRace();
        if (kind() == Classify)
            std::erase_if(s.entries, [&](const dl::TaskRaceEntry& e) {
                return std::find(cells.begin(), cells.end(), e.run.cell) == cells.end();
            });
        for (auto& e : s.entries) e.run.forgetBias = run.forgetBias;
        s.steps = std::max(1, steps);
        return [s] { return std::make_unique<dl::TaskRaceStudy>(s); };
    }
    case Clipping:
    case Cells: {
        const SequenceConfig cfg = m_config();
        if (cfg.corpus.isEmpty()) {
            *error = tr("Choose a corpus on the left first.");
            return {};
        }
        const bool clipping = kind() == Clipping;
        return [cfg, clipping, cells, steps]() -> std::unique_ptr<dl::Study> {
            const dl::CharCorpus corpus =
                dl::makeCorpus(dl::readFile(cfg.corpus.toStdString()), QFileInfo(cfg.corpus).fileName().toStdString(),
                               cfg.mode, cfg.lowercase);
            if (clipping) {
                dl::ClippingSpec s;
                s.steps = std::max(1, steps);
                return std::make_unique<dl::ClippingStudy>(corpus, s);
            }
            dl::CellRaceSpec s;
            s.cells = cells, s.run = cfg.run, s.steps = std::max(1, steps);
            s.evalEvery = static_cast<int>(std::max<long>(1, s.steps / 8));
            return std::make_unique<dl::CellRaceStudy>(corpus, s);
        };
    }
    }
    return {};
}

void SequenceExperiments::runExperiment()
{
    m_runner->run(tr(kKinds[m_kind->currentIndex()].name));
}

} // namespace lab
