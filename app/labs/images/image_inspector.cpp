// SPDX-License-Identifier: MIT
#include "app/labs/images/image_inspector.h"

#include "widgets/planes_image.h"

#include <QMouseEvent>
#include <QPainter>

namespace lab {

ImageInspector::ImageInspector(QWidget* parent) : QWidget(parent)
{
    setMinimumSize(220, 300);
}

void ImageInspector::setProbe(const Probe& p, const QStringList& classNames)
{
    m_p = p;
    m_names = classNames;
    update();
}

void ImageInspector::setShowCam(bool on)
{
    m_cam = on;
    update();
}

// The image twice, side by side: as it is and under its Grad-CAM heat map.
QRect ImageInspector::imageRect() const
{
    const int side =
        std::min((width() - 24) / 2, std::max(60, height() - 60 - 18 * std::max(1, int(m_p.probs.size()))));
    return {(width() - 2 * side - 8) / 2, 26, side, side};
}

QRect ImageInspector::barRect(int cls) const
{
    const QRect img = imageRect();
    return {8, img.bottom() + 26 + cls * 18, width() - 16, 16};
}

void ImageInspector::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    if (m_p.index < 0 || m_p.image.values.empty()) {
        p.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("Click an image to see its feature maps, class probabilities and Grad-CAM."));
        return;
    }
    auto name = [&](int c) {
        return c >= 0 && c < m_names.size() ? m_names[c] : QString::number(c);
    };
    p.drawText(QRect(4, 4, width() - 8, 18), Qt::AlignHCenter,
               tr("%1 #%2: %3 → %4")
                   .arg(m_p.set == 1 ? tr("test") : tr("dev"))
                   .arg(m_p.index)
                   .arg(name(m_p.label), name(m_p.predicted)));
    const QImage img = planeImage(m_p.image, 0, PlaneScale::Unit);
    const QRect left = imageRect(), right = left.translated(left.width() + 8, 0);
    p.drawImage(left, img);
    if (m_cam && !m_p.cam.values.empty()) {
        p.drawImage(right, overlayHeat(img, m_p.cam.values, m_p.cam.h, m_p.cam.w));
        QFont f = font();
        f.setPointSizeF(f.pointSizeF() * 0.85);
        p.setFont(f);
        p.drawText(QRect(4, left.bottom() + 4, width() - 8, 16), Qt::AlignHCenter,
                   tr("Grad-CAM: %1 (%2)").arg(name(m_p.camClass), QString::fromStdString(m_p.cam.layer)));
        p.setFont(font());
    }
    for (int c = 0; c < int(m_p.probs.size()); ++c) {
        const QRect r = barRect(c);
        const float v = m_p.probs[size_t(c)];
        QColor col = c == m_p.label       ? QColor(40, 150, 70)
                     : c == m_p.predicted ? QColor(210, 60, 40)
                                          : QColor(120, 140, 170);
        p.fillRect(QRect(r.x() + 110, r.y() + 2, int((r.width() - 160) * v), r.height() - 4), col);
        p.setPen(c == m_p.camClass ? QPen(Qt::black, 2) : QPen(Qt::NoPen));
        p.drawRect(r.adjusted(108, 0, -48, 0));
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRect(r.x(), r.y(), 106, r.height()), Qt::AlignRight | Qt::AlignVCenter, name(c));
        p.drawText(QRect(r.right() - 46, r.y(), 46, r.height()), Qt::AlignRight | Qt::AlignVCenter,
                   QStringLiteral("%1 %").arg(100.0 * v, 0, 'f', 1));
    }
}

void ImageInspector::mousePressEvent(QMouseEvent* e)
{
    for (int c = 0; c < int(m_p.probs.size()); ++c)
        if (barRect(c).contains(e->position().toPoint())) emit classChosen(c);
}

} // namespace lab
