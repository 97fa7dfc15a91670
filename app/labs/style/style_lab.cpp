// SPDX-License-Identifier: MIT
// The Style lab's side of the LabPage contract: its menu items, its screenshot recipe (a content photo in
// the style of a painting, some iterations, optionally the Gram view, then grab) and its GUI benchmark.
#include "app/labs/style/style_page.h"
#include "app/labs/style/style_sliders.h"
#include "core/util/file.h"
#include "widgets/file_dialogs.h"

#include <QCommandLineParser>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QLabel>
#include <QSlider>
#include <QSpinBox>
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

QStringList StylePage::openFilters() const
{
    return {tr("Style runs (*.json)")};
}

bool StylePage::canOpen(const QString& path) const
{
    if (!LabPage::canOpen(path)) return false;
    const QString format = jsonFileFormat(path);
    return format == QLatin1String(dl::kStyleRunFormat) || (!format.isNull() && format.isEmpty());
}

// A run saved with Save run…: its photos, output size, iterations and start settings go into the controls;
// Run repeats it. Changes made while that run was paused are not replayed here (dlcli style --replay does).
void StylePage::open(const QString& path)
{
    dl::StyleRun run;
    try {
        run = dl::parseStyleRun(dl::readFile(path.toStdString()), path.toStdString());
    } catch (const std::exception& e) {
        emit message(QString::fromUtf8(e.what()), true);
        return;
    }
    using namespace style_sliders;
    const dl::StyleSettings& s = run.settings;
    m_filling = true;
    m_size->setValue(run.size);
    m_iterations->setValue(run.iterations);
    m_alpha->setValue(alphaPos(s.weights.alpha));
    m_beta->setValue(betaPos(s.weights.beta));
    m_init->setCurrentIndex(std::max(0, m_init->findData(static_cast<int>(s.init))));
    m_noise->setValue(s.noise);
    m_optimizer->setCurrentIndex(std::max(0, m_optimizer->findData(static_cast<int>(s.optimizer))));
    m_lr->setValue(s.learningRate);
    m_seed->setValue(static_cast<int>(std::min<std::uint32_t>(s.seed, INT32_MAX)));
    m_filling = false;
    m_opened = s.weights;
    fillLayerTable(); // the content layer and the style layers with their weights
    m_opened.reset();
    updateAlphaBetaLabels();
    m_stylePath = QString::fromStdString(run.style);
    m_styleBox->setCurrentIndex(std::max(0, m_styleBox->findData(m_stylePath)));
    m_dirty = true;
    setContent(QString::fromStdString(run.content)); // prepares the run: C, S and G's start point show
    QString said = tr("%1: %2 in the style of %3, %4 iterations; press Run to repeat it.")
                       .arg(QFileInfo(path).fileName(), QFileInfo(m_contentPath).fileName(),
                            QFileInfo(m_stylePath).fileName())
                       .arg(run.iterations);
    if (!run.changes.empty())
        said += " " + tr("Its %n change(s) made while paused are not replayed here; "
                         "dlcli style --replay %1 repeats them.", nullptr, static_cast<int>(run.changes.size()))
                          .arg(path);
    m_info->setText(said);
    emit message(said, false);
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
