// SPDX-License-Identifier: MIT
// Two or more samples as histograms on shared bins (QCustomPlot bars, each bin as a share of its own sample
// so that a small sample shows beside a large one), with a vertical threshold line (same-person against
// different-person distances, τ between them). Knows no lab.
#pragma once
#include <QStringList>
#include <QWidget>
#include <vector>

class QCustomPlot;
class QCPBars;
class QCPItemStraightLine;
class QCPItemText;

namespace lab {

class DistributionPlot : public QWidget {
    Q_OBJECT
  public:
    DistributionPlot(const QStringList& series, const QString& xLabel, double lo, double hi, int bins,
                     QWidget* parent = nullptr);
    void setSamples(int series, const std::vector<double>& values); // values outside [lo, hi] go to the end bins
    void setThreshold(double x, const QString& label); // NaN: none
    void setYLabel(const QString& label);             // what the shares are of (default "share %")
    int sampleCount(int series) const { return m_counts.at(size_t(series)); }
    const std::vector<double>& shares(int series) const { return m_shares.at(size_t(series)); } // per bin, sums to 1
    QCustomPlot* plot() const { return m_plot; }

  private:
    QCustomPlot* m_plot;
    std::vector<QCPBars*> m_bars;
    std::vector<int> m_counts;
    std::vector<std::vector<double>> m_shares;
    QCPItemStraightLine* m_line;
    QCPItemText* m_label;
    double m_lo, m_hi;
    int m_bins;
};

} // namespace lab
