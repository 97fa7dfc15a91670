// SPDX-License-Identifier: MIT
#include "widgets/decision_map_view.h"

#include "widgets/palette.h"

#include <QMouseEvent>
#include <QPainter>

namespace lab {

DecisionMapView::DecisionMapView(QWidget* parent) : QWidget(parent)
{
    setToolTip(tr("Left click: add a point of the chosen class. Right click: remove the nearest point.\n"
                  "Filled points: training set. Hollow points: dev set."));
    setCursor(Qt::CrossCursor);
}

void DecisionMapView::setGrid(const dl::PlaneGrid& grid)
{
    m_grid = grid;
    m_image = probabilityImage(grid.prob, grid.res, grid.classes);
    update();
}

void DecisionMapView::setPoints(const dl::Split& points)
{
    m_data = points;
    update();
}

void DecisionMapView::setOverlay(const std::vector<float>& values, int res, float scale,
                                 const QString& caption)
{
    if (values.size() < static_cast<size_t>(res) * res) return;
    m_overlay = unitImage(values.data(), res, scale);
    m_caption = caption;
    update();
}

void DecisionMapView::clearOverlay()
{
    m_overlay = QImage();
    m_caption.clear();
    update();
}

QRectF DecisionMapView::plotRect() const
{
    const qreal side = std::min(width() - 96.0, height() - 28.0); // room for the axis labels
    return QRectF((width() - side) / 2, (height() - side) / 2, side, side);
}

QPointF DecisionMapView::toPlane(const QPointF& p) const
{
    const QRectF r = plotRect();
    const dl::Bounds& b = m_grid.bounds;
    return {b.xmin + (p.x() - r.left()) / r.width() * (b.xmax - b.xmin),
            b.ymax - (p.y() - r.top()) / r.height() * (b.ymax - b.ymin)};
}

QPointF DecisionMapView::toWidget(float x, float y) const
{
    const QRectF r = plotRect();
    const dl::Bounds& b = m_grid.bounds;
    return {r.left() + (x - b.xmin) / (b.xmax - b.xmin) * r.width(),
            r.top() + (b.ymax - y) / (b.ymax - b.ymin) * r.height()};
}

void DecisionMapView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    const QRectF r = plotRect();
    p.setRenderHint(QPainter::SmoothPixmapTransform, true);
    const QImage& img = m_overlay.isNull() ? m_image : m_overlay;
    if (!img.isNull()) p.drawImage(r, img);
    p.setRenderHint(QPainter::Antialiasing, true);
    const qreal radius = std::max(2.5, r.width() / 130);
    auto drawSet = [&](const dl::Dataset2D& d, bool filled) {
        for (int i = 0; i < d.size(); ++i) {
            const QPointF c = toWidget(d.xy[2 * i], d.xy[2 * i + 1]);
            const QColor col = classColor(d.label[i]);
            if (filled) {
                p.setPen(QPen(Qt::white, 1.0));
                p.setBrush(col);
            } else {
                p.setPen(QPen(col.darker(115), 2.0));
                p.setBrush(Qt::NoBrush);
            }
            p.drawEllipse(c, radius, radius);
        }
    };
    drawSet(m_data.train, true);
    drawSet(m_data.dev, false);
    p.setPen(QPen(palette().text().color(), 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(r);
    const dl::Bounds& b = m_grid.bounds;
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 0.85);
    p.setFont(f);
    p.drawText(QRectF(r.left(), r.bottom() + 2, 80, 20), Qt::AlignLeft, QString::number(b.xmin, 'g', 3));
    p.drawText(QRectF(r.right() - 80, r.bottom() + 2, 80, 20), Qt::AlignRight,
               QString::number(b.xmax, 'g', 3));
    p.drawText(QRectF(r.left() - 46, r.top(), 42, 20), Qt::AlignRight, QString::number(b.ymax, 'g', 3));
    p.drawText(QRectF(r.left() - 46, r.bottom() - 18, 42, 20), Qt::AlignRight,
               QString::number(b.ymin, 'g', 3));
    if (!m_caption.isEmpty()) {
        QRectF cap(r.left() + 6, r.top() + 6, r.width() - 12, 22);
        p.fillRect(cap, QColor(255, 255, 255, 200));
        p.drawText(cap, Qt::AlignCenter, m_caption);
    }
}

void DecisionMapView::mousePressEvent(QMouseEvent* e)
{
    if (!plotRect().contains(e->position())) return;
    const QPointF q = toPlane(e->position());
    if (e->button() == Qt::LeftButton) emit addPointRequested(float(q.x()), float(q.y()));
    if (e->button() == Qt::RightButton) {
        const float radius = float(12.0 / plotRect().width() * (m_grid.bounds.xmax - m_grid.bounds.xmin));
        emit removePointRequested(float(q.x()), float(q.y()), radius);
    }
}

} // namespace lab
