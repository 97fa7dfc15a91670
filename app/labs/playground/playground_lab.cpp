// SPDX-License-Identifier: MIT
// The Playground's side of the LabPage contract: its toolbar and menu items, the files it opens, its
// screenshot recipe (the README pictures: train N iterations, optionally move the learning-rate slider,
// hover a unit or open a dialog, then grab) and its GUI benchmark.
#include "app/labs/playground/hyper_panel.h"
#include "app/labs/playground/network_view.h"
#include "app/labs/playground/playground_page.h"
#include "core/train/experiment.h"
#include "core/util/json.h"
#include "widgets/compare_dialog.h"
#include "widgets/core_texts.h"
#include "widgets/file_dialogs.h"
#include "widgets/gradcheck_dialog.h"
#include "widgets/hyperparameters_dialog.h"
#include "widgets/loss_curve_view.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QMenu>
#include <QMouseEvent>
#include <QRegularExpression>
#include <QSlider>
#include <QStyle>
#include <QTimer>

namespace lab {

QList<QAction*> PlaygroundPage::toolbarActions()
{
    QAction* grad = new QAction(style()->standardIcon(QStyle::SP_DialogApplyButton), tr("Gradient check"), this);
    grad->setToolTip(tr("Compare backprop with two-sided differences, per layer (green < 1e-7, red > 1e-3)"));
    connect(grad, &QAction::triggered, this, &PlaygroundPage::gradientCheck);
    QAction* hyper =
        new QAction(style()->standardIcon(QStyle::SP_FileDialogDetailedView), tr("Hyperparameters…"), this);
    connect(hyper, &QAction::triggered, this, &PlaygroundPage::showHyperparametersDialog);
    return {grad, hyper};
}

QStringList PlaygroundPage::openFilters() const
{
    return {tr("Playground experiments (*.json)"), tr("Playground models (*.dlck)"),
            tr("Points (*.csv *.txt)")};
}

// A .json file is the Playground's when it declares itself an experiment, or when it is no readable JSON
// object at all (opening it then says why); JSON of another format is another lab's. A .txt file is when one
// of its first lines is a point, `x,y,label` (other text is another lab's: a corpus).
bool PlaygroundPage::canOpen(const QString& path) const
{
    if (!LabPage::canOpen(path)) return false;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == "txt") {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) return true; // opening it says why
        for (int i = 0; i < 5 && !f.atEnd(); ++i) {
            const QStringList v = QString::fromUtf8(f.readLine()).trimmed().split(QRegularExpression("[,;\\s]+"));
            bool x = false, y = false, l = false;
            if (v.size() == 3 && (v[0].toDouble(&x), v[1].toDouble(&y), v[2].toInt(&l), x && y && l)) return true;
        }
        return false;
    }
    if (suffix != "json") return true;
    const QString format = jsonFileFormat(path);
    return format.isNull() || format == QLatin1String(dl::kExperimentFormat);
}

void PlaygroundPage::open(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == "dlck")
        loadModel(path);
    else if (suffix == "csv" || suffix == "txt")
        loadCsv(path);
    else
        openExperiment(path);
}

// The lab's File items: an action that asks for a path, then shows this lab and acts.
static void addFileItem(PlaygroundPage* page, QMenu* menu, const QString& text, std::function<void()> act,
                        QKeySequence keys = {})
{
    QAction* a = menu->addAction(text, page, [page, act] { act(); });
    a->setShortcut(keys);
}

void PlaygroundPage::addMenuItems(const LabMenus& menus)
{
    QMenu* file = menus.file;
    addFileItem(this, file, tr("Playground: save experiment…"), [this] {
        const QString p = askSavePath(this, tr("Save experiment"), tr("Experiments (*.json)"), "json");
        if (!p.isEmpty()) saveExperiment(p);
    }, QKeySequence::Save);
    addFileItem(this, file, tr("Playground: save points (CSV)…"), [this] {
        const QString p = askSavePath(this, tr("Save points"), tr("CSV files (*.csv)"), "csv");
        if (!p.isEmpty()) saveCsv(p);
    });
    addFileItem(this, file, tr("Playground: save model…"), [this] {
        const QString p = askSavePath(this, tr("Save model"), tr("DL Visual Lab checkpoints (*.dlck)"), "dlck");
        if (!p.isEmpty()) saveModel(p);
    });
    addFileItem(this, file, tr("Playground: export to ONNX…"), [this] {
        const QString p = askSavePath(this, tr("Export to ONNX"), tr("ONNX models (*.onnx)"), "onnx");
        if (!p.isEmpty()) exportModel(p, {});
    });
    addFileItem(this, file, tr("Playground: export to PyTorch…"), [this] {
        const QString d = askFolder(this, tr("A folder for the PyTorch experiment (model.py, weights, train.py)"));
        if (!d.isEmpty()) exportModel({}, d);
    });
    auto exportCurve = [this](bool png) {
        const QString p = png ? askSavePath(this, tr("Export learning curve"), tr("PNG images (*.png)"), "png")
                              : askSavePath(this, tr("Export learning curve"), tr("CSV files (*.csv)"), "csv");
        if (p.isEmpty()) return;
        const bool ok = png ? m_curves->savePng(p) : m_curves->saveCsv(p);
        emit message(ok ? tr("Saved %1.").arg(p) : m_curves->lastError(), !ok);
    };
    addFileItem(this, file, tr("Playground: export learning curve (PNG)…"), [exportCurve] { exportCurve(true); });
    addFileItem(this, file, tr("Playground: export learning curve (CSV)…"), [exportCurve] { exportCurve(false); });
    addFileItem(this, file, tr("Playground: export decision boundary (PNG)…"), [this] {
        const QString p = askSavePath(this, tr("Export decision boundary"), tr("PNG images (*.png)"), "png");
        if (!p.isEmpty() && exportMapPng(p)) emit message(tr("Saved %1.").arg(p), false);
    });

    QMenu* train = menus.training;
    train->addAction(tr("&Hyperparameters…"), QKeySequence(Qt::CTRL | Qt::Key_H), this, [this] {
        emit raiseRequested();
        showHyperparametersDialog();
    });
    train->addAction(tr("&Gradient check"), QKeySequence(Qt::CTRL | Qt::Key_G), this, [this] {
        emit raiseRequested();
        gradientCheck();
    });
    QMenu* compare = train->addMenu(tr("&Compare runs"));
    for (dl::SweepParam p : dl::sweepParams())
        compare->addAction(tr("By %1…").arg(coreText(dl::sweepParamTitle(p))), this, [this, p] {
            emit raiseRequested();
            compareRuns(p);
        });

    QMenu* presets = menus.addMenu(tr("&Presets"));
    for (const QFileInfo& fi : QDir(":/presets").entryInfoList(QDir::Files, QDir::Name)) {
        QFile f(fi.filePath());
        if (!f.open(QIODevice::ReadOnly)) continue;
        const QByteArray json = f.readAll();
        QString name = fi.baseName();
        try {
            name = coreText(dl::Json::parse(json.toStdString()).get("name", name.toStdString()));
        } catch (const dl::Error&) {
        }
        presets->addAction(name, this, [this, json] {
            emit raiseRequested();
            applyPreset(json);
        });
    }
    QAction* logScale = menus.view->addAction(tr("Log-scale cost"));
    logScale->setCheckable(true);
    logScale->setChecked(m_curves->logScale());
    connect(logScale, &QAction::toggled, m_curves, &LossCurveView::setLogScale);
    connect(m_curves, &LossCurveView::logScaleChanged, logScale, &QAction::setChecked);
}

QList<QCommandLineOption> PlaygroundPage::commandLineOptions() const
{
    return {
        {"steps", "Playground screenshot: iterations before the picture (default 3000).", "n", "3000"},
        {"hover-unit", "Playground screenshot: hover the first hidden unit before the picture."},
        {"set-lr", "Playground screenshot: move the learning-rate slider to <value> at iteration <step>.",
         "step=value"},
        {"speed", "Playground screenshot: iterations per second (0 = max; default: the panel's).", "n"},
        {"experiment", "Playground: open and replay an experiment file at start.", "file"},
        {"preset", "Playground: start from a course preset (resources/presets/<name>.json).", "name"},
    };
}

QString PlaygroundPage::startWith(const QCommandLineParser& cli)
{
    if (cli.isSet("preset")) {
        QFile f(":/presets/" + cli.value("preset") + ".json");
        if (!f.open(QIODevice::ReadOnly)) return QStringLiteral("no preset named %1").arg(cli.value("preset"));
        applyPreset(f.readAll());
    }
    if (cli.isSet("experiment")) openExperiment(cli.value("experiment"));
    return {};
}

// After the run: hover, open the dialog asked for, then grab it (or the window).
static void grabPlayground(PlaygroundPage* page, const QCommandLineParser& cli, LabShot& shot)
{
    if (cli.isSet("hover-unit")) { // move the mouse over the first hidden unit: the main view enlarges it
        NetworkView* nv = page->networkView();
        const QPointF c = nv->unitRect(1, 0).center();
        QMouseEvent move(QEvent::MouseMove, c, nv->mapToGlobal(c), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(nv, &move);
    }
    const QString which = shot.dialog();
    if (which == "gradcheck") page->gradientCheck();
    if (which.startsWith("compare-")) page->compareRuns(dl::parseSweepParam(which.mid(8).toStdString()));
    if (which == "hyper") {
        auto* d = new HyperparametersDialog(page);
        d->setValues(page->hyperPanel()->hyper(), page->hyperPanel()->network(), page->config().maxSteps, 1);
        d->show();
    }
    QTimer::singleShot(which.isEmpty() ? 200 : 3000, page, [page, which, &shot] {
        QWidget* grabbed = shot.window();
        if (which == "gradcheck") grabbed = page->findChild<GradCheckDialog*>();
        if (which.startsWith("compare-")) grabbed = page->findChild<CompareDialog*>();
        if (which == "hyper") grabbed = page->findChild<HyperparametersDialog*>();
        if (!grabbed) return shot.fail(QStringLiteral("no dialog named %1").arg(which));
        shot.grab(grabbed);
    });
}

void PlaygroundPage::shoot(const QCommandLineParser& cli, LabShot& shot)
{
    const long target = cli.value("steps").toLong();
    const QStringList lrArg = cli.value("set-lr").split('=');
    auto fired = std::make_shared<bool>(false), lrMoved = std::make_shared<bool>(false);
    if (cli.isSet("set-lr"))
        connect(this, &PlaygroundPage::progressed, this, [this, lrArg, lrMoved](const Snapshot& s) {
            if (*lrMoved || lrArg.size() != 2 || s.last.step < lrArg[0].toLong()) return;
            *lrMoved = true; // the same path as dragging the slider
            m_hyper->learningRateSlider()->setValue(HyperPanel::rateToSlider(lrArg[1].toDouble()));
        });
    connect(this, &PlaygroundPage::progressed, this, [this, target, fired, &cli, &shot](const Snapshot& s) {
        if (*fired || s.last.step < target) return;
        *fired = true;
        pause();
        QTimer::singleShot(300, this, [this, &cli, &shot] { grabPlayground(this, cli, shot); });
    });
    if (cli.isSet("speed")) setStepsPerSecond(cli.value("speed").toInt());
    QTimer::singleShot(500, this, [this] { run(); });
}

std::optional<GuiBench> PlaygroundPage::guiBench()
{
    const QString hidden = "4"; // the page's first-start network: flower data, 2-4-1 tanh, α 1.2, full batch
    return GuiBench{[this] {
                        setStepsPerSecond(0);
                        run();
                    },
                    [this] { return double(m_last.last.step); },
                    "steps/s",
                    {"train2d", "--iterations", "60000", "--hidden", hidden, "--json"},
                    [](const QJsonObject& j) { return j["iterations"].toDouble() / j["seconds"].toDouble(); }};
}

} // namespace lab
