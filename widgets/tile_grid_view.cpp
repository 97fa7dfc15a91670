// SPDX-License-Identifier: MIT
#include "widgets/tile_grid_view.h"

#include <QMouseEvent>
#include <QPainter>
#include <QSaveFile>
#include <QScrollBar>

namespace lab {

class TileGridView::Canvas : public QWidget {
  public:
    explicit Canvas(TileGridView* owner) : m_owner(owner) { setMouseTracking(false); }
    std::vector<Tile> tiles;
    int tile = 56;
    QString empty;
    int columns() const { return std::max(1, (width() - 4) / cell().width()); }
    QSize cell() const { return {tile + 8, tile + (captions() ? 22 : 8)}; }
    bool captions() const
    {
        for (const Tile& t : tiles)
            if (!t.caption.isEmpty()) return true;
        return false;
    }
    void relayout(int w)
    {
        const int cols = std::max(1, (w - 4) / cell().width());
        const int rows = (static_cast<int>(tiles.size()) + cols - 1) / cols;
        setMinimumHeight(std::max(40, rows * cell().height() + 4));
        resize(w, minimumHeight());
        update();
    }

  protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter p(this);
        p.fillRect(rect(), palette().base());
        if (tiles.empty()) {
            p.setPen(palette().color(QPalette::PlaceholderText));
            p.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap, empty);
            return;
        }
        const int cols = columns();
        QFont f = font();
        f.setPointSizeF(f.pointSizeF() * 0.8);
        p.setFont(f);
        for (size_t i = 0; i < tiles.size(); ++i) {
            const int r = int(i) / cols, c = int(i) % cols;
            const QRect cellRect(2 + c * cell().width(), 2 + r * cell().height(), cell().width(),
                                 cell().height());
            const Tile& t = tiles[i];
            QSize s = t.image.size().scaled(tile, tile, Qt::KeepAspectRatio);
            const QRect img(cellRect.x() + 4 + (tile - s.width()) / 2, cellRect.y() + 4, s.width(),
                            s.height());
            p.drawImage(img, t.image); // nearest-neighbour: the pixels are the data
            if (t.frame.isValid()) {
                p.setPen(QPen(t.frame, 2));
                p.drawRect(img.adjusted(-2, -2, 1, 1));
            }
            if (!t.caption.isEmpty()) {
                p.setPen(palette().color(QPalette::Text));
                p.drawText(QRect(cellRect.x(), img.bottom() + 2, cellRect.width(), 18),
                           Qt::AlignHCenter | Qt::AlignTop,
                           p.fontMetrics().elidedText(t.caption, Qt::ElideRight, cellRect.width() - 2));
            }
        }
    }
    void mousePressEvent(QMouseEvent* e) override
    {
        const int cols = columns();
        const int c = (int(e->position().x()) - 2) / cell().width(),
                  r = (int(e->position().y()) - 2) / cell().height();
        const int i = r * cols + c;
        if (c >= 0 && c < cols && i >= 0 && i < static_cast<int>(tiles.size()))
            emit m_owner->tileClicked(tiles[size_t(i)].id);
    }

  private:
    TileGridView* m_owner;
};

TileGridView::TileGridView(QWidget* parent) : QScrollArea(parent), m_canvas(new Canvas(this))
{
    setWidget(m_canvas);
    setWidgetResizable(false);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setMinimumSize(120, 80);
}

void TileGridView::setTiles(std::vector<Tile> tiles)
{
    m_canvas->tiles = std::move(tiles);
    m_canvas->relayout(viewport()->width());
}

void TileGridView::setTileSize(int pixels)
{
    m_canvas->tile = std::max(8, pixels);
    m_canvas->relayout(viewport()->width());
}

void TileGridView::setEmptyText(const QString& text)
{
    m_canvas->empty = text;
    m_canvas->update();
}

const std::vector<Tile>& TileGridView::tiles() const
{
    return m_canvas->tiles;
}

void TileGridView::resizeEvent(QResizeEvent* e)
{
    QScrollArea::resizeEvent(e);
    m_canvas->relayout(viewport()->width());
}

bool TileGridView::savePng(const QString& path)
{
    QSaveFile f(path); // temporary file + rename
    return f.open(QIODevice::WriteOnly) && m_canvas->grab().save(&f, "PNG") && f.commit();
}

} // namespace lab
