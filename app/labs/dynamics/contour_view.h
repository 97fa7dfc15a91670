// SPDX-License-Identifier: MIT
// A 2-D loss surface as a contour map (bands of log f, darker lower) with the race drawn on it: each
// optimiser's path in its colour, its current position, and — when asked — its state as arrows (the
// velocity v, the per-axis scale 1/√s of RMSprop and Adam). A click or drag sets the start. The training-
// dynamics lab's own view.
#pragma once
#include "dynamics_snapshot.h"

#include "core/dynamics/surface.h"

#include <QImage>
#include <QWidget>

namespace lab {

class ContourView : public QWidget {
    Q_OBJECT
  public:
    explicit ContourView(QWidget* parent = nullptr);
    void setSurface(const dl::Surface& s); // redraws the map; the view frames the surface
    void setRace(const RaceSnapshot& s);
    void setStart(QPointF p);
    void setArrows(bool on) { m_arrows = on, update(); }
    QPointF toSurface(QPointF widgetPos) const;
    QPointF toWidget(QPointF surfacePos) const;
    static QColor racerColor(int kind); // dl::OptKind → its colour, the same in every plot of the lab
    QSize sizeHint() const override { return {520, 420}; }
    QSize minimumSizeHint() const override { return {240, 200}; }

  signals:
    void startPicked(QPointF p); // surface coordinates

  protected:
    void paintEvent(QPaintEvent*) override;
    void resizeEvent(QResizeEvent*) override;
    void mousePressEvent(QMouseEvent* e) override;
    void mouseMoveEvent(QMouseEvent* e) override;

  private:
    QRectF plotRect() const;
    void renderMap();
    dl::Surface m_surface;
    dl::SurfaceView m_view;
    QImage m_map;
    RaceSnapshot m_race;
    QPointF m_start;
    bool m_arrows = false;
};

} // namespace lab
