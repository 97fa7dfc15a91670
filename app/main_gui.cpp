// SPDX-License-Identifier: MIT
// dllab: the desktop app. `--screenshot FILE [--steps N] [--hover-unit]` trains N iterations offscreen,
// saves the window as PNG and exits (used for the README pictures and smoke checks).
#include "app/bench_gui.h"
#include "app/gui/main_window.h"
#include "core/util/memory.h"
#include "widgets/augmentation_dialog.h"
#include "widgets/compare_dialog.h"
#include "widgets/gradcheck_dialog.h"
#include "widgets/guarded_application.h"
#include "widgets/hyper_panel.h"
#include "widgets/hyperparameters_dialog.h"
#include "widgets/network_view.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMouseEvent>
#include <QSlider>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <utility>

// The Images lab's screenshot run: train `epochs` epochs, then show `tab` (training, filters, maps, eval,
// histograms, layers) or the augmentation dialog, and save the window.
static int imagesScreenshot(QApplication& app, lab::MainWindow& w, const QCommandLineParser& cli,
                            const QString& out)
{
    w.showLab(1);
    lab::ImagesPage* page = w.images();
    lab::ImageRunConfig cfg = page->config();
    cfg.preset = cli.value("images-model");
    cfg.layers.clear();
    cfg.source.limit = cli.value("images-limit").toInt();
    cfg.source.devCount = 1000;
    cfg.maxEpochs = cli.value("images-epochs").toInt();
    cfg.hyper.lr = 0.001f;
    cfg.hyper.batch = 64;
    cfg.hyper.opt.kind = dl::OptKind::Adam;
    cfg.augmentation = dl::AugmentPipeline::parse(cli.value("images-augment").toStdString());
    page->setConfig(cfg);
    const QString tab = cli.value("images-tab"), dialog = cli.value("dialog");
    const QStringList tabs{"training", "filters", "maps", "eval", "histograms", "layers"};
    auto grabAndQuit = [&app, &w, out, dialog, page] {
        QWidget* grabbed = &w;
        if (dialog == "augmentation") grabbed = page->augmentationDialog();
        const bool ok = grabbed->grab().save(out, "PNG");
        std::fprintf(stderr, ok ? "dllab: saved %s\n" : "dllab: could not write %s\n", qPrintable(out));
        app.exit(ok ? 0 : 1);
    };
    bool started = false, finished = false;
    QObject::connect(page, &lab::ImagesPage::runningChanged, &app, [&, tab, tabs](bool running) {
        if (running) {
            started = true;
            return;
        }
        if (!started || finished || page->epochsSeen() < cfg.maxEpochs) return;
        finished = true;
        page->tabs()->setCurrentIndex(std::max(0, static_cast<int>(tabs.indexOf(tab))));
        page->probeDev(cli.value("images-probe").toInt());
        if (dialog == "augmentation") {
            page->augmentationDialog()->resize(620, 640);
            page->augmentationDialog()->show();
        }
        if (tab == "eval") {
            QObject::connect(page, &lab::ImagesPage::evaluated, &app, [&] {
                page->tabs()->setCurrentIndex(3);
                page->controller().cellImages(6, 0); // shirts taken for T-shirts: the classic confusion
                QTimer::singleShot(1500, &app, grabAndQuit);
            });
            page->evaluateTest(false);
            return;
        }
        QTimer::singleShot(2500, &app, grabAndQuit);
    });
    QTimer::singleShot(1500, &app, [page] { page->run(); });
    QTimer::singleShot(600000, &app, [&] {
        std::fprintf(stderr, "dllab: the screenshot run timed out\n");
        app.exit(1);
    });
    return app.exec();
}

// The Detection lab's screenshot / timing run: open `model` and `photo`, set up the `view` (boxes,
// candidates, grid, nms, maps, layers), then save the window; with --bench-redraw N instead time N slider
// moves (NMS on the stored candidates + a synchronous repaint) and print the median, no network run.
static int detectionScreenshot(QApplication& app, lab::MainWindow& w, const QCommandLineParser& cli,
                               const QString& out)
{
    w.showLab(2);
    lab::DetectionPage* page = w.detection();
    const QString view = cli.value("detect-view");
    const int benchN = cli.value("bench-redraw").toInt();
    bool done = false;
    auto grabAndQuit = [&app, &w, out] {
        const bool ok = w.grab().save(out, "PNG");
        std::fprintf(stderr, ok ? "dllab: saved %s\n" : "dllab: could not write %s\n", qPrintable(out));
        app.exit(ok ? 0 : 1);
    };
    QObject::connect(page, &lab::DetectionPage::message, &app, [](const QString& m, bool error) {
        if (error) std::fprintf(stderr, "dllab: %s\n", qPrintable(m));
    });
    const QString wantModel = cli.value("detect-model"),
                  wantPhoto = QFileInfo(cli.value("detect-photo")).fileName();
    QObject::connect(page, &lab::DetectionPage::detected, &app, [&, view, benchN, wantModel, wantPhoto] {
        if (done || page->model().key != wantModel || page->result().source != wantPhoto)
            return; // an earlier run
        done = true;
        if (benchN > 0) {
            std::vector<double> ms;
            QElapsedTimer t;
            for (int i = 0; i < benchN; ++i) {
                t.start();
                page->setScoreThreshold(0.05 + 0.9 * (i % 19) / 18.0); // as a slider drag: NMS + redraw
                page->view()->repaint();
                ms.push_back(t.nsecsElapsed() / 1e6);
            }
            std::sort(ms.begin(), ms.end());
            std::printf("{\"redraws\": %d, \"median_ms\": %.3f, \"max_ms\": %.3f, \"candidates\": %zu, "
                        "\"view\": \"%dx%d\"}\n",
                        benchN, ms[ms.size() / 2], ms.back(), page->result().candidates.size(),
                        page->view()->width(), page->view()->height());
            app.exit(0);
            return;
        }
        if (cli.isSet("detect-score")) page->setScoreThreshold(cli.value("detect-score").toDouble());
        if (view == "candidates") page->setShowCandidates(true);
        if (view == "grid") {
            const QStringList rc = cli.value("detect-cell").split(',');
            page->setGridHead(cli.value("detect-head").toInt());
            page->options().cellRow = rc.value(0).toInt(), page->options().cellCol = rc.value(1).toInt();
            page->setShowCandidates(false);
        }
        if (view == "nms") {
            page->setShowCandidates(false);
            for (int i = 0; i < cli.value("detect-step").toInt(); ++i) page->stepNms(+1);
        }
        if (view == "layers") page->tabs()->setCurrentIndex(2);
        if (view == "maps") {
            QObject::connect(page, &lab::DetectionPage::mapsShown, &app,
                             [&] { QTimer::singleShot(500, &app, grabAndQuit); });
            page->tabs()->setCurrentIndex(1);
            page->showLayerMaps(cli.value("detect-layer").toInt());
            return;
        }
        page->refilter();
        QTimer::singleShot(800, &app, grabAndQuit);
    });
    page->openModel(wantModel);
    page->openPhoto(cli.value("detect-photo"));
    QTimer::singleShot(120000, &app, [&] {
        std::fprintf(stderr, "dllab: the detection run timed out\n");
        app.exit(1);
    });
    return app.exec();
}

// The Style lab's screenshot run: `content` in the style of `style-image` at `style-size`, run
// `style-iterations` iterations (optionally pausing at `style-change` to set β to `style-beta-after`), then
// show the `style-view` tab (costs or gram) and save the window; --style-out also saves G as PNG.
static int styleScreenshot(QApplication& app, lab::MainWindow& w, const QCommandLineParser& cli,
                           const QString& out)
{
    w.showLab(3);
    lab::StylePage* page = w.stylePage();
    page->setSize(cli.value("style-size").toInt());
    page->setIterations(cli.value("style-iterations").toInt());
    if (cli.value("style-optimizer") == "adam") page->setOptimizer(dl::StyleOptimizer::Adam);
    QObject::connect(page, &lab::StylePage::message, &app, [](const QString& m, bool error) {
        if (error) std::fprintf(stderr, "dllab: %s\n", qPrintable(m));
    });
    auto grabAndQuit = [&app, &w, out] {
        const bool ok = w.grab().save(out, "PNG");
        std::fprintf(stderr, ok ? "dllab: saved %s\n" : "dllab: could not write %s\n", qPrintable(out));
        app.exit(ok ? 0 : 1);
    };
    const QString view = cli.value("style-view");
    QObject::connect(page, &lab::StylePage::finished, &app, [&, view] {
        std::fprintf(stderr, "dllab: %d iterations, %.0f ms each, J_style %.4g\n", page->last().iteration,
                     page->last().secondsPerIteration * 1e3, page->last().costs.style);
        if (cli.isSet("style-out")) page->saveImage(cli.value("style-out"));
        if (view == "gram") {
            QObject::connect(page, &lab::StylePage::gramShown, &app,
                             [&] { QTimer::singleShot(300, &app, grabAndQuit); });
            page->showGram(cli.value("style-gram").toInt());
            return;
        }
        QTimer::singleShot(500, &app, grabAndQuit);
    });
    page->setStyle(cli.value("style-image"));
    page->setContent(cli.value("style-content"));
    page->run();
    QTimer::singleShot(600000, &app, [&] {
        std::fprintf(stderr, "dllab: the style run timed out\n");
        app.exit(1);
    });
    return app.exec();
}

static bool haveDisplay()
{
    const char* qpa = std::getenv("QT_QPA_PLATFORM");
    if (qpa && *qpa) return true;
    const char* x = std::getenv("DISPLAY");
    const char* w = std::getenv("WAYLAND_DISPLAY");
    return (x && *x) || (w && *w);
}

int main(int argc, char** argv)
{
    if (!haveDisplay()) {
        std::fprintf(stderr,
                     "dllab: no display found (DISPLAY and WAYLAND_DISPLAY are unset); run it in a desktop "
                     "session, or headless with `xvfb-run -a build/app/dllab`, or use the command line "
                     "`build/app/dlcli train2d --help`.\n");
        return 2;
    }
    dl::keepFreedMemory();
    lab::GuardedApplication app(argc, argv);
    QApplication::setOrganizationName("DLVisualLab");
    QApplication::setApplicationName("DL Visual Lab");
    QApplication::setWindowIcon(QIcon(":/icons/dllab.png"));
    QCommandLineParser cli;
    cli.setApplicationDescription("DL Visual Lab: see deep learning happen.");
    cli.addHelpOption();
    QCommandLineOption shot("screenshot", "Train, save the window as PNG to <file>, exit.", "file");
    QCommandLineOption steps("steps", "Iterations before the screenshot (default 3000).", "n", "3000");
    QCommandLineOption hover("hover-unit", "Hover the first hidden unit before the screenshot.");
    QCommandLineOption experiment("experiment", "Open and replay an experiment file at start.", "file");
    QCommandLineOption preset("preset", "Start from a course preset (resources/presets/<name>.json).",
                              "name");
    QCommandLineOption speed(
        "speed", "Iterations per second during a screenshot run (0 = max; default: the panel's).", "n");
    QCommandLineOption dialog("dialog",
                              "With --screenshot: grab this dialog instead (gradcheck, hyper, "
                              "compare-hidden, compare-lr, compare-optimizer, ...).",
                              "name");
    QCommandLineOption setLr(
        "set-lr", "With --screenshot: move the learning-rate slider to <value> at iteration <step>.",
        "step=value");
    QCommandLineOption labOpt("lab", "Start in this lab: playground, images, detection or style.", "name",
                              "playground");
    QCommandLineOption models(
        "models", "Folder with the pretrained models (default: $DLLAB_MODELS, else models/).", "dir");
    QCommandLineOption dPhoto("detect-photo", "Detection screenshot: the photo.", "file",
                              "/usr/share/darknet/data/dog.jpg");
    QCommandLineOption dModel("detect-model", "Detection screenshot: coco, coco-small, face or CFG:WEIGHTS.",
                              "name", "coco");
    QCommandLineOption dView(
        "detect-view", "Detection screenshot: boxes, candidates, grid, nms, maps, layers.", "name", "boxes");
    QCommandLineOption dScore("detect-score", "Detection screenshot: score threshold.", "value");
    QCommandLineOption dHead("detect-head", "Detection screenshot (grid): head index.", "n", "0");
    QCommandLineOption dCell("detect-cell",
                             "Detection screenshot (grid): row,col of the cell whose anchors are shown.",
                             "r,c", "4,3");
    QCommandLineOption dStep("detect-step", "Detection screenshot (nms): NMS steps to replay.", "n", "1");
    QCommandLineOption dLayer("detect-layer", "Detection screenshot (maps): layer.", "n", "1");
    QCommandLineOption benchRedraw(
        "bench-redraw", "Detection lab: time N threshold changes (NMS + repaint), print JSON, exit.", "n");
    QCommandLineOption benchGuiOpt(
        "bench-gui",
        "Time the GUI while LAB (playground, images, style) trains at full speed, then "
        "dlcli on the same work; print JSON, exit (bench/busy_machine.sh).",
        "lab");
    QCommandLineOption benchSeconds("bench-seconds", "--bench-gui: seconds to measure.", "n", "10");
    QCommandLineOption sContent("style-content", "Style screenshot: content photo.", "file",
                                "/usr/share/darknet/data/dog.jpg");
    QCommandLineOption sImage("style-image", "Style screenshot: style painting.", "file",
                              "/usr/share/darknet/data/scream.jpg");
    QCommandLineOption sSize("style-size", "Style screenshot: longest side of G.", "px", "320");
    QCommandLineOption sIters("style-iterations", "Style screenshot: iterations before the picture.", "n",
                              "200");
    QCommandLineOption sOpt("style-optimizer", "Style screenshot: lbfgs or adam.", "name", "lbfgs");
    QCommandLineOption sView("style-view", "Style screenshot: costs or gram.", "name", "costs");
    QCommandLineOption sGram("style-gram", "Style screenshot (gram): style layer index in the list.", "n",
                             "0");
    QCommandLineOption sOut("style-out", "Style screenshot: also save G as PNG here.", "file");
    QCommandLineOption imModel("images-model", "Images lab screenshot: model preset.", "name", "lenet5");
    QCommandLineOption imLimit("images-limit", "Images lab screenshot: training images (0 = all).", "n",
                               "6000");
    QCommandLineOption imEpochs("images-epochs", "Images lab screenshot: epochs before the picture.", "n",
                                "2");
    QCommandLineOption imTab("images-tab",
                             "Images lab screenshot: training, filters, maps, eval, histograms, layers.",
                             "name", "training");
    QCommandLineOption imAug("images-augment", "Images lab screenshot: augmentation pipeline.", "text", "");
    QCommandLineOption imProbe("images-probe", "Images lab screenshot: dev image to look at.", "n", "0");
    cli.addOptions({shot,    steps,   hover,    experiment, preset, speed,   dialog,      setLr,       labOpt,
                    imModel, imLimit, imEpochs, imTab,      imAug,  imProbe, models,      dPhoto,      dModel,
                    dView,   dScore,  dHead,    dCell,      dStep,  dLayer,  benchRedraw, sContent,    sImage,
                    sSize,   sIters,  sOpt,     sView,      sGram,  sOut,    benchGuiOpt, benchSeconds});
    cli.process(app);
    if (cli.isSet(shot) || cli.isSet(benchRedraw) || cli.isSet(benchGuiOpt))
        QApplication::setOrganizationName("DLVisualLab-screenshot"); // leave user settings alone
    if (cli.isSet(models)) qputenv("DLLAB_MODELS", cli.value(models).toLocal8Bit());

    lab::MainWindow w;
    QObject::connect(&app, &lab::GuardedApplication::uncaught, &w,
                     [&w](const QString& sentence) { w.showMessage(sentence, true); });
    w.show();
    if (cli.isSet(preset)) {
        QFile f(":/presets/" + cli.value(preset) + ".json");
        if (!f.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "dllab: no preset named %s\n", qPrintable(cli.value(preset)));
            return 2;
        }
        w.playground()->applyPreset(f.readAll());
    }
    if (cli.isSet(experiment)) w.playground()->openExperiment(cli.value(experiment));
    if (cli.isSet(labOpt))
        w.showLab(cli.value(labOpt) == "images"      ? 1
                  : cli.value(labOpt) == "detection" ? 2
                  : cli.value(labOpt) == "style"     ? 3
                                                     : 0);
    if (cli.isSet(benchGuiOpt))
        return benchGui(app, w, cli.value(benchGuiOpt), cli.value(benchSeconds).toInt());
    if (cli.isSet(shot) && cli.value(labOpt) == "style") return styleScreenshot(app, w, cli, cli.value(shot));
    if ((cli.isSet(shot) || cli.isSet(benchRedraw)) && cli.value(labOpt) == "detection")
        return detectionScreenshot(app, w, cli, cli.value(shot));
    if (cli.isSet(shot) && cli.value(labOpt) == "images")
        return imagesScreenshot(app, w, cli, cli.value(shot));
    if (!cli.isSet(shot)) return app.exec();

    const long target = cli.value(steps).toLong();
    const QString out = cli.value(shot);
    lab::PlaygroundPage* page = w.playground();
    bool fired = false, lrMoved = false;
    const QStringList lrArg = cli.value(setLr).split('=');
    if (cli.isSet(setLr))
        QObject::connect(page, &lab::PlaygroundPage::progressed, &app, [&, lrArg](const lab::Snapshot& s) {
            if (lrMoved || lrArg.size() != 2 || s.last.step < lrArg[0].toLong()) return;
            lrMoved = true; // the same path as dragging the slider
            page->hyperPanel()->learningRateSlider()->setValue(
                lab::HyperPanel::rateToSlider(lrArg[1].toDouble()));
        });
    QObject::connect(page, &lab::PlaygroundPage::progressed, &app, [&, target](const lab::Snapshot& s) {
        if (fired || s.last.step < target) return;
        fired = true;
        page->pause();
        QTimer::singleShot(300, &app, [&] {
            if (cli.isSet(hover)) { // move the mouse over the first hidden unit: the main view enlarges it
                lab::NetworkView* nv = page->networkView();
                const QPointF c = nv->unitRect(1, 0).center();
                QMouseEvent move(QEvent::MouseMove, c, nv->mapToGlobal(c), Qt::NoButton, Qt::NoButton,
                                 Qt::NoModifier);
                QApplication::sendEvent(nv, &move);
            }
            const QString which = cli.value(dialog);
            if (which == "gradcheck") page->gradientCheck();
            if (which.startsWith("compare-"))
                page->compareRuns(dl::parseSweepParam(which.mid(8).toStdString()));
            if (which == "hyper") {
                auto* d = new lab::HyperparametersDialog(&w);
                d->setValues(page->hyperPanel()->hyper(), page->hyperPanel()->network(),
                             page->config().maxSteps, 1);
                d->show();
            }
            QTimer::singleShot(which.isEmpty() ? 200 : 3000, &app, [&, which] {
                QWidget* grabbed = &w;
                if (which == "gradcheck") grabbed = page->findChild<lab::GradCheckDialog*>();
                if (which.startsWith("compare-")) grabbed = page->findChild<lab::CompareDialog*>();
                if (which == "hyper") grabbed = w.findChild<lab::HyperparametersDialog*>();
                if (!grabbed) {
                    std::fprintf(stderr, "dllab: no dialog named %s\n", qPrintable(which));
                    app.exit(1);
                    return;
                }
                const bool ok = grabbed->grab().save(out, "PNG");
                std::fprintf(stderr, ok ? "dllab: saved %s\n" : "dllab: could not write %s\n",
                             qPrintable(out));
                app.exit(ok ? 0 : 1);
            });
        });
    });
    if (cli.isSet(speed)) page->controller().setStepsPerSecond(cli.value(speed).toInt());
    QTimer::singleShot(500, &app, [page] { page->run(); });
    QTimer::singleShot(120000, &app, [&] {
        std::fprintf(stderr, "dllab: the screenshot run timed out\n");
        app.exit(1);
    });
    return app.exec();
}
