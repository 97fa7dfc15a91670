// SPDX-License-Identifier: MIT
// Every hidden unit over a text the model read (COURSE.md §11; LSTMVis's overview): one row per unit, one
// column per character, the activation a⟨t⟩ in the diverging colours (orange −1 … white … blue +1); the
// chosen unit's row outlined; a click on a row chooses that unit.
#pragma once
#include <QImage>
#include <QWidget>
#include <vector>

namespace lab {

class UnitHeatMap : public QWidget {
    Q_OBJECT
  public:
    explicit UnitHeatMap(QWidget* parent = nullptr);
    void setActivations(const std::vector<std::vector<float>>& hidden); // [t][unit]
    void setUnit(int unit);
    int unit() const { return m_unit; }
    int units() const { return m_image.height(); }
    int steps() const { return m_image.width(); }
    QSize sizeHint() const override { return {700, 160}; }

  signals:
    void unitSelected(int unit);

  protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent* e) override;

  private:
    QRect mapRect() const;
    QImage m_image; // width = characters, height = units
    int m_unit = 0;
};

} // namespace lab
