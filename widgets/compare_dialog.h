// SPDX-License-Identifier: MIT
// "Compare runs": the same data and settings trained once per value of one setting (hidden units, α,
// optimizer, initialisation, λ, keep_prob, batch size), shown as decision maps side by side with train/dev
// accuracy and the cost curves overlaid on one plot (COURSE.md §1–§4). dl::runSweep runs on the dialog's
// worker thread (a LabWorker), its runs spread across the cores by the run pool; the dialog only receives
// values. Stop (or closing the dialog) cancels the whole sweep.
#pragma once
#include "core/train/sweep.h"
#include "widgets/lab_thread.h"

#include <QDialog>
#include <memory>

class QComboBox;
class QCustomPlot;
class QGridLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace lab {

// Runs one sweep at a time on its thread; each result arrives in the runs' order.
class SweepWorker : public LabWorker {
    Q_OBJECT
  public:
    void sweep(const std::vector<dl::SweepRun>& runs, long iterations);

  signals:
    void result(const dl::SweepResult& r);
    void swept(); // done, or cancelled

  protected:
    bool workChunk() override { return false; } // the sweep runs on demand, not in the loop
    void sendSnapshot(bool) override {}
};

class CompareDialog : public QDialog {
    Q_OBJECT
  public:
    CompareDialog(const dl::Experiment& base, dl::SweepParam param, QWidget* parent = nullptr);
    ~CompareDialog() override; // cancels the sweep and joins its thread
    void start();
    bool isBusy() const;
    const std::vector<dl::SweepResult>& results() const { return m_results; }
    QLineEdit* valuesEdit() const { return m_values; }
    QSpinBox* iterationsBox() const { return m_iterations; }
    QCustomPlot* plot() const { return m_plot; }
    QString errorText() const;

  signals:
    void finished();

  private:
    void addResult(const dl::SweepResult& r); // GUI thread
    dl::Experiment m_base;
    std::vector<dl::SweepResult> m_results;
    LabThread<SweepWorker> m_worker{"compare"};
    bool m_busy = false;
    QComboBox* m_param;
    QLineEdit* m_values;
    QSpinBox* m_iterations;
    QPushButton* m_run;
    QPushButton* m_stop;
    QProgressBar* m_progress;
    QLabel* m_error;
    QGridLayout* m_grid;
    QCustomPlot* m_plot;
};

} // namespace lab
