// SPDX-License-Identifier: MIT
// Every playground setting in one dialog, each with its valid range and a tooltip giving the formula it
// controls, plus "Reset to course defaults" (the planar lab: 2-4-1 tanh, GD α = 1.2, full batch).
#pragma once
#include "core/layers/registry.h"
#include "core/train/hyper.h"

#include <QDialog>

class QDoubleSpinBox;
class QSpinBox;
class QComboBox;
class QLineEdit;
class QCheckBox;
class QLabel;

namespace lab {

class HyperparametersDialog : public QDialog {
    Q_OBJECT
  public:
    explicit HyperparametersDialog(QWidget* parent = nullptr);
    void setValues(const dl::Hyperparams& h, const dl::ModelSpec& net, long maxSteps, std::uint32_t seed);
    dl::Hyperparams hyper() const;
    dl::ModelSpec network() const; // throws dl::ConfigError for bad hidden sizes
    long maxSteps() const;
    std::uint32_t seed() const;
    void resetToCourseDefaults();

    void accept() override; // validates; a bad value is named in the dialog and it stays open

  private:
    QDoubleSpinBox* m_lr;
    QComboBox* m_opt;
    QDoubleSpinBox* m_beta;
    QDoubleSpinBox* m_beta1;
    QDoubleSpinBox* m_beta2;
    QDoubleSpinBox* m_eps;
    QSpinBox* m_batch;
    QDoubleSpinBox* m_l2;
    QDoubleSpinBox* m_keep;
    QComboBox* m_decay;
    QDoubleSpinBox* m_decayRate;
    QSpinBox* m_decayInterval;
    QDoubleSpinBox* m_clipValue;
    QDoubleSpinBox* m_clipNorm;
    QLineEdit* m_hidden;
    QComboBox* m_act;
    QComboBox* m_init;
    QCheckBox* m_bn;
    QSpinBox* m_maxSteps;
    QSpinBox* m_seed;
    QLabel* m_error;
};

} // namespace lab
