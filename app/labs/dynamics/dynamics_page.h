// SPDX-License-Identifier: MIT
// The training-dynamics lab (issue 15; COURSE.md §4): the optimiser race — GD, Momentum, RMSprop and Adam
// (Nesterov and AdamW as extras) stepping side by side on a 2-D loss surface from a start the user clicks, their paths on the contour map,
// the loss of each against the step on a log scale, α, β, β₁, β₂, ε and the gradient noise σ live; Step shows
// one iteration with each optimiser's state as arrows. A second tab: initialisation in depth (init_tab.h).
#pragma once
#include "dynamics_worker.h"
#include "core/train/comparison.h"
#include "widgets/lab_page.h"
#include "widgets/lab_thread.h"

#include <array>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLineEdit;
class QSpinBox;
class QTabWidget;
class QTableWidget;

namespace lab {

class ContourView;
class InitTab;
class SearchTab;
class ScheduleTab;
class RangeTestTab;
class RegularisationTab;
class SeriesPlot;

class DynamicsPage : public LabPage {
    Q_OBJECT
  public:
    explicit DynamicsPage(QWidget* parent = nullptr);
    void run() override { m_worker.start(); }
    void pause() override { m_worker.pause(); }
    void stepOnce() override;
    void reset() override { restart(); }
    // The race's settings (what the controls do).
    void setSurface(dl::SurfaceKind k);
    void setKappa(double kappa);
    bool setStart(const QString& xy); // "x,y"; false: the sentence went out and nothing changed
    void setStart(QPointF p);
    void setRacing(dl::OptKind k, bool on);
    void setLearningRate(dl::OptKind k, double lr); // live
    void setNoise(double sigma);                   // live
    void setSpeed(int stepsPerSecond);
    void setMaxIterations(int n);
    const RaceSnapshot& last() const { return m_last; }
    ContourView* contour() const { return m_view; }
    SeriesPlot* lossPlot() const { return m_loss; }
    InitTab* initTab() const { return m_init; }
    SearchTab* searchTab() const { return m_search; }
    ScheduleTab* scheduleTab() const { return m_schedules; }
    RangeTestTab* rangeTestTab() const { return m_rangeTest; }
    RegularisationTab* regularisationTab() const { return m_regularisation; }
    void addMenuItems(const LabMenus& menus) override;
    // File ▸ Save comparison…: the tab shown as a comparison file (core/train/comparison.h) that `dlcli
    // replay` runs again; false (+ the sentence why) when the tab has nothing finished to save.
    bool saveComparison(const QString& path);
    bool raceComparison(dl::Comparison& out, QString* why) const; // the race from its start, as the controls say
    QList<QCommandLineOption> commandLineOptions() const override;
    void shoot(const QCommandLineParser& cli, LabShot& shot) override;

  private:
    static constexpr int kKinds = 6; // GD, Momentum, RMSprop, Adam, Nesterov, AdamW (dl::OptKind's order)
    QWidget* buildControls();
    QGroupBox* buildOptimisers(); // a tick and an α per optimiser
    void restart();                // a new race from the controls
    void sendSpecs();              // live α, β…: to the worker
    dl::RacerSpec specFor(int kind) const;
    void apply(const RaceSnapshot& s);
    LabThread<DynamicsWorker> m_worker{"dynamics"};
    ContourView* m_view;
    SeriesPlot* m_loss;
    QTabWidget* m_tabs;
    InitTab* m_init;
    SearchTab* m_search;
    ScheduleTab* m_schedules;
    RangeTestTab* m_rangeTest;
    RegularisationTab* m_regularisation;
    QTableWidget* m_table;
    QComboBox* m_surface;
    QDoubleSpinBox *m_kappa, *m_beta, *m_beta1, *m_beta2, *m_eps, *m_decay, *m_noise;
    QLineEdit* m_start;
    QSpinBox *m_speed, *m_iterations;
    QCheckBox* m_arrows;
    std::array<QCheckBox*, kKinds> m_use{};
    std::array<QDoubleSpinBox*, kKinds> m_lr{};
    std::vector<int> m_racing; // the kinds in the race now, in its order
    QPointF m_startPoint;
    RaceSnapshot m_last;
    long m_plotted = 0; // steps already on the loss plot
};

} // namespace lab
