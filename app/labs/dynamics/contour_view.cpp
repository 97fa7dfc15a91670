// SPDX-License-Identifier: MIT
#include "contour_view.h"

#include "core/optim/optimizer.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace lab {

ContourView::ContourView(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(false);
    setCursor(Qt::CrossCursor);
    setToolTip(tr("Click or drag to set where the race starts. Contours: 16 bands of f, each covering a sixteenth "
                  "of the view (equal areas, not equal steps of f), so flat and steep parts both show."));
    setSurface(m_surface);
}

QColor ContourView::racerColor(int kind)
{
    switch (dl::OptKind(kind)) {
    case dl::OptKind::GD:
        return QColor(230, 85, 13);
    case dl::OptKind::Momentum:
        return QColor(49, 130, 189);
    case dl::OptKind::RMSprop:
        return QColor(117, 107, 177);
    case dl::OptKind::Adam:
        return QColor(49, 163, 84);
    case dl::OptKind::Nesterov:
        return QColor(23, 190, 207);
    case dl::OptKind::AdamW:
        return QColor(140, 86, 75);
    }
    return Qt::black;
}

void ContourView::setSurface(const dl::Surface& s)
{
    // A new start (every drag event) keeps the surface: the map is drawn again only when it changed.
    const bool same = !m_map.isNull() && s.kind == m_surface.kind && s.kappa == m_surface.kappa;
    m_surface = s;
    m_view = s.view();
    m_race = {};
    if (!same) renderMap();
    update();
}

void ContourView::setRace(const RaceSnapshot& s)
{
    m_race = s;
    update();
}

void ContourView::setStart(QPointF p)
{
    m_start = p;
    update();
}

QRectF ContourView::plotRect() const
{
    // One scale for both axes: a circle of the surface stays a circle.
    const QRectF room(8, 8, std::max(10, width() - 16), std::max(10, height() - 16));
    const double w = m_view.x1 - m_view.x0, h = m_view.y1 - m_view.y0;
    const double k = std::min(room.width() / w, room.height() / h);
    QRectF r(0, 0, w * k, h * k);
    r.moveCenter(room.center());
    return r;
}

QPointF ContourView::toWidget(QPointF p) const
{
    const QRectF r = plotRect();
    return {r.left() + (p.x() - m_view.x0) / (m_view.x1 - m_view.x0) * r.width(),
            r.bottom() - (p.y() - m_view.y0) / (m_view.y1 - m_view.y0) * r.height()};
}

QPointF ContourView::toSurface(QPointF w) const
{
    const QRectF r = plotRect();
    return {m_view.x0 + (w.x() - r.left()) / r.width() * (m_view.x1 - m_view.x0),
            m_view.y0 + (r.bottom() - w.y()) / r.height() * (m_view.y1 - m_view.y0)};
}

// 16 bands of f from dark blue (low) to pale yellow, each holding a sixteenth of the view (edges at the
// grid's quantiles of f, so a plateau gets its contour lines too, and a valley's floor); a band's edge is a
// contour line.
void ContourView::renderMap()
{
    const QRectF r = plotRect();
    const int w = std::max(2, int(r.width())), h = std::max(2, int(r.height()));
    std::vector<double> v(size_t(w) * h);
    const double fmin = m_surface.value(m_view.minX, m_view.minY);
    const auto fAt = [&](double px, double py) { // f at a pixel position, minus the minimum's
        const double sx = m_view.x0 + (px + 0.5) / w * (m_view.x1 - m_view.x0);
        const double sy = m_view.y1 - (py + 0.5) / h * (m_view.y1 - m_view.y0);
        return m_surface.value(sx, sy) - fmin;
    };
    // A surface made of data (a sum over thousands of examples per point) is sampled every few pixels and
    // interpolated between: smooth, so the picture is the same, and the window never waits for it.
    const int step = m_surface.kind == dl::SurfaceKind::Logistic ? 6 : 1;
    if (step == 1) {
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) v[size_t(y) * w + x] = fAt(x, y);
    } else {
        const int gw = (w - 1) / step + 2, gh = (h - 1) / step + 2;
        std::vector<double> g(size_t(gw) * gh);
        for (int j = 0; j < gh; ++j)
            for (int i = 0; i < gw; ++i) g[size_t(j) * gw + i] = fAt(double(i * step), double(j * step));
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                const int i = x / step, j = y / step;
                const double tx = double(x % step) / step, ty = double(y % step) / step;
                const double a = g[size_t(j) * gw + i], b = g[size_t(j) * gw + i + 1];
                const double c = g[size_t(j + 1) * gw + i], d = g[size_t(j + 1) * gw + i + 1];
                v[size_t(y) * w + x] = (1 - ty) * ((1 - tx) * a + tx * b) + ty * ((1 - tx) * c + tx * d);
            }
    }
    constexpr int kBands = 16;
    std::vector<double> sorted = v;
    std::sort(sorted.begin(), sorted.end());
    std::vector<double> edges; // the upper edge of bands 0 … 14
    for (int b = 1; b < kBands; ++b) edges.push_back(sorted[sorted.size() * size_t(b) / kBands]);
    m_map = QImage(w, h, QImage::Format_RGB32);
    auto band = [&](double f) { return int(std::upper_bound(edges.begin(), edges.end(), f) - edges.begin()); };
    for (int y = 0; y < h; ++y) {
        auto* line = reinterpret_cast<QRgb*>(m_map.scanLine(y));
        for (int x = 0; x < w; ++x) {
            const int b = band(v[size_t(y) * w + x]);
            const double t = double(b) / (kBands - 1);
            // dark blue → teal → pale yellow
            QColor c = QColor::fromRgbF(float(0.12 + 0.85 * t * t), float(0.2 + 0.7 * t), float(0.45 + 0.2 * t - 0.3 * t * t));
            const bool edge = (x + 1 < w && band(v[size_t(y) * w + x + 1]) != b) || (y + 1 < h && band(v[size_t(y + 1) * w + x]) != b);
            line[x] = edge ? c.darker(135).rgb() : c.rgb();
        }
    }
}

void ContourView::resizeEvent(QResizeEvent*)
{
    renderMap();
}

void ContourView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    const QRectF r = plotRect();
    p.drawImage(r.topLeft(), m_map);
    p.setPen(QColor(120, 120, 120));
    p.drawRect(r);
    p.setRenderHint(QPainter::Antialiasing);
    // The minimum: a white star-ish cross; the start: a ring.
    const QPointF m = toWidget({m_view.minX, m_view.minY});
    p.setPen(QPen(Qt::white, 2));
    p.drawLine(m + QPointF(-6, 0), m + QPointF(6, 0));
    p.drawLine(m + QPointF(0, -6), m + QPointF(0, 6));
    p.setClipRect(r);
    const size_t n = m_race.racers.size();
    for (size_t i = 0; i < n; ++i) { // the first drawn widest: paths that share a valley stay visible as stripes
        const RacerTrack& t = m_race.racers[i];
        if (t.path.empty()) continue;
        const QColor c = racerColor(t.kind);
        QPainterPath path(toWidget(t.path.front()));
        // a long race: at most about 4000 segments a path (a pixel is finer than that anyway), the end exact
        const size_t stride = std::max<size_t>(1, t.path.size() / 4000);
        for (size_t k = stride; k < t.path.size(); k += stride) path.lineTo(toWidget(t.path[k]));
        path.lineTo(toWidget(t.path.back()));
        p.setPen(QPen(c, 1.5 + 1.5 * double(n - 1 - i)));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        const QPointF at = toWidget(t.path.back());
        p.setPen(QPen(Qt::white, 1.5));
        p.setBrush(c);
        p.drawEllipse(at, 5, 5);
        if (!m_arrows) continue;
        // The state as arrows at the current position: the velocity v (where momentum carries the point; its
        // length as a share of a quarter of the view, capped), and for RMSprop and Adam the per-axis stretch of
        // a step, 1/√s along x and along y, the longer one a tenth of the view (which axis gets the bigger step).
        const double span = m_view.x1 - m_view.x0;
        auto arrow = [&](QPointF d, Qt::PenStyle style) {
            if (!(std::hypot(d.x(), d.y()) > 0) || !std::isfinite(d.x()) || !std::isfinite(d.y())) return;
            const QPointF tip = toWidget(t.path.back() + d);
            p.setPen(QPen(c.darker(140), 2, style));
            p.drawLine(at, tip);
            p.drawEllipse(tip, 2, 2);
        };
        const double speed = std::hypot(t.first.x(), t.first.y());
        if (speed > 0) arrow(-t.first / speed * 0.25 * span * std::min(1.0, speed / 4), Qt::SolidLine); // W −= αv: along −v
        if (t.second.x() > 0 || t.second.y() > 0) {
            const double sx = 1 / std::sqrt(t.second.x() + 1e-12), sy = 1 / std::sqrt(t.second.y() + 1e-12);
            const double big = std::max(sx, sy);
            arrow(QPointF(0.1 * span * sx / big, 0), Qt::DashLine);
            arrow(QPointF(0, 0.1 * span * sy / big), Qt::DashLine);
        }
    }
    p.setClipping(false);
    p.setPen(QColor(40, 40, 40));
    p.drawText(QRectF(r.left() + 6, r.bottom() - fontMetrics().height() - 4, r.width() - 12, fontMetrics().height() + 2),
               Qt::AlignLeft, tr("contours: 16 equal-area bands"));
    p.setPen(QPen(Qt::white, 2));
    p.setBrush(Qt::NoBrush);
    p.drawEllipse(toWidget(m_start), 7, 7);
}

void ContourView::mousePressEvent(QMouseEvent* e)
{
    if (plotRect().contains(e->position())) emit startPicked(toSurface(e->position()));
}

void ContourView::mouseMoveEvent(QMouseEvent* e)
{
    if ((e->buttons() & Qt::LeftButton) && plotRect().contains(e->position())) emit startPicked(toSurface(e->position()));
}

} // namespace lab
