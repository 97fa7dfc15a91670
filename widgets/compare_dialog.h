// SPDX-License-Identifier: MIT
// "Compare runs": the same data and settings trained once per value of one setting (hidden units, α,
// optimizer, initialisation, λ, keep_prob, batch size), shown as decision maps side by side with train/dev
// accuracy and the cost curves overlaid on one plot (COURSE.md §1–§4). dl::runSweep runs in a background
// task (QtConcurrent); the dialog only receives values. Cancel stops it.
#pragma once
#include "core/train/sweep.h"

#include <QDialog>
#include <QFutureWatcher>
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

class CompareDialog : public QDialog {
    Q_OBJECT
  public:
    CompareDialog(const dl::Experiment& base, dl::SweepParam param, QWidget* parent = nullptr);
    ~CompareDialog() override; // cancels and waits for the background task
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
    std::shared_ptr<dl::CancelFlag> m_cancel;
    QFutureWatcher<void>* m_watcher;
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
