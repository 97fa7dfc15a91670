// SPDX-License-Identifier: MIT
// Parallel coordinates: one vertical axis per setting and one for the score, each trial a line across them,
// coloured from poor (light) to good (dark) by its score, the best drawn on top in black. Each axis shows its
// own scale: the caller gives every value already placed on [0, 1] of its axis (log axes placed on the log),
// and the labels of the axis ends. Hovering a line names its trial. Knows no lab.
#pragma once
#include <QStringList>
#include <QWidget>
#include <vector>

namespace lab {

class ParallelCoordsView : public QWidget {
    Q_OBJECT
  public:
    explicit ParallelCoordsView(QWidget* parent = nullptr);
    // names: the axes left to right (the score last); lo, hi: their end labels.
    void setAxes(const QStringList& names, const QStringList& lo, const QStringList& hi);
    void clear();
    // u: one position in [0, 1] per axis (the score's included); score in [0, 1] colours the line.
    void addLine(const std::vector<double>& u, double score, const QString& label);
    void setBest(int line); // −1: none
    int lineCount() const { return int(m_lines.size()); }
    QSize sizeHint() const override { return {520, 240}; }
    QSize minimumSizeHint() const override { return {240, 140}; }

  protected:
    void paintEvent(QPaintEvent*) override;
    bool event(QEvent* e) override; // tooltips

  private:
    struct Line {
        std::vector<double> u;
        double score;
        QString label;
    };
    QPointF point(const Line& l, int axis) const;
    QRectF plotRect() const;
    QStringList m_names, m_lo, m_hi;
    std::vector<Line> m_lines;
    int m_best = -1;
};

} // namespace lab
