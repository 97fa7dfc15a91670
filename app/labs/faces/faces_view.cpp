// SPDX-License-Identifier: MIT
#include "app/labs/faces/faces_view.h"

#include <QPainter>

namespace lab {

FacesView::FacesView(QWidget* parent) : QWidget(parent)
{
    setMinimumSize(240, 180);
}

void FacesView::setPhoto(const FacesPhoto* p)
{
    m_photo = p;
    update();
}

void FacesView::setMarked(int a, int b)
{
    m_a = a, m_b = b;
    update();
}

void FacesView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    if (!m_photo || m_photo->image.isNull()) {
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("Add photos of people (or the demo photos): every face is found, its 68 landmarks drawn and "
                      "its 128 numbers computed."));
        return;
    }
    const QSize img = m_photo->image.size();
    const double s = std::min(double(width()) / img.width(), double(height()) / img.height());
    const QPointF o((width() - img.width() * s) / 2, (height() - img.height() * s) / 2);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(QRectF(o, QSizeF(img) * s), m_photo->image);
    p.setRenderHint(QPainter::Antialiasing);
    auto map = [&](const QPointF& q) { return o + q * s; };
    for (size_t i = 0; i < m_photo->faces.size(); ++i) {
        const FaceItem& f = m_photo->faces[i];
        const bool a = int(i) == m_a, b = int(i) == m_b;
        const QColor c = a ? QColor(230, 60, 40) : b ? QColor(40, 110, 230) : QColor(250, 200, 40);
        p.setPen(QPen(c, a || b ? 3 : 2));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(map(f.box.topLeft()), map(f.box.bottomRight())));
        p.setPen(QPen(c, 1, Qt::DashLine));
        p.drawRect(QRectF(map(f.chipRegion.topLeft()), map(QPointF(f.chipRegion.right() + 1, f.chipRegion.bottom() + 1))));
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(40, 230, 90));
        for (const QPointF& q : f.landmarks) p.drawEllipse(map(q), 2.0, 2.0);
        p.setPen(c);
        const QString label = (a ? QStringLiteral("A  ") : b ? QStringLiteral("B  ") : QString()) +
                              tr("face %1 · %2").arg(i + 1).arg(f.score, 0, 'f', 2);
        p.drawText(map(f.box.topLeft()) + QPointF(0, -4), label);
    }
}

} // namespace lab
