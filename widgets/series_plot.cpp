// SPDX-License-Identifier: MIT
#include "widgets/series_plot.h"

#include "widgets/palette.h"

#include <QVBoxLayout>
#include <cmath>
#include <qcustomplot.h>

namespace lab {

SeriesPlot::SeriesPlot(const QStringList& series, const QString& xLabel, const QString& yLabel, QWidget* parent)
    : QWidget(parent), m_plot(new QCustomPlot(this)), m_refY(NAN)
{
    auto* lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->addWidget(m_plot);
    for (int i = 0; i < series.size(); ++i) {
        QCPGraph* g = m_plot->addGraph();
        g->setName(series[i]);
        g->setPen(QPen(categoryColor(i + 1), 2));
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
    }
    m_ref = new QCPItemStraightLine(m_plot);
    m_ref->setPen(QPen(Qt::gray, 1, Qt::DashLine));
    m_ref->setVisible(false);
    m_markerX = new QCPItemStraightLine(m_plot);
    m_markerX->setPen(QPen(Qt::black, 1.5, Qt::DashLine));
    m_markerX->setVisible(false);
    m_plot->xAxis->setLabel(xLabel);
    m_plot->yAxis->setLabel(yLabel);
    // The legend under the axes, in one row, so that it never hides a point.
    m_plot->legend->setVisible(true);
    m_plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    m_plot->legend->setBorderPen(Qt::NoPen);
    auto* below = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(1, 0, below);
    below->addElement(0, 0, m_plot->legend); // moves it out of the axis rect's inset layout
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);
    // Whole-number x (epochs, rounds): a tick every 1, 2, 5, 10… as the range grows.
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(1);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_plot->xAxis->setTicker(ticker);
    m_plot->setMinimumHeight(140);
    clear();
}

void SeriesPlot::clear()
{
    for (int g = 0; g < m_plot->graphCount(); ++g) {
        m_plot->graph(g)->data()->clear();
        m_plot->graph(g)->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
    }
    rescale();
}

void SeriesPlot::append(int series, double x, double y)
{
    QCPGraph* g = m_plot->graph(series);
    g->addData(x, y);
    if (g->dataCount() == 31) g->setScatterStyle(QCPScatterStyle::ssNone); // a curve, not a few points
    rescale();
}

void SeriesPlot::setYRange(double lo, double hi)
{
    m_fixedY = true;
    m_plot->yAxis->setRange(lo, hi);
    rescale();
}

void SeriesPlot::setReference(double y, const QString& name)
{
    m_refY = y;
    m_ref->setVisible(std::isfinite(y));
    if (std::isfinite(y)) m_ref->point1->setCoords(0, y), m_ref->point2->setCoords(1, y);
    m_plot->setToolTip(std::isfinite(y) ? tr("dashed: %1").arg(name) : QString());
    rescale();
}

void SeriesPlot::setMarkerX(double x)
{
    m_markerX->setVisible(std::isfinite(x));
    if (std::isfinite(x)) m_markerX->point1->setCoords(x, 0), m_markerX->point2->setCoords(x, 1);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void SeriesPlot::setXRange(double lo, double hi)
{
    m_wholeX = false;
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    m_plot->xAxis->setRange(lo, hi);
    rescale();
}

void SeriesPlot::rescale()
{
    double xHi = 1;
    bool any = false;
    for (int g = 0; g < m_plot->graphCount(); ++g)
        if (!m_plot->graph(g)->data()->isEmpty()) {
            bool found = false;
            xHi = std::max(xHi, m_plot->graph(g)->data()->keyRange(found).upper);
            any = true;
        }
    const QCPRange x = m_wholeX ? QCPRange(0, xHi + 0.5) : m_plot->xAxis->range();
    if (!m_fixedY && any) {
        m_plot->rescaleAxes(true);
        if (std::isfinite(m_refY)) m_plot->yAxis->setRange(m_plot->yAxis->range().expanded(m_refY));
    }
    m_plot->xAxis->setRange(x);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int SeriesPlot::pointCount(int series) const
{
    return m_plot->graph(series)->dataCount();
}

} // namespace lab
