// SPDX-License-Identifier: MIT
// Points on a plane coloured by group, with a legend: an embedding made visible (the Faces lab's triplet
// embedding as it forms, its face encodings through PCA). Groups can be drawn hollow (classes the network
// never trained on); the axes fit the points at one scale for both (distances keep their proportions); a caption says what the axes are ("PCA: 61 % + 18 % of the
// variance"). Hovering a point names its group. Knows no lab.
#pragma once
#include <QString>
#include <QStringList>
#include <QWidget>
#include <vector>

namespace lab {

class ScatterView : public QWidget {
    Q_OBJECT
  public:
    explicit ScatterView(QWidget* parent = nullptr);
    // x, y, group: one entry per point; names: one per group (the legend); hollow: groups drawn as rings.
    void setPoints(std::vector<float> x, std::vector<float> y, std::vector<int> group, QStringList names,
                   std::vector<bool> hollow = {});
    void setCaption(const QString& caption); // under the plot
    void setEmptyText(const QString& text) { m_empty = text, update(); }
    void clear();
    int pointCount() const { return static_cast<int>(m_x.size()); }
    const QString& caption() const { return m_caption; }
    // The group of the point nearest to a widget position (within a few pixels), −1 if none.
    int groupAt(QPointF pos) const;
    QSize sizeHint() const override { return {420, 360}; }
    QSize minimumSizeHint() const override { return {200, 160}; }

  protected:
    void paintEvent(QPaintEvent*) override;
    bool event(QEvent* e) override; // tooltips

  private:
    QRectF plotRect() const;
    QPointF toWidget(size_t i) const;
    std::vector<float> m_x, m_y;
    std::vector<int> m_group;
    QStringList m_names;
    std::vector<bool> m_hollow;
    float m_x0 = 0, m_x1 = 1, m_y0 = 0, m_y1 = 1;
    QString m_caption, m_empty;
};

} // namespace lab
