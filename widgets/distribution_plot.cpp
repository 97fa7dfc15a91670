// SPDX-License-Identifier: MIT
#include "widgets/distribution_plot.h"

#include "widgets/palette.h"

#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

namespace lab {

DistributionPlot::DistributionPlot(const QStringList& series, const QString& xLabel, double lo, double hi, int bins,
                                   QWidget* parent)
    : QWidget(parent), m_plot(new QCustomPlot(this)), m_lo(lo), m_hi(hi > lo ? hi : lo + 1), m_bins(std::max(1, bins))
{
    auto* lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->addWidget(m_plot);
    const double w = (m_hi - m_lo) / m_bins;
    for (int i = 0; i < series.size(); ++i) {
        auto* b = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        b->setName(series[i]);
        b->setWidth(w);
        const QColor c = categoryColor(i + 1);
        b->setPen(QPen(c.darker(120)));
        b->setBrush(QColor(c.red(), c.green(), c.blue(), 110)); // see-through: overlapping bins both show
        m_bars.push_back(b);
        m_counts.push_back(0);
        m_shares.emplace_back(size_t(m_bins), 0.0);
    }
    m_line = new QCPItemStraightLine(m_plot);
    m_line->setPen(QPen(Qt::black, 1.5, Qt::DashLine));
    m_line->setVisible(false);
    m_label = new QCPItemText(m_plot);
    m_label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_label->setVisible(false);
    m_plot->xAxis->setLabel(xLabel);
    m_plot->yAxis->setLabel(tr("share %"));
    m_plot->xAxis->setRange(m_lo, m_hi);
    m_plot->yAxis->setRange(0, 10);
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(QFont(font().family(), 8));
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_plot->setMinimumHeight(140);
}

void DistributionPlot::setSamples(int series, const std::vector<double>& values)
{
    std::vector<double>& share = m_shares.at(size_t(series));
    std::fill(share.begin(), share.end(), 0.0);
    int n = 0;
    for (double v : values) {
        if (!std::isfinite(v)) continue;
        const int b = std::clamp(int((v - m_lo) / (m_hi - m_lo) * m_bins), 0, m_bins - 1);
        share[size_t(b)] += 1, ++n;
    }
    m_counts[size_t(series)] = n;
    QVector<double> keys, heights;
    for (int b = 0; b < m_bins; ++b) {
        if (n) share[size_t(b)] /= n;
        keys << m_lo + (b + 0.5) * (m_hi - m_lo) / m_bins;
        heights << 100 * share[size_t(b)];
    }
    m_bars[size_t(series)]->setData(keys, heights, true);
    double top = 10;
    for (const auto& s : m_shares) top = std::max(top, 100 * *std::max_element(s.begin(), s.end()) * 1.1);
    m_plot->yAxis->setRange(0, top);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void DistributionPlot::setThreshold(double x, const QString& label)
{
    const bool on = std::isfinite(x);
    m_line->setVisible(on), m_label->setVisible(on);
    if (on) {
        m_line->point1->setCoords(x, 0), m_line->point2->setCoords(x, 1);
        m_label->position->setCoords(x, 0.02);
        m_label->setText(label);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void DistributionPlot::setYLabel(const QString& label)
{
    m_plot->yAxis->setLabel(label);
    m_plot->replot();
}

} // namespace lab
