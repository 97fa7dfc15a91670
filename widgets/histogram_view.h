// SPDX-License-Identifier: MIT
// Per-layer histograms of weights, gradients and activations as small multiples (one row per layer with
// parameters or output, three columns), with mean ± std and range printed; refreshed while training so
// initialisation and batch-norm effects are visible (COURSE.md §3).
#pragma once
#include "core/train/image_probe.h"

#include <QWidget>

namespace lab {

class HistogramView : public QWidget {
    Q_OBJECT
  public:
    explicit HistogramView(QWidget* parent = nullptr);
    void setHistograms(const std::vector<dl::LayerHistograms>& h);
    const std::vector<dl::LayerHistograms>& histograms() const { return m_h; }
    QSize sizeHint() const override { return {640, 60 + 64 * int(m_h.size())}; }

  protected:
    void paintEvent(QPaintEvent*) override;

  private:
    std::vector<dl::LayerHistograms> m_h;
};

} // namespace lab
