// SPDX-License-Identifier: MIT
// Learning curves (QCustomPlot): the mini-batch cost of every step, the train and dev cost of the whole
// sets at each snapshot, and a marker where a hyperparameter changed. Log-scale toggle; PNG/CSV export.
#pragma once
#include "widgets/curve_points.h"

#include <QWidget>
#include <array>

class QCustomPlot;
class QCheckBox;

namespace lab {

class LossCurveView : public QWidget {
    Q_OBJECT
  public:
    explicit LossCurveView(QWidget* parent = nullptr);
    void clear();
    void append(const CurveUpdate& u); // adds u.costs, the whole-set costs at u.step (if any) and u.markers
    // For learners with no whole-set cost (an embedding's triplet loss): the per-step curve alone, named.
    void setStepCostOnly(const QString& name, const QString& axisLabel);
    void setLogScale(bool on);
    bool logScale() const;
    int pointCount() const; // mini-batch cost points plotted
    int markerCount() const { return static_cast<int>(m_markers.size()); }
    bool savePng(const QString& path); // false + lastError() on failure
    bool saveCsv(const QString& path);
    QString lastError() const { return m_error; }
    QCustomPlot* plot() const { return m_plot; }

  signals:
    void logScaleChanged(bool on);

  private:
    void addMarker(const ChangeMarker& m);
    QCustomPlot* m_plot;
    QCheckBox* m_log;
    std::vector<ChangeMarker> m_markers;
    std::vector<std::array<double, 3>> m_eval; // step, train cost, dev cost
    double m_minCost = 1e30;
    QString m_error;
};

} // namespace lab
