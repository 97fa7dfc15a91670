// SPDX-License-Identifier: MIT
// The training-dynamics lab's "Initialisation in depth" tab (COURSE.md §3): the same deep MLP initialised
// with zeros, random ×0.01, ×10, Xavier and He (core/dynamics/init_study.h), per hidden layer the spread of
// its activations and of its weight gradients at step 0 (on a 2-D set or Fashion-MNIST) on a log scale — vanishing and exploding made
// visible — and each one's train accuracy after the same training. Depth, width, activation, batch norm, the
// data, the steps and the optimiser are the user's.
#pragma once
#include "widgets/study_runner.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace lab {

class InitTab : public QWidget {
    Q_OBJECT
  public:
    explicit InitTab(QWidget* parent = nullptr);
    void setDepth(int depth);
    void setWidth(int width);
    void setSteps(int steps);
    void setDataset(const QString& name, int examples); // a syntheticKinds() name or "fashion-mnist"
    void setBatchNorm(bool on);
    void setInitUsed(int init, bool on); // dl::Init
    void run();
    StudyRunner* runner() const { return m_runner; }

  signals:
    void message(const QString& text, bool error);

  private:
    StudyWorker::Factory factory(QString* error) const;
    StudyRunner* m_runner;
    QComboBox *m_dataset, *m_activation, *m_optimizer;
    QSpinBox *m_depth, *m_width, *m_steps, *m_examples;
    QDoubleSpinBox* m_lr;
    QCheckBox* m_batchNorm;
    std::vector<QCheckBox*> m_inits; // dl::Init order
};

} // namespace lab
