// SPDX-License-Identifier: MIT
// The hyperparameter side panel: learning-rate slider on a log scale, optimizer, mini-batch size, L2,
// keep_prob, the network (hidden sizes, activation, initialisation, batch norm) and the training speed.
// Emits values; it does not know about training.
#pragma once
#include "core/layers/registry.h"
#include "core/train/hyper.h"
#include "app/labs/playground/playground_snapshot.h"

#include <QWidget>

class QSlider;
class QLabel;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QCheckBox;

namespace lab {

class HyperPanel : public QWidget {
    Q_OBJECT
  public:
    explicit HyperPanel(QWidget* parent = nullptr);
    // Update the controls without emitting.
    void setHyper(const dl::Hyperparams& h);
    void setNetwork(const dl::ModelSpec& s);
    dl::Hyperparams hyper() const { return m_hyper; }
    dl::ModelSpec network() const { return m_net; }
    int stepsPerSecond() const;
    QSlider* learningRateSlider() const { return m_lr; }
    // Slider position ↔ α: 0..500 maps log₁₀ α from -4 to 1 (COURSE.md §5: sample α on a log scale).
    static double sliderToRate(int v) { return std::pow(10.0, -4.0 + v / 100.0); }
    static int rateToSlider(double a) { return int(std::lround((std::log10(a) + 4.0) * 100.0)); }

  signals:
    void hyperChanged(const dl::Hyperparams& h);
    void networkChanged(const dl::ModelSpec& s); // needs a reset to take effect
    void speedChanged(int stepsPerSecond);       // 0 = as fast as possible
    void moreRequested();

  private:
    void emitHyper();
    void emitNetwork();
    void updateLabels();
    dl::Hyperparams m_hyper;
    dl::ModelSpec m_net;
    bool m_updating = false;
    QSlider* m_lr;
    QLabel* m_lrLabel;
    QComboBox* m_opt;
    QComboBox* m_batch;
    QDoubleSpinBox* m_l2;
    QDoubleSpinBox* m_keep;
    QLineEdit* m_hidden;
    QComboBox* m_act;
    QComboBox* m_init;
    QCheckBox* m_bn;
    QSlider* m_speed;
    QLabel* m_speedLabel;
};

} // namespace lab
