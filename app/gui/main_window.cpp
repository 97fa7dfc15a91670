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
    m_labs->addItem(tr("Images"));
    m_labs->item(1)->setToolTip(
        tr("Image classification: CNNs, filters, feature maps, augmentation, evaluation "
           "(course chapters 3, 6, 7)"));
    m_labs->addItem(tr("Detection"));
    m_labs->item(2)->setToolTip(
        tr("Object detection: YOLO boxes, score and IoU thresholds, grid and anchors, NMS step by step "
           "(course chapter 8)"));
    m_labs->addItem(tr("Style"));
    m_labs->item(3)->setToolTip(
        tr("Neural style transfer: paint a photo in the style of a painting, watching the costs fall "
           "(course chapter 10)"));
    m_labs->setFixedWidth(120);
    m_labs->setCurrentRow(0);
    m_pages = new QStackedWidget;
    m_playground = new PlaygroundPage;
    m_pages->addWidget(m_playground);
    m_images = new ImagesPage;
    m_pages->addWidget(m_images);
    m_detection = new DetectionPage;
    m_pages->addWidget(m_detection);
    m_style = new StylePage;
    m_pages->addWidget(m_style);
    lay->addWidget(m_labs);
    lay->addWidget(m_pages, 1);
    setCentralWidget(central);
    connect(m_labs, &QListWidget::currentRowChanged, this, &MainWindow::showLab);

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
    m_labOnly = {{grad, m_playground}, {hyper, m_playground}};
    QAction* aug =
        tb->addAction(style()->standardIcon(QStyle::SP_FileDialogContentsView), tr("Augmentation…"));
    aug->setToolTip(tr("Data augmentation for the Images lab, with a live preview"));
    connect(aug, &QAction::triggered, m_images, &ImagesPage::showAugmentationDialog);
    m_labOnly.append({aug, m_images});
    // The toolbar drives whichever lab is shown.
    connect(m_run, &QAction::triggered, this, [this] {
        imagesActive()       ? m_images->run()
        : playgroundActive() ? m_playground->run()
        : styleActive()      ? m_style->run()
                             : void();
    });
    connect(m_pause, &QAction::triggered, this, [this] {
        imagesActive()       ? m_images->pause()
        : playgroundActive() ? m_playground->pause()
        : styleActive()      ? m_style->pause()
                             : void();
    });
    connect(m_step, &QAction::triggered, this, [this] {
        imagesActive() ? m_images->stepOnce() : playgroundActive() ? m_playground->stepOnce() : void();
    });
    connect(m_reset, &QAction::triggered, this, [this] {
        imagesActive()       ? m_images->reset()
        : playgroundActive() ? m_playground->reset()
        : styleActive()      ? m_style->reset()
                             : void();
    });

    m_iter = new QLabel;
    m_cost = new QLabel;
    m_trainAcc = new QLabel;
    m_devAcc = new QLabel;
    m_msg = new QLabel;
    m_msg->setObjectName("statusMessage");
    m_msg->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_msg, 1);
    for (QLabel* l : {m_iter, m_cost, m_trainAcc, m_devAcc}) statusBar()->addPermanentWidget(l);
    connect(m_playground, &PlaygroundPage::progressed, this, [this](const Snapshot& s) {
        if (playgroundActive()) updateStatus(s);
    });
    connect(m_playground, &PlaygroundPage::message, this,
            [this](const QString& t, bool e) { labMessage(m_playground, t, e); });
    connect(m_playground, &PlaygroundPage::runningChanged, this, [this](bool r) {
        if (playgroundActive()) updateActions(r);
    });
    connect(m_images, &ImagesPage::status, this, [this](const QStringList& f) { labFields(m_images, f); });
    connect(m_images, &ImagesPage::message, this,
            [this](const QString& t, bool e) { labMessage(m_images, t, e); });
    connect(m_images, &ImagesPage::runningChanged, this, [this](bool r) {
        if (imagesActive()) updateActions(r);
    });
    connect(m_detection, &DetectionPage::status, this,
            [this](const QStringList& f) { labFields(m_detection, f); });
    connect(m_detection, &DetectionPage::message, this,
            [this](const QString& t, bool e) { labMessage(m_detection, t, e); });
    connect(m_style, &StylePage::status, this, [this](const QStringList& f) { labFields(m_style, f); });
    connect(m_style, &StylePage::message, this,
            [this](const QString& t, bool e) { labMessage(m_style, t, e); });
    connect(m_style, &StylePage::runningChanged, this, [this](bool r) {
        if (styleActive()) updateActions(r);
    });
    buildMenus();
    updateActions(false);

    QSettings s;
    resize(1400, 860);
    restoreGeometry(s.value("window/geometry").toByteArray());
    restoreState(s.value("window/state").toByteArray());
    m_playground->restoreSettings(s);
    m_images->restoreSettings(s);
    m_detection->restoreSettings(s);
    m_style->restoreSettings(s);
    showLab(s.value("window/lab", 0).toInt());
}

bool MainWindow::detectionActive() const
{
    return m_pages->currentWidget() == m_detection;
}

bool MainWindow::styleActive() const
{
    return m_pages->currentWidget() == m_style;
}

bool MainWindow::playgroundActive() const
{
    return m_pages->currentWidget() == m_playground;
}

bool MainWindow::imagesActive() const
{
    return m_pages->currentWidget() == m_images;
}

void MainWindow::showLab(int index)
{
    index = std::clamp(index, 0, m_pages->count() - 1);
    if (m_labs->currentRow() != index) m_labs->setCurrentRow(index); // comes back here
    m_pages->setCurrentIndex(index);
    for (const auto& [action, page] : m_labOnly) action->setVisible(m_pages->currentWidget() == page);
    updateActions(imagesActive()  ? m_images->isRunning()
                  : styleActive() ? m_style->running()
                                  : m_playground->isRunning());
    const bool training = !detectionActive(); // detection runs on demand: nothing to run, pause or step
    for (QAction* a : {m_run, m_pause, m_step, m_reset})
        if (!training) a->setEnabled(false);
    m_step->setEnabled(training && !styleActive()); // style: an iteration is a whole optimiser step
    m_reset->setEnabled(training);
    // The status bar shows the lab on screen: its last message and fields, never another lab's.
    const LabStatus st = m_labStatus.value(m_pages->currentWidget());
    displayMessage(st.text, st.error);
    for (QLabel* l : {m_iter, m_cost, m_trainAcc, m_devAcc}) l->clear();
    if (playgroundActive())
        updateStatus(m_playground->lastSnapshot());
    else
        setStatusFields(st.fields);
}

void MainWindow::labMessage(QWidget* page, const QString& text, bool error)
{
    m_labStatus[page].text = text, m_labStatus[page].error = error;
    if (m_pages->currentWidget() == page) displayMessage(text, error);
}

void MainWindow::displayMessage(const QString& text, bool error)
{
    m_msg->setText(text);
    m_msg->setStyleSheet(error ? "color: #b00020; font-weight: bold" : QString());
}

void MainWindow::labFields(QWidget* page, const QStringList& fields)
{
    m_labStatus[page].fields = fields;
    if (m_pages->currentWidget() == page) setStatusFields(fields);
}

void MainWindow::setStatusFields(const QStringList& f)
{
    QLabel* labels[] = {m_iter, m_cost, m_trainAcc, m_devAcc};
    for (int i = 0; i < 4; ++i)
        if (!f.value(i).isEmpty() || i < 2) labels[i]->setText(f.value(i));
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
    file->addAction(tr("Images: open model (.dlm)…"), this, [this] {
        const QString p = askOpen(tr("Open image model"), tr("DL Visual Lab image models (*.dlm)"));
        if (p.isEmpty()) return;
        showLab(1);
        m_images->openModel(p);
    });
    file->addAction(tr("Images: save model (.dlm)…"), this, [this] {
        const QString p = askSave(tr("Save image model"), tr("DL Visual Lab image models (*.dlm)"), "dlm");
        if (!p.isEmpty()) m_images->saveModel(p);
    });
    file->addAction(tr("Images: train on an image folder…"), this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("Folder with one sub-folder per class"));
        if (d.isEmpty()) return;
        showLab(1);
        m_images->chooseFolder(d);
    });
    file->addAction(tr("Images: export the current view (PNG)…"), this, [this] {
        const QString p = askSave(tr("Export view"), tr("PNG images (*.png)"), "png");
        if (!p.isEmpty() && m_images->exportCurrentView(p)) showMessage(tr("Saved %1.").arg(p), false);
    });
    file->addSeparator();
    file->addAction(tr("Detection: open photo…"), this, [this] {
        const QString p = askOpen(tr("Open photo"),
                                  tr("Images (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff);;All files (*)"));
        if (p.isEmpty()) return;
        showLab(2);
        m_detection->openPhoto(p);
    });
    file->addAction(tr("Detection: export annotated photo (PNG)…"), this, [this] {
        const QString p = askSave(tr("Export annotated photo"), tr("PNG images (*.png)"), "png");
        if (!p.isEmpty()) m_detection->exportPng(p);
    });
    file->addAction(tr("Detection: export detections (JSON)…"), this, [this] {
        const QString p = askSave(tr("Export detections"), tr("JSON (*.json)"), "json");
        if (!p.isEmpty()) m_detection->exportJson(p);
    });
    file->addSeparator();
    file->addAction(tr("Style: content photo…"), this, [this] {
        const QString p =
            askOpen(tr("Content photo"), tr("Images (*.jpg *.jpeg *.png *.bmp);;All files (*)"));
        if (p.isEmpty()) return;
        showLab(3);
        m_style->setContent(p);
    });
    file->addAction(tr("Style: style painting…"), this, [this] {
        const QString p =
            askOpen(tr("Style painting"), tr("Images (*.jpg *.jpeg *.png *.bmp);;All files (*)"));
        if (p.isEmpty()) return;
        showLab(3);
        m_style->setStyle(p);
    });
    file->addAction(tr("Style: save the generated image (PNG)…"), this, [this] {
        const QString p = askSave(tr("Save the generated image"), tr("PNG images (*.png)"), "png");
        if (!p.isEmpty()) m_style->saveImage(p);
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
    train->addSeparator();
    train->addAction(tr("Data &augmentation…"), m_images, &ImagesPage::showAugmentationDialog);
    train->addAction(tr("Evaluate on &dev"), this, [this] {
        showLab(1);
        m_images->evaluateDev();
    });
    train->addAction(tr("Evaluate on &test…"), this, [this] {
        showLab(1);
        m_images->evaluateTest(true);
    });
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
        presets->addAction(name, this, [this, json] {
            showLab(0);
            m_playground->applyPreset(json);
        });
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
    labMessage(m_pages->currentWidget(), text, error); // the window's own messages belong to the lab shown
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
    m_images->saveSettings(s);
    m_detection->saveSettings(s);
    m_style->saveSettings(s);
    s.setValue("window/lab", m_pages->currentIndex());
    e->accept();
}

} // namespace lab
