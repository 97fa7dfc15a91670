// SPDX-License-Identifier: MIT
// The training-dynamics lab's "Random search" tab (COURSE.md §5 "Tuning"): the user picks the settings to
// search and their ranges (α and 1 − β on a log scale as the course writes), a budget and the rounds; the
// trials run in the background on both cores (one trial per core, core/dynamics/search.h) and stream into a
// table, into plots of dev accuracy against each setting (log axes where sampled so) and into parallel
// coordinates. "Zoom into the best region" runs one more round inside the best trials' ranges; a grid with
// the same budget runs beside for comparison. The best trial is saved as an experiment file, which the
// Playground opens through the window's open-a-file path.
#pragma once
#include "core/dynamics/search.h"
#include "core/train/comparison.h"
#include "search_worker.h"
#include "widgets/lab_thread.h"

#include <QWidget>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QHBoxLayout;

namespace lab {

class ParallelCoordsView;
class TrialPlot;

class SearchTab : public QWidget {
    Q_OBJECT
  public:
    explicit SearchTab(QWidget* parent = nullptr);
    // The controls, for the screenshot recipe and the tests.
    void setBudget(int trials, int rounds, bool grid);
    void setStepsPerTrial(int steps);
    void setRange(const QString& name, bool searched, const QString& lo, const QString& hi);
    void run();    // a new search from the controls (a bad setting: one sentence)
    void cancel(); // every run stops at its next step
    void zoomIn(); // one more round of budget/rounds trials in the best region
    bool saveBest(const QString& path); // the best trial as an experiment file; false (+ message) if none
    void openBestInPlayground();        // saves it beside the app's data and asks the window to open it
    // The finished search as a comparison file `dlcli replay` checks; false with why (running, cut short,
    // a round added with Zoom, which dlcli search has no option for).
    bool comparison(dl::Comparison& out, QString* why) const;
    bool isRunning() const { return m_running; }
    const std::vector<dl::SearchTrial>& trials() const { return m_trials; }
    int bestIndex() const; // into trials(), −1 if none
    QTableWidget* table() const { return m_table; }
    ParallelCoordsView* parallel() const { return m_parallel; }
    const std::vector<TrialPlot*>& plots() const { return m_plots; }
    QLabel* status() const { return m_status; }

  signals:
    void message(const QString& text, bool error);
    void openRequested(const QString& path);
    void finished(); // the search ended, was cancelled or failed

  private:
    struct RangeRow {
        QCheckBox* on;
        QComboBox* scale;
        QLineEdit *lo, *hi;
    };
    QWidget* makeControls();
    bool planFromControls(dl::SearchPlan& plan, QString& error) const;
    void onTrial(long runId, const dl::SearchTrial& t);
    void onProgress(const SearchProgress& p);
    void rebuildViews(); // plots' axes and the parallel coordinates for m_plan's settings
    void redrawParallel();
    void showBest();
    dl::Experiment experimentOf(const dl::SearchTrial& t) const;
    void setRunning(bool running);

    LabThread<SearchWorker> m_worker;
    long m_runId = 0;
    bool m_running = false;
    dl::SearchPlan m_plan;
    std::vector<std::pair<std::string, std::string>> m_args; // dlcli search's options for m_plan
    SearchProgress m_progress;                                // the last
    bool m_zoomed = false;
    std::vector<dl::SearchTrial> m_trials;
    QComboBox *m_dataset, *m_activation, *m_optimizer;
    QLineEdit* m_hidden;
    QSpinBox *m_steps, *m_batch, *m_seed, *m_trialsBox, *m_rounds;
    QCheckBox* m_grid;
    std::vector<std::pair<std::string, RangeRow>> m_ranges;
    QPushButton *m_run, *m_cancel, *m_zoom, *m_save, *m_open;
    QLabel* m_status;
    QTableWidget* m_table;
    QHBoxLayout* m_plotRow;
    std::vector<TrialPlot*> m_plots;
    ParallelCoordsView* m_parallel;
};

} // namespace lab
