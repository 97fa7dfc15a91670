// SPDX-License-Identifier: MIT
// A scrollable grid of small images with captions (filters, feature maps, galleries, augmentation
// previews). Clicking a tile emits its id. Tiles are scaled up without smoothing so pixels stay visible.
#pragma once
#include <QColor>
#include <QImage>
#include <QScrollArea>
#include <vector>

namespace lab {

struct Tile {
    QImage image;
    QString caption;
    int id = -1;
    QColor frame; // invalid: no frame
};

class TileGridView : public QScrollArea {
    Q_OBJECT
  public:
    explicit TileGridView(QWidget* parent = nullptr);
    void setTiles(std::vector<Tile> tiles);
    void setTileSize(int pixels); // the longer side of each tile
    void setEmptyText(const QString& text);
    const std::vector<Tile>& tiles() const;
    bool savePng(const QString& path); // the whole grid, not only the visible part

  signals:
    void tileClicked(int id);

  protected:
    void resizeEvent(QResizeEvent* e) override;

  private:
    class Canvas;
    Canvas* m_canvas;
};

} // namespace lab
