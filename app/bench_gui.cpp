// SPDX-License-Identifier: MIT
#include "app/bench_gui.h"

#include "app/gui/main_window.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

namespace {

struct LabRun {
    std::function<void()> start;  // starts the lab's training at full speed
    std::function<double()> work; // work done so far (steps, images, iterations)
    QString unit;                 // of work per second
    QStringList cli;              // dlcli arguments doing the same work
    std::function<double(const QJsonObject&)> cliRate;
    // Seconds so far of work that the dlcli figure leaves out (the Images lab's per-epoch evaluation):
    // taken out of the lab's time too, so both rates count the same work. Null: none.
    std::function<double()> excluded = nullptr;
};

LabRun playground(lab::MainWindow& w)
{
    lab::PlaygroundPage* p = w.playground();
    const QString hidden = "4"; // the page's first-start network: flower data, 2-4-1 tanh, α 1.2, full batch
    return {[p] {
                p->controller().setStepsPerSecond(0);
                p->run();
            },
            [p] { return double(p->lastSnapshot().last.step); },
            "steps/s",
            {"train2d", "--iterations", "60000", "--hidden", hidden, "--json"},
            [](const QJsonObject& j) {
                return j["iterations"].toDouble() / j["seconds"].toDouble();
            }};
}

LabRun images(lab::MainWindow& w)
{
    lab::ImagesPage* p = w.images();
    auto images = std::make_shared<double>(0), evalSeconds = std::make_shared<double>(0);
    QObject::connect(&p->controller(), &lab::ImagesController::progressed, p,
                     [images, evalSeconds](const lab::ImageSnapshot& s) {
                         *images = double(s.step) * 64;
                         for (const lab::EpochPoint& e : s.epochs) *evalSeconds += e.evalSeconds;
                     });
    return {[p] {
                lab::ImageRunConfig cfg = p->config();
                cfg.preset = "mlp", cfg.layers.clear();
                cfg.hyper.batch = 64, cfg.hyper.lr = 0.001f, cfg.hyper.opt.kind = dl::OptKind::Adam;
                cfg.augmentation = {};
                cfg.source.limit = 0, cfg.source.devCount = 5000;
                cfg.maxEpochs = 0; // no limit: the lab's default (10 epochs) ends inside the measured window
                p->setConfig(cfg);
                QTimer::singleShot(3000, p, [p] { p->run(); }); // Fashion-MNIST loads first
            },
            [images] { return *images; },
            "img/s",
            // the same data as the lab (all of Fashion-MNIST's training set, 5 000 of it held out as dev)
            {"train-images", "--model", "mlp", "--optimizer", "adam", "--lr", "0.001", "--batch", "64",
             "--epochs", "2", "--dev-count", "5000", "--json"},
            [](const QJsonObject& j) {
                return j["images_per_second"].toDouble(); // training time only (main_cli.cpp)
            },
            [evalSeconds] {
                return *evalSeconds;
            }};
}

LabRun style(lab::MainWindow& w)
{
    lab::StylePage* p = w.stylePage();
    return {[p] {
                p->setIterations(100000);
                p->run();
            },
            [p] { return double(p->last().iteration); },
            "iterations/s",
            {"style", "/usr/share/darknet/data/dog.jpg", "/usr/share/darknet/data/scream.jpg", "--out",
             QDir::temp().filePath("dllab-bench-style.png"), "--iterations", "40", "--json"},
            [](const QJsonObject& j) {
                return 1.0 / j["seconds_per_iteration"].toDouble();
            }};
}

double percentile(std::vector<double> v, double q)
{
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<size_t>(q * double(v.size())))];
}

} // namespace

int benchGui(QApplication& app, lab::MainWindow& w, const QString& labName, int seconds)
{
    const QStringList labs{"playground", "images", "detection", "style"};
    const int index = static_cast<int>(labs.indexOf(labName));
    if (index < 0 || index == 2) {
        std::fprintf(stderr, "dllab: --bench-gui takes playground, images or style\n");
        return 2;
    }
    w.showLab(index);
    LabRun run = index == 0 ? playground(w) : index == 1 ? images(w) : style(w);
    std::vector<double> late; // ms past each 10 ms tick
    QElapsedTimer clock;
    double t0 = 0, w0 = 0, x0 = 0;
    auto excluded = [&run] {
        return run.excluded ? run.excluded() : 0.0;
    };
    bool measuring = false;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    double last = 0;
    QObject::connect(&tick, &QTimer::timeout, &app, [&] {
        const double now = double(clock.nsecsElapsed()) * 1e-6;
        if (measuring) late.push_back(std::max(0.0, now - last - 10.0));
        last = now;
    });
    QTimer::singleShot(500, &app, [&] {
        run.start();
        clock.start();
        tick.start(10);
        // Measure once the lab has started working (the first seconds load data and models).
        QTimer::singleShot(index == 1 ? 6000 : 2000, &app, [&] {
            measuring = true;
            t0 = double(clock.elapsed()) * 1e-3;
            w0 = run.work();
            x0 = excluded();
            QTimer::singleShot(seconds * 1000, &app, [&] { app.exit(0); });
        });
    });
    app.exec();
    const double wall = double(clock.elapsed()) * 1e-3 - t0, left = excluded() - x0;
    const double labRate = (run.work() - w0) / (wall - left), labWallRate = (run.work() - w0) / wall;
    tick.stop();
    w.pauseAction()->trigger();
    QProcess cli;
    cli.start(QCoreApplication::applicationDirPath() + "/dlcli", run.cli);
    cli.waitForFinished(600000);
    QJsonObject j; // the last line of dlcli's output that is a JSON object
    for (const QByteArray& line : cli.readAllStandardOutput().split('\n'))
        if (line.startsWith('{')) j = QJsonDocument::fromJson(line).object();
    QJsonObject out;
    out["lab"] = labName;
    out["latency_median_ms"] = percentile(late, 0.5);
    out["latency_p99_ms"] = percentile(late, 0.99);
    out["latency_max_ms"] = percentile(late, 1.0);
    out["ticks"] = double(late.size());
    out["lab_rate"] = labRate;          // the work dlcli's figure counts
    out["lab_rate_wall"] = labWallRate; // everything the lab did in the window
    out["lab_excluded_seconds"] = left;
    out["cli_rate"] = j.isEmpty() ? 0.0 : run.cliRate(j);
    out["unit"] = run.unit;
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
