// SPDX-License-Identifier: MIT
#include "widgets/study_view.h"

#include "widgets/core_texts.h"
#include "widgets/decision_map_view.h"
#include "widgets/palette.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <cmath>

namespace lab {

StudyView::StudyView(QWidget* parent) : QWidget(parent)
{
    auto* v = new QVBoxLayout(this);
    m_title = new QLabel(this);
    QFont f = m_title->font();
    f.setBold(true);
    m_title->setFont(f);
    m_title->setWordWrap(true);
    v->addWidget(m_title);
    auto* maps = new QHBoxLayout;
    for (size_t i = 0; i < m_maps.size(); ++i) {
        auto* box = new QVBoxLayout;
        m_mapTitles[i] = new QLabel(this);
        m_mapTitles[i]->setAlignment(Qt::AlignCenter);
        m_maps[i] = new DecisionMapView(this);
        m_maps[i]->setMinimumSize(200, 200);
        box->addWidget(m_mapTitles[i]);
        box->addWidget(m_maps[i], 1);
        maps->addLayout(box, 1);
    }
    v->addLayout(maps, 3);
    auto* plots = m_plotGrid = new QGridLayout;
    for (auto*& p : m_plots) {
        p = new QCustomPlot(this);
        p->setMinimumSize(240, 120);
        p->legend->setVisible(true);
        p->legend->setFont(QFont(font().family(), 8));
        p->legend->setRowSpacing(0);
        p->plotLayout()->insertRow(0);
        p->plotLayout()->addElement(0, 0, new QCPTextElement(p, QString(), QFont(font().family(), 9, QFont::Bold)));
        // the legend right of the axes, never over a curve
        p->plotLayout()->addElement(1, 1, p->legend);
        p->plotLayout()->setColumnStretchFactor(1, 0.001);
        p->legend->setMaximumSize(200, QWIDGETSIZE_MAX);
        plots->addWidget(p, 0, int(&p - m_plots));
    }
    v->addLayout(plots, 3);
    m_table = new QTableWidget(this);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    v->addWidget(m_table, 1);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    v->addWidget(m_note);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    v->addWidget(m_progress);
    clear();
}

void StudyView::clear(const QString& title)
{
    m_report = {};
    m_title->setText(title.isEmpty() ? tr("Pick an experiment and press Run experiment.") : title);
    m_note->clear();
    m_table->clear();
    m_table->setRowCount(0);
    m_table->setColumnCount(0);
    m_progress->setValue(0);
    m_progress->setVisible(false);
    for (size_t i = 0; i < m_maps.size(); ++i) m_maps[i]->setVisible(false), m_mapTitles[i]->setVisible(false);
    for (QCustomPlot* p : m_plots) {
        p->clearGraphs();
        p->setVisible(p == m_plots[0]);
        p->replot();
    }
}

void StudyView::plot(QCustomPlot* p, const dl::StudyPanel& panel)
{
    p->clearGraphs();
    if (auto* t = qobject_cast<QCPTextElement*>(p->plotLayout()->element(0, 0)))
        t->setText(coreText(panel.title));
    p->xAxis->setLabel(coreText(panel.xLabel));
    p->yAxis->setLabel(coreText(panel.yLabel));
    p->yAxis->setScaleType(panel.logY ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (panel.logY)
        p->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    else
        p->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    p->xAxis->setScaleType(panel.logX ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (panel.logX)
        p->xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    else
        p->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    for (size_t c = 0; c < panel.curves.size(); ++c) {
        const dl::StudyCurve& curve = panel.curves[c];
        QCPGraph* g = p->addGraph();
        g->setName(coreText(curve.name));
        QPen pen(classColor(curve.colour >= 0 ? curve.colour : static_cast<int>(c)));
        pen.setWidthF(1.6);
        if (curve.dashed) pen.setStyle(Qt::DashLine);
        g->setPen(pen);
        if (curve.x.size() <= 40) g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
        QVector<double> x, y;
        for (size_t i = 0; i < curve.x.size() && i < curve.y.size(); ++i) {
            if (!std::isfinite(curve.y[i]) || (panel.logY && curve.y[i] <= 0) || (panel.logX && curve.x[i] <= 0))
                continue; // a log axis has no 0
            x.push_back(curve.x[i]);
            y.push_back(curve.y[i]);
        }
        g->setData(x, y, true);
    }
    p->rescaleAxes();
    const QCPRange y = p->yAxis->range(); // a little room, so a curve along an end is not hidden by the axis
    if (panel.logY && y.lower > 0)
        p->yAxis->setRange(y.lower / 1.15, y.upper * 1.15);
    else
        p->yAxis->setRange(y.lower - 0.03 * y.size(), y.upper + 0.03 * y.size());
    if (panel.yLabel.find('%') != std::string::npos) p->yAxis->setRange(0, 102);
    p->replot();
}

void StudyView::show(const dl::StudyReport& r, double progress, bool done)
{
    m_report = r, m_shownProgress = progress, m_shownDone = done;
    m_title->setText(coreText(r.title));
    // one row for up to two panels, two columns for more, one column when stacked
    const int n = std::min<int>(int(r.panels.size()), kMaxPanels);
    for (int i = 0; i < kMaxPanels; ++i) {
        m_plotGrid->removeWidget(m_plots[i]);
        const int row = r.stacked ? i : n <= 2 ? 0 : i / 2, col = r.stacked ? 0 : n <= 2 ? i : i % 2;
        m_plotGrid->addWidget(m_plots[i], row, col);
    }
    for (size_t i = 0; i < m_maps.size(); ++i) {
        const bool has = i < r.maps.size();
        m_maps[i]->setVisible(has), m_mapTitles[i]->setVisible(has);
        if (!has) continue;
        m_mapTitles[i]->setText(coreText(r.maps[i].name));
        m_maps[i]->setGrid(r.maps[i].grid);
        m_maps[i]->setPoints(r.maps[i].points);
    }
    int left = 0; // stacked panels share x: their axes start at the same place (the widest tick labels')
    for (int i = 0; i < kMaxPanels; ++i) {
        const bool has = i < static_cast<int>(r.panels.size());
        m_plots[i]->setVisible(has);
        m_plots[i]->axisRect()->setMinimumMargins(QMargins());
        if (!has) continue;
        plot(m_plots[i], r.panels[static_cast<size_t>(i)]);
        left = std::max(left, m_plots[i]->axisRect()->margins().left());
    }
    for (int i = 0; r.stacked && i < n; ++i) {
        m_plots[i]->axisRect()->setMinimumMargins(QMargins(left, 0, 0, 0));
        m_plots[i]->replot();
    }
    m_table->clear();
    const int cols = r.table.empty() ? 0 : static_cast<int>(r.table.front().size());
    m_table->setColumnCount(cols);
    m_table->setRowCount(r.table.empty() ? 0 : static_cast<int>(r.table.size()) - 1);
    for (size_t row = 0; row < r.table.size(); ++row)
        for (size_t c = 0; c < r.table[row].size() && static_cast<int>(c) < cols; ++c) {
            const QString text = coreText(r.table[row][c]);
            if (row == 0)
                m_table->setHorizontalHeaderItem(static_cast<int>(c), new QTableWidgetItem(text));
            else
                m_table->setItem(static_cast<int>(row) - 1, static_cast<int>(c), new QTableWidgetItem(text));
        }
    m_table->resizeColumnsToContents();
    m_note->setText(coreText(r.note));
    m_progress->setVisible(!done);
    m_progress->setValue(static_cast<int>(1000 * progress));
}

void StudyView::changeEvent(QEvent* e)
{
    // The core's texts are translated as they are shown (coreText): shown again in the new language.
    if (e->type() == QEvent::LanguageChange && !m_report.title.empty()) show(m_report, m_shownProgress, m_shownDone);
    QWidget::changeEvent(e);
}

int StudyView::plottedPoints() const
{
    int n = 0;
    for (QCustomPlot* p : m_plots)
        for (int g = 0; g < p->graphCount(); ++g) n += p->graph(g)->dataCount();
    return n;
}

bool StudyView::savePng(const QString& path)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || !grab().save(&f, "PNG")) return false;
    return f.commit();
}

} // namespace lab
