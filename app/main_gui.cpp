// SPDX-License-Identifier: MIT
// dllab: the desktop app. `--lab ID --screenshot FILE [lab options]` runs that lab's screenshot recipe
// offscreen, saves the window as PNG and exits (the README pictures, smoke checks); each lab declares its
// own options (LabPage::commandLineOptions). `--bench-gui ID` times the GUI while the lab trains.
#include "app/bench_gui.h"
#include "app/fetch_models.h"
#include "app/gui/fetch_dialog.h"
#include "app/gui/main_window.h"
#include "core/util/memory.h"
#include "widgets/guarded_application.h"
#include "widgets/language.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QTimer>
#include <cstdio>
#include <cstdlib>
#include <string>

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
    for (int i = 1; i < argc; ++i) { // the two that need no window, nor a display
        const std::string a = argv[i];
        if (a == "--version" || a == "-v") return std::printf("dllab %s\n", DL_VERSION) < 0;
        if (a == "--fetch-models") return lab::fetchModels();
    }
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
    QApplication::setApplicationVersion(DL_VERSION);
    QApplication::setWindowIcon(QIcon(":/icons/dllab.png"));
    QCommandLineParser cli;
    cli.setApplicationDescription("DL Visual Lab: see deep learning happen.");
    cli.addHelpOption();
    const QCommandLineOption shot("screenshot", "Run the lab's screenshot recipe, save the window as PNG to <file>, exit.",
                                  "file");
    const QCommandLineOption dialog("dialog", "With --screenshot: grab this dialog of the lab instead.", "name");
    const QCommandLineOption labOpt("lab", "Start in this lab (its id: playground, images, ...).", "id");
    const QCommandLineOption models("models", "Folder with the pretrained models (default: $DLLAB_MODELS, else models/).",
                                    "dir");
    const QCommandLineOption benchGuiOpt("bench-gui",
                                         "Time the GUI while lab ID trains at full speed, then dlcli on the same "
                                         "work; print JSON, exit (bench/busy_machine.sh).",
                                         "id");
    const QCommandLineOption benchSeconds("bench-seconds", "--bench-gui: seconds to measure.", "n", "10");
    const QCommandLineOption version({"v", "version"}, "Print the version and exit (needs no display).");
    const QCommandLineOption fetch("fetch-models", "Fetch the missing models and corpora (resources/models.manifest, "
                                                   "checked by sha256) and exit (needs no display).");
    const QCommandLineOption langOpt("lang", "The language to start in: en or zh_CN (default: the one chosen in View ▸ "
                                             "Language, else the system's).",
                                     "code");
    cli.addOptions({shot, dialog, labOpt, models, benchGuiOpt, benchSeconds, version, fetch, langOpt});
    // Each lab's options come from the lab: the window is built first (its labs declare them), but only
    // reads settings, so the parse below still happens before anything runs.
    const bool quietSettings = [&] {
        for (int i = 1; i < argc; ++i) {
            const QString a = QString::fromLocal8Bit(argv[i]);
            if (a.startsWith("--screenshot") || a.startsWith("--bench")) return true;
        }
        return false;
    }();
    if (quietSettings) QApplication::setOrganizationName("DLVisualLab-screenshot"); // leave user settings alone
    // The labs look for their models while the window is built, before the full parse: --models DIR and
    // --models=DIR are read here first (the parse below then checks the whole command line).
    for (int i = 1; i < argc; ++i) {
        const QString a = QString::fromLocal8Bit(argv[i]);
        if (a == "--models" && i + 1 < argc) qputenv("DLLAB_MODELS", argv[i + 1]);
        if (a.startsWith("--models=")) qputenv("DLLAB_MODELS", a.mid(9).toLocal8Bit());
    }
    // The language too, before any window exists: --lang CODE, else View ▸ Language's choice, else the system's.
    QString language = lab::startLanguage(QSettings());
    for (int i = 1; i < argc; ++i) {
        const QString a = QString::fromLocal8Bit(argv[i]);
        if (a == "--lang" && i + 1 < argc) language = QString::fromLocal8Bit(argv[i + 1]);
        if (a.startsWith("--lang=")) language = a.mid(7);
    }
    if (!lab::setLanguage(language)) {
        std::fprintf(stderr, "dllab: --lang %s is not a language the app speaks; use one of: %s\n", qPrintable(language),
                     qPrintable(lab::languages().join(", ")));
        return 2;
    }
    lab::MainWindow w;
    for (lab::LabPage* page : w.labs()) cli.addOptions(page->commandLineOptions());
    cli.process(app);
    if (cli.isSet(models)) qputenv("DLLAB_MODELS", cli.value(models).toLocal8Bit());
    QObject::connect(&app, &lab::GuardedApplication::uncaught, &w,
                     [&w](const QString& sentence) { w.showMessage(sentence, true); });
    w.show();
    lab::LabPage* chosen = cli.isSet(labOpt) ? w.lab(cli.value(labOpt)) : w.currentLab();
    if (!chosen) {
        std::fprintf(stderr, "dllab: no lab named %s\n", qPrintable(cli.value(labOpt)));
        return 2;
    }
    for (lab::LabPage* page : w.labs())
        if (const QString e = page->startWith(cli); !e.isEmpty()) {
            std::fprintf(stderr, "dllab: %s\n", qPrintable(e));
            return 2;
        }
    w.showLab(chosen);
    if (cli.isSet(benchGuiOpt)) return benchGui(app, w, cli.value(benchGuiOpt), cli.value(benchSeconds).toInt());
    if (!chosen->wantsShot(cli)) {
        if (lab::FetchDialog::shouldOffer()) // the first start without some models: say which, offer to fetch
            QTimer::singleShot(300, &w, [&w] {
                auto* d = new lab::FetchDialog(&w);
                d->setAttribute(Qt::WA_DeleteOnClose);
                d->show();
            });
        return app.exec();
    }
    lab::LabShot run(&w, cli.value(shot), cli.value(dialog), [&app](int code) { app.exit(code); });
    chosen->shoot(cli, run);
    QTimer::singleShot(600000, &app, [&run] { run.fail("the screenshot run timed out"); });
    return app.exec();
}
