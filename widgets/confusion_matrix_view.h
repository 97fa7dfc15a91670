// SPDX-License-Identifier: MIT
// A K×K confusion matrix (rows: true class, columns: predicted), cells shaded by their share of the row;
// per-class recall at the right, precision below. Clicking a cell emits (truth, predicted).
#pragma once
#include "core/train/metrics.h"

#include <QStringList>
#include <QWidget>

namespace lab {

class ConfusionMatrixView : public QWidget {
    Q_OBJECT
  public:
    explicit ConfusionMatrixView(QWidget* parent = nullptr);
    void setMetrics(const dl::Metrics& m, const QStringList& classNames, const QString& title);
    const dl::Metrics& metrics() const { return m_m; }
    QRect cellRect(int truth, int predicted) const;
    QSize sizeHint() const override { return {560, 460}; }

  signals:
    void cellClicked(int truth, int predicted);

  protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent* e) override;

  private:
    QRect grid() const;
    dl::Metrics m_m;
    QStringList m_names;
    QString m_title;
};

} // namespace lab
