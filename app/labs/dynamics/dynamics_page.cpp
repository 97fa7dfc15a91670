// SPDX-License-Identifier: MIT
#include "dynamics_page.h"

#include "contour_view.h"
#include "init_tab.h"
#include "regularisation_tab.h"
#include "schedule_tab.h"
#include "search_tab.h"
#include "widgets/file_dialogs.h"
#include "widgets/series_plot.h"

#include "core/util/error.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <cmath>
#include <qcustomplot.h>

namespace lab {

namespace {

QDoubleSpinBox* spin(double lo, double hi, double value, int decimals, const QString& tip)
{
    auto* s = new QDoubleSpinBox;
    s->setRange(lo, hi), s->setDecimals(decimals), s->setValue(value);
    s->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    s->setToolTip(tip);
    return s;
}

} // namespace

DynamicsPage::DynamicsPage(QWidget* parent)
    : LabPage("dynamics", tr("Dynamics"),
              tr("Training dynamics: optimisers racing on a loss surface (course chapter 4)"),
              Run | Pause | Step | Reset, parent),
      m_view(new ContourView),
      m_loss(new SeriesPlot({"gd", "momentum", "rmsprop", "adam", "nesterov", "adamw"}, tr("iteration"),
                            tr("f − f(minimum), log scale"))),
      m_table(new QTableWidget(0, 6))
{
    m_loss->plot()->yAxis->setScaleType(QCPAxis::stLogarithmic);
    m_loss->plot()->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    for (int k = 0; k < kKinds; ++k) m_loss->plot()->graph(k)->setPen(QPen(ContourView::racerColor(k), 2));
    m_loss->plot()->legend->setWrap(3); // two rows of three: the lab fits a 1366-pixel-wide screen
    m_table->setObjectName("dynTable");
    m_table->setHorizontalHeaderLabels({tr("optimiser"), tr("α"), tr("position"), tr("loss f"), tr("state"), tr("")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setMinimumWidth(320);
    auto* right = new QSplitter(Qt::Vertical);
    right->addWidget(m_view);
    auto* bottom = new QWidget;
    auto* b = new QHBoxLayout(bottom);
    b->setContentsMargins(0, 0, 0, 0);
    b->addWidget(m_loss, 3);
    b->addWidget(m_table, 2);
    bottom->setMinimumHeight(230);
    right->addWidget(bottom);
    right->setStretchFactor(0, 2), right->setStretchFactor(1, 1);
    auto* race = new QWidget;
    auto* h = new QHBoxLayout(race);
    h->addWidget(buildControls());
    h->addWidget(right, 1);
    m_tabs = new QTabWidget;
    m_tabs->addTab(race, tr("Optimiser race"));
    m_init = new InitTab;
    m_tabs->addTab(m_init, tr("Initialisation in depth"));
    m_regularisation = new RegularisationTab;
    m_tabs->addTab(m_regularisation, tr("Regularisation"));
    m_schedules = new ScheduleTab;
    m_tabs->addTab(m_schedules, tr("Learning-rate schedules"));
    m_rangeTest = new RangeTestTab;
    m_tabs->addTab(m_rangeTest, tr("α range test"));
    m_search = new SearchTab;
    m_tabs->addTab(m_search, tr("Random search"));
    (new QVBoxLayout(this))->addWidget(m_tabs);
    connect(m_init, &InitTab::message, this, &LabPage::message);
    connect(m_search, &SearchTab::message, this, &LabPage::message);
    connect(m_schedules, &ScheduleTab::message, this, &LabPage::message);
    connect(m_regularisation, &RegularisationTab::message, this, &LabPage::message);
    connect(m_rangeTest, &RangeTestTab::message, this, &LabPage::message);
    connect(m_rangeTest, &RangeTestTab::useSuggested, this, [this](double lr) {
        m_schedules->setLearningRate(lr);
        m_tabs->setCurrentWidget(m_schedules);
        emit message(tr("α₀ of the schedules set to the range test's suggestion, %1.").arg(lr, 0, 'g', 3), false);
    });
    connect(m_search, &SearchTab::openRequested, this, &LabPage::openRequested);
    connect(m_view, &ContourView::startPicked, this, qOverload<QPointF>(&DynamicsPage::setStart));
    m_worker.relay(&DynamicsWorker::raced, this, &DynamicsPage::apply);
    connectWorker(m_worker);
    setSurface(dl::SurfaceKind::Valley);
}

QGroupBox* DynamicsPage::buildOptimisers()
{
    auto* who = new QGroupBox(tr("Optimisers and their α (live)"));
    auto* g = new QGridLayout(who);
    const QStringList titles{tr("GD"), tr("Momentum"), tr("RMSprop"), tr("Adam"), tr("Nesterov"), tr("AdamW")};
    for (int k = 0; k < kKinds; ++k) {
        m_use[size_t(k)] = new QCheckBox(titles[k]);
        m_use[size_t(k)]->setObjectName(QString("dynUse_%1").arg(dl::optName(dl::OptKind(k))));
        m_use[size_t(k)]->setChecked(k < 4); // the course's four; Nesterov and AdamW when asked
        QPalette pal = m_use[size_t(k)]->palette();
        pal.setColor(QPalette::WindowText, ContourView::racerColor(k));
        m_use[size_t(k)]->setPalette(pal);
        m_lr[size_t(k)] = spin(1e-5, 10, 0.01, 5, tr("Learning rate α of %1").arg(titles[k]));
        m_lr[size_t(k)]->setObjectName(QString("dynLr_%1").arg(dl::optName(dl::OptKind(k))));
        g->addWidget(m_use[size_t(k)], k, 0);
        g->addWidget(m_lr[size_t(k)], k, 1);
        connect(m_use[size_t(k)], &QCheckBox::toggled, this, [this] { restart(); });
        connect(m_lr[size_t(k)], &QDoubleSpinBox::valueChanged, this, [this] { sendSpecs(); });
    }
    return who;
}

QWidget* DynamicsPage::buildControls()
{
    auto* box = new QWidget;
    box->setMaximumWidth(330);
    auto* v = new QVBoxLayout(box);
    auto* where = new QGroupBox(tr("Surface"));
    auto* f = new QFormLayout(where);
    m_surface = new QComboBox;
    m_surface->setObjectName("dynSurface");
    const QStringList names{tr("long narrow valley ½(x² + κy²)"), tr("Rosenbrock"), tr("saddle"), tr("Beale"),
                            tr("plateau"), tr("Rastrigin (local minima)"),
                            tr("logistic regression on Fashion-MNIST (w, b)")};
    for (dl::SurfaceKind k : dl::allSurfaces()) m_surface->addItem(names[int(k)], int(k));
    m_kappa = spin(1, 1000, 10, 1, tr("The valley's condition number: its curvature across over its curvature along."));
    m_kappa->setObjectName("dynKappa");
    m_start = new QLineEdit;
    m_start->setObjectName("dynStart");
    m_start->setToolTip(tr("Where every optimiser starts, x,y; or click the map."));
    f->addRow(tr("surface"), m_surface);
    f->addRow(tr("condition number κ"), m_kappa);
    f->addRow(tr("start x,y"), m_start);
    v->addWidget(where);

    v->addWidget(buildOptimisers());

    auto* hyper = new QGroupBox(tr("The rest (live)"));
    auto* l = new QFormLayout(hyper);
    m_beta = spin(0, 0.999, 0.9, 3, tr("Momentum: v = βv + (1 − β)dW"));
    m_beta1 = spin(0, 0.999, 0.9, 3, tr("Adam's first moment"));
    m_beta2 = spin(0, 0.9999, 0.999, 4, tr("RMSprop's and Adam's second moment: s = β₂s + (1 − β₂)dW²"));
    m_eps = spin(1e-10, 1, 1e-8, 10, tr("ε under the square root's division"));
    m_decay = spin(0, 10, 0.01, 4, tr("AdamW's decoupled weight decay λ: W −= αλW beside the Adam step (it pulls "
                                      "toward the origin, so AdamW's minimum is not f's)"));
    m_noise = spin(0, 100, 0, 3, tr("Gradient noise σ per coordinate, as a mini-batch's: a fixed α then wanders "
                                    "near the minimum instead of settling"));
    m_noise->setObjectName("dynNoise");
    for (QDoubleSpinBox* s : {m_beta, m_beta1, m_beta2, m_eps, m_decay}) connect(s, &QDoubleSpinBox::valueChanged, this, [this] { sendSpecs(); });
    connect(m_noise, &QDoubleSpinBox::valueChanged, this, [this](double s) { setNoise(s); });
    l->addRow(tr("momentum β"), m_beta);
    l->addRow(tr("Adam β₁"), m_beta1);
    l->addRow(tr("β₂"), m_beta2);
    l->addRow(tr("ε"), m_eps);
    l->addRow(tr("AdamW λ"), m_decay);
    l->addRow(tr("gradient noise σ"), m_noise);
    m_speed = new QSpinBox;
    m_speed->setRange(1, 5000), m_speed->setValue(100), m_speed->setSuffix(tr(" steps/s"));
    m_speed->setObjectName("dynSpeed");
    m_iterations = new QSpinBox;
    m_iterations->setRange(1, 1000000), m_iterations->setValue(2000);
    m_iterations->setObjectName("dynIterations");
    connect(m_speed, &QSpinBox::valueChanged, this, [this](int s) { setSpeed(s); });
    connect(m_iterations, &QSpinBox::valueChanged, this, [this](int n) { setMaxIterations(n); });
    l->addRow(tr("speed"), m_speed);
    l->addRow(tr("iterations"), m_iterations);
    m_arrows = new QCheckBox(tr("state as arrows (v; 1/√s per axis)"));
    m_arrows->setObjectName("dynArrows");
    m_arrows->setToolTip(tr("Solid: where the velocity v carries each point (Momentum, Adam). Dashed: how far a "
                            "step stretches along x and along y (RMSprop, Adam: 1/√s per axis)."));
    connect(m_arrows, &QCheckBox::toggled, m_view, &ContourView::setArrows);
    l->addRow(m_arrows);
    v->addWidget(hyper);
    v->addStretch(1);

    connect(m_surface, &QComboBox::currentIndexChanged, this, [this] { setSurface(dl::SurfaceKind(m_surface->currentData().toInt())); });
    connect(m_kappa, &QDoubleSpinBox::valueChanged, this, [this] { restart(); });
    connect(m_start, &QLineEdit::editingFinished, this, [this] { setStart(m_start->text()); });
    return box;
}

void DynamicsPage::setSurface(dl::SurfaceKind k)
{
    dl::Surface s;
    s.kind = k;
    dl::SurfaceView view;
    try {
        view = s.view(); // the logistic surface reads Fashion-MNIST here, once
    } catch (const std::exception& e) {
        const QSignalBlocker block(m_surface);
        m_surface->setCurrentIndex(m_surface->findData(m_last.surface));
        emit message(tr("Cannot show this surface: %1").arg(QString::fromUtf8(e.what())), true);
        return;
    }
    {
        const QSignalBlocker block(m_surface);
        m_surface->setCurrentIndex(m_surface->findData(int(k)));
    }
    m_kappa->setEnabled(k == dl::SurfaceKind::Valley);
    for (int i = 0; i < kKinds; ++i) {
        const QSignalBlocker block(m_lr[size_t(i)]);
        m_lr[size_t(i)]->setValue(dl::suggestedLearningRate(k, dl::OptKind(i)));
    }
    m_startPoint = QPointF(view.startX, view.startY);
    restart();
}

void DynamicsPage::setKappa(double kappa) { m_kappa->setValue(kappa); }

bool DynamicsPage::setStart(const QString& xy)
{
    const QStringList parts = xy.split(',');
    bool okX = false, okY = false;
    const double x = parts.size() == 2 ? parts[0].trimmed().toDouble(&okX) : 0;
    const double y = parts.size() == 2 ? parts[1].trimmed().toDouble(&okY) : 0;
    if (!okX || !okY || !std::isfinite(x) || !std::isfinite(y)) {
        emit message(tr("Start \"%1\" is not a point: write two numbers separated by a comma, like -1.5,2.").arg(xy), true);
        m_start->setText(QString("%1,%2").arg(m_startPoint.x()).arg(m_startPoint.y()));
        return false;
    }
    setStart(QPointF(x, y));
    return true;
}

void DynamicsPage::setStart(QPointF p)
{
    m_startPoint = p;
    restart();
}

void DynamicsPage::setRacing(dl::OptKind k, bool on) { m_use[size_t(k)]->setChecked(on); }
void DynamicsPage::setLearningRate(dl::OptKind k, double lr) { m_lr[size_t(k)]->setValue(lr); }
void DynamicsPage::setNoise(double sigma)
{
    if (m_noise->value() != sigma) return m_noise->setValue(sigma); // comes back through valueChanged
    m_worker.call([sigma](DynamicsWorker& w) { w.setNoise(sigma); });
}
void DynamicsPage::setSpeed(int s)
{
    if (m_speed->value() != s) return m_speed->setValue(s);
    m_worker.call([s](DynamicsWorker& w) { w.setSpeed(s); });
}
void DynamicsPage::setMaxIterations(int n)
{
    if (m_iterations->value() != n) return m_iterations->setValue(n);
    m_worker.call([n](DynamicsWorker& w) { w.setMaxIterations(n); });
}

dl::RacerSpec DynamicsPage::specFor(int kind) const
{
    dl::RacerSpec s;
    s.opt.kind = dl::OptKind(kind);
    s.opt.beta = float(m_beta->value()), s.opt.beta1 = float(m_beta1->value());
    s.opt.beta2 = float(m_beta2->value()), s.opt.eps = float(m_eps->value());
    s.opt.weightDecay = float(m_decay->value());
    s.lr = float(m_lr[size_t(kind)]->value());
    return s;
}

void DynamicsPage::sendSpecs()
{
    for (size_t i = 0; i < m_racing.size(); ++i) {
        const dl::RacerSpec s = specFor(m_racing[i]);
        m_worker.call([i, s](DynamicsWorker& w) { w.setSpec(int(i), s); });
    }
}

void DynamicsPage::restart()
{
    RaceConfig c;
    c.surface.kind = dl::SurfaceKind(m_surface->currentData().toInt());
    c.surface.kappa = m_kappa->value();
    c.startX = m_startPoint.x(), c.startY = m_startPoint.y();
    c.noise = m_noise->value();
    c.maxIterations = m_iterations->value();
    m_racing.clear();
    for (int k = 0; k < kKinds; ++k)
        if (m_use[size_t(k)]->isChecked()) m_racing.push_back(k), c.racers.push_back(specFor(k));
    m_start->setText(QString("%1,%2").arg(c.startX).arg(c.startY));
    m_view->setSurface(c.surface);
    m_view->setStart(m_startPoint);
    m_loss->clear();
    m_plotted = 0;
    const int speed = m_speed->value();
    const bool wasRunning = isRunning(); // a start dragged while racing: the new race runs on
    m_worker.interrupt();
    m_worker.call([c, speed](DynamicsWorker& w) { w.setSpeed(speed), w.configure(c); });
    if (wasRunning) m_worker.start();
}

void DynamicsPage::stepOnce()
{
    m_arrows->setChecked(true); // one iteration at a time: the state is what there is to see
    m_worker.call([](DynamicsWorker& w) { w.stepOnce(); });
}

void DynamicsPage::apply(const RaceSnapshot& s)
{
    if (s.surface != m_surface->currentData().toInt()) return; // a race of a surface no longer shown
    if (s.fresh || s.racers.size() != m_last.racers.size()) {
        m_last = s;
    } else { // the points since the last snapshot: appended to the tracks kept here
        for (size_t i = 0; i < s.racers.size(); ++i) {
            RacerTrack& t = m_last.racers[i];
            const RacerTrack& d = s.racers[i];
            t.path.resize(std::min(t.path.size(), d.from)), t.losses.resize(std::min(t.losses.size(), d.from));
            t.path.insert(t.path.end(), d.path.begin(), d.path.end());
            t.losses.insert(t.losses.end(), d.losses.begin(), d.losses.end());
            t.kind = d.kind, t.lr = d.lr, t.diverged = d.diverged, t.first = d.first, t.second = d.second;
        }
        m_last.step = s.step, m_last.kappa = s.kappa;
    }
    const RaceSnapshot& all = m_last;
    m_view->setRace(all);
    dl::Surface f;
    f.kind = dl::SurfaceKind(all.surface), f.kappa = all.kappa;
    const dl::SurfaceView view = f.view();
    const double fmin = f.value(view.minX, view.minY);
    if (s.fresh || all.step < m_plotted) m_loss->clear(), m_plotted = 0;
    for (const RacerTrack& t : all.racers)
        for (size_t k = size_t(m_plotted); k < t.losses.size(); ++k)
            m_loss->append(t.kind, double(k), std::max(t.losses[k] - fmin, 1e-12));
    m_plotted = all.step + 1;
    m_table->setRowCount(int(all.racers.size()));
    int best = -1;
    for (size_t i = 0; i < all.racers.size(); ++i) {
        const RacerTrack& t = all.racers[i];
        const QPointF at = t.path.empty() ? QPointF() : t.path.back();
        const double loss = t.losses.empty() ? NAN : t.losses.back();
        if (!t.diverged && (best < 0 || loss < all.racers[size_t(best)].losses.back())) best = int(i);
        const QStringList cells{dl::optName(dl::OptKind(t.kind)), QString::number(t.lr, 'g', 4),
                                QString("%1, %2").arg(at.x(), 0, 'g', 4).arg(at.y(), 0, 'g', 4),
                                QString::number(loss, 'g', 4),
                                QString("v %1, %2  s %3, %4").arg(t.first.x(), 0, 'g', 2).arg(t.first.y(), 0, 'g', 2)
                                    .arg(t.second.x(), 0, 'g', 2).arg(t.second.y(), 0, 'g', 2),
                                t.diverged ? tr("left the plane") : QString()};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (c == 0) item->setForeground(ContourView::racerColor(t.kind));
            m_table->setItem(int(i), c, item);
        }
    }
    m_table->resizeColumnsToContents();
    emit statusFields({tr("iteration %1").arg(all.step),
                       best >= 0 ? tr("lowest now: %1").arg(dl::optName(dl::OptKind(all.racers[size_t(best)].kind)))
                                 : QString()});
}

QList<QCommandLineOption> DynamicsPage::commandLineOptions() const
{
    return {{"dynamics-surface", "Dynamics screenshot: the surface (valley, rosenbrock, saddle, beale, plateau, rastrigin).",
             "name", "rosenbrock"},
            {"dynamics-steps", "Dynamics screenshot: iterations before the picture.", "N", "500"},
            {"dynamics-start", "Dynamics screenshot: the start x,y (default: the surface's).", "x,y"},
            {"dynamics-noise", "Dynamics screenshot: the gradient noise σ.", "sigma", "0"},
            {"dynamics-arrows", "Dynamics screenshot: draw each optimiser's state as arrows."},
            {"dynamics-optimizers", "Dynamics screenshot: the racers, e.g. gd,momentum,nesterov (the course's four).",
             "list"},
            {"dynamics-kappa", "Dynamics screenshot: the valley's condition number κ.", "kappa", "10"},
            {"dynamics-init", "Dynamics screenshot: the initialisation study with this many hidden layers.", "depth"},
            {"dynamics-init-steps", "Dynamics screenshot: the initialisation study's steps.", "N", "2000"},
            {"dynamics-init-batch-norm", "Dynamics screenshot: the initialisation study with batch norm."},
            {"dynamics-init-data", "Dynamics screenshot: the initialisation study's data (a 2-D set or fashion-mnist).",
             "name", "moons"},
            {"dynamics-search", "Dynamics screenshot: random search with this budget (two rounds and a grid).",
             "trials"},
            {"dynamics-search-steps", "Dynamics screenshot: the search's steps per trial.", "N", "2000"},
            {"dynamics-schedules", "Dynamics screenshot: the schedules trained for this many epochs.", "epochs"},
            {"dynamics-lrfind", "Dynamics screenshot: the α range test with this many steps.", "steps"},
            {"dynamics-regularisation", "Dynamics screenshot: the regularisation study with this many steps.",
             "steps"}};
}

// The recipe: the surface, the start, N iterations at full pace, then the picture.
void DynamicsPage::shoot(const QCommandLineParser& cli, LabShot& shot)
{
    connect(this, &LabPage::message, this, [&shot](const QString& m, bool error) {
        if (error) shot.fail(m);
    });
    if (cli.isSet("dynamics-init")) {
        m_tabs->setCurrentWidget(m_init);
        m_init->setDepth(cli.value("dynamics-init").toInt());
        m_init->setSteps(cli.value("dynamics-init-steps").toInt());
        m_init->setBatchNorm(cli.isSet("dynamics-init-batch-norm"));
        m_init->setDataset(cli.value("dynamics-init-data"), 1000);
        connect(m_init->runner(), &StudyRunner::finished, this, [this, &shot] {
            QTimer::singleShot(300, this, [&shot] { shot.grab(); });
        });
        return m_init->run();
    }
    if (cli.isSet("dynamics-schedules") || cli.isSet("dynamics-lrfind") || cli.isSet("dynamics-regularisation")) {
        StudyRunner* runner;
        if (cli.isSet("dynamics-regularisation")) {
            m_tabs->setCurrentWidget(m_regularisation);
            m_regularisation->setSteps(cli.value("dynamics-regularisation").toInt());
            runner = m_regularisation->runner();
        } else if (cli.isSet("dynamics-schedules")) {
            m_tabs->setCurrentWidget(m_schedules);
            m_schedules->setEpochs(cli.value("dynamics-schedules").toInt());
            runner = m_schedules->runner();
        } else {
            m_tabs->setCurrentWidget(m_rangeTest);
            m_rangeTest->setSteps(cli.value("dynamics-lrfind").toInt());
            runner = m_rangeTest->runner();
        }
        connect(runner, &StudyRunner::finished, this, [this, &shot] {
            QTimer::singleShot(300, this, [&shot] { shot.grab(); });
        });
        if (cli.isSet("dynamics-regularisation")) return m_regularisation->run();
        return cli.isSet("dynamics-schedules") ? m_schedules->run() : m_rangeTest->run();
    }
    if (cli.isSet("dynamics-search")) {
        m_tabs->setCurrentWidget(m_search);
        m_search->setBudget(cli.value("dynamics-search").toInt(), 2, true);
        m_search->setStepsPerTrial(cli.value("dynamics-search-steps").toInt());
        connect(m_search, &SearchTab::finished, this, [this, &shot] {
            QTimer::singleShot(300, this, [&shot] { shot.grab(); });
        });
        return m_search->run();
    }
    dl::SurfaceKind k;
    try {
        k = dl::parseSurface(cli.value("dynamics-surface").toStdString());
    } catch (const dl::ConfigError& e) {
        return shot.fail(QString::fromUtf8(e.what()));
    }
    setSurface(k);
    setKappa(cli.value("dynamics-kappa").toDouble());
    if (cli.isSet("dynamics-optimizers")) {
        std::vector<dl::OptKind> kinds;
        try {
            kinds = dl::parseOptList(cli.value("dynamics-optimizers").toStdString());
        } catch (const dl::ConfigError& e) {
            return shot.fail(QString::fromUtf8(e.what()));
        }
        for (int i = 0; i < kKinds; ++i)
            setRacing(dl::OptKind(i), std::find(kinds.begin(), kinds.end(), dl::OptKind(i)) != kinds.end());
    }
    if (cli.isSet("dynamics-start") && !setStart(cli.value("dynamics-start"))) return;
    setNoise(cli.value("dynamics-noise").toDouble());
    m_arrows->setChecked(cli.isSet("dynamics-arrows"));
    const int steps = std::max(1, cli.value("dynamics-steps").toInt());
    setMaxIterations(steps);
    setSpeed(5000);
    connect(this, &LabPage::runningChanged, this, [this, steps, &shot](bool running) {
        if (!running && m_last.step >= steps) QTimer::singleShot(200, this, [&shot] { shot.grab(); });
    });
    run();
}

} // namespace lab
