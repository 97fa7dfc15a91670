// SPDX-License-Identifier: MIT
// The course's hidden-size comparison (COURSE.md §2: 1, 2, 3, 4, 5, 20, 50 units side by side): runs
// dl::sweepHiddenSizes on the current data in a background task (QtConcurrent) and shows each decision map
// with its train and dev accuracy. The dialog only receives values. Cancel stops it.
#pragma once
#include "core/train/experiment.h"
#include "core/train/size_sweep.h"
#include "core/util/cancel.h"

#include <QDialog>
#include <QFutureWatcher>
#include <memory>

class QGridLayout;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QLineEdit;

namespace lab {

class HiddenSizeDialog : public QDialog {
    Q_OBJECT
public:
    // `base`: data, network (activation, init, …), hyperparameters and seed to compare with.
    explicit HiddenSizeDialog(const dl::Experiment& base, QWidget* parent = nullptr);
    ~HiddenSizeDialog() override;
    void start();
    bool isBusy() const;
    const std::vector<dl::SweepResult>& results() const { return m_results; }
    QSpinBox* iterationsBox() const { return m_iterations; }

signals:
    void finished();

private:
    void addResult(const dl::SweepResult& r); // GUI thread
    dl::Experiment m_base;
    std::vector<dl::SweepResult> m_results;
    std::shared_ptr<dl::CancelFlag> m_cancel;
    QFutureWatcher<void>* m_watcher;
    QGridLayout* m_grid;
    QProgressBar* m_progress;
    QPushButton* m_run;
    QPushButton* m_stop;
    QSpinBox* m_iterations;
    QLineEdit* m_sizes;
};

} // namespace lab
