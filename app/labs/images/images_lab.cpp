// SPDX-License-Identifier: MIT
// The Images lab's side of the LabPage contract: its toolbar and menu items, the files it opens, its
// screenshot recipe (train some epochs, then show a tab or the augmentation dialog and grab) and its GUI
// benchmark.
#include "app/labs/images/augmentation_dialog.h"
#include "app/labs/images/images_page.h"
#include "widgets/file_dialogs.h"

#include <QAction>
#include <QCommandLineParser>
#include <QJsonObject>
#include <QMenu>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>

namespace lab {

QList<QAction*> ImagesPage::toolbarActions()
{
    QAction* aug =
        new QAction(style()->standardIcon(QStyle::SP_FileDialogContentsView), tr("Augmentation…"), this);
    aug->setToolTip(tr("Data augmentation for the Images lab, with a live preview"));
    connect(aug, &QAction::triggered, this, &ImagesPage::showAugmentationDialog);
    return {aug};
}

QStringList ImagesPage::openFilters() const
{
    return {tr("DL Visual Lab image models (*.dlm)")};
}

void ImagesPage::addMenuItems(const LabMenus& menus)
{
    menus.file->addAction(tr("Images: save model (.dlm)…"), this, [this] {
        const QString p =
            askSavePath(this, tr("Save image model"), tr("DL Visual Lab image models (*.dlm)"), "dlm");
        if (!p.isEmpty()) saveModel(p);
    });
    menus.file->addAction(tr("Images: export to ONNX…"), this, [this] {
        const QString p = askSavePath(this, tr("Export to ONNX"), tr("ONNX models (*.onnx)"), "onnx");
        if (!p.isEmpty()) exportModel(p, {});
    });
    menus.file->addAction(tr("Images: export to PyTorch…"), this, [this] {
        const QString d = askFolder(this, tr("A folder for the PyTorch experiment (model.py, weights, train.py)"));
        if (!d.isEmpty()) exportModel({}, d);
    });
    menus.file->addAction(tr("Images: train on an image folder…"), this, [this] {
        const QString d = askFolder(this, tr("Folder with one sub-folder per class"));
        if (d.isEmpty()) return;
        emit raiseRequested();
        chooseFolder(d);
    });
    menus.file->addAction(tr("Images: export the current view (PNG)…"), this, [this] {
        const QString p = askSavePath(this, tr("Export view"), tr("PNG images (*.png)"), "png");
        if (!p.isEmpty() && exportCurrentView(p)) emit message(tr("Saved %1.").arg(p), false);
    });
    menus.training->addAction(tr("Data &augmentation…"), this, [this] {
        emit raiseRequested();
        showAugmentationDialog();
    });
    menus.training->addAction(tr("Evaluate on &dev"), this, [this] {
        emit raiseRequested();
        evaluateDev();
    });
    menus.training->addAction(tr("Evaluate on &test…"), this, [this] {
        emit raiseRequested();
        evaluateTest(true);
    });
}

QList<QCommandLineOption> ImagesPage::commandLineOptions() const
{
    return {
        {"images-model", "Images lab screenshot: model preset.", "name", "lenet5"},
        {"images-limit", "Images lab screenshot: training images (0 = all).", "n", "6000"},
        {"images-epochs", "Images lab screenshot: epochs before the picture.", "n", "2"},
        {"images-tab", "Images lab screenshot: training, filters, maps, eval, histograms, layers.", "name",
         "training"},
        {"images-augment", "Images lab screenshot: augmentation pipeline.", "text", ""},
        {"images-probe", "Images lab screenshot: dev image to look at.", "n", "0"},
    };
}

// Train `images-epochs` epochs, then show `images-tab` (or the augmentation dialog) and grab.
void ImagesPage::shoot(const QCommandLineParser& cli, LabShot& shot)
{
    ImageRunConfig cfg = config();
    cfg.preset = cli.value("images-model");
    cfg.layers.clear();
    cfg.source.limit = cli.value("images-limit").toInt();
    cfg.source.devCount = 1000;
    cfg.maxEpochs = cli.value("images-epochs").toInt();
    cfg.hyper.lr = 0.001f;
    cfg.hyper.batch = 64;
    cfg.hyper.opt.kind = dl::OptKind::Adam;
    cfg.augmentation = dl::AugmentPipeline::parse(cli.value("images-augment").toStdString());
    setConfig(cfg);
    const QString tab = cli.value("images-tab");
    const int tabIndex = std::max(
        0, static_cast<int>(QStringList{"training", "filters", "maps", "eval", "histograms", "layers"}.indexOf(tab)));
    const bool augDialog = shot.dialog() == "augmentation";
    auto grab = [this, &shot, augDialog] { shot.grab(augDialog ? augmentationDialog() : nullptr); };
    auto started = std::make_shared<bool>(false), finished = std::make_shared<bool>(false);
    connect(this, &LabPage::runningChanged, this,
            [=, this, &cli](bool running) {
                if (running) {
                    *started = true;
                    return;
                }
                if (!*started || *finished || epochsSeen() < cfg.maxEpochs) return;
                *finished = true;
                tabs()->setCurrentIndex(tabIndex);
                probeDev(cli.value("images-probe").toInt());
                if (augDialog) {
                    augmentationDialog()->resize(620, 640);
                    augmentationDialog()->show();
                }
                if (tab == "eval") {
                    connect(this, &ImagesPage::evaluated, this, [this, grab] {
                        tabs()->setCurrentIndex(3);
                        showCell(6, 0); // shirts taken for T-shirts: the classic confusion
                        QTimer::singleShot(1500, this, grab);
                    });
                    evaluateTest(false);
                    return;
                }
                QTimer::singleShot(2500, this, grab);
            });
    QTimer::singleShot(1500, this, [this] { run(); });
}

std::optional<GuiBench> ImagesPage::guiBench()
{
    auto images = std::make_shared<double>(0), evalSeconds = std::make_shared<double>(0);
    m_worker.relay(&ImagesWorker::progressed, this, [images, evalSeconds](const ImageSnapshot& s) {
        *images = double(s.step) * 64;
        for (const EpochPoint& e : s.epochs) *evalSeconds += e.evalSeconds;
    });
    GuiBench b{[this] {
                   ImageRunConfig cfg = config();
                   cfg.preset = "mlp", cfg.layers.clear();
                   cfg.hyper.batch = 64, cfg.hyper.lr = 0.001f, cfg.hyper.opt.kind = dl::OptKind::Adam;
                   cfg.augmentation = {};
                   cfg.source.limit = 0, cfg.source.devCount = 5000;
                   cfg.maxEpochs = 0; // no limit: the lab's default (10 epochs) ends inside the measured window
                   setConfig(cfg);
                   QTimer::singleShot(3000, this, [this] { run(); }); // Fashion-MNIST loads first
               },
               [images] { return *images; },
               "img/s",
               // the same data as the lab (all of Fashion-MNIST's training set, 5 000 of it held out as dev)
               {"train-images", "--model", "mlp", "--optimizer", "adam", "--lr", "0.001", "--batch", "64",
                "--epochs", "2", "--dev-count", "5000", "--json"},
               [](const QJsonObject& j) {
                   return j["images_per_second"].toDouble(); // training time only (cli_images.cpp)
               },
               [evalSeconds] { return *evalSeconds; },
               6000};
    return b;
}

} // namespace lab
