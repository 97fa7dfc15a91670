// SPDX-License-Identifier: MIT
#include "widgets/picture_view.h"

#include <QPainter>

namespace lab {

PictureView::PictureView(const QString& caption, QWidget* parent) : QWidget(parent), m_caption(caption)
{
    setMinimumSize(120, 100);
}

void PictureView::setImage(const QImage& img)
{
    m_img = img;
    update();
}

void PictureView::setCaption(const QString& c)
{
    m_caption = c;
    update();
}

void PictureView::setEmptyText(const QString& t)
{
    m_empty = t;
    update();
}

void PictureView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const int top = fontMetrics().height() + 6;
    p.drawText(QRect(0, 0, width(), top), Qt::AlignCenter, m_caption);
    const QRect area(0, top, width(), height() - top);
    if (m_img.isNull()) {
        p.fillRect(area, palette().alternateBase());
        p.drawText(area.adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap, m_empty);
        return;
    }
    const QSize s = m_img.size().scaled(area.size(), Qt::KeepAspectRatio);
    const QRect target(area.left() + (area.width() - s.width()) / 2,
                       area.top() + (area.height() - s.height()) / 2, s.width(), s.height());
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(target, m_img);
}

} // namespace lab
