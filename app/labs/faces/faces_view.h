// SPDX-License-Identifier: MIT
// One photo of the Faces lab with its faces: the detector's boxes (score above), the 68 landmarks as dots,
// the square the recognition net read dashed; faces A and B of the verification marked.
#pragma once
#include "app/labs/faces/faces_snapshot.h"

#include <QWidget>

namespace lab {

class FacesView : public QWidget {
    Q_OBJECT
  public:
    explicit FacesView(QWidget* parent = nullptr);
    void setPhoto(const FacesPhoto* p); // null: none (the page keeps the photos)
    void setMarked(int a, int b);       // face indices in this photo, −1: none
    QSize sizeHint() const override { return {640, 480}; }

  protected:
    void paintEvent(QPaintEvent*) override;

  private:
    const FacesPhoto* m_photo = nullptr;
    int m_a = -1, m_b = -1;
};

} // namespace lab
