// SPDX-License-Identifier: MIT
#include "widgets/trial_plot.h"

#include "widgets/palette.h"

#include <QVBoxLayout>
#include <cmath>
#include <qcustomplot.h>

namespace lab {

TrialPlot::TrialPlot(const QStringList& groups, QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto* lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->addWidget(m_plot);
    const QCPScatterStyle::ScatterShape shapes[] = {QCPScatterStyle::ssDisc, QCPScatterStyle::ssTriangle,
                                                   QCPScatterStyle::ssDiamond, QCPScatterStyle::ssSquare};
    for (int i = 0; i < groups.size(); ++i) {
        QCPGraph* g = m_plot->addGraph();
        g->setName(groups[i]);
        g->setLineStyle(QCPGraph::lsNone);
        const QColor c = categoryColor(i + 1);
        g->setScatterStyle(QCPScatterStyle(shapes[i % 4], c, c, 6));
    }
    m_best = m_plot->addGraph();
    m_best->setLineStyle(QCPGraph::lsNone);
    m_best->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 2), Qt::NoBrush, 14));
    m_best->removeFromLegend();
    m_plot->legend->setVisible(groups.size() > 1);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setFillOrder(QCPLegend::foColumnsFirst); // one row under the axes: it hides no dot
    auto* below = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(1, 0, below);
    below->addElement(0, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);
    m_plot->setMinimumSize(200, 160);
    clear();
}

void TrialPlot::setAxes(const QString& xLabel, const QString& yLabel, bool logX, double xLo, double xHi)
{
    m_plot->xAxis->setLabel(xLabel);
    m_plot->yAxis->setLabel(yLabel);
    m_plot->xAxis->setScaleType(logX ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (logX)
        m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    else
        m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    // a little room either side so the dots at the ends show whole
    if (logX && xLo > 0) {
        const double f = std::pow(xHi / xLo, 0.04);
        m_plot->xAxis->setRange(xLo / f, xHi * f);
    } else {
        const double pad = 0.04 * (xHi - xLo);
        m_plot->xAxis->setRange(xLo - pad, xHi + pad);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TrialPlot::setYRange(double lo, double hi)
{
    m_fixedY = true;
    m_plot->yAxis->setRange(lo, hi);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TrialPlot::clear()
{
    for (int g = 0; g < m_plot->graphCount(); ++g) m_plot->graph(g)->data()->clear();
    m_yLo = INFINITY, m_yHi = -INFINITY;
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TrialPlot::add(int group, double x, double y)
{
    m_plot->graph(group)->addData(x, y);
    if (!m_fixedY && std::isfinite(y)) { // fit the scores, with a little room
        m_yLo = std::min(m_yLo, y), m_yHi = std::max(m_yHi, y);
        const double pad = std::max(0.5, 0.06 * (m_yHi - m_yLo));
        m_plot->yAxis->setRange(m_yLo - pad, m_yHi + pad);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TrialPlot::setBest(double x, double y)
{
    m_best->data()->clear();
    if (std::isfinite(x) && std::isfinite(y)) m_best->addData(x, y);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int TrialPlot::pointCount(int group) const
{
    return m_plot->graph(group)->dataCount();
}

} // namespace lab
