// SPDX-License-Identifier: MIT
// A score against one setting, one dot per trial (QCustomPlot): random search's dev accuracy against α on a
// log axis, say. Groups (random rounds, the grid) in their own colours and marks, with a legend; the best
// trial circled. The x axis is logarithmic where the setting was sampled so. Knows no lab.
#pragma once
#include <QStringList>
#include <QWidget>

class QCustomPlot;
class QCPGraph;

namespace lab {

class TrialPlot : public QWidget {
    Q_OBJECT
  public:
    TrialPlot(const QStringList& groups, QWidget* parent = nullptr);
    void setAxes(const QString& xLabel, const QString& yLabel, bool logX, double xLo, double xHi);
    void setYRange(double lo, double hi); // fixed; default: fits the scores
    void clear();
    void add(int group, double x, double y);
    void setBest(double x, double y); // NaN: none
    int pointCount(int group) const;
    QCustomPlot* plot() const { return m_plot; }
    QSize sizeHint() const override { return {260, 220}; }

  private:
    QCustomPlot* m_plot;
    QCPGraph* m_best;
    bool m_fixedY = false;
    double m_yLo = 0, m_yHi = 1;
};

} // namespace lab
