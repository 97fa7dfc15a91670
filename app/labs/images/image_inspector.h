// SPDX-License-Identifier: MIT
// One image looked at closely: the picture (optionally under its Grad-CAM heat map), the true and the
// predicted class, and a bar per class probability. Clicking a bar asks for that class's Grad-CAM.
#pragma once
#include "app/labs/images/image_snapshot.h"

#include <QWidget>

namespace lab {

class ImageInspector : public QWidget {
    Q_OBJECT
  public:
    explicit ImageInspector(QWidget* parent = nullptr);
    void setProbe(const Probe& p, const QStringList& classNames);
    void setShowCam(bool on);
    const Probe& probe() const { return m_p; }
    QRect barRect(int cls) const;
    QSize sizeHint() const override { return {320, 420}; }

  signals:
    void classChosen(int cls);

  protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent* e) override;

  private:
    QRect imageRect() const;
    Probe m_p;
    QStringList m_names;
    bool m_cam = true;
};

} // namespace lab
