// SPDX-License-Identifier: MIT
// The Sequence page's widgets and their connections (sequence_page.cpp holds what they do).
#include "app/labs/sequence/char_probe_view.h"
#include "app/labs/sequence/sequence_page.h"
#include "app/labs/sequence/sequence_experiments.h"
#include "app/labs/sequence/unit_heat_map.h"
#include "core/seq/unit_features.h"
#include "widgets/file_dialogs.h"
#include "widgets/language.h"
#include "widgets/loss_curve_view.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace lab {

static QSpinBox* spin(int lo, int hi, int value, const QString& tip)
{
    auto* s = new QSpinBox;
    s->setRange(lo, hi);
    s->setValue(value);
    s->setToolTip(tip);
    return s;
}

void SequencePage::buildControls(QWidget* side)
{
    auto* form = new QFormLayout(side);
    m_corpus = new QComboBox;
    markTranslatedItems(m_corpus);
    m_corpus->addItem(tr("Dinosaur names (the course)"));
    m_corpus->addItem(tr("Tiny Shakespeare"));
    m_corpus->addItem(tr("Your text file…"));
    m_corpus->setToolTip(tr("Any UTF-8 text works; its most frequent 256 characters are the vocabulary"));
    m_mode = new QComboBox;
    m_mode->addItem(tr("one example per line"), static_cast<int>(dl::CorpusMode::Lines));
    m_mode->addItem(tr("running text"), static_cast<int>(dl::CorpusMode::Text));
    m_cell = new QComboBox;
    m_cell->addItem(tr("RNN"), static_cast<int>(dl::CellKind::RNN));
    m_cell->addItem(tr("GRU"), static_cast<int>(dl::CellKind::GRU));
    m_cell->addItem(tr("LSTM"), static_cast<int>(dl::CellKind::LSTM));
    m_cell->setToolTip(tr("RNN: a = tanh(Waa a + Wax x + b). GRU: update and reset gates. LSTM: update, forget "
                          "and output gates and a cell state (COURSE.md §11)"));
    m_hidden = spin(1, 1024, 50, tr("Hidden units per layer (the course: 50)"));
    m_depth = spin(1, 3, 1, tr("Stacked recurrent layers: the notes' deep RNN"));
    m_seq = spin(1, 1000, 25, tr("Running text: characters per window, where backpropagation through time stops"));
    m_batch = spin(1, 256, 1, tr("Lines, or parallel tracks of running text, per step"));
    m_optimizer = new QComboBox;
    m_optimizer->addItem(tr("gradient descent"), static_cast<int>(dl::OptKind::GD));
    m_optimizer->addItem(tr("Adam"), static_cast<int>(dl::OptKind::Adam));
    m_lr = new QDoubleSpinBox;
    m_lr->setDecimals(4);
    m_lr->setRange(0.0001, 1);
    m_lr->setSingleStep(0.001);
    m_lr->setValue(0.01);
    m_lr->setToolTip(tr("α; changes apply at the next step (marked on the curve)"));
    m_clip = new QComboBox;
    markTranslatedItems(m_clip);
    m_clip->addItem(tr("clip by value ±"));
    m_clip->addItem(tr("clip by norm"));
    m_clip->addItem(tr("no clipping"));
    m_clip->setToolTip(tr("Gradient clipping: every entry to ±c, or the whole gradient's norm to c, or none"));
    m_clipValue = new QDoubleSpinBox;
    m_clipValue->setRange(0.01, 1000);
    m_clipValue->setValue(5);
    m_clipValue->setToolTip(tr("The course clips every gradient entry to ±5 against exploding gradients"));
    m_keep = new QDoubleSpinBox;
    m_keep->setRange(0.05, 1);
    m_keep->setSingleStep(0.05);
    m_keep->setValue(1);
    m_keep->setToolTip(tr("Dropout keep probability between the layers and below the softmax, never on the "
                          "recurrent connections (Zaremba et al. 2014); 1: no dropout. Against overfitting "
                          "a large model on a small corpus: watch the dev loss"));
    m_steps = spin(1, 10000000, 35000, tr("Training steps of the run"));
    m_sampleEvery = spin(0, 1000000, 2000, tr("Steps between samples (0: only when you press Sample now)"));
    m_temperature = new QSlider(Qt::Horizontal);
    m_temperature->setRange(5, 200); // τ = value / 100
    m_temperature->setValue(100);
    m_temperature->setToolTip(tr("ŷ ∝ exp(z / τ): below 1 the likely characters win more often, above 1 less"));
    m_temperatureLabel = new QLabel;
    m_topK = spin(0, 1000, 0, tr("Draw among the k most likely characters only (0: all)"));
    m_prime = new QLineEdit;
    m_prime->setPlaceholderText(tr("start each sample with…"));
    m_sampleButton = new QPushButton(tr("Sample now"));
    m_saveButton = new QPushButton(tr("Save model…"));
    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_info = new QLabel;
    m_info->setWordWrap(true);
    m_progress = new QProgressBar;
    auto* clipRow = new QHBoxLayout;
    clipRow->addWidget(m_clip);
    clipRow->addWidget(m_clipValue);
    auto* tempRow = new QHBoxLayout;
    tempRow->addWidget(m_temperature);
    tempRow->addWidget(m_temperatureLabel);
    form->addRow(tr("Corpus"), m_corpus);
    form->addRow(tr("Examples"), m_mode);
    form->addRow(tr("Cell"), m_cell);
    form->addRow(tr("Hidden units"), m_hidden);
    form->addRow(tr("Layers"), m_depth);
    form->addRow(tr("Window"), m_seq);
    form->addRow(tr("Batch"), m_batch);
    form->addRow(tr("Optimiser"), m_optimizer);
    form->addRow(tr("Learning rate"), m_lr);
    form->addRow(tr("Gradients"), clipRow);
    form->addRow(tr("Dropout keep"), m_keep);
    form->addRow(tr("Steps"), m_steps);
    form->addRow(tr("Sample every"), m_sampleEvery);
    form->addRow(tr("Temperature"), tempRow);
    form->addRow(tr("Top-k"), m_topK);
    form->addRow(tr("Prime"), m_prime);
    form->addRow(m_sampleButton);
    form->addRow(m_saveButton);
    form->addRow(m_progress);
    form->addRow(m_summary);
    form->addRow(m_info);
}

void SequencePage::buildViews(QWidget* main)
{
    m_tabs = new QTabWidget;
    auto* train = new QWidget;
    auto* tl = new QVBoxLayout(train);
    m_curve = new LossCurveView;
    m_text = new QPlainTextEdit;
    m_text->setReadOnly(true);
    m_text->setPlaceholderText(tr("Samples appear here as they are drawn, character by character."));
    QFont mono(QStringLiteral("DejaVu Sans Mono"));
    m_text->setFont(mono);
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(m_curve);
    split->addWidget(m_text);
    tl->addWidget(split);
    m_tabs->addTab(train, tr("Training and samples"));
    auto* inside = new QWidget;
    auto* il = new QVBoxLayout(inside);
    auto* row = new QHBoxLayout;
    m_probeText = new QLineEdit(QStringLiteral("tyrannosaurus"));
    m_readButton = new QPushButton(tr("Read"));
    m_unit = spin(0, 1023, 0, tr("The hidden unit whose activation colours the text"));
    row->addWidget(new QLabel(tr("Text")));
    row->addWidget(m_probeText, 1);
    row->addWidget(m_readButton);
    row->addWidget(new QLabel(tr("Unit")));
    row->addWidget(m_unit);
    m_feature = new QComboBox;
    for (dl::TextFeature f : {dl::TextFeature::Vowel, dl::TextFeature::InsideQuotes, dl::TextFeature::LinePosition,
                              dl::TextFeature::Space})
        m_feature->addItem(featureLabel(f), static_cast<int>(f));
    m_findButton = new QPushButton(tr("Find the unit"));
    m_findButton->setToolTip(tr("The unit whose activation over the text correlates most with the feature"));
    row->addWidget(new QLabel(tr("tracking")));
    row->addWidget(m_feature);
    row->addWidget(m_findButton);
    il->addLayout(row);
    m_probe = new CharProbeView;
    m_heat = new UnitHeatMap;
    auto* insideSplit = new QSplitter(Qt::Vertical);
    insideSplit->addWidget(m_probe);
    insideSplit->addWidget(m_heat);
    insideSplit->setSizes({300, 260}); // the text and its gates above, every unit below
    il->addWidget(insideSplit, 1);
    m_top = new QLabel;
    m_top->setTextFormat(Qt::RichText);
    il->addWidget(m_top);
    m_tabs->addTab(inside, tr("Look inside"));
    m_experiments = new SequenceExperiments([this] { return config(); });
    connect(m_experiments, &SequenceExperiments::message, this, &LabPage::message);
    m_tabs->addTab(m_experiments, tr("Experiments"));
    (new QVBoxLayout(main))->addWidget(m_tabs);

    m_typeTimer = new QTimer(this);
    m_typeTimer->setInterval(12); // the typewriter: one character each tick
    connect(m_typeTimer, &QTimer::timeout, this, &SequencePage::typeNext);
    connect(m_readButton, &QPushButton::clicked, this, [this] { readText(m_probeText->text()); });
    connect(m_probeText, &QLineEdit::returnPressed, this, [this] { readText(m_probeText->text()); });
    connect(m_unit, &QSpinBox::valueChanged, this, [this](int u) {
        m_probe->setUnit(u);
        m_heat->setUnit(u);
    });
    connect(m_heat, &UnitHeatMap::unitSelected, m_unit, &QSpinBox::setValue);
    connect(m_findButton, &QPushButton::clicked, this,
            [this] { findUnit(static_cast<dl::TextFeature>(m_feature->currentData().toInt())); });
    connect(m_probe, &CharProbeView::positionSelected, this, &SequencePage::showTopNext);
}

} // namespace lab
