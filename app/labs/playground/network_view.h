// SPDX-License-Identifier: MIT
// The network drawn as columns of units: inputs X₁, X₂, every hidden unit's output over the plane as a
// small live heat map, and the output. Connections are coloured by the weight's sign and drawn as thick
// as its magnitude. Hovering a unit emits unitHovered so the app can enlarge it into the main view.
#pragma once
#include "app/labs/playground/playground_snapshot.h"

#include <QImage>
#include <QWidget>

namespace lab {

class NetworkView : public QWidget {
    Q_OBJECT
  public:
    explicit NetworkView(QWidget* parent = nullptr);
    void setSnapshot(const Snapshot& s);
    QSize sizeHint() const override { return {460, 300}; }
    QSize minimumSizeHint() const override { return {240, 160}; }
    // Centre of unit `unit` in column `column` (0 = inputs, last = output), for tests and hit-testing.
    QRectF unitRect(int column, int unit) const;
    int columnCount() const { return static_cast<int>(m_columns.size()); }

  signals:
    // column 1..L-1 are hidden layers; `values` is that unit's res×res map.
    void unitHovered(int column, int unit, const std::vector<float>& values, int res, float scale,
                     const QString& caption);
    void unitLeft();

  protected:
    void paintEvent(QPaintEvent*) override;
    void mouseMoveEvent(QMouseEvent* e) override;
    void leaveEvent(QEvent*) override;

  private:
    struct Column {
        QString title;
        std::vector<QImage> tiles;
        const dl::UnitGrid* grid = nullptr;
    };
    std::vector<Column> m_columns;
    Snapshot m_snap;
    int m_hoverCol = -1, m_hoverUnit = -1;
    qreal tileSize() const;
    void emitHover();
};

} // namespace lab
