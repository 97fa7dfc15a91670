// SPDX-License-Identifier: MIT
// The data lab's Label tab (course chapter 12, data labelling; core/label/label_study.h): strategies side by
// side on Fashion-MNIST with its labels hidden — random, least-confident, margin, entropy, a committee,
// self-training (its threshold) and weak rules (typed here; their coverage, conflicts and accuracy) — plotted
// as test accuracy against labels used, with simulated annotators (how many, their error rate, how their
// answers are combined) answering the queries.
#pragma once
#include "widgets/study_runner.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QSlider;
class QSpinBox;

namespace lab {

class LabelTab : public QWidget {
    Q_OBJECT
  public:
    explicit LabelTab(QWidget* parent = nullptr);
    void setStrategies(const QStringList& names); // strategy names (dlcli's), the others unticked
    void setBudget(int pool, int perClass, int rounds, int batch, int seeds);
    void setThreshold(double t);      // self-training
    void setAnnotators(int n, double error, const QString& vote);
    void setRules(const QString& text);
    void run();
    StudyRunner* runner() const { return m_runner; }

  signals:
    void message(const QString& text, bool error);

  private:
    StudyWorker::Factory makeStudy(QString* error);
    StudyRunner* m_runner;
    std::vector<QCheckBox*> m_strategies;
    QSpinBox *m_pool, *m_perClass, *m_rounds, *m_batch, *m_seeds, *m_annotators;
    QSlider *m_threshold, *m_error;
    QLabel *m_thresholdText, *m_errorText;
    QComboBox* m_vote;
    QPlainTextEdit* m_rules;
};

} // namespace lab
