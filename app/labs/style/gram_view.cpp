// SPDX-License-Identifier: MIT
#include "app/labs/style/gram_view.h"

#include "widgets/planes_image.h"

#include <QPainter>
#include <cmath>

namespace lab {

GramView::GramView(QWidget* parent) : QWidget(parent)
{
    setMinimumSize(320, 200);
}

void GramView::clear()
{
    m_s = m_g = QImage();
    m_relDiff = -1;
    update();
}

void GramView::setGram(const GramPair& g)
{
    const int c = g.channels;
    if (c <= 0 || g.style.size() != static_cast<size_t>(c) * c || g.generated.size() != g.style.size())
        return;
    // One colour scale for both: map them as one c × 2c plane, then cut it in two. sqrt compresses the
    // few very large entries (channels that fire everywhere) so the structure of the rest stays visible.
    std::vector<float> both(static_cast<size_t>(c) * 2 * c);
    double num = 0, den = 0;
    for (int i = 0; i < c; ++i)
        for (int j = 0; j < c; ++j) {
            const float s = g.style[static_cast<size_t>(i) * c + j],
                        gg = g.generated[static_cast<size_t>(i) * c + j];
            both[static_cast<size_t>(i) * 2 * c + j] = std::copysign(std::sqrt(std::abs(s)), s);
            both[static_cast<size_t>(i) * 2 * c + c + j] = std::copysign(std::sqrt(std::abs(gg)), gg);
            num += (static_cast<double>(s) - gg) * (static_cast<double>(s) - gg);
            den += static_cast<double>(s) * s;
        }
    const QImage img = mapImage(both.data(), c, 2 * c, true);
    m_s = img.copy(0, 0, c, c);
    m_g = img.copy(c, 0, c, c);
    m_info = g;
    m_relDiff = den > 0 ? std::sqrt(num / den) : 0;
    update();
}

void GramView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    if (m_s.isNull()) {
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("Run a few iterations: the Gram matrices of the chosen style layer appear here."));
        return;
    }
    const int top = 24, bottom = 26, gap = 16;
    const int side = std::max(16, std::min((width() - 3 * gap) / 2, height() - top - bottom));
    const int x0 = (width() - 2 * side - gap) / 2;
    const QRect a(x0, top, side, side), b(x0 + side + gap, top, side, side);
    p.drawImage(a, m_s); // nearest-neighbour scaling: one block per channel pair
    p.drawImage(b, m_g);
    const int half = width() / 2;
    p.drawText(QRect(0, 2, half, top - 4), Qt::AlignRight | Qt::AlignVCenter,
               tr("G_S: painting, layer %1 (%2×%2)").arg(m_info.layer).arg(m_info.channels) + "   ");
    p.drawText(QRect(half, 2, half, top - 4), Qt::AlignLeft | Qt::AlignVCenter,
               "   " + tr("G_G: generated, iteration %1").arg(m_info.iteration));
    p.drawText(QRect(0, top + side + 2, width(), bottom), Qt::AlignCenter,
               tr("‖G_S − G_G‖ / ‖G_S‖ = %1   (colour: √G, one scale for both)").arg(m_relDiff, 0, 'f', 3));
}

} // namespace lab
