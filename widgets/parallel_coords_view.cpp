// SPDX-License-Identifier: MIT
#include "widgets/parallel_coords_view.h"

#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace lab {

ParallelCoordsView::ParallelCoordsView(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
}

void ParallelCoordsView::setAxes(const QStringList& names, const QStringList& lo, const QStringList& hi)
{
    m_names = names, m_lo = lo, m_hi = hi;
    update();
}

void ParallelCoordsView::clear()
{
    m_lines.clear();
    m_best = -1;
    update();
}

void ParallelCoordsView::addLine(const std::vector<double>& u, double score, const QString& label)
{
    m_lines.push_back({u, std::clamp(score, 0.0, 1.0), label});
    update();
}

void ParallelCoordsView::setBest(int line)
{
    m_best = line;
    update();
}

QRectF ParallelCoordsView::plotRect() const
{
    const double line = QFontMetrics(font()).height();
    return QRectF(50, 2 * line + 8, std::max(10.0, width() - 100.0), std::max(10.0, height() - 3 * line - 16));
}

QPointF ParallelCoordsView::point(const Line& l, int axis) const
{
    const QRectF r = plotRect();
    const int n = std::max(2, int(m_names.size()));
    const double u = axis < int(l.u.size()) && std::isfinite(l.u[size_t(axis)]) ? std::clamp(l.u[size_t(axis)], 0.0, 1.0) : 0;
    return {r.left() + r.width() * axis / (n - 1), r.bottom() - r.height() * u};
}

void ParallelCoordsView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = plotRect();
    const int n = int(m_names.size());
    if (n < 2) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("Each trial will be a line across the axes of its settings."));
        return;
    }
    // lines, poor first so the good ones lie on top; colour from light to dark blue with the score
    std::vector<int> order(m_lines.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = int(i);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return m_lines[size_t(a)].score < m_lines[size_t(b)].score; });
    for (int i : order) {
        const Line& l = m_lines[size_t(i)];
        if (i == m_best) continue;
        const double s = l.score;
        p.setPen(QPen(QColor::fromRgbF(float(0.85 - 0.75 * s), float(0.9 - 0.55 * s), float(1.0 - 0.25 * s), float(0.35 + 0.6 * s)), 1.3));
        QPainterPath path(point(l, 0));
        for (int a = 1; a < n; ++a) path.lineTo(point(l, a));
        p.drawPath(path);
    }
    if (m_best >= 0 && m_best < int(m_lines.size())) {
        p.setPen(QPen(Qt::black, 2.6));
        QPainterPath path(point(m_lines[size_t(m_best)], 0));
        for (int a = 1; a < n; ++a) path.lineTo(point(m_lines[size_t(m_best)], a));
        p.drawPath(path);
    }
    // axes with their names and end labels
    p.setPen(QPen(palette().color(QPalette::Text), 1));
    const QFontMetrics fm(font());
    for (int a = 0; a < n; ++a) {
        const double x = r.left() + r.width() * a / (n - 1);
        p.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()));
        const auto centred = [&](const QString& t, double y) {
            const double w = fm.horizontalAdvance(t);
            p.drawText(QPointF(std::clamp(x - w / 2, 2.0, width() - w - 2), y), t);
        };
        centred(m_names[a], fm.ascent() + 2);
        if (a < m_hi.size()) centred(m_hi[a], fm.height() + fm.ascent() + 4);
        if (a < m_lo.size()) centred(m_lo[a], r.bottom() + fm.ascent() + 4);
    }
    if (m_lines.empty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(r, Qt::AlignCenter, tr("Each trial will be a line across the axes."));
    }
}

bool ParallelCoordsView::event(QEvent* e)
{
    if (e->type() != QEvent::ToolTip) return QWidget::event(e);
    const QPointF pos = static_cast<QHelpEvent*>(e)->pos();
    int found = -1;
    double bestDist = 6;
    for (size_t i = 0; i < m_lines.size(); ++i)
        for (int a = 0; a + 1 < int(m_names.size()); ++a) {
            const QPointF p0 = point(m_lines[i], a), p1 = point(m_lines[i], a + 1);
            if (pos.x() < p0.x() || pos.x() > p1.x()) continue;
            const double t = (pos.x() - p0.x()) / std::max(1e-9, p1.x() - p0.x());
            const double d = std::abs(p0.y() + t * (p1.y() - p0.y()) - pos.y());
            if (d < bestDist) bestDist = d, found = int(i);
        }
    if (found >= 0)
        QToolTip::showText(static_cast<QHelpEvent*>(e)->globalPos(), m_lines[size_t(found)].label, this);
    else
        QToolTip::hideText();
    return true;
}

} // namespace lab
