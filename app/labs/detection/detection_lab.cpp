// SPDX-License-Identifier: MIT
// The Detection lab's side of the LabPage contract: its menu items, the photos it opens, and its
// screenshot / timing recipe: open a model and a photo, set up a view (boxes, candidates, grid, nms, maps,
// layers) and grab; with --bench-redraw N instead time N threshold changes and print the median.
#include "app/labs/detection/detection_page.h"
#include "widgets/file_dialogs.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QMenu>
#include <QTabWidget>
#include <QTimer>
#include <algorithm>
#include <cstdio>

namespace lab {

QStringList DetectionPage::openFilters() const
{
    return {tr("Photos (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)")};
}

void DetectionPage::addMenuItems(const LabMenus& menus)
{
    menus.file->addAction(tr("Detection: export annotated photo (PNG)…"), this, [this] {
        const QString p = askSavePath(this, tr("Export annotated photo"), tr("PNG images (*.png)"), "png");
        if (!p.isEmpty()) exportPng(p);
    });
    menus.file->addAction(tr("Detection: export detections (JSON)…"), this, [this] {
        const QString p = askSavePath(this, tr("Export detections"), tr("JSON (*.json)"), "json");
        if (!p.isEmpty()) exportJson(p);
    });
}

QList<QCommandLineOption> DetectionPage::commandLineOptions() const
{
    return {
        {"detect-photo", "Detection screenshot: the photo.", "file", "/usr/share/darknet/data/dog.jpg"},
        {"detect-model", "Detection screenshot: coco, coco-small, face or CFG:WEIGHTS.", "name", "coco"},
        {"detect-view", "Detection screenshot: boxes, candidates, grid, nms, maps, layers.", "name", "boxes"},
        {"detect-score", "Detection screenshot: score threshold.", "value"},
        {"detect-head", "Detection screenshot (grid): head index.", "n", "0"},
        {"detect-cell", "Detection screenshot (grid): row,col of the cell whose anchors are shown.", "r,c", "4,3"},
        {"detect-step", "Detection screenshot (nms): NMS steps to replay.", "n", "1"},
        {"detect-layer", "Detection screenshot (maps): layer.", "n", "1"},
        {"bench-redraw", "Detection lab: time N threshold changes (NMS + repaint), print JSON, exit.", "n"},
    };
}

bool DetectionPage::wantsShot(const QCommandLineParser& cli) const
{
    return LabPage::wantsShot(cli) || cli.isSet("bench-redraw");
}

void DetectionPage::benchRedraw(int n)
{
    std::vector<double> ms;
    QElapsedTimer t;
    for (int i = 0; i < n; ++i) {
        t.start();
        setScoreThreshold(0.05 + 0.9 * (i % 19) / 18.0); // as a slider drag: NMS + redraw
        view()->repaint();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    std::printf("{\"redraws\": %d, \"median_ms\": %.3f, \"max_ms\": %.3f, \"candidates\": %zu, "
                "\"view\": \"%dx%d\"}\n",
                n, ms[ms.size() / 2], ms.back(), result().candidates.size(), view()->width(), view()->height());
}

void DetectionPage::shoot(const QCommandLineParser& cli, LabShot& shot)
{
    connect(this, &LabPage::message, this, [](const QString& m, bool error) {
        if (error) std::fprintf(stderr, "dllab: %s\n", qPrintable(m));
    });
    const QString view = cli.value("detect-view"), wantModel = cli.value("detect-model"),
                  wantPhoto = QFileInfo(cli.value("detect-photo")).fileName();
    const int benchN = cli.value("bench-redraw").toInt();
    auto done = std::make_shared<bool>(false);
    connect(this, &DetectionPage::detected, this, [=, this, &cli, &shot] {
        if (*done || model().key != wantModel || result().source != wantPhoto) return; // an earlier run
        *done = true;
        if (benchN > 0) {
            benchRedraw(benchN);
            return shot.finish(0);
        }
        if (cli.isSet("detect-score")) setScoreThreshold(cli.value("detect-score").toDouble());
        if (view == "candidates") setShowCandidates(true);
        if (view == "grid") {
            const QStringList rc = cli.value("detect-cell").split(',');
            setGridHead(cli.value("detect-head").toInt());
            options().cellRow = rc.value(0).toInt(), options().cellCol = rc.value(1).toInt();
            setShowCandidates(false);
        }
        if (view == "nms") {
            setShowCandidates(false);
            for (int i = 0; i < cli.value("detect-step").toInt(); ++i) stepNms(+1);
        }
        if (view == "layers") tabs()->setCurrentIndex(2);
        if (view == "maps") {
            connect(this, &DetectionPage::mapsShown, this,
                    [this, &shot] { QTimer::singleShot(500, this, [&shot] { shot.grab(); }); });
            tabs()->setCurrentIndex(1);
            showLayerMaps(cli.value("detect-layer").toInt());
            return;
        }
        refilter();
        QTimer::singleShot(800, this, [&shot] { shot.grab(); });
    });
    openModel(wantModel);
    openPhoto(cli.value("detect-photo"));
}

} // namespace lab
