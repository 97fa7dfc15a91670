// SPDX-License-Identifier: MIT
#include "app/labs/sequence/char_probe_view.h"

#include "widgets/palette.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <numeric>

namespace lab {

namespace {
constexpr int kCell = 18, kTop = 8, kLeft = 40;
} // namespace

CharProbeView::CharProbeView(QWidget* parent) : QWidget(parent)
{
    setMinimumHeight(240);
}

void CharProbeView::setProbe(const SequenceProbe& p)
{
    m_p = p;
    m_pos = std::min<int>(m_pos, static_cast<int>(m_p.next.size()) - 1);
    m_pos = std::max(0, m_pos);
    setUnit(m_unit);
}

void CharProbeView::setUnit(int unit)
{
    const int n = m_p.hidden.empty() ? 1 : static_cast<int>(m_p.hidden.front().size());
    m_unit = std::clamp(unit, 0, n - 1);
    update();
}

void CharProbeView::selectPosition(int i)
{
    if (m_p.next.empty()) return;
    m_pos = std::clamp(i, 0, static_cast<int>(m_p.next.size()) - 1);
    update();
    emit positionSelected(m_pos);
}

std::vector<std::pair<QString, float>> CharProbeView::topNext(int k) const
{
    std::vector<std::pair<QString, float>> out;
    if (m_p.next.empty()) return out;
    const std::vector<float>& d = m_p.next[static_cast<size_t>(m_pos)];
    std::vector<int> order(d.size());
    std::iota(order.begin(), order.end(), 0);
    k = std::min<int>(k, static_cast<int>(d.size()));
    std::partial_sort(order.begin(), order.begin() + k, order.end(),
                      [&](int a, int b) { return d[static_cast<size_t>(a)] > d[static_cast<size_t>(b)]; });
    for (int i = 0; i < k; ++i) {
        const int id = order[static_cast<size_t>(i)];
        out.push_back({id < m_p.symbols.size() ? m_p.symbols[id] : QString("?"), d[static_cast<size_t>(id)]});
    }
    return out;
}

QRectF CharProbeView::cellRect(int i) const
{
    const int perRow = std::max(1, (width() - kLeft - 8) / kCell);
    const int rows = 1 + m_p.gateNames.size(); // the text row, then one per gate
    return {static_cast<double>(kLeft + (i % perRow) * kCell),
            static_cast<double>(kTop + (i / perRow) * (rows * kCell + 6)), kCell - 1.0, kCell - 1.0};
}

void CharProbeView::paintEvent(QPaintEvent*)
{
    QPainter g(this);
    g.fillRect(rect(), Qt::white);
    if (m_p.text.isEmpty()) {
        g.drawText(rect(), Qt::AlignCenter, tr("Type a text above and press Read: the model reads it here."));
        return;
    }
    const std::u32string text = m_p.text.toStdU32String();
    const int n = static_cast<int>(m_p.hidden.empty() ? 0 : m_p.hidden.front().size());
    for (size_t i = 0; i < text.size() && i < m_p.hidden.size(); ++i) {
        QRectF r = cellRect(static_cast<int>(i));
        g.fillRect(r, QColor::fromRgb(divergingColor(m_p.hidden[i][static_cast<size_t>(m_unit)])));
        const QString ch = text[i] == U'\n' ? QStringLiteral("⏎") : QString::fromStdU32String(std::u32string(1, text[i]));
        g.setPen(Qt::black);
        g.drawText(r, Qt::AlignCenter, ch);
        for (int k = 0; k < m_p.gateNames.size(); ++k) { // gate k of this unit: rows k·n + unit
            r.translate(0, kCell);
            const float v = m_p.gates[i][static_cast<size_t>(k * n + m_unit)];
            const bool tanhRow = m_p.gateNames[k] == QStringLiteral("c̃") || m_p.gateNames[k] == QStringLiteral("a");
            g.fillRect(r, QColor::fromRgb(divergingColor(tanhRow ? v : 2 * v - 1))); // σ in [0, 1] → [−1, 1]
        }
        if (static_cast<int>(i) + 1 == m_pos) {
            g.setPen(QPen(Qt::red, 2));
            g.drawRect(cellRect(static_cast<int>(i)));
        }
    }
    g.setPen(Qt::darkGray);
    for (int k = 0; k < m_p.gateNames.size(); ++k) {
        const QRectF r = cellRect(0).translated(-kLeft + 2, (k + 1) * kCell);
        g.drawText(QRectF(r.left(), r.top(), kLeft - 4, kCell), Qt::AlignVCenter, m_p.gateNames[k]);
    }
}

void CharProbeView::mousePressEvent(QMouseEvent* e)
{
    const std::u32string text = m_p.text.toStdU32String();
    for (size_t i = 0; i < text.size(); ++i)
        if (cellRect(static_cast<int>(i)).adjusted(0, 0, 1, m_p.gateNames.size() * kCell + 1).contains(e->position())) {
            selectPosition(static_cast<int>(i) + 1); // the distribution of what follows this character
            return;
        }
}

} // namespace lab
