// SPDX-License-Identifier: MIT
#include "widgets/confusion_matrix_view.h"

#include <QMouseEvent>
#include <QPainter>

namespace lab {

ConfusionMatrixView::ConfusionMatrixView(QWidget* parent) : QWidget(parent)
{
    setMinimumSize(320, 280);
}

void ConfusionMatrixView::setMetrics(const dl::Metrics& m, const QStringList& classNames,
                                     const QString& title)
{
    m_m = m;
    m_names = classNames;
    m_title = title;
    update();
}

QRect ConfusionMatrixView::grid() const
{
    const int left = 96, top = 46, right = 56, bottom = 40;
    const int k = std::max(1, m_m.classes);
    const int side = std::max(k, std::min(width() - left - right, height() - top - bottom)) / k * k;
    return {left, top, side, side};
}

QRect ConfusionMatrixView::cellRect(int truth, int predicted) const
{
    const QRect g = grid();
    const int c = g.width() / std::max(1, m_m.classes);
    return {g.x() + predicted * c, g.y() + truth * c, c, c};
}

void ConfusionMatrixView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    p.setPen(palette().color(QPalette::Text));
    if (m_m.classes == 0) {
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("Evaluate to see which classes the model confuses (Evaluate on dev / test)."));
        return;
    }
    const int k = m_m.classes;
    const QRect g = grid();
    QFont f = font();
    p.drawText(QRect(0, 4, width(), 18), Qt::AlignHCenter,
               tr("%1 — accuracy %2 %, macro F1 %3")
                   .arg(m_title)
                   .arg(100.0 * m_m.accuracy, 0, 'f', 2)
                   .arg(m_m.macroF1, 0, 'f', 3));
    f.setPointSizeF(f.pointSizeF() * 0.8);
    p.setFont(f);
    p.drawText(QRect(g.x(), g.y() - 20, g.width(), 16), Qt::AlignHCenter, tr("predicted →"));
    p.drawText(QRect(0, g.bottom() + 2, g.x() - 4, 16), Qt::AlignRight, tr("precision"));
    p.drawText(QRect(g.right() + 4, g.y() - 20, 52, 16), Qt::AlignLeft, tr("recall"));
    for (int t = 0; t < k; ++t) {
        int rowSum = 0;
        for (int c = 0; c < k; ++c) rowSum += m_m.at(t, c);
        for (int c = 0; c < k; ++c) {
            const QRect r = cellRect(t, c);
            const int n = m_m.at(t, c);
            const double share = rowSum ? double(n) / rowSum : 0.0;
            const QColor base = t == c ? QColor(30, 120, 200) : QColor(210, 60, 40);
            QColor fill = base;
            fill.setAlphaF(std::min(1.0, t == c ? share : share * 4.0)); // mistakes are rarer: amplified
            p.fillRect(r, Qt::white);
            p.fillRect(r, fill);
            p.setPen(QColor(220, 220, 220));
            p.drawRect(r);
            p.setPen(fill.alphaF() > 0.6 ? Qt::white : Qt::black);
            if (n) p.drawText(r, Qt::AlignCenter, QString::number(n));
        }
        const QString name = t < m_names.size() ? m_names[t] : QString::number(t);
        p.setPen(palette().color(QPalette::Text));
        const QRect rr = cellRect(t, 0);
        p.drawText(QRect(0, rr.y(), g.x() - 4, rr.height()), Qt::AlignRight | Qt::AlignVCenter, name);
        const dl::ClassMetrics& cm = m_m.perClass[size_t(t)];
        p.drawText(QRect(g.right() + 4, rr.y(), 52, rr.height()), Qt::AlignLeft | Qt::AlignVCenter,
                   QString::number(cm.recall, 'f', 2));
        const QRect cr = cellRect(k - 1, t); // column t: its precision, and the class name's start
        p.drawText(QRect(cr.x(), g.bottom() + 2, cr.width(), 16), Qt::AlignHCenter,
                   QString::number(cm.precision, 'f', 2).mid(cr.width() < 34 ? 1 : 0));
        p.drawText(QRect(cr.x(), g.bottom() + 18, cr.width(), 16), Qt::AlignHCenter,
                   p.fontMetrics().elidedText(name, Qt::ElideRight, cr.width(), Qt::TextSingleLine));
    }
}

void ConfusionMatrixView::mousePressEvent(QMouseEvent* e)
{
    const int k = m_m.classes;
    for (int t = 0; t < k; ++t)
        for (int c = 0; c < k; ++c)
            if (cellRect(t, c).contains(e->position().toPoint())) {
                emit cellClicked(t, c);
                return;
            }
}

} // namespace lab
