// SPDX-License-Identifier: MIT
#include "widgets/loss_curve_view.h"

#include "core/util/error.h"
#include "core/util/file.h"

#include <QCheckBox>
#include <QFileInfo>
#include <QSaveFile>
#include <QVBoxLayout>
#include <cmath>
#include <qcustomplot.h>

namespace lab {

LossCurveView::LossCurveView(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto* lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->addWidget(m_plot, 1);
    m_log = new QCheckBox(tr("Log scale"), this);
    m_log->setToolTip(tr("Plot the cost J on a logarithmic axis"));
    lay->addWidget(m_log);
    connect(m_log, &QCheckBox::toggled, this, &LossCurveView::setLogScale);

    m_plot->addGraph(); // 0: mini-batch cost per step
    m_plot->graph(0)->setName(tr("mini-batch cost"));
    m_plot->graph(0)->setPen(QPen(QColor(150, 150, 150), 1));
    m_plot->addGraph(); // 1: train cost (whole set)
    m_plot->graph(1)->setName(tr("train cost"));
    m_plot->graph(1)->setPen(QPen(QColor(8, 119, 189), 2));
    m_plot->addGraph(); // 2: dev cost
    m_plot->graph(2)->setName(tr("dev cost"));
    m_plot->graph(2)->setPen(QPen(QColor(245, 147, 34), 2));
    m_plot->xAxis->setLabel(tr("iteration"));
    m_plot->yAxis->setLabel(tr("cost J"));
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(QFont(font().family(), 8));
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setMinimumHeight(160);
}

void LossCurveView::setStepCostOnly(const QString& name, const QString& axisLabel)
{
    m_plot->graph(0)->setName(name);
    m_plot->graph(1)->removeFromLegend();
    m_plot->graph(2)->removeFromLegend();
    m_plot->yAxis->setLabel(axisLabel);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossCurveView::clear()
{
    for (int i = 0; i < m_plot->graphCount(); ++i) m_plot->graph(i)->data()->clear();
    m_plot->clearItems();
    m_markers.clear();
    m_eval.clear();
    m_minCost = 1e30;
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossCurveView::addMarker(const ChangeMarker& m)
{
    m_markers.push_back(m);
    auto* line = new QCPItemStraightLine(m_plot);
    line->point1->setCoords(double(m.step), 0);
    line->point2->setCoords(double(m.step), 1);
    line->setPen(QPen(QColor(120, 60, 160), 1, Qt::DashLine));
    auto* text = new QCPItemText(m_plot);
    text->position->setTypeX(QCPItemPosition::ptPlotCoords);
    text->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    // Labels stack up from the bottom of the plot, away from the legend (top right), on a light box so a
    // curve behind them does not hide the text.
    text->position->setCoords(double(m.step), 0.98 - 0.08 * double((m_markers.size() - 1) % 5));
    text->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    text->setText(m.what);
    text->setColor(QColor(120, 60, 160));
    text->setBrush(QColor(255, 255, 255, 215));
    text->setPadding(QMargins(3, 1, 3, 1));
    text->setClipToAxisRect(true);
    text->setFont(QFont(font().family(), 8));
}

// Hours at full speed would keep millions of per-step points: past kMaxPoints, every other point of the
// history is dropped (the shape stays; the newest steps are all kept until the next thinning).
static constexpr int kMaxPoints = 200000;

static void thin(QCPGraph* g)
{
    QVector<double> keys, values;
    int i = 0;
    for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it, ++i)
        if (i % 2 == 0) {
            keys.push_back(it->key);
            values.push_back(it->value);
        }
    g->setData(keys, values, true);
}

void LossCurveView::append(const CurveUpdate& s)
{
    QCPGraph* g = m_plot->graph(0);
    if (g->dataCount() > kMaxPoints) thin(g);
    for (const CostPoint& c : s.costs) {
        if (!std::isfinite(c.cost)) continue;
        g->addData(double(c.step), double(c.cost));
        m_minCost = std::min(m_minCost, double(c.cost));
    }
    if (std::isfinite(s.trainCost)) {
        m_plot->graph(1)->addData(double(s.step), double(s.trainCost));
        m_minCost = std::min(m_minCost, double(s.trainCost));
    }
    if (std::isfinite(s.devCost)) m_plot->graph(2)->addData(double(s.step), double(s.devCost));
    m_eval.push_back({double(s.step), double(s.trainCost), double(s.devCost)});
    for (const ChangeMarker& m : s.markers) addMarker(m);
    bool found = false;
    QCPRange yr = g->getValueRange(found);
    QCPRange yr1 = m_plot->graph(1)->getValueRange(found);
    QCPRange yr2 = m_plot->graph(2)->getValueRange(found);
    double hi = std::max({yr.upper, yr1.upper, yr2.upper, 1e-6});
    m_plot->xAxis->setRange(0, std::max(10.0, double(s.step) * 1.02));
    if (logScale())
        m_plot->yAxis->setRange(std::max(1e-6, m_minCost * 0.8), hi * 1.5);
    else
        m_plot->yAxis->setRange(0, hi * 1.05);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossCurveView::setLogScale(bool on)
{
    if (m_log->isChecked() != on) {
        m_log->setChecked(on); // re-enters through toggled
        return;
    }
    emit logScaleChanged(on);
    m_plot->yAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (on)
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    else
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    m_plot->rescaleAxes();
    if (on) m_plot->yAxis->setRangeLower(std::max(1e-6, m_minCost * 0.8));
    m_plot->replot();
}

bool LossCurveView::logScale() const
{
    return m_log->isChecked();
}

int LossCurveView::pointCount() const
{
    return m_plot->graph(0)->dataCount();
}

bool LossCurveView::savePng(const QString& path)
{
    // QCustomPlot writes in place; write next to the target and rename so a failed export loses nothing.
    const QString tmp = path + ".tmp.png";
    if (!m_plot->savePng(tmp, 0, 0, 1.0, -1)) {
        m_error = tr("Could not write %1; check the folder exists and is writable.")
                      .arg(QFileInfo(path).fileName());
        QFile::remove(tmp);
        return false;
    }
    QFile::remove(path);
    if (!QFile::rename(tmp, path)) {
        m_error = tr("Could not replace %1.").arg(QFileInfo(path).fileName());
        return false;
    }
    return true;
}

bool LossCurveView::saveCsv(const QString& path)
{
    QString out = "step,minibatch_cost,train_cost,dev_cost\n";
    const auto* d = m_plot->graph(0)->data().data();
    size_t e = 0;
    for (auto it = d->constBegin(); it != d->constEnd(); ++it) {
        QString train, dev;
        while (e < m_eval.size() && m_eval[e][0] < it->key) ++e;
        if (e < m_eval.size() && m_eval[e][0] == it->key) {
            train = QString::number(m_eval[e][1], 'g', 8);
            if (std::isfinite(m_eval[e][2])) dev = QString::number(m_eval[e][2], 'g', 8);
        }
        out += QString("%1,%2,%3,%4\n").arg(qint64(it->key)).arg(it->value, 0, 'g', 8).arg(train, dev);
    }
    try {
        dl::writeFileAtomic(path.toStdString(), out.toStdString());
    } catch (const dl::Error& err) {
        m_error = QString::fromUtf8(err.what());
        return false;
    }
    return true;
}

} // namespace lab
