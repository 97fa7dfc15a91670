// SPDX-License-Identifier: MIT
#include "app/labs/sequence/unit_heat_map.h"

#include "widgets/palette.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace lab {

UnitHeatMap::UnitHeatMap(QWidget* parent) : QWidget(parent)
{
    setMinimumHeight(90);
    setToolTip(tr("Every hidden unit (rows) over the text (columns); click a row to colour the text by that unit"));
}

void UnitHeatMap::setActivations(const std::vector<std::vector<float>>& hidden)
{
    const int T = static_cast<int>(hidden.size()), n = T ? static_cast<int>(hidden.front().size()) : 0;
    m_image = QImage(std::max(T, 0), std::max(n, 0), QImage::Format_RGB32);
    for (int u = 0; u < n; ++u) {
        auto* line = reinterpret_cast<QRgb*>(m_image.scanLine(u));
        for (int t = 0; t < T; ++t) line[t] = divergingColor(hidden[static_cast<size_t>(t)][static_cast<size_t>(u)]);
    }
    m_unit = std::clamp(m_unit, 0, std::max(0, n - 1));
    update();
}

void UnitHeatMap::setUnit(int unit)
{
    m_unit = std::clamp(unit, 0, std::max(0, units() - 1));
    update();
}

QRect UnitHeatMap::mapRect() const
{
    return rect().adjusted(40, 4, -8, -4);
}

void UnitHeatMap::paintEvent(QPaintEvent*)
{
    QPainter g(this);
    g.fillRect(rect(), Qt::white);
    if (m_image.isNull()) return;
    const QRect r = mapRect();
    g.drawImage(r, m_image); // nearest neighbour: one block per unit and character
    g.setPen(Qt::darkGray);
    g.drawText(QRect(0, r.top(), 38, 14), Qt::AlignRight, tr("unit 0"));
    g.drawText(QRect(0, r.bottom() - 14, 38, 14), Qt::AlignRight, QString::number(units() - 1));
    const double rowH = static_cast<double>(r.height()) / units();
    g.setPen(QPen(Qt::red, 1.5));
    g.drawRect(QRectF(r.left(), r.top() + m_unit * rowH, r.width(), std::max(rowH, 2.0)));
}

void UnitHeatMap::mousePressEvent(QMouseEvent* e)
{
    const QRect r = mapRect();
    if (m_image.isNull() || !r.contains(e->position().toPoint())) return;
    const int unit = static_cast<int>((e->position().y() - r.top()) * units() / r.height());
    setUnit(unit);
    emit unitSelected(m_unit);
}

} // namespace lab
