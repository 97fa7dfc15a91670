// SPDX-License-Identifier: MIT
#include "widgets/matrix_heat_view.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>

namespace lab {

MatrixHeatView::MatrixHeatView(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    m_empty = tr("nothing to show yet");
}

void MatrixHeatView::setMatrix(std::vector<double> values, QStringList labels, double lo, double hi)
{
    const size_t n = size_t(labels.size());
    values.resize(n * n, NAN);
    m_v = std::move(values), m_labels = std::move(labels);
    m_lo = lo, m_hi = hi > lo ? hi : lo + 1;
    update();
}

void MatrixHeatView::setThreshold(double t)
{
    m_t = t;
    update();
}

int MatrixHeatView::markedCount() const
{
    int k = 0;
    for (int r = 0; r < size(); ++r)
        for (int c = 0; c < size(); ++c) k += r != c && value(r, c) <= m_t;
    return k;
}

QRectF MatrixHeatView::grid() const
{
    const double top = 4 + fontMetrics().height(), left = 8 + fontMetrics().horizontalAdvance("000");
    const double bar = 2.5 * fontMetrics().height() + 12; // colour bar and its numbers below
    const double side = std::max(10.0, std::min(width() - left - 8, height() - top - bar));
    return {left, top, side, side};
}

QRectF MatrixHeatView::cellRect(int r, int c) const
{
    const QRectF g = grid();
    const double s = g.width() / std::max(1, size());
    return {g.left() + c * s, g.top() + r * s, s, s};
}

bool MatrixHeatView::cellAt(QPointF pos, int& r, int& c) const
{
    const QRectF g = grid();
    if (size() == 0 || !g.contains(pos)) return false;
    const double s = g.width() / size();
    c = std::clamp(int((pos.x() - g.left()) / s), 0, size() - 1);
    r = std::clamp(int((pos.y() - g.top()) / s), 0, size() - 1);
    return true;
}

// Dark blue (near) → light yellow (far): a perceptually ordered ramp, so "dark" always reads "similar".
QColor MatrixHeatView::colour(double v) const
{
    if (!std::isfinite(v)) return QColor(230, 230, 230);
    const double t = std::clamp((v - m_lo) / (m_hi - m_lo), 0.0, 1.0);
    static const QColor stops[] = {{34, 35, 94}, {40, 110, 142}, {53, 183, 121}, {253, 231, 37}};
    const double x = t * 3;
    const int i = std::min(2, int(x));
    const double f = x - i;
    const QColor a = stops[i], b = stops[i + 1];
    return QColor(int(a.red() + f * (b.red() - a.red())), int(a.green() + f * (b.green() - a.green())),
                  int(a.blue() + f * (b.blue() - a.blue())));
}

void MatrixHeatView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), Qt::white);
    const QRectF g = grid();
    if (size() == 0) {
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, m_empty);
        return;
    }
    const int n = size();
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c) p.fillRect(cellRect(r, c), colour(value(r, c)));
    const double s = g.width() / n;
    if (std::isfinite(m_t) && s >= 4) { // the pairs called "the same" at τ
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen), p.setBrush(Qt::white);
        for (int r = 0; r < n; ++r)
            for (int c = 0; c < n; ++c)
                if (r != c && value(r, c) <= m_t) p.drawEllipse(cellRect(r, c).center(), s * 0.18, s * 0.18);
        p.setRenderHint(QPainter::Antialiasing, false);
    }
    p.setPen(palette().color(QPalette::WindowText));
    const int every = std::max(1, int(std::ceil(fontMetrics().height() / s))); // numbers that fit
    for (int i = 0; i < n; i += every) {
        const QRectF row = cellRect(i, 0), col = cellRect(0, i);
        p.drawText(QRectF(0, row.top(), g.left() - 3, s), Qt::AlignRight | Qt::AlignVCenter, QString::number(i + 1));
        p.drawText(QRectF(col.left() - 10, 2, s + 20, g.top() - 2), Qt::AlignHCenter | Qt::AlignBottom, QString::number(i + 1));
    }
    // The colour bar, lo … hi, with the threshold marked.
    const QRectF bar(g.left(), g.bottom() + 8, g.width(), fontMetrics().height() * 0.8);
    for (int x = 0; x < int(bar.width()); ++x)
        p.fillRect(QRectF(bar.left() + x, bar.top(), 1, bar.height()), colour(m_lo + (m_hi - m_lo) * x / bar.width()));
    const double ty = bar.bottom() + 2;
    const QString lo = QString::number(m_lo, 'g', 3), hi = QString::number(m_hi, 'g', 3);
    p.drawText(QRectF(bar.left(), ty, bar.width(), fontMetrics().height()), Qt::AlignLeft, lo);
    p.drawText(QRectF(bar.left(), ty, bar.width(), fontMetrics().height()), Qt::AlignRight, hi);
    if (std::isfinite(m_t) && m_t >= m_lo && m_t <= m_hi) {
        const double x = bar.left() + (m_t - m_lo) / (m_hi - m_lo) * bar.width();
        p.setPen(QPen(Qt::black, 2));
        p.drawLine(QPointF(x, bar.top() - 3), QPointF(x, bar.bottom() + 3));
        p.drawText(QRectF(x - 40, ty, 80, fontMetrics().height()), Qt::AlignHCenter, tr("τ %1").arg(m_t, 0, 'f', 2));
    }
}

void MatrixHeatView::mousePressEvent(QMouseEvent* e)
{
    int r = 0, c = 0;
    if (cellAt(e->position(), r, c)) emit cellClicked(r, c);
}

bool MatrixHeatView::event(QEvent* e)
{
    if (e->type() == QEvent::ToolTip) {
        auto* h = static_cast<QHelpEvent*>(e);
        int r = 0, c = 0;
        if (cellAt(h->pos(), r, c))
            QToolTip::showText(h->globalPos(), tr("%1 and %2: %3").arg(m_labels[r], m_labels[c]).arg(value(r, c), 0, 'f', 3), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(e);
}

} // namespace lab
