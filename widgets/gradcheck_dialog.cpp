// SPDX-License-Identifier: MIT
#include "widgets/gradcheck_dialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace lab {

GradCheckDialog::GradCheckDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Gradient check"));
    auto* lay = new QVBoxLayout(this);
    auto* intro =
        new QLabel(tr("Backprop against two-sided differences (J(θ+ε) − J(θ−ε))/2ε, in double precision, "
                      "dropout off. Green: below 1e-7 (correct). Red: above 1e-3 (a bug)."),
                   this);
    intro->setWordWrap(true);
    lay->addWidget(intro);
    m_table = new QTableWidget(0, 4, this);
    m_table->setHorizontalHeaderLabels(
        {tr("Layer"), tr("What"), tr("Parameters"), tr("Relative difference")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    lay->addWidget(m_table);
    m_summary = new QLabel(this);
    lay->addWidget(m_summary);
    auto* b = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(b, &QDialogButtonBox::rejected, this, &QDialog::reject);
    lay->addWidget(b);
    resize(560, 320);
}

QColor GradCheckDialog::colorFor(double d)
{
    if (d < 1e-7) return QColor(190, 235, 190);
    if (d > 1e-3) return QColor(245, 180, 180);
    return QColor(250, 225, 160);
}

void GradCheckDialog::setReport(const dl::GradCheckReport& r)
{
    m_table->setRowCount(int(r.layers.size()));
    for (int i = 0; i < int(r.layers.size()); ++i) {
        const auto& l = r.layers[i];
        const QStringList cells{QString::fromStdString(l.layer), QString::fromStdString(l.what),
                                QString::number(l.count), QString::number(l.difference, 'e', 2)};
        for (int c = 0; c < 4; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setBackground(colorFor(l.difference));
            m_table->setItem(i, c, item);
        }
    }
    m_summary->setText(r.passed()
                           ? tr("All layers pass (worst %1).").arg(r.worst, 0, 'e', 2)
                           : tr("Worst layer: %1. Check that layer's backward.").arg(r.worst, 0, 'e', 2));
}

} // namespace lab
