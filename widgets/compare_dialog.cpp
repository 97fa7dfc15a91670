// SPDX-License-Identifier: MIT
#include "widgets/compare_dialog.h"

#include "widgets/core_texts.h"
#include "widgets/palette.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace lab {

static QColor runColor(int i)
{
    static const QColor c[] = {QColor(31, 119, 180),  QColor(255, 127, 14),  QColor(44, 160, 44),
                               QColor(214, 39, 40),   QColor(148, 103, 189), QColor(140, 86, 75),
                               QColor(227, 119, 194), QColor(127, 127, 127)};
    return c[i % 8];
}

CompareDialog::CompareDialog(const dl::Experiment& base, dl::SweepParam param, QWidget* parent)
    : QDialog(parent), m_base(base)
{
    setWindowTitle(tr("Compare runs"));
    auto* top = new QVBoxLayout(this);
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Vary"), this));
    m_param = new QComboBox(this);
    for (dl::SweepParam p : dl::sweepParams()) m_param->addItem(coreText(dl::sweepParamTitle(p)), int(p));
    m_param->setCurrentIndex(m_param->findData(int(param)));
    row->addWidget(m_param);
    row->addWidget(new QLabel(tr("values"), this));
    m_values = new QLineEdit(QString::fromStdString(dl::defaultSweepValues(param)), this);
    m_values->setToolTip(
        tr("Comma separated. Optimizers: gd, momentum, rmsprop, adam. Initialisation: zeros, "
           "random, xavier, he, large. Batch 0 = full batch."));
    row->addWidget(m_values, 1);
    row->addWidget(new QLabel(tr("iterations"), this));
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
    auto* intro =
        new QLabel(tr("Everything else as in the Playground now: the same points, network, hyperparameters "
                      "and seed."),
                   this);
    top->addWidget(intro);
    m_progress = new QProgressBar(this);
    top->addWidget(m_progress);
    m_error = new QLabel(this);
    m_error->setStyleSheet("color: #b00020");
    top->addWidget(m_error);

    auto* split = new QSplitter(Qt::Vertical, this);
    auto* gridHost = new QWidget;
    m_grid = new QGridLayout(gridHost);
    auto* scroll = new QScrollArea;
    scroll->setWidget(gridHost);
    scroll->setWidgetResizable(true);
    split->addWidget(scroll);
    m_plot = new QCustomPlot;
    m_plot->xAxis->setLabel(tr("iteration"));
    m_plot->yAxis->setLabel(tr("cost J (mini-batch, window mean)"));
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(QFont(font().family(), 8));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setMinimumHeight(200);
    split->addWidget(m_plot);
    scroll->setMinimumHeight(240); // one row of maps with their captions
    split->setSizes({250, 420});
    top->addWidget(split, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    top->addWidget(buttons);

    connect(m_param, &QComboBox::currentIndexChanged, this, [this] {
        m_values->setText(
            QString::fromStdString(dl::defaultSweepValues(dl::SweepParam(m_param->currentData().toInt()))));
    });
    connect(m_run, &QPushButton::clicked, this, &CompareDialog::start);
    connect(m_stop, &QPushButton::clicked, this, [this] { m_worker.interrupt(); });
    m_worker.relay(&SweepWorker::result, this, &CompareDialog::addResult);
    m_worker.relay(&SweepWorker::swept, this, [this] {
        m_busy = false;
        m_run->setEnabled(true);
        m_stop->setEnabled(false);
        emit finished();
    });
    resize(980, 820);
}

CompareDialog::~CompareDialog() = default;

bool CompareDialog::isBusy() const
{
    return m_busy;
}

void SweepWorker::sweep(const std::vector<dl::SweepRun>& runs, long iterations)
{
    cancelFlag()->clear();
    guard("comparing runs", [&] {
        dl::runSweep(runs, iterations, 64, 400, cancelFlag().get(),
                     [this](const dl::SweepResult& r) { emit result(r); }); // relayed to the GUI thread
    });
    emit swept();
}
QString CompareDialog::errorText() const
{
    return m_error->text();
}

void CompareDialog::start()
{
    if (isBusy()) return;
    std::vector<dl::SweepRun> runs;
    try {
        runs = dl::sweepRuns(m_base, dl::SweepParam(m_param->currentData().toInt()),
                             m_values->text().toStdString());
    } catch (const dl::Error& e) {
        m_error->setText(QString::fromUtf8(e.what()) + ".");
        return;
    }
    m_error->clear();
    while (QLayoutItem* item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_results.clear();
    m_plot->clearGraphs();
    m_plot->replot();
    const long iterations = m_iterations->value();
    m_progress->setRange(0, int(runs.size()));
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v of %m runs"));
    m_run->setEnabled(false);
    m_stop->setEnabled(true);
    m_busy = true;
    m_worker.call([runs, iterations](SweepWorker& w) { w.sweep(runs, iterations); });
}

void CompareDialog::addResult(const dl::SweepResult& r)
{
    m_results.push_back(r);
    const int i = int(m_results.size()) - 1;
    const QString label = QString::fromStdString(r.label);
    auto* cell = new QWidget;
    auto* lay = new QVBoxLayout(cell);
    auto* pic = new QLabel;
    if (!r.grid.prob.empty())
        pic->setPixmap(
            QPixmap::fromImage(probabilityImage(r.grid.prob, r.grid.res, r.grid.classes).scaled(150, 150)));
    QString text;
    if (!r.error.empty())
        text = label + "\n" + QString::fromStdString(r.error);
    else
        text = tr("%1%2\ntrain %3 %  dev %4 %")
                   .arg(label, r.diverged ? tr(" (diverged)") : QString())
                   .arg(100.0 * r.eval.train.accuracy, 0, 'f', 1)
                   .arg(r.eval.dev.count ? QString::number(100.0 * r.eval.dev.accuracy, 'f', 1)
                                         : QStringLiteral("–"));
    auto* caption = new QLabel(text);
    caption->setAlignment(Qt::AlignCenter);
    caption->setStyleSheet(QString("color: %1").arg(runColor(i).darker(120).name()));
    lay->addWidget(pic, 0, Qt::AlignCenter);
    lay->addWidget(caption);
    m_grid->addWidget(cell, i / 4, i % 4);

    QCPGraph* g = m_plot->addGraph();
    g->setName(label);
    g->setPen(QPen(runColor(i), 2));
    for (const auto& [step, cost] : r.curve) g->addData(double(step), double(cost));
    m_plot->rescaleAxes();
    m_plot->yAxis->setRangeLower(0);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    m_progress->setValue(i + 1);
}

} // namespace lab
