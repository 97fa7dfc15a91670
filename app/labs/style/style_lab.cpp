// SPDX-License-Identifier: MIT
// The Style lab's side of the LabPage contract: its menu items, its screenshot recipe (a content photo in
// the style of a painting, some iterations, optionally the Gram view, then grab) and its GUI benchmark.
#include "app/labs/style/style_page.h"
#include "widgets/file_dialogs.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonObject>
#include <QMenu>
#include <QTimer>
#include <cstdio>

namespace lab {

void StylePage::addMenuItems(const LabMenus& menus)
{
    const QString photos = tr("Images (*.jpg *.jpeg *.png *.bmp);;All files (*)");
    menus.file->addAction(tr("Style: content photo…"), this, [this, photos] {
        const QString p = askOpenPath(this, tr("Content photo"), photos);
        if (p.isEmpty()) return;
        emit raiseRequested();
        setContent(p);
    });
    menus.file->addAction(tr("Style: style painting…"), this, [this, photos] {
        const QString p = askOpenPath(this, tr("Style painting"), photos);
        if (p.isEmpty()) return;
        emit raiseRequested();
        setStyle(p);
    });
    menus.file->addAction(tr("Style: save the generated image (PNG)…"), this, [this] {
        const QString p = askSavePath(this, tr("Save the generated image"), tr("PNG images (*.png)"), "png");
        if (!p.isEmpty()) saveImage(p);
    });
}

QList<QCommandLineOption> StylePage::commandLineOptions() const
{
    return {
        {"style-content", "Style screenshot: content photo.", "file", "/usr/share/darknet/data/dog.jpg"},
        {"style-image", "Style screenshot: style painting.", "file", "/usr/share/darknet/data/scream.jpg"},
        {"style-size", "Style screenshot: longest side of G.", "px", "320"},
        {"style-iterations", "Style screenshot: iterations before the picture.", "n", "200"},
        {"style-optimizer", "Style screenshot: lbfgs or adam.", "name", "lbfgs"},
        {"style-view", "Style screenshot: costs or gram.", "name", "costs"},
        {"style-gram", "Style screenshot (gram): style layer index in the list.", "n", "0"},
        {"style-out", "Style screenshot: also save G as PNG here.", "file"},
    };
}

void StylePage::shoot(const QCommandLineParser& cli, LabShot& shot)
{
    setSize(cli.value("style-size").toInt());
    setIterations(cli.value("style-iterations").toInt());
    if (cli.value("style-optimizer") == "adam") setOptimizer(dl::StyleOptimizer::Adam);
    connect(this, &LabPage::message, this, [](const QString& m, bool error) {
        if (error) std::fprintf(stderr, "dllab: %s\n", qPrintable(m));
    });
    const QString view = cli.value("style-view");
    connect(this, &StylePage::finished, this, [this, view, &cli, &shot] {
        std::fprintf(stderr, "dllab: %d iterations, %.0f ms each, J_style %.4g\n", last().iteration,
                     last().secondsPerIteration * 1e3, last().costs.style);
        if (cli.isSet("style-out")) saveImage(cli.value("style-out"));
        if (view == "gram") {
            connect(this, &StylePage::gramShown, this,
                    [this, &shot] { QTimer::singleShot(300, this, [&shot] { shot.grab(); }); });
            showGram(cli.value("style-gram").toInt());
            return;
        }
        QTimer::singleShot(500, this, [&shot] { shot.grab(); });
    });
    setStyle(cli.value("style-image"));
    setContent(cli.value("style-content"));
    run();
}

std::optional<GuiBench> StylePage::guiBench()
{
    return GuiBench{[this] {
                        setIterations(100000);
                        run();
                    },
                    [this] { return double(last().iteration); },
                    "iterations/s",
                    {"style", "/usr/share/darknet/data/dog.jpg", "/usr/share/darknet/data/scream.jpg", "--out",
                     QDir::temp().filePath("dllab-bench-style.png"), "--iterations", "40", "--json"},
                    [](const QJsonObject& j) { return 1.0 / j["seconds_per_iteration"].toDouble(); }};
}

} // namespace lab
