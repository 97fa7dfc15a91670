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
    void setXRange(double lo, double hi); // fixed, any numbers (default: 0 … the data's end, whole-number ticks)
    void clear();
    void append(int series, double x, double y);
    void setYRange(double lo, double hi); // fixed (percent plots); default: fits the data
    void setReference(double y, const QString& name); // NaN: none
    void setMarkerX(double x);                        // a vertical line (the setting now); NaN: none
    int pointCount(int series) const;
    QCustomPlot* plot() const { return m_plot; }

  private:
    void rescale();
    QCustomPlot* m_plot;
    QCPItemStraightLine *m_ref, *m_markerX;
    bool m_fixedY = false, m_wholeX = true;
    double m_refY;
};

} // namespace lab
