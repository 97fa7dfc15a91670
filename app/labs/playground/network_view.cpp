// SPDX-License-Identifier: MIT
#include "app/labs/playground/network_view.h"

#include "widgets/palette.h"

#include <QMouseEvent>
#include <QPainter>
#include <cmath>

namespace lab {

NetworkView::NetworkView(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
}

void NetworkView::setSnapshot(const Snapshot& s)
{
    m_snap = s;
    m_columns.clear();
    const int res = s.units.empty() ? 24 : s.units.front().res;
    // Inputs: X₁ and X₂ themselves over the plane.
    Column in;
    in.title = tr("input");
    const dl::Bounds& b = s.grid.bounds;
    for (int f = 0; f < 2; ++f) {
        std::vector<float> v(static_cast<size_t>(res) * res);
        for (int i = 0; i < res; ++i)
            for (int j = 0; j < res; ++j) {
                const float x = (j + 0.5f) / res, y = 1.f - (i + 0.5f) / res;
                v[static_cast<size_t>(i) * res + j] = 2.f * (f == 0 ? x : y) - 1.f;
            }
        in.tiles.push_back(unitImage(v.data(), res, 1.f));
    }
    (void)b;
    m_columns.push_back(std::move(in));
    for (size_t l = 0; l < m_snap.units.size(); ++l) {
        const dl::UnitGrid& g = m_snap.units[l];
        Column c;
        c.title = tr("hidden %1").arg(l + 1);
        c.grid = &g;
        const size_t cells = static_cast<size_t>(g.res) * g.res;
        for (int u = 0; u < g.units; ++u)
            c.tiles.push_back(unitImage(g.values.data() + u * cells, g.res, std::max(1e-6f, g.scale[u])));
        m_columns.push_back(std::move(c));
    }
    Column out;
    out.title = tr("output");
    out.tiles.push_back(probabilityImage(s.grid.prob, s.grid.res, s.grid.classes));
    m_columns.push_back(std::move(out));
    if (m_hoverCol > 0 && m_hoverCol + 1 < columnCount() &&
        m_hoverUnit < int(m_columns[m_hoverCol].tiles.size()))
        emitHover(); // keep the enlarged unit live
    else
        m_hoverCol = m_hoverUnit = -1;
    update();
}

qreal NetworkView::tileSize() const
{
    int most = 1;
    for (const Column& c : m_columns) most = std::max(most, static_cast<int>(c.tiles.size()));
    const qreal byHeight = (height() - 30.0) / (most * 1.25);
    const qreal byWidth = width() / (std::max<size_t>(1, m_columns.size()) * 2.2);
    return std::clamp(std::min(byHeight, byWidth), 8.0, 56.0);
}

QRectF NetworkView::unitRect(int column, int unit) const
{
    if (column < 0 || column >= columnCount()) return {};
    const qreal t = tileSize();
    const int n = static_cast<int>(m_columns[column].tiles.size());
    if (unit < 0 || unit >= n) return {}; // e.g. K softmax outputs drawn as one probability tile
    const qreal colW = width() / qreal(m_columns.size());
    const qreal x = colW * (column + 0.5) - t / 2;
    const qreal total = n * t * 1.25;
    const qreal y0 = 24 + (height() - 24 - total) / 2;
    return QRectF(x, y0 + unit * t * 1.25, t, t);
}

void NetworkView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    p.setRenderHint(QPainter::Antialiasing, true);
    // connections: weights of the Dense layer between consecutive columns
    for (size_t l = 0; l + 1 < m_columns.size() && l < m_snap.weights.size(); ++l) {
        const DenseWeights& w = m_snap.weights[l];
        float mx = 1e-6f;
        for (float v : w.w) mx = std::max(mx, std::fabs(v));
        for (int o = 0; o < w.dout; ++o)
            for (int k = 0; k < w.din; ++k) {
                const float v = w.w[static_cast<size_t>(o) * w.din + k];
                const QRectF a = unitRect(int(l), k);
                QRectF b = unitRect(int(l) + 1, o);
                if (b.isNull()) b = unitRect(int(l) + 1, 0); // all K outputs meet in the one output tile
                if (a.isNull() || b.isNull()) continue;
                QColor c = v >= 0 ? classColor(1) : classColor(0);
                c.setAlphaF(0.25 + 0.6 * std::fabs(v) / mx);
                p.setPen(QPen(c, 0.5 + 4.0 * std::fabs(v) / mx));
                p.drawLine(QPointF(a.right(), a.center().y()), QPointF(b.left(), b.center().y()));
            }
    }
    p.setRenderHint(QPainter::SmoothPixmapTransform, true);
    for (int c = 0; c < columnCount(); ++c) {
        const QRectF head(width() / qreal(m_columns.size()) * c, 2, width() / qreal(m_columns.size()), 18);
        p.setPen(palette().text().color());
        p.drawText(head, Qt::AlignCenter, m_columns[c].title);
        for (int u = 0; u < int(m_columns[c].tiles.size()); ++u) {
            const QRectF r = unitRect(c, u);
            p.drawImage(r, m_columns[c].tiles[u]);
            const bool hover = c == m_hoverCol && u == m_hoverUnit;
            p.setPen(QPen(hover ? Qt::black : QColor(120, 120, 120), hover ? 2.5 : 1));
            p.setBrush(Qt::NoBrush);
            p.drawRect(r);
        }
    }
    if (m_columns.size() > 0 && m_columns.front().tiles.size() == 2) {
        p.setPen(palette().text().color());
        const QRectF a = unitRect(0, 0), b = unitRect(0, 1);
        p.drawText(QRectF(a.left() - 26, a.top(), 24, a.height()), Qt::AlignRight | Qt::AlignVCenter, "X₁");
        p.drawText(QRectF(b.left() - 26, b.top(), 24, b.height()), Qt::AlignRight | Qt::AlignVCenter, "X₂");
    }
}

void NetworkView::mouseMoveEvent(QMouseEvent* e)
{
    int col = -1, unit = -1;
    for (int c = 1; c + 1 < columnCount(); ++c)
        for (int u = 0; u < int(m_columns[c].tiles.size()); ++u)
            if (unitRect(c, u).contains(e->position())) {
                col = c;
                unit = u;
            }
    if (col == m_hoverCol && unit == m_hoverUnit) return;
    m_hoverCol = col;
    m_hoverUnit = unit;
    update();
    if (col < 0) {
        emit unitLeft();
        return;
    }
    emitHover();
}

void NetworkView::emitHover()
{
    const int col = m_hoverCol, unit = m_hoverUnit;
    const dl::UnitGrid& g = *m_columns[col].grid;
    const size_t cells = static_cast<size_t>(g.res) * g.res;
    std::vector<float> v(g.values.begin() + unit * cells, g.values.begin() + (unit + 1) * cells);
    const QString caption = tr("Hidden layer %1, unit %2 (%3)")
                                .arg(col)
                                .arg(unit + 1)
                                .arg(QString::fromUtf8(dl::actCliName(m_snap.network.activation)));
    emit unitHovered(col, unit, v, g.res, std::max(1e-6f, g.scale[unit]), caption);
}

void NetworkView::leaveEvent(QEvent*)
{
    if (m_hoverCol >= 0) {
        m_hoverCol = m_hoverUnit = -1;
        update();
        emit unitLeft();
    }
}

} // namespace lab
