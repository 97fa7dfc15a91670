// SPDX-License-Identifier: MIT
#include "widgets/vector_strip_view.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

namespace lab {

VectorStripView::VectorStripView(QWidget* parent) : QWidget(parent)
{
    setMinimumHeight(14);
}

void VectorStripView::setValues(const std::vector<float>& v, float scale)
{
    m_v = v;
    m_scale = scale;
    if (m_scale <= 0)
        for (float x : v) m_scale = std::max(m_scale, std::fabs(x));
    if (m_scale <= 0) m_scale = 1;
    setToolTip(tr("%n numbers; colour: blue below 0, red above, full at ±%1", "", int(v.size())).arg(m_scale, 0, 'g', 3));
    update();
}

void VectorStripView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    if (m_v.empty()) return;
    const double w = double(width()) / m_v.size();
    for (size_t i = 0; i < m_v.size(); ++i) {
        const double t = std::clamp(double(m_v[i]) / m_scale, -1.0, 1.0);
        const int fade = int(255 * (1 - std::fabs(t)));
        const QColor c = t < 0 ? QColor(fade, fade, 255) : QColor(255, fade, fade);
        p.fillRect(QRectF(i * w, 0, w + 0.5, height()), c);
    }
}

} // namespace lab
