// SPDX-License-Identifier: MIT
// One image scaled to fit (aspect kept, smooth), with a caption above it; empty text when there is none.
#pragma once
#include <QImage>
#include <QWidget>

namespace lab {

class PictureView : public QWidget {
    Q_OBJECT
  public:
    explicit PictureView(const QString& caption, QWidget* parent = nullptr);
    void setImage(const QImage& img);
    void setCaption(const QString& c);
    void setEmptyText(const QString& t);
    const QImage& image() const { return m_img; }
    QSize sizeHint() const override { return {320, 260}; }

  protected:
    void paintEvent(QPaintEvent*) override;

  private:
    QImage m_img;
    QString m_caption, m_empty;
};

} // namespace lab
