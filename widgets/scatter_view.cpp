// SPDX-License-Identifier: MIT
#include "widgets/scatter_view.h"

#include "widgets/palette.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace lab {

ScatterView::ScatterView(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    m_empty = tr("nothing to draw yet");
}

void ScatterView::setPoints(std::vector<float> x, std::vector<float> y, std::vector<int> group, QStringList names,
                            std::vector<bool> hollow)
{
    const size_t n = std::min({x.size(), y.size(), group.size()});
    x.resize(n), y.resize(n), group.resize(n);
    m_x = std::move(x), m_y = std::move(y), m_group = std::move(group);
    m_names = std::move(names), m_hollow = std::move(hollow);
    // Fit the finite points, 5 % margin; a flat extent gets ±1.
    m_x0 = m_y0 = INFINITY, m_x1 = m_y1 = -INFINITY;
    for (size_t i = 0; i < n; ++i)
        if (std::isfinite(m_x[i]) && std::isfinite(m_y[i]))
            m_x0 = std::min(m_x0, m_x[i]), m_x1 = std::max(m_x1, m_x[i]), m_y0 = std::min(m_y0, m_y[i]),
            m_y1 = std::max(m_y1, m_y[i]);
    auto pad = [](float& lo, float& hi) {
        if (!(hi >= lo)) lo = -1, hi = 1;
        const float m = hi - lo > 1e-9f ? 0.05f * (hi - lo) : 1.f;
        lo -= m, hi += m;
    };
    pad(m_x0, m_x1), pad(m_y0, m_y1);
    update();
}

void ScatterView::setCaption(const QString& caption)
{
    m_caption = caption;
    update();
}

void ScatterView::clear()
{
    setPoints({}, {}, {}, {});
    m_caption.clear();
}

QRectF ScatterView::plotRect() const
{
    const int legend = m_names.isEmpty() ? 0 : 130;
    return QRectF(8, 8, std::max(10, width() - 16 - legend), std::max(10, height() - 16 - fontMetrics().height() - 6));
}

// One scale for both axes, the points centred: distances in an embedding mean something, so a unit circle
// is drawn round and a PCA picture keeps its proportions.
QPointF ScatterView::toWidget(size_t i) const
{
    const QRectF r = plotRect();
    const double sx = r.width() / double(m_x1 - m_x0), sy = r.height() / double(m_y1 - m_y0), k = std::min(sx, sy);
    const double cx = (m_x0 + m_x1) / 2.0, cy = (m_y0 + m_y1) / 2.0;
    return {r.center().x() + (m_x[i] - cx) * k, r.center().y() - (m_y[i] - cy) * k};
}

int ScatterView::groupAt(QPointF pos) const
{
    double best = 36; // within 6 px
    int g = -1;
    for (size_t i = 0; i < m_x.size(); ++i) {
        const QPointF d = toWidget(i) - pos;
        const double d2 = d.x() * d.x() + d.y() * d.y();
        if (d2 < best) best = d2, g = m_group[i];
    }
    return g;
}

void ScatterView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), Qt::white);
    const QRectF r = plotRect();
    p.setPen(QColor(200, 200, 200));
    p.drawRect(r);
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRectF(8, r.bottom() + 4, width() - 16, fontMetrics().height() + 2), Qt::AlignLeft, m_caption);
    if (m_x.empty()) {
        p.drawText(r, Qt::AlignCenter, m_empty);
        return;
    }
    p.setRenderHint(QPainter::Antialiasing);
    const double rad = m_x.size() > 2000 ? 2.0 : 3.0;
    for (size_t i = 0; i < m_x.size(); ++i) {
        if (!std::isfinite(m_x[i]) || !std::isfinite(m_y[i])) continue;
        const int g = m_group[i];
        const QColor c = categoryColor(g);
        const bool ring = g >= 0 && size_t(g) < m_hollow.size() && m_hollow[size_t(g)];
        p.setPen(ring ? QPen(c, 1.4) : Qt::NoPen);
        p.setBrush(ring ? QBrush(Qt::NoBrush) : QBrush(QColor(c.red(), c.green(), c.blue(), 170)));
        p.drawEllipse(toWidget(i), rad + (ring ? 0.5 : 0), rad + (ring ? 0.5 : 0));
    }
    // Legend: a swatch (ring for hollow groups) and the name.
    const int lh = fontMetrics().height() + 2;
    for (int g = 0; g < m_names.size(); ++g) {
        const QPointF at(r.right() + 14, r.top() + 6 + g * lh + lh / 2.0);
        const QColor c = categoryColor(g);
        const bool ring = size_t(g) < m_hollow.size() && m_hollow[size_t(g)];
        p.setPen(ring ? QPen(c, 1.6) : Qt::NoPen);
        p.setBrush(ring ? QBrush(Qt::NoBrush) : QBrush(c));
        p.drawEllipse(at, 4, 4);
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QPointF(at.x() + 10, at.y() + fontMetrics().ascent() / 2.0 - 1), m_names[g]);
    }
}

bool ScatterView::event(QEvent* e)
{
    if (e->type() == QEvent::ToolTip) {
        auto* h = static_cast<QHelpEvent*>(e);
        const int g = groupAt(h->pos());
        if (g >= 0 && g < m_names.size()) QToolTip::showText(h->globalPos(), m_names[g], this);
        else QToolTip::hideText();
        return true;
    }
    return QWidget::event(e);
}

} // namespace lab
