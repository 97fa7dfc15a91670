// SPDX-License-Identifier: MIT
#include "app/labs/images/epoch_curve_view.h"

#include <QVBoxLayout>
#include <qcustomplot.h>

namespace lab {

EpochCurveView::EpochCurveView(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto* lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->addWidget(m_plot);
    m_plot->addGraph()->setName(tr("train accuracy"));
    m_plot->graph(0)->setPen(QPen(QColor(30, 100, 200), 2));
    m_plot->addGraph()->setName(tr("dev accuracy"));
    m_plot->graph(1)->setPen(QPen(QColor(220, 110, 20), 2));
    for (int g = 0; g < 2; ++g)
        m_plot->graph(g)->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
    m_plot->xAxis->setLabel(tr("epoch"));
    m_plot->yAxis->setLabel(tr("accuracy (%)"));
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    m_plot->setMinimumHeight(160);
    clear();
}

void EpochCurveView::clear()
{
    for (int g = 0; g < 2; ++g) m_plot->graph(g)->data()->clear();
    m_lo = 100;
    m_plot->xAxis->setRange(0, 10);
    m_plot->yAxis->setRange(0, 100);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void EpochCurveView::append(const EpochPoint& e)
{
    m_plot->graph(0)->addData(double(e.epoch), 100.0 * e.train.accuracy);
    m_plot->graph(1)->addData(double(e.epoch), 100.0 * e.dev.accuracy);
    m_lo = std::min({m_lo, 100.0 * e.train.accuracy, 100.0 * e.dev.accuracy});
    m_plot->xAxis->setRange(0, std::max(10.0, double(e.epoch) + 1));
    m_plot->yAxis->setRange(std::max(0.0, m_lo - 5), 100);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int EpochCurveView::pointCount() const
{
    return m_plot->graph(1)->dataCount();
}

} // namespace lab
