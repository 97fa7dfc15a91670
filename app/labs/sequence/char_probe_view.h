// SPDX-License-Identifier: MIT
// The Sequence lab's "look inside" view (COURSE.md §11; LSTMVis-style): a text the model has read, each
// character coloured by one hidden unit's activation a⟨t⟩ (orange −1 … white … blue +1); under it one row per
// gate of that unit over time (Γu, Γr; Γu, Γf, Γo; c̃); click a character to see the model's next-character
// distribution there (top 10 bars).
#pragma once
#include "app/labs/sequence/sequence_snapshot.h"

#include <QWidget>

namespace lab {

class CharProbeView : public QWidget {
    Q_OBJECT
  public:
    explicit CharProbeView(QWidget* parent = nullptr);
    void setProbe(const SequenceProbe& p);
    void setUnit(int unit); // the hidden unit shown (clamped)
    int unit() const { return m_unit; }
    void selectPosition(int i); // the distribution after text[0..i) (0: before the first character)
    int position() const { return m_pos; }
    // The top-k (label, probability) at the selected position, most likely first.
    std::vector<std::pair<QString, float>> topNext(int k = 10) const;
    const SequenceProbe& probe() const { return m_p; }
    QSize sizeHint() const override { return {700, 360}; }

  signals:
    void positionSelected(int i);

  protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent* e) override;

  private:
    QRectF cellRect(int i) const; // character i of the text
    SequenceProbe m_p;
    int m_unit = 0, m_pos = 0;
};

} // namespace lab
