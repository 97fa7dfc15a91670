// SPDX-License-Identifier: MIT
#include "app/gui/main_window.h"

#include "widgets/loss_curve_view.h"

#include "core/util/json.h"
#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>

// Resources compiled into the static dlapp library must be registered explicitly (Qt docs, "Using
// Resources in a Library"); Q_INIT_RESOURCE cannot be used inside a namespace.
static void initResources()
{
    Q_INIT_RESOURCE(dllab);
}

namespace lab {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    initResources();
    setWindowTitle(tr("DL Visual Lab"));
    setObjectName("mainWindow");
    auto* central = new QWidget;
    auto* lay = new QHBoxLayout(central);
    lay->setContentsMargins(0, 0, 0, 0);
    m_labs = new QListWidget;
    m_labs->setObjectName("labSidebar");
    m_labs->addItem(tr("Playground"));
    m_labs->item(0)->setToolTip(
        tr("2-D classification: watch the decision boundary form (course chapters 1–5)"));
    m_labs->setFixedWidth(120);
    m_labs->setCurrentRow(0);
    m_pages = new QStackedWidget;
    m_playground = new PlaygroundPage;
    m_pages->addWidget(m_playground);
    lay->addWidget(m_labs);
    lay->addWidget(m_pages, 1);
    setCentralWidget(central);
    connect(m_labs, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);

    auto* tb = addToolBar(tr("Training"));
    tb->setObjectName("trainingToolbar");
    tb->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_run = tb->addAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("Run"));
    m_run->setShortcut(Qt::Key_Space);
    m_run->setToolTip(tr("Train continuously (Space)"));
    m_pause = tb->addAction(style()->standardIcon(QStyle::SP_MediaPause), tr("Pause"));
    m_pause->setShortcut(Qt::Key_P);
    m_step = tb->addAction(style()->standardIcon(QStyle::SP_MediaSkipForward), tr("Step"));
    m_step->setShortcut(Qt::Key_S);
    m_step->setToolTip(tr("One iteration (one mini-batch update)"));
    m_reset = tb->addAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("Reset"));
    m_reset->setShortcut(Qt::Key_R);
    m_reset->setToolTip(tr("New initial weights from the seed; step 0"));
    tb->addSeparator();
    QAction* grad = tb->addAction(style()->standardIcon(QStyle::SP_DialogApplyButton), tr("Gradient check"));
    grad->setToolTip(tr("Compare backprop with two-sided differences, per layer (green < 1e-7, red > 1e-3)"));
    connect(grad, &QAction::triggered, m_playground, &PlaygroundPage::gradientCheck);
    QAction* hyper =
        tb->addAction(style()->standardIcon(QStyle::SP_FileDialogDetailedView), tr("Hyperparameters…"));
    connect(hyper, &QAction::triggered, m_playground, &PlaygroundPage::showHyperparametersDialog);
    connect(m_run, &QAction::triggered, m_playground, &PlaygroundPage::run);
    connect(m_pause, &QAction::triggered, m_playground, &PlaygroundPage::pause);
    connect(m_step, &QAction::triggered, m_playground, &PlaygroundPage::stepOnce);
    connect(m_reset, &QAction::triggered, m_playground, &PlaygroundPage::reset);

    m_iter = new QLabel;
    m_cost = new QLabel;
    m_trainAcc = new QLabel;
    m_devAcc = new QLabel;
    m_msg = new QLabel;
    m_msg->setObjectName("statusMessage");
    m_msg->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_msg, 1);
    for (QLabel* l : {m_iter, m_cost, m_trainAcc, m_devAcc}) statusBar()->addPermanentWidget(l);
    connect(m_playground, &PlaygroundPage::progressed, this, &MainWindow::updateStatus);
    connect(m_playground, &PlaygroundPage::message, this, &MainWindow::showMessage);
    connect(m_playground, &PlaygroundPage::runningChanged, this, &MainWindow::updateActions);
    buildMenus();
    updateActions(false);

    QSettings s;
    resize(1400, 860);
    restoreGeometry(s.value("window/geometry").toByteArray());
    restoreState(s.value("window/state").toByteArray());
    m_playground->restoreSettings(s);
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open experiment…"), QKeySequence::Open, this, [this] {
        const QString p = askOpen(tr("Open experiment"), tr("Experiments (*.json)"));
        if (!p.isEmpty()) m_playground->openExperiment(p);
    });
    file->addAction(tr("&Save experiment…"), QKeySequence::Save, this, [this] {
        const QString p = askSave(tr("Save experiment"), tr("Experiments (*.json)"), "json");
        if (!p.isEmpty()) m_playground->saveExperiment(p);
    });
    file->addSeparator();
    file->addAction(tr("Load points (CSV)…"), this, [this] {
        const QString p = askOpen(tr("Load points"), tr("CSV files (*.csv *.txt);;All files (*)"));
        if (!p.isEmpty()) m_playground->loadCsv(p);
    });
    file->addAction(tr("Save points (CSV)…"), this, [this] {
        const QString p = askSave(tr("Save points"), tr("CSV files (*.csv)"), "csv");
        if (!p.isEmpty()) m_playground->saveCsv(p);
    });
    file->addSeparator();
    file->addAction(tr("Save model…"), this, [this] {
        const QString p = askSave(tr("Save model"), tr("DL Visual Lab checkpoints (*.dlck)"), "dlck");
        if (!p.isEmpty()) m_playground->saveModel(p);
    });
    file->addAction(tr("Load model…"), this, [this] {
        const QString p = askOpen(tr("Load model"), tr("DL Visual Lab checkpoints (*.dlck)"));
        if (!p.isEmpty()) m_playground->loadModel(p);
    });
    file->addSeparator();
    file->addAction(tr("Export learning curve (PNG)…"), this, [this] {
        const QString p = askSave(tr("Export learning curve"), tr("PNG images (*.png)"), "png");
        if (p.isEmpty()) return;
        if (m_playground->curveView()->savePng(p))
            showMessage(tr("Saved %1.").arg(p), false);
        else
            showMessage(m_playground->curveView()->lastError(), true);
    });
    file->addAction(tr("Export learning curve (CSV)…"), this, [this] {
        const QString p = askSave(tr("Export learning curve"), tr("CSV files (*.csv)"), "csv");
        if (p.isEmpty()) return;
        if (m_playground->curveView()->saveCsv(p))
            showMessage(tr("Saved %1.").arg(p), false);
        else
            showMessage(m_playground->curveView()->lastError(), true);
    });
    file->addAction(tr("Export decision boundary (PNG)…"), this, [this] {
        const QString p = askSave(tr("Export decision boundary"), tr("PNG images (*.png)"), "png");
        if (!p.isEmpty() && m_playground->exportMapPng(p)) showMessage(tr("Saved %1.").arg(p), false);
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* train = menuBar()->addMenu(tr("&Training"));
    train->addAction(m_run);
    train->addAction(m_pause);
    train->addAction(m_step);
    train->addAction(m_reset);
    train->addSeparator();
    train->addAction(tr("&Hyperparameters…"), QKeySequence(Qt::CTRL | Qt::Key_H), m_playground,
                     &PlaygroundPage::showHyperparametersDialog);
    train->addAction(tr("&Gradient check"), QKeySequence(Qt::CTRL | Qt::Key_G), m_playground,
                     &PlaygroundPage::gradientCheck);
    QMenu* compare = train->addMenu(tr("&Compare runs"));
    for (dl::SweepParam p : dl::sweepParams())
        compare->addAction(tr("By %1…").arg(tr(dl::sweepParamTitle(p))), this,
                           [this, p] { m_playground->compareRuns(p); });
    QMenu* presets = menuBar()->addMenu(tr("&Presets"));
    for (const QFileInfo& fi : QDir(":/presets").entryInfoList(QDir::Files, QDir::Name)) {
        QFile f(fi.filePath());
        if (!f.open(QIODevice::ReadOnly)) continue;
        const QByteArray json = f.readAll();
        QString name = fi.baseName();
        try {
            name =
                QString::fromStdString(dl::Json::parse(json.toStdString()).get("name", name.toStdString()));
        } catch (const dl::Error&) {
        }
        presets->addAction(name, this, [this, json] { m_playground->applyPreset(json); });
    }
    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* logScale = view->addAction(tr("Log-scale cost"));
    logScale->setCheckable(true);
    logScale->setChecked(m_playground->curveView()->logScale());
    connect(logScale, &QAction::toggled, m_playground->curveView(), &LossCurveView::setLogScale);
    connect(m_playground->curveView(), &LossCurveView::logScaleChanged, logScale, &QAction::setChecked);
}

QString MainWindow::askSave(const QString& title, const QString& filter, const QString& suffix)
{
    QSettings s;
    QString p = QFileDialog::getSaveFileName(this, title, s.value("window/lastDir").toString(), filter);
    if (p.isEmpty()) return p;
    if (QFileInfo(p).suffix().isEmpty()) p += "." + suffix;
    s.setValue("window/lastDir", QFileInfo(p).absolutePath());
    return p;
}

QString MainWindow::askOpen(const QString& title, const QString& filter)
{
    QSettings s;
    const QString p = QFileDialog::getOpenFileName(this, title, s.value("window/lastDir").toString(), filter);
    if (!p.isEmpty()) s.setValue("window/lastDir", QFileInfo(p).absolutePath());
    return p;
}

void MainWindow::showMessage(const QString& text, bool error)
{
    m_msg->setText(text);
    m_msg->setStyleSheet(error ? "color: #b00020; font-weight: bold" : QString());
}

QString MainWindow::statusMessage() const
{
    return m_msg->text();
}

void MainWindow::updateStatus(const Snapshot& s)
{
    m_iter->setText(tr("iteration %1 · epoch %2").arg(s.last.step).arg(s.last.epoch));
    m_cost->setText(tr("cost %1").arg(double(s.eval.train.cost), 0, 'f', 4));
    m_trainAcc->setText(tr("train %1 %").arg(100.0 * s.eval.train.accuracy, 0, 'f', 1));
    m_devAcc->setText(s.eval.dev.count ? tr("dev %1 %").arg(100.0 * s.eval.dev.accuracy, 0, 'f', 1)
                                       : tr("dev –"));
}

void MainWindow::updateActions(bool running)
{
    m_run->setEnabled(!running);
    m_pause->setEnabled(running);
}

void MainWindow::closeEvent(QCloseEvent* e)
{
    QSettings s;
    s.setValue("window/geometry", saveGeometry());
    s.setValue("window/state", saveState());
    m_playground->saveSettings(s);
    e->accept();
}

} // namespace lab
