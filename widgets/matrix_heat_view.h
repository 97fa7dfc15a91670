// SPDX-License-Identifier: MIT
// A square matrix of values as a heat map (a distance matrix: dark = near, light = far), rows and columns
// numbered, a colour bar under it; with a threshold set, the cells at or below it get a dot (the pairs a
// verifier would call the same). Hover names the pair and its value; a click emits the cell. Knows no lab.
#pragma once
#include <QStringList>
#include <QWidget>
#include <cmath>
#include <vector>

namespace lab {

class MatrixHeatView : public QWidget {
    Q_OBJECT
  public:
    explicit MatrixHeatView(QWidget* parent = nullptr);
    // values: row-major n×n; labels: one per row (tooltips); the colour scale runs from lo to hi.
    void setMatrix(std::vector<double> values, QStringList labels, double lo, double hi);
    void setThreshold(double t); // NaN: no dots
    void setEmptyText(const QString& text) { m_empty = text, update(); }
    int size() const { return static_cast<int>(m_labels.size()); }
    double value(int r, int c) const { return m_v[size_t(r) * size_t(size()) + size_t(c)]; }
    int markedCount() const; // cells off the diagonal at or below the threshold
    QRectF cellRect(int r, int c) const;
    QSize sizeHint() const override { return {420, 440}; }
    QSize minimumSizeHint() const override { return {160, 180}; }

  signals:
    void cellClicked(int row, int column);

  protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent* e) override;
    bool event(QEvent* e) override; // tooltips

  private:
    QRectF grid() const;
    bool cellAt(QPointF pos, int& r, int& c) const;
    QColor colour(double v) const;
    std::vector<double> m_v;
    QStringList m_labels;
    double m_lo = 0, m_hi = 1, m_t = NAN;
    QString m_empty;
};

} // namespace lab
