// SPDX-License-Identifier: MIT
// The training-dynamics lab's learning-rate tabs (core/dynamics/schedules.h):
// - ScheduleTab (COURSE.md §4 "Learning-rate decay"): the schedules to compare, each with its rate and
//   interval; before training a preview of α against the epoch from the formulas, redrawn as the settings
//   change; Run trains one network per schedule from the same weights and draws the cost with the α the
//   trainer actually used under it.
// - RangeTestTab (Smith 2017): α grows exponentially over one short run; the loss against α on a log axis
//   with the suggested α marked; "Use in schedules" copies the suggestion to α₀.
#pragma once
#include "core/dynamics/schedules.h"
#include "widgets/study_runner.h"

#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace lab {

class ScheduleTab : public QWidget {
    Q_OBJECT
  public:
    explicit ScheduleTab(QWidget* parent = nullptr);
    void setEpochs(int epochs);
    void setLearningRate(double lr0);
    void setUsed(dl::Decay kind, bool on, double rate = -1, int interval = 0);
    void run();
    void preview(); // the formulas' α while nothing runs
    StudyRunner* runner() const { return m_runner; }

  signals:
    void message(const QString& text, bool error);

  private:
    struct Row {
        dl::Decay kind;
        QCheckBox* on;
        QDoubleSpinBox* rate;
        QSpinBox* interval;
    };
    bool specFromControls(dl::ScheduleSpec& spec, QString* error) const;
    StudyRunner* m_runner;
    std::vector<Row> m_rows;
    QComboBox *m_dataset, *m_optimizer;
    QDoubleSpinBox* m_lr;
    QSpinBox *m_epochs, *m_batch;
};

class RangeTestTab : public QWidget {
    Q_OBJECT
  public:
    explicit RangeTestTab(QWidget* parent = nullptr);
    void setSteps(int steps);
    void setRange(double lo, double hi);
    void run();
    double suggested() const { return m_suggested; } // of the last finished test; NaN before
    StudyRunner* runner() const { return m_runner; }

  signals:
    void message(const QString& text, bool error);
    void useSuggested(double lr);

  private:
    StudyRunner* m_runner;
    QComboBox *m_dataset, *m_optimizer;
    QLineEdit *m_lo, *m_hi;
    QSpinBox* m_steps;
    double m_suggested;
};

} // namespace lab
