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

double percentile(std::vector<double> v, double q)
{
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<size_t>(q * double(v.size())))];
}

} // namespace

int benchGui(QApplication& app, lab::MainWindow& w, const QString& labName, int seconds)
{
    lab::LabPage* page = w.lab(labName);
    const std::optional<lab::GuiBench> bench = page ? page->guiBench() : std::nullopt;
    if (!bench) {
        QStringList ids;
        for (lab::LabPage* p : w.labs())
            if (p->guiBench()) ids << p->id();
        std::fprintf(stderr, "dllab: --bench-gui takes %s\n", qPrintable(ids.join(", ")));
        return 2;
    }
    w.showLab(page);
    const lab::GuiBench& run = *bench;
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
        QTimer::singleShot(run.warmupMs, &app, [&] {
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
