// SPDX-License-Identifier: MIT
#include "search_tab.h"

#include "core/data/synthetic.h"
#include "core/layers/registry.h"
#include "widgets/core_texts.h"
#include "widgets/file_dialogs.h"
#include "widgets/parallel_coords_view.h"
#include "widgets/trial_plot.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFormLayout>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace lab {

namespace {

// The ranges offered, each with the course's scale (COURSE.md §5) and a useful default span.
struct RangeDefault {
    const char* name;
    dl::SearchScale scale;
    const char *lo, *hi;
    bool on;
};
const RangeDefault kRanges[] = {
    {"lr", dl::SearchScale::Log, "1e-4", "1", true},
    {"beta", dl::SearchScale::OneMinusLog, "0.9", "0.999", true},
    {"beta1", dl::SearchScale::OneMinusLog, "0.8", "0.99", false},
    {"beta2", dl::SearchScale::OneMinusLog, "0.99", "0.9999", false},
    {"l2", dl::SearchScale::Log, "1e-4", "1", false},
    {"keep-prob", dl::SearchScale::Linear, "0.5", "1", false},
    {"hidden", dl::SearchScale::Log, "2", "32", false},
};

QString fmt(double v)
{
    return QString::number(v, 'g', 4);
}

QString pct(float v)
{
    return QString::number(100.0 * v, 'f', 1);
}

} // namespace

SearchTab::SearchTab(QWidget* parent) : QWidget(parent), m_worker("dynamics-search")
{
    m_table = new QTableWidget(0, 0);
    m_table->setObjectName("searchTable");
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_parallel = new ParallelCoordsView;
    m_parallel->setObjectName("searchParallel");
    auto* plots = new QWidget;
    m_plotRow = new QHBoxLayout(plots);
    m_plotRow->setContentsMargins(0, 0, 0, 0);
    auto* right = new QSplitter(Qt::Vertical);
    right->addWidget(m_table);
    right->addWidget(plots);
    right->addWidget(m_parallel);
    right->setSizes({220, 300, 240});
    auto* lay = new QHBoxLayout(this);
    lay->addWidget(makeControls());
    lay->addWidget(right, 1);

    m_worker.relay(&LabWorker::runningChanged, this, [this](bool r) {
        if (!r && m_running) {
            setRunning(false);
            emit finished();
        }
    });
    m_worker.relay(&LabWorker::failed, this, [this](const QString& m) { emit message(m, true); });
    m_worker.relay(&SearchWorker::trialDone, this, [this](long id, const dl::SearchTrial& t) { onTrial(id, t); });
    m_worker.relay(&SearchWorker::progress, this, [this](const SearchProgress& p) { onProgress(p); });
    setRunning(false);
}

QWidget* SearchTab::makeControls()
{
    auto* box = new QWidget;
    box->setMaximumWidth(430);
    auto* v = new QVBoxLayout(box);
    auto* form = new QFormLayout;
    m_dataset = new QComboBox;
    for (const std::string& k : dl::syntheticKinds()) m_dataset->addItem(QString::fromStdString(k));
    m_dataset->setCurrentText("moons");
    m_hidden = new QLineEdit("5,2");
    m_activation = new QComboBox;
    for (const char* a : {"relu", "tanh", "sigmoid", "leaky"}) m_activation->addItem(a);
    m_optimizer = new QComboBox;
    for (const char* o : {"momentum", "gd", "nesterov", "rmsprop", "adam", "adamw"}) m_optimizer->addItem(o);
    m_steps = new QSpinBox;
    m_steps->setRange(1, 10000000), m_steps->setValue(2000), m_steps->setObjectName("searchSteps");
    m_batch = new QSpinBox;
    m_batch->setRange(0, 100000), m_batch->setValue(64), m_batch->setSpecialValueText(tr("full"));
    m_seed = new QSpinBox;
    m_seed->setRange(1, 1000000), m_seed->setValue(1);
    form->addRow(tr("Data"), m_dataset);
    form->addRow(tr("Hidden units"), m_hidden);
    form->addRow(tr("Activation"), m_activation);
    form->addRow(tr("Optimiser"), m_optimizer);
    form->addRow(tr("Steps per trial"), m_steps);
    form->addRow(tr("Mini-batch"), m_batch);
    form->addRow(tr("Seed"), m_seed);
    v->addLayout(form);

    auto* grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("<b>Search</b>")), 0, 0);
    grid->addWidget(new QLabel(tr("<b>scale</b>")), 0, 1);
    grid->addWidget(new QLabel(tr("<b>from</b>")), 0, 2);
    grid->addWidget(new QLabel(tr("<b>to</b>")), 0, 3);
    int row = 1;
    for (const RangeDefault& d : kRanges) {
        RangeRow r;
        r.on = new QCheckBox(coreText(dl::searchParamTitle(d.name)));
        r.on->setChecked(d.on);
        r.scale = new QComboBox;
        r.scale->addItem(tr("linear"), int(dl::SearchScale::Linear));
        r.scale->addItem(tr("log"), int(dl::SearchScale::Log));
        r.scale->addItem(tr("log of 1 − x"), int(dl::SearchScale::OneMinusLog));
        r.scale->setCurrentIndex(r.scale->findData(int(d.scale)));
        r.lo = new QLineEdit(d.lo), r.hi = new QLineEdit(d.hi);
        r.lo->setMaximumWidth(70), r.hi->setMaximumWidth(70);
        r.on->setObjectName(QString("search_%1").arg(d.name));
        grid->addWidget(r.on, row, 0);
        grid->addWidget(r.scale, row, 1);
        grid->addWidget(r.lo, row, 2);
        grid->addWidget(r.hi, row, 3);
        m_ranges.emplace_back(d.name, r);
        ++row;
    }
    v->addLayout(grid);

    auto* budget = new QHBoxLayout;
    m_trialsBox = new QSpinBox;
    m_trialsBox->setRange(1, 10000), m_trialsBox->setValue(30), m_trialsBox->setObjectName("searchTrials");
    m_rounds = new QSpinBox;
    m_rounds->setRange(1, 20), m_rounds->setValue(2);
    m_grid = new QCheckBox(tr("and a grid of the same budget"));
    m_grid->setChecked(true);
    budget->addWidget(new QLabel(tr("Budget")));
    budget->addWidget(m_trialsBox);
    budget->addWidget(new QLabel(tr("trials in")));
    budget->addWidget(m_rounds);
    budget->addWidget(new QLabel(tr("rounds")));
    budget->addStretch(1);
    v->addLayout(budget);
    v->addWidget(m_grid);

    m_run = new QPushButton(tr("Run search"));
    m_cancel = new QPushButton(tr("Cancel"));
    m_zoom = new QPushButton(tr("Zoom into the best region"));
    m_zoom->setToolTip(tr("One more round of budget ÷ rounds trials, inside the ranges of the quarter of the "
                          "random trials so far with the lowest dev cost (COURSE.md §5: coarse to fine)."));
    m_save = new QPushButton(tr("Save best as experiment…"));
    m_open = new QPushButton(tr("Open best in Playground"));
    m_run->setObjectName("searchRun"), m_cancel->setObjectName("searchCancel"), m_zoom->setObjectName("searchZoom");
    auto* b1 = new QHBoxLayout;
    b1->addWidget(m_run), b1->addWidget(m_cancel);
    auto* b2 = new QHBoxLayout;
    b2->addWidget(m_save), b2->addWidget(m_open);
    v->addLayout(b1);
    v->addWidget(m_zoom);
    v->addLayout(b2);
    m_status = new QLabel(tr("Each trial trains the network from the same initial weights and batch order with "
                             "its own settings; the table, the plots and the lines fill as trials finish."));
    m_status->setWordWrap(true);
    m_status->setObjectName("searchStatus");
    v->addWidget(m_status);
    v->addStretch(1);
    connect(m_run, &QPushButton::clicked, this, &SearchTab::run);
    connect(m_cancel, &QPushButton::clicked, this, &SearchTab::cancel);
    connect(m_zoom, &QPushButton::clicked, this, &SearchTab::zoomIn);
    connect(m_save, &QPushButton::clicked, this, [this] {
        const QString path = askSavePath(this, tr("Save the best trial"), tr("Experiments (*.json)"), "json");
        if (!path.isEmpty()) saveBest(path);
    });
    connect(m_open, &QPushButton::clicked, this, &SearchTab::openBestInPlayground);
    return box;
}

void SearchTab::setBudget(int trials, int rounds, bool grid)
{
    m_trialsBox->setValue(trials), m_rounds->setValue(rounds), m_grid->setChecked(grid);
}

void SearchTab::setStepsPerTrial(int steps)
{
    m_steps->setValue(steps);
}

void SearchTab::setRange(const QString& name, bool searched, const QString& lo, const QString& hi)
{
    for (auto& [n, r] : m_ranges)
        if (QString::fromStdString(n) == name) {
            r.on->setChecked(searched);
            if (!lo.isEmpty()) r.lo->setText(lo);
            if (!hi.isEmpty()) r.hi->setText(hi);
        }
}

bool SearchTab::planFromControls(dl::SearchPlan& plan, QString& error) const
{
    try {
        dl::Experiment& e = plan.base;
        e.seed = std::uint32_t(m_seed->value());
        e.dataset.kind = m_dataset->currentText().toStdString();
        e.dataset.seed = e.seed;
        e.data = dl::splitDataset(dl::makeSynthetic(e.dataset), e.dataset.devRatio, e.seed);
        e.network.hidden = dl::parseHidden(m_hidden->text().toStdString());
        e.network.activation = dl::parseAct(m_activation->currentText().toStdString());
        e.network.init = e.network.activation == dl::Act::ReLU ? dl::Init::He : dl::Init::Xavier;
        e.hyper.opt.kind = dl::parseOpt(m_optimizer->currentText().toStdString());
        e.hyper.lr = 0.01f;
        e.hyper.batch = m_batch->value();
        plan.params.clear();
        for (const auto& [name, r] : m_ranges) {
            if (!r.on->isChecked()) continue;
            bool okLo = false, okHi = false;
            dl::SearchParam p;
            p.name = name;
            p.scale = dl::SearchScale(r.scale->currentData().toInt());
            p.lo = r.lo->text().toDouble(&okLo), p.hi = r.hi->text().toDouble(&okHi);
            if (!okLo || !okHi)
                throw dl::ConfigError("the range of " + dl::searchParamTitle(name) + " needs two numbers");
            dl::validate(p);
            plan.params.push_back(p);
        }
        if (plan.params.empty()) throw dl::ConfigError("tick at least one setting to search");
        plan.trials = m_trialsBox->value(), plan.rounds = m_rounds->value(), plan.grid = m_grid->isChecked();
        plan.iterations = m_steps->value();
        dl::validate(plan);
        return true;
    } catch (const std::exception& ex) {
        error = tr("Cannot search: %1.").arg(QString::fromUtf8(ex.what()));
        return false;
    }
}

void SearchTab::run()
{
    dl::SearchPlan plan;
    QString error;
    if (!planFromControls(plan, error)) {
        emit message(error, true);
        return;
    }
    m_worker.interrupt();
    m_plan = plan;
    m_zoomed = false;
    m_progress = {};
    m_args = {{"dataset", m_dataset->currentText().toStdString()}, {"hidden", m_hidden->text().toStdString()},
              {"activation", m_activation->currentText().toStdString()},
              {"init", plan.base.network.init == dl::Init::He ? "he" : "xavier"},
              {"optimizer", m_optimizer->currentText().toStdString()}, {"lr", dl::exactNumber(double(plan.base.hyper.lr))},
              {"batch", std::to_string(plan.base.hyper.batch)}, {"seed", std::to_string(plan.base.seed)},
              {"iterations", std::to_string(plan.iterations)}, {"params", dl::formatSearchParams(plan.params)},
              {"trials", std::to_string(plan.trials)}, {"rounds", std::to_string(plan.rounds)}};
    if (plan.grid) m_args.emplace_back("grid", "");
    m_trials.clear();
    ++m_runId;
    rebuildViews();
    setRunning(true);
    emit message(tr("Random search started: %1 trials in %2 round(s)%3.")
                     .arg(plan.trials)
                     .arg(plan.rounds)
                     .arg(plan.grid ? tr(" and a grid of the same budget") : QString()),
                 false);
    m_worker.call([id = m_runId, plan](SearchWorker& w) { w.begin(id, plan); });
}

void SearchTab::cancel()
{
    m_worker.pause();
}

void SearchTab::zoomIn()
{
    if (m_running || m_trials.empty()) {
        emit message(tr("Run a search first; the finer round zooms into its best trials."), true);
        return;
    }
    setRunning(true);
    m_zoomed = true;
    m_worker.call([id = m_runId, n = std::max(1, m_trialsBox->value() / m_rounds->value())](SearchWorker& w) {
        w.zoomIn(id, n);
    });
}

void SearchTab::setRunning(bool running)
{
    m_running = running;
    m_run->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_zoom->setEnabled(!running && !m_trials.empty());
    m_save->setEnabled(!running && bestIndex() >= 0);
    m_open->setEnabled(!running && bestIndex() >= 0);
}

void SearchTab::rebuildViews()
{
    for (TrialPlot* p : m_plots) delete p;
    m_plots.clear();
    QStringList head{tr("#"), tr("round")}, names, lo, hi;
    for (const dl::SearchParam& p : m_plan.params) {
        const QString title = coreText(dl::searchParamTitle(p.name));
        head << QString::fromStdString(p.name);
        auto* plot = new TrialPlot({tr("round 1"), tr("finer rounds"), tr("grid")});
        const bool oneMinus = p.scale == dl::SearchScale::OneMinusLog;
        plot->setAxes(oneMinus ? tr("1 − %1").arg(title) : title, tr("dev accuracy %"), p.scale != dl::SearchScale::Linear,
                      oneMinus ? 1 - p.hi : p.lo, oneMinus ? 1 - p.lo : p.hi);
        plot->setObjectName(QString("searchPlot_%1").arg(QString::fromStdString(p.name)));
        m_plotRow->addWidget(plot);
        m_plots.push_back(plot);
        names << QString::fromStdString(p.name);
        lo << fmt(p.lo), hi << fmt(p.hi);
    }
    names << tr("dev accuracy");
    lo << "", hi << "";
    m_parallel->setAxes(names, lo, hi);
    m_parallel->clear();
    head << tr("train %") << tr("dev %") << tr("s");
    m_table->clear();
    m_table->setColumnCount(int(head.size()));
    m_table->setHorizontalHeaderLabels(head);
    m_table->setRowCount(0);
}

void SearchTab::onTrial(long runId, const dl::SearchTrial& t)
{
    if (runId != m_runId) return;
    m_trials.push_back(t);
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    QStringList cells{QString::number(t.id), t.round == 0 ? tr("grid") : QString::number(t.round)};
    for (double v : t.values) cells << fmt(v);
    if (!t.error.empty())
        cells << QString::fromStdString(t.error) << "" << "";
    else
        cells << pct(t.train.accuracy) << (t.diverged ? tr("diverged") : pct(t.dev.accuracy))
              << QString::number(t.seconds, 'f', 2);
    for (int c = 0; c < cells.size(); ++c) m_table->setItem(row, c, new QTableWidgetItem(cells[c]));
    if (row < 3) m_table->resizeColumnsToContents();
    if (t.error.empty() && !t.diverged) {
        const int group = t.round == 0 ? 2 : t.round == 1 ? 0 : 1;
        for (size_t k = 0; k < m_plots.size(); ++k) {
            const bool oneMinus = m_plan.params[k].scale == dl::SearchScale::OneMinusLog;
            m_plots[k]->add(group, oneMinus ? 1 - t.values[k] : t.values[k], 100.0 * t.dev.accuracy);
        }
    }
    redrawParallel();
    showBest();
}

void SearchTab::redrawParallel()
{
    float lo = 1, hi = 0;
    for (const auto& t : m_trials)
        if (t.error.empty() && !t.diverged) lo = std::min(lo, t.dev.accuracy), hi = std::max(hi, t.dev.accuracy);
    const double span = hi > lo ? hi - lo : 1;
    QStringList names, los, his;
    for (const dl::SearchParam& p : m_plan.params)
        names << QString::fromStdString(p.name), los << fmt(p.lo), his << fmt(p.hi);
    names << tr("dev accuracy");
    los << (hi >= lo ? pct(lo) + " %" : ""), his << (hi >= lo ? pct(hi) + " %" : "");
    m_parallel->setAxes(names, los, his);
    m_parallel->clear();
    for (const auto& t : m_trials) {
        if (!t.error.empty() || t.diverged) continue;
        std::vector<double> u;
        for (size_t k = 0; k < m_plan.params.size(); ++k) u.push_back(dl::toUnit(m_plan.params[k], t.values[k]));
        const double s = (t.dev.accuracy - lo) / span;
        u.push_back(s);
        m_parallel->addLine(u, s, tr("trial %1: dev %2 %").arg(t.id).arg(pct(t.dev.accuracy)));
    }
}

int SearchTab::bestIndex() const
{
    return dl::bestTrial(m_trials);
}

void SearchTab::showBest()
{
    const int b = bestIndex();
    for (TrialPlot* p : m_plots) p->setBest(NAN, NAN);
    if (b < 0) return;
    const dl::SearchTrial& t = m_trials[size_t(b)];
    for (size_t k = 0; k < m_plots.size(); ++k) {
        const bool oneMinus = m_plan.params[k].scale == dl::SearchScale::OneMinusLog;
        m_plots[k]->setBest(oneMinus ? 1 - t.values[k] : t.values[k], 100.0 * t.dev.accuracy);
    }
    int line = -1;
    for (size_t i = 0; i <= size_t(b); ++i) line += m_trials[i].error.empty() && !m_trials[i].diverged;
    m_parallel->setBest(line);
    for (int r = 0; r < m_table->rowCount(); ++r)
        for (int c = 0; c < m_table->columnCount(); ++c)
            if (QTableWidgetItem* it = m_table->item(r, c)) {
                QFont f = it->font();
                f.setBold(r == b);
                it->setFont(f);
            }
}

void SearchTab::onProgress(const SearchProgress& p)
{
    if (p.runId != m_runId) return;
    m_progress = p;
    std::vector<dl::SearchTrial> random, grid;
    for (const auto& t : m_trials) (t.round == 0 ? grid : random).push_back(t);
    QString best;
    const int br = dl::bestTrial(random), bg = dl::bestTrial(grid);
    if (br >= 0) best += tr(" Best random trial: %1 % dev (#%2).").arg(pct(random[size_t(br)].dev.accuracy)).arg(random[size_t(br)].id);
    if (bg >= 0) best += tr(" Best grid trial: %1 % dev (#%2).").arg(pct(grid[size_t(bg)].dev.accuracy)).arg(grid[size_t(bg)].id);
    m_status->setText(tr("%1 of %2 trials, %3 random round(s), %4 s.%5 Next round's ranges: %6")
                          .arg(p.done)
                          .arg(p.planned)
                          .arg(p.round)
                          .arg(p.seconds, 0, 'f', 1)
                          .arg(best, p.ranges));
    setRunning(m_running);
}

bool SearchTab::comparison(dl::Comparison& out, QString* why) const
{
    if (m_args.empty() || m_running || !m_progress.finished || m_progress.done < m_progress.planned) {
        *why = tr("Let a search run to its end first: a cut-short search does not replay.");
        return false;
    }
    if (m_zoomed) {
        *why = tr("This search has a round added with Zoom, which dlcli search cannot replay; save before zooming.");
        return false;
    }
    dl::SearchOutcome o;
    for (const dl::SearchTrial& t : m_trials) (t.round == 0 ? o.grid : o.random).push_back(t);
    o.ranges = m_progress.roundRanges;
    out.command = "search";
    out.args = m_args;
    out.result = dl::toJson(m_plan, o, false, m_progress.seconds);
    return true;
}

dl::Experiment SearchTab::experimentOf(const dl::SearchTrial& t) const
{
    dl::Experiment e = m_plan.base;
    for (size_t k = 0; k < m_plan.params.size(); ++k) dl::applySearchValue(e, m_plan.params[k].name, t.values[k]);
    e.steps = m_plan.iterations;
    e.result = dl::EpochStats{};
    e.result->step = m_plan.iterations, e.result->train = t.train, e.result->dev = t.dev;
    return e;
}

bool SearchTab::saveBest(const QString& path)
{
    const int b = bestIndex();
    if (b < 0) {
        emit message(tr("No trial has finished yet; run a search first."), true);
        return false;
    }
    try {
        dl::saveExperiment(experimentOf(m_trials[size_t(b)]), path.toStdString());
    } catch (const std::exception& e) {
        emit message(tr("Could not save the best trial: %1").arg(QString::fromUtf8(e.what())), true);
        return false;
    }
    emit message(tr("Saved trial %1 (dev %2 %) as %3; the Playground replays it to the same numbers.")
                     .arg(m_trials[size_t(b)].id)
                     .arg(pct(m_trials[size_t(b)].dev.accuracy))
                     .arg(QDir::toNativeSeparators(path)),
                 false);
    return true;
}

void SearchTab::openBestInPlayground()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/search";
    if (!QDir().mkpath(dir)) {
        emit message(tr("Could not create %1 for the best trial; use Save best as experiment… instead.").arg(dir), true);
        return;
    }
    const QString path = dir + QString("/best-%1.json").arg(QDateTime::currentDateTime().toString("yyyyMMdd-HHmmss"));
    if (saveBest(path)) emit openRequested(path);
}

} // namespace lab
