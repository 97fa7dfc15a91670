// SPDX-License-Identifier: MIT
// The training-dynamics lab's "Regularisation" tab (COURSE.md §3; core/dynamics/regularisation.h): a few
// noisy points and a network big enough to over-fit them, trained without regularisation, with L2 (λ
// slider) and with dropout (keep_prob slider) side by side from the same weights: three decision maps, the
// train and dev accuracy of each, and the weights' norm over the steps.
#pragma once
#include "widgets/study_runner.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QSlider;
class QSpinBox;

namespace lab {

class RegularisationTab : public QWidget {
    Q_OBJECT
  public:
    explicit RegularisationTab(QWidget* parent = nullptr);
    void setSteps(int steps);
    void setLambda(double lambda);     // snapped to the slider's log steps
    void setKeepProb(double keepProb); // snapped to hundredths
    double lambda() const;
    double keepProb() const;
    void run();
    StudyRunner* runner() const { return m_runner; }

  signals:
    void message(const QString& text, bool error);

  private:
    StudyRunner* m_runner;
    QComboBox* m_dataset;
    QSpinBox *m_count, *m_steps;
    QLineEdit* m_hidden;
    QSlider *m_lambda, *m_keep;
    QLabel *m_lambdaText, *m_keepText;
};

} // namespace lab
