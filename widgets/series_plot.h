// SPDX-License-Identifier: MIT
// A few named series against a shared x (QCustomPlot): points joined by lines, a legend, and an optional
// dashed reference level (chance, a target). The axes grow with the data. Knows no lab.
#pragma once
#include <QStringList>
#include <QWidget>

class QCustomPlot;
class QCPItemStraightLine;

namespace lab {

class SeriesPlot : public QWidget {
    Q_OBJECT
  public:
    SeriesPlot(const QStringList& series, const QString& xLabel, const QString& yLabel, QWidget* parent = nullptr);
    void clear();
    void append(int series, double x, double y);
    void setYRange(double lo, double hi); // fixed (percent plots); default: fits the data
    void setReference(double y, const QString& name); // NaN: none
    int pointCount(int series) const;
    QCustomPlot* plot() const { return m_plot; }

  private:
    void rescale();
    QCustomPlot* m_plot;
    QCPItemStraightLine* m_ref;
    bool m_fixedY = false;
    double m_refY;
};

} // namespace lab
