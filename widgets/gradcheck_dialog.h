// SPDX-License-Identifier: MIT
// Shows a gradient-check report: per layer the relative difference ||g − g̃|| / (||g|| + ||g̃||),
// green below 1e-7, amber between, red above 1e-3 (COURSE.md §3).
#pragma once
#include "core/train/gradcheck.h"

#include <QDialog>

class QTableWidget;
class QLabel;

namespace lab {

class GradCheckDialog : public QDialog {
    Q_OBJECT
  public:
    explicit GradCheckDialog(QWidget* parent = nullptr);
    void setReport(const dl::GradCheckReport& r);
    QTableWidget* table() const { return m_table; }
    static QColor colorFor(double difference);

  private:
    QTableWidget* m_table;
    QLabel* m_summary;
};

} // namespace lab
