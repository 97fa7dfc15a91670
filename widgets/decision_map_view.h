// SPDX-License-Identifier: MIT
// The plane: class-probability heat map with the train points filled and the dev points hollow. Left click
// asks to add a point, right click to remove the nearest one. Can show one hidden unit's map instead.
// A dumb view: it gets values and emits requests; it never sees the trainer.
#pragma once
#include "core/data/dataset.h"
#include "core/train/plane_probe.h"

#include <QImage>
#include <QWidget>

namespace lab {

class DecisionMapView : public QWidget {
    Q_OBJECT
  public:
    explicit DecisionMapView(QWidget* parent = nullptr);
    void setGrid(const dl::PlaneGrid& grid);
    void setPoints(const dl::Split& points);
    // Shows a hidden unit's output map (res×res values) with a caption instead of the decision map.
    void setOverlay(const std::vector<float>& values, int res, float scale, const QString& caption);
    void clearOverlay();
    QSize sizeHint() const override { return {520, 520}; }
    QSize minimumSizeHint() const override { return {240, 240}; }
    const dl::Bounds& bounds() const { return m_grid.bounds; }
    QPointF toPlane(const QPointF& widgetPos) const;
    QPointF toWidget(float x, float y) const;

  signals:
    void addPointRequested(float x, float y);
    void removePointRequested(float x, float y, float radius);

  protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent* e) override;

  private:
    QRectF plotRect() const;
    dl::PlaneGrid m_grid;
    QImage m_image;
    QImage m_overlay;
    QString m_caption;
    dl::Split m_data;
};

} // namespace lab
