// SPDX-License-Identifier: MIT
// The Gram matrices of one style layer side by side, G_S of the painting and G_G of the generated image
// (COURSE.md §10: G = A Aᵀ, entry (i, j) = how strongly channels i and j fire together), on one colour
// scale so they can be compared, with their relative difference ‖G_S − G_G‖ / ‖G_S‖.
#pragma once
#include "app/labs/style/style_snapshot.h"

#include <QWidget>

namespace lab {

class GramView : public QWidget {
    Q_OBJECT
  public:
    explicit GramView(QWidget* parent = nullptr);
    void setGram(const GramPair& g);
    void clear();
    double relativeDifference() const { return m_relDiff; } // −1 when empty
    QSize sizeHint() const override { return {640, 360}; }

  protected:
    void paintEvent(QPaintEvent*) override;

  private:
    QImage m_s, m_g;
    GramPair m_info;
    double m_relDiff = -1;
};

} // namespace lab
