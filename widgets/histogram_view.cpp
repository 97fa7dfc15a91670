// SPDX-License-Identifier: MIT
#include "widgets/histogram_view.h"

#include <QPainter>
#include <algorithm>

namespace lab {

HistogramView::HistogramView(QWidget* parent) : QWidget(parent)
{
    setMinimumHeight(120);
}

void HistogramView::setHistograms(const std::vector<dl::LayerHistograms>& h)
{
    m_h = h;
    setMinimumHeight(40 + 64 * int(m_h.size()));
    updateGeometry();
    update();
}

static void drawHistogram(QPainter& p, const QRect& r, const dl::Histogram& h, const QColor& color)
{
    p.setPen(QColor(200, 200, 200));
    p.drawRect(r);
    if (h.n == 0) {
        p.setPen(Qt::gray);
        p.drawText(r, Qt::AlignCenter, QStringLiteral("—"));
        return;
    }
    const int top = *std::max_element(h.counts.begin(), h.counts.end());
    const int bins = static_cast<int>(h.counts.size());
    const QRect plot = r.adjusted(2, 2, -2, -16);
    for (int b = 0; b < bins; ++b) {
        const int bh = top ? int(double(h.counts[size_t(b)]) / top * plot.height()) : 0;
        const int x0 = plot.x() + b * plot.width() / bins, x1 = plot.x() + (b + 1) * plot.width() / bins;
        p.fillRect(QRect(x0, plot.bottom() - bh, std::max(1, x1 - x0 - 1), bh), color);
    }
    if (h.lo < 0 && h.hi > 0) { // where zero is
        const int zx = plot.x() + int(-h.lo / (h.hi - h.lo) * plot.width());
        p.setPen(QPen(Qt::black, 1, Qt::DotLine));
        p.drawLine(zx, plot.top(), zx, plot.bottom());
    }
    p.setPen(Qt::black);
    p.drawText(QRect(r.x() + 2, r.bottom() - 15, r.width() - 4, 14), Qt::AlignLeft,
               QStringLiteral("%1 ± %2  [%3, %4]")
                   .arg(h.mean, 0, 'g', 2)
                   .arg(h.stddev, 0, 'g', 2)
                   .arg(h.lo, 0, 'g', 2)
                   .arg(h.hi, 0, 'g', 2));
}

void HistogramView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    if (m_h.empty()) {
        p.drawText(rect(), Qt::AlignCenter, tr("Histograms appear once the model is set up."));
        return;
    }
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 0.8);
    p.setFont(f);
    const int label = 150, colW = (width() - label - 8) / 3, rowH = 64;
    const char* heads[] = {"weights", "gradients (one step)", "activations (64 dev images)"};
    for (int c = 0; c < 3; ++c)
        p.drawText(QRect(label + c * colW, 4, colW, 16), Qt::AlignHCenter, tr(heads[c]));
    int y = 24;
    for (const dl::LayerHistograms& h : m_h) {
        p.setPen(Qt::black);
        p.drawText(QRect(4, y, label - 8, rowH - 6), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap,
                   QString::fromStdString(h.layer + "\n" + h.describe));
        drawHistogram(p, QRect(label, y, colW - 6, rowH - 6), h.weights, QColor(60, 110, 190));
        drawHistogram(p, QRect(label + colW, y, colW - 6, rowH - 6), h.grads, QColor(200, 90, 40));
        drawHistogram(p, QRect(label + 2 * colW, y, colW - 6, rowH - 6), h.activations, QColor(70, 150, 80));
        y += rowH;
    }
}

} // namespace lab
