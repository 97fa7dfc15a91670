// SPDX-License-Identifier: MIT
// A vector as a strip of cells (an embedding made visible: the Faces lab's 128 numbers): each cell coloured
// by its value on a diverging scale, blue below 0, red above, white at 0, the scale set by the largest |v|
// (or a fixed one, so two strips compare).
#pragma once
#include <QWidget>
#include <vector>

namespace lab {

class VectorStripView : public QWidget {
    Q_OBJECT
  public:
    explicit VectorStripView(QWidget* parent = nullptr);
    void setValues(const std::vector<float>& v, float scale = 0); // scale 0: the largest |v|
    const std::vector<float>& values() const { return m_v; }
    QSize sizeHint() const override { return {256, 18}; }

  protected:
    void paintEvent(QPaintEvent*) override;

  private:
    std::vector<float> m_v;
    float m_scale = 1;
};

} // namespace lab
