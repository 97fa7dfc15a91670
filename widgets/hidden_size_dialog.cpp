// SPDX-License-Identifier: MIT
#include "widgets/hidden_size_dialog.h"

#include "widgets/palette.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QPointer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace lab {

HiddenSizeDialog::HiddenSizeDialog(const dl::Experiment& base, QWidget* parent)
    : QDialog(parent), m_base(base), m_watcher(new QFutureWatcher<void>(this))
{
    setWindowTitle(tr("Compare hidden-layer sizes"));
    auto* top = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("One hidden layer of each size, trained on the current data with the current "
                                "activation, initialisation and hyperparameters (COURSE.md §2)."), this);
    intro->setWordWrap(true);
    top->addWidget(intro);
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Sizes"), this));
    m_sizes = new QLineEdit("1,2,3,4,5,20,50", this);
    m_sizes->setToolTip(tr("Hidden units to compare, comma separated (1 … 4096 each)"));
    row->addWidget(m_sizes, 1);
    row->addWidget(new QLabel(tr("Iterations"), this));
    m_iterations = new QSpinBox(this);
    m_iterations->setRange(1, 1000000);
    m_iterations->setValue(5000);
    row->addWidget(m_iterations);
    m_run = new QPushButton(tr("Run"), this);
    m_stop = new QPushButton(tr("Cancel"), this);
    m_stop->setEnabled(false);
    row->addWidget(m_run);
    row->addWidget(m_stop);
    top->addLayout(row);
    m_progress = new QProgressBar(this);
    top->addWidget(m_progress);
    m_grid = new QGridLayout;
    top->addLayout(m_grid, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    top->addWidget(buttons);
    connect(m_run, &QPushButton::clicked, this, &HiddenSizeDialog::start);
    connect(m_stop, &QPushButton::clicked, this, [this] {
        if (m_cancel) m_cancel->request();
    });
    connect(m_watcher, &QFutureWatcher<void>::finished, this, [this] {
        m_run->setEnabled(true);
        m_stop->setEnabled(false);
        emit finished();
    });
    resize(900, 560);
}

HiddenSizeDialog::~HiddenSizeDialog()
{
    if (m_cancel) m_cancel->request();
    m_watcher->waitForFinished();
}

bool HiddenSizeDialog::isBusy() const { return m_watcher->isRunning(); }

void HiddenSizeDialog::start()
{
    if (isBusy()) return;
    std::vector<int> sizes;
    try {
        sizes = dl::parseHidden(m_sizes->text().toStdString());
    } catch (const dl::Error& e) {
        m_progress->setFormat(QString::fromUtf8(e.what()));
        return;
    }
    while (QLayoutItem* item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_results.clear();
    const long iterations = m_iterations->value();
    m_progress->setRange(0, int(sizes.size()));
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v of %m networks"));
    m_run->setEnabled(false);
    m_stop->setEnabled(true);
    m_cancel = std::make_shared<dl::CancelFlag>();
    auto cancel = m_cancel;
    const dl::Experiment base = m_base;
    QPointer<HiddenSizeDialog> self(this);
    m_watcher->setFuture(QtConcurrent::run([base, sizes, iterations, cancel, self] {
        dl::sweepHiddenSizes(base, sizes, iterations, 64, cancel.get(), [self](const dl::SweepResult& r) {
            QMetaObject::invokeMethod(self, [self, r] { if (self) self->addResult(r); }, Qt::QueuedConnection);
        });
    }));
}

void HiddenSizeDialog::addResult(const dl::SweepResult& r)
{
    m_results.push_back(r);
    const int i = int(m_results.size()) - 1;
    auto* cell = new QWidget;
    auto* lay = new QVBoxLayout(cell);
    auto* pic = new QLabel;
    pic->setPixmap(QPixmap::fromImage(probabilityImage(r.grid.prob, r.grid.res, r.grid.classes).scaled(150, 150)));
    auto* text = new QLabel(!r.error.empty() ? QString::fromStdString(r.error)
                            : r.diverged ? tr("%1 units: diverged").arg(r.units)
                                       : tr("%1 unit%2\ntrain %3 %  dev %4 %")
                                             .arg(r.units)
                                             .arg(r.units == 1 ? "" : "s")
                                             .arg(100.0 * r.eval.train.accuracy, 0, 'f', 1)
                                             .arg(r.eval.dev.count ? QString::number(100.0 * r.eval.dev.accuracy, 'f', 1) : "–"));
    text->setAlignment(Qt::AlignCenter);
    lay->addWidget(pic, 0, Qt::AlignCenter);
    lay->addWidget(text);
    m_grid->addWidget(cell, i / 4, i % 4);
    m_progress->setValue(i + 1);
}

} // namespace lab
