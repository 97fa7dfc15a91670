// SPDX-License-Identifier: MIT
#include "schedule_tab.h"

#include "core/data/synthetic.h"
#include "widgets/core_texts.h"
#include "widgets/study_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

#include <cmath>

namespace lab {

namespace {

// Each schedule's default rate and interval: α falls to about a fifth over the course's 5000 epochs.
struct ScheduleDefault {
    dl::Decay kind;
    double rate;
    int interval;
    bool on;
};
const ScheduleDefault kSchedules[] = {
    {dl::Decay::None, 1, 1, true},          {dl::Decay::InverseTime, 0.001, 1, false},
    {dl::Decay::Exponential, 0.9997, 1, true}, {dl::Decay::Step, 1, 1000, true},
    {dl::Decay::Staircase, 0.5, 1000, false},  {dl::Decay::InverseSqrt, 1, 1, false},
};

QComboBox* datasetBox()
{
    auto* b = new QComboBox;
    for (const std::string& k : dl::syntheticKinds()) b->addItem(QString::fromStdString(k));
    b->setCurrentText("moons");
    return b;
}

QComboBox* optimizerBox()
{
    auto* b = new QComboBox;
    for (const char* o : {"gd", "momentum", "nesterov", "rmsprop", "adam", "adamw"}) b->addItem(o);
    return b;
}

// The course's moons network on the chosen data (COURSE.md §4): 5-2-1 ReLU, He.
dl::Experiment baseExperiment(const QComboBox* dataset, const QComboBox* optimizer, float lr)
{
    dl::Experiment e = dl::courseMoons(1, 0.2f, lr);
    e.dataset.kind = dataset->currentText().toStdString();
    e.data = dl::splitDataset(dl::makeSynthetic(e.dataset), 0.2f, e.seed);
    e.hyper.opt.kind = dl::parseOpt(optimizer->currentText().toStdString());
    return e;
}

} // namespace

ScheduleTab::ScheduleTab(QWidget* parent)
    : QWidget(parent), m_runner(new StudyRunner("dynamics-schedules", [this](QString* error) -> StudyWorker::Factory {
          dl::ScheduleSpec spec;
          if (!specFromControls(spec, error)) return {};
          m_runner->setRecipe("schedules", {{"dataset", m_dataset->currentText().toStdString()},
                                            {"optimizer", m_optimizer->currentText().toStdString()},
                                            {"lr", dl::exactNumber(m_lr->value())}, {"batch", std::to_string(m_batch->value())},
                                            {"epochs", std::to_string(spec.epochs)},
                                            {"schedules", dl::scheduleListText(spec.schedules)}});
          return [spec] { return std::make_unique<dl::ScheduleStudy>(spec); };
      }))
{
    auto* controls = new QVBoxLayout;
    auto* top = new QHBoxLayout;
    m_dataset = datasetBox();
    m_optimizer = optimizerBox();
    m_lr = new QDoubleSpinBox;
    m_lr->setRange(1e-6, 100), m_lr->setDecimals(6), m_lr->setValue(0.1);
    m_lr->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    m_epochs = new QSpinBox;
    m_epochs->setRange(1, 1000000), m_epochs->setValue(5000), m_epochs->setObjectName("scheduleEpochs");
    m_batch = new QSpinBox;
    m_batch->setRange(0, 100000), m_batch->setValue(64), m_batch->setSpecialValueText(tr("full"));
    for (auto [label, w] : std::initializer_list<std::pair<QString, QWidget*>>{
             {tr("data"), m_dataset}, {tr("optimiser"), m_optimizer}, {tr("α₀"), m_lr},
             {tr("epochs"), m_epochs}, {tr("batch"), m_batch}}) {
        top->addWidget(new QLabel(label));
        top->addWidget(w);
    }
    top->addStretch(1);
    controls->addLayout(top);
    auto* grid = new QGridLayout;
    int col = 0;
    for (const ScheduleDefault& d : kSchedules) {
        Row r{d.kind, new QCheckBox(decayTitle(d.kind)), new QDoubleSpinBox, new QSpinBox};
        r.on->setChecked(d.on);
        r.on->setObjectName(QString("schedule_%1").arg(dl::decayName(d.kind)));
        r.rate->setRange(0, 1000), r.rate->setDecimals(4), r.rate->setValue(d.rate); // narrow: six fit a laptop
        r.rate->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
        r.rate->setToolTip(tr("decay rate (the base of exponential and staircase, k of inverse-sqrt)"));
        r.interval->setRange(1, 1000000), r.interval->setValue(d.interval);
        r.interval->setToolTip(tr("epochs per stair (step and staircase)"));
        const bool hasRate = d.kind != dl::Decay::None;
        const bool hasInterval = d.kind == dl::Decay::Step || d.kind == dl::Decay::Staircase;
        r.rate->setEnabled(hasRate), r.interval->setEnabled(hasInterval);
        grid->addWidget(r.on, 0, col);
        grid->addWidget(r.rate, 1, col);
        grid->addWidget(r.interval, 2, col);
        ++col;
        m_rows.push_back(r);
    }
    grid->addWidget(new QLabel(tr("rate")), 1, col);
    grid->addWidget(new QLabel(tr("interval")), 2, col);
    controls->addLayout(grid);
    m_runner->addControls(controls);
    (new QVBoxLayout(this))->addWidget(m_runner);
    connect(m_runner->runButton(), &QPushButton::clicked, this, &ScheduleTab::run);
    connect(m_runner, &StudyRunner::message, this, &ScheduleTab::message);
    const auto changed = [this] { preview(); };
    for (const Row& r : m_rows) {
        connect(r.on, &QCheckBox::toggled, this, changed);
        connect(r.rate, &QDoubleSpinBox::valueChanged, this, changed);
        connect(r.interval, &QSpinBox::valueChanged, this, changed);
    }
    connect(m_lr, &QDoubleSpinBox::valueChanged, this, changed);
    connect(m_epochs, &QSpinBox::valueChanged, this, changed);
    preview();
}

bool ScheduleTab::specFromControls(dl::ScheduleSpec& spec, QString* error) const
{
    spec.base = baseExperiment(m_dataset, m_optimizer, float(m_lr->value()));
    spec.base.hyper.batch = m_batch->value();
    spec.epochs = m_epochs->value();
    spec.schedules.clear();
    for (const Row& r : m_rows)
        if (r.on->isChecked()) spec.schedules.push_back({r.kind, float(r.rate->value()), r.interval->value()});
    if (spec.schedules.empty()) {
        *error = tr("Tick at least one schedule.");
        return false;
    }
    return true;
}

void ScheduleTab::preview()
{
    if (m_runner->isRunning()) return;
    dl::ScheduleSpec spec;
    QString error;
    if (!specFromControls(spec, &error)) return m_runner->view()->clear(error);
    m_runner->view()->show(dl::schedulePreview(spec), 0, false);
}

void ScheduleTab::setEpochs(int epochs) { m_epochs->setValue(epochs); }
void ScheduleTab::setLearningRate(double lr0) { m_lr->setValue(lr0); }

void ScheduleTab::setUsed(dl::Decay kind, bool on, double rate, int interval)
{
    for (Row& r : m_rows)
        if (r.kind == kind) {
            r.on->setChecked(on);
            if (rate >= 0) r.rate->setValue(rate);
            if (interval > 0) r.interval->setValue(interval);
        }
}

void ScheduleTab::run()
{
    m_runner->run(tr("Learning-rate schedules"));
}

RangeTestTab::RangeTestTab(QWidget* parent)
    : QWidget(parent), m_runner(new StudyRunner("dynamics-lrfind", [this](QString* error) -> StudyWorker::Factory {
          dl::LrRangeSpec spec;
          bool okLo = false, okHi = false;
          spec.lrMin = m_lo->text().toDouble(&okLo), spec.lrMax = m_hi->text().toDouble(&okHi);
          if (!okLo || !okHi) {
              *error = tr("Write the α range as two numbers, e.g. 1e-5 and 10.");
              return {};
          }
          spec.base = baseExperiment(m_dataset, m_optimizer, float(spec.lrMin));
          spec.steps = m_steps->value();
          m_runner->setRecipe("lrfind", {{"dataset", m_dataset->currentText().toStdString()},
                                         {"optimizer", m_optimizer->currentText().toStdString()},
                                         {"lr-min", dl::exactNumber(spec.lrMin)}, {"lr-max", dl::exactNumber(spec.lrMax)},
                                         {"steps", std::to_string(spec.steps)}});
          return [spec] { return std::make_unique<dl::LrRangeStudy>(spec); };
      })),
      m_suggested(NAN)
{
    auto* row = new QHBoxLayout;
    m_dataset = datasetBox();
    m_optimizer = optimizerBox();
    m_lo = new QLineEdit("1e-5"), m_hi = new QLineEdit("10");
    m_lo->setMaximumWidth(80), m_hi->setMaximumWidth(80);
    m_steps = new QSpinBox;
    m_steps->setRange(20, 100000), m_steps->setValue(300);
    auto* use = new QPushButton(tr("Use the suggested α in Schedules"));
    use->setEnabled(false);
    for (auto [label, w] : std::initializer_list<std::pair<QString, QWidget*>>{
             {tr("data"), m_dataset}, {tr("optimiser"), m_optimizer}, {tr("α from"), m_lo}, {tr("to"), m_hi},
             {tr("steps"), m_steps}}) {
        row->addWidget(new QLabel(label));
        row->addWidget(w);
    }
    row->addStretch(1);
    row->addWidget(use);
    m_runner->addControls(row);
    (new QVBoxLayout(this))->addWidget(m_runner);
    connect(m_runner->runButton(), &QPushButton::clicked, this, &RangeTestTab::run);
    connect(m_runner, &StudyRunner::message, this, &RangeTestTab::message);
    connect(m_runner, &StudyRunner::finished, this, [this, use] {
        // the suggestion is the report's first cell of its one row (core/dynamics/schedules.cpp)
        const dl::StudyReport& r = m_runner->view()->report();
        bool ok = false;
        m_suggested = r.table.size() > 1 ? QString::fromStdString(r.table[1][0]).toDouble(&ok) : NAN;
        if (!ok) m_suggested = NAN;
        use->setEnabled(std::isfinite(m_suggested));
    });
    connect(use, &QPushButton::clicked, this, [this] { emit useSuggested(m_suggested); });
}

void RangeTestTab::setSteps(int steps) { m_steps->setValue(steps); }

void RangeTestTab::setRange(double lo, double hi)
{
    m_lo->setText(QString::number(lo)), m_hi->setText(QString::number(hi));
}

void RangeTestTab::run()
{
    m_suggested = NAN;
    m_runner->run(tr("α range test"));
}

} // namespace lab
