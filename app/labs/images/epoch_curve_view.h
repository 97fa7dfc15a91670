// SPDX-License-Identifier: MIT
// Accuracy per epoch (QCustomPlot): train (fixed sample) and dev, in percent. PNG export.
#pragma once
#include "app/labs/images/image_snapshot.h"

#include <QWidget>

class QCustomPlot;

namespace lab {

class EpochCurveView : public QWidget {
    Q_OBJECT
  public:
    explicit EpochCurveView(QWidget* parent = nullptr);
    void clear();
    void append(const EpochPoint& e);
    int pointCount() const;
    QCustomPlot* plot() const { return m_plot; }

  private:
    QCustomPlot* m_plot;
    double m_lo = 100;
};

} // namespace lab
