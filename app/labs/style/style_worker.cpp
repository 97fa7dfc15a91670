// SPDX-License-Identifier: MIT
#include "app/labs/style/style_worker.h"

#include "core/models/photo.h"
#include "core/style/style_image.h"
#include "core/util/file.h"
#include "widgets/planes_image.h"

#include <QFileInfo>
#include <cmath>

namespace lab {

namespace {
QImage toImage(const dl::Tensor& x)
{
    return photoImage(dl::pixelsToPhoto(x));
}
} // namespace

StyleWorker::StyleWorker() = default;
StyleWorker::~StyleWorker() = default;

void StyleWorker::configure(const StyleRunConfig& cfg)
{
    setRunning(false);
    m_run.reset();
    m_pending.clear();
    m_changes = dl::Json::array();
    m_runSeconds = 0;
    ++m_runId;
    try {
        if (cfg.iterations < 1) throw dl::ConfigError("the number of iterations must be at least 1");
        const dl::Photo content = dl::loadPhoto(cfg.content.toStdString());
        const dl::Photo painting = dl::loadPhoto(cfg.style.toStdString());
        const dl::ImageSize sz = dl::styleOutputSize(content, cfg.size);
        const dl::Tensor c = dl::photoToPixels(content, sz.width, sz.height, false);
        const dl::Tensor s = dl::photoToPixels(painting, sz.width, sz.height, true);
        dl::FeatureChain chain = dl::loadStyleExtractor(cfg.modelsDir.toStdString());
        StylePrepared p;
        p.runId = m_runId;
        p.content = toImage(c);
        p.style = toImage(s);
        p.width = sz.width;
        p.height = sz.height;
        for (int i = 0; i < chain.size(); ++i) {
            const dl::Shape o = chain.outputShape(i, sz.height, sz.width);
            p.layers << QString("%1: %2 — %3×%4×%5")
                            .arg(i)
                            .arg(QString::fromStdString(chain.layer(i).describe()))
                            .arg(o[1])
                            .arg(o[2])
                            .arg(o[3]);
            p.channels.push_back(o[1]);
        }
        m_run = std::make_unique<dl::StyleTransfer>(std::move(chain), c, s, cfg.settings);
        m_cfg = cfg;
        m_setupError.clear();
        emit prepared(p);
        m_imageDirty = true;
        emitSnapshot(true);
    } catch (const std::exception& e) {
        m_setupError = QString::fromUtf8(e.what());
        emit failed(m_setupError);
    }
}

bool StyleWorker::canStart()
{
    if (!m_run) { // Run again says why the last set-up failed (a missing model, a broken photo)
        emit failed(!m_setupError.isEmpty()
                        ? m_setupError
                        : tr("Nothing to run: choose a content photo and a style painting first."));
        return false;
    }
    if (m_run->iterations() >= m_cfg.iterations) {
        emit failed(tr("The run has done its %1 iterations; raise Iterations to continue, or press Reset.")
                        .arg(m_cfg.iterations));
        return false;
    }
    return true;
}

// Iterations while the base's chunk lasts (at least one: an L-BFGS iteration can take longer than a chunk).
bool StyleWorker::workChunk()
{
    if (!m_run) return false;
    do {
        QElapsedTimer t;
        t.start();
        const dl::StyleCosts c = m_run->step();
        m_runSeconds += static_cast<double>(t.nsecsElapsed()) * 1e-9;
        const int it = m_run->iterations();
        m_pending.push_back({it, c.content, c.style, c.total});
        m_imageDirty = true;
        if (it >= m_cfg.iterations) return false;
    } while (chunkLeft());
    return true;
}

void StyleWorker::emitSnapshot(bool withImage)
{
    if (!m_run) return;
    StyleSnapshot s;
    s.runId = m_runId;
    s.iteration = m_run->iterations();
    s.iterations = m_cfg.iterations;
    if (!m_pending.empty()) {
        s.costs.content = m_pending.back().content;
        s.costs.style = m_pending.back().style;
        s.costs.total = m_pending.back().total;
    }
    s.points.swap(m_pending);
    if (withImage && m_imageDirty) {
        s.image = toImage(m_run->image());
        m_imageDirty = false;
    }
    s.running = isRunning();
    s.finished = s.iteration >= m_cfg.iterations;
    s.secondsPerIteration = s.iteration ? m_runSeconds / s.iteration : 0;
    emit progressed(s);
    if (m_lastGram >= 0 && s.iteration > 0) requestGram(m_lastGram);
}

// Before the first iteration a change is the run's start settings; after it, an entry of the run file's
// "changes" (dlcli style --replay applies it before the next iteration).
void StyleWorker::recordChange()
{
    if (m_run->iterations() == 0) {
        m_cfg.settings = m_run->settings();
        return;
    }
    dl::Json ch = dl::Json::object();
    ch.set("iteration", m_run->iterations()).set("settings", dl::styleSettingsJson(m_run->settings()));
    m_changes.push(ch);
}

void StyleWorker::setWeights(const dl::StyleWeights& w)
{
    if (!m_run) return;
    try {
        m_run->setWeights(w);
        m_cfg.iterations = std::max(m_cfg.iterations, m_run->iterations());
        recordChange();
    } catch (const std::exception& e) {
        emit failed(e.what());
    }
}

void StyleWorker::setOptimizer(int optimizer, double learningRate)
{
    if (!m_run) return;
    try {
        const auto o = optimizer == 0 ? dl::StyleOptimizer::Adam : dl::StyleOptimizer::Lbfgs;
        m_run->setOptimizer(o, learningRate);
        recordChange();
    } catch (const std::exception& e) {
        emit failed(e.what());
    }
}

void StyleWorker::setIterations(int n)
{
    m_cfg.iterations = std::max(1, n);
}

void StyleWorker::requestGram(int k)
{
    m_lastGram = k;
    if (!m_run || k < 0 || k >= static_cast<int>(m_run->settings().weights.style.size())) return;
    dl::StyleProblem& p = m_run->problem();
    if (m_run->iterations() == 0) return; // G is computed by the first iteration
    GramPair g;
    g.layer = m_run->settings().weights.style[static_cast<size_t>(k)].layer;
    g.channels = static_cast<int>(p.styleGram(k).rows());
    g.iteration = m_run->iterations();
    g.style.assign(p.styleGram(k).data(), p.styleGram(k).data() + p.styleGram(k).size());
    g.generated.assign(p.generatedGram(k).data(), p.generatedGram(k).data() + p.generatedGram(k).size());
    emit gramReady(g);
}

void StyleWorker::saveImage(const QString& path)
{
    if (!m_run) {
        emit failed(tr("Nothing to save yet: run the style transfer first."));
        return;
    }
    try {
        dl::writeFileAtomic(path.toStdString(), dl::encodePng(dl::pixelsToPhoto(m_run->image())));
        emit saved(path);
    } catch (const std::exception& e) {
        emit failed(e.what());
    }
}

dl::Json StyleWorker::runJson() const
{
    dl::Json j = dl::Json::object();
    j.set("format", dl::kStyleRunFormat);
    j.set("content", QFileInfo(m_cfg.content).absoluteFilePath().toStdString())
        .set("style", QFileInfo(m_cfg.style).absoluteFilePath().toStdString());
    j.set("size", m_cfg.size)
        .set("iterations", m_run && m_run->iterations() ? m_run->iterations() : m_cfg.iterations);
    j.set("settings", dl::styleSettingsJson(m_cfg.settings));
    j.set("changes", m_changes);
    return j;
}

void StyleWorker::saveRun(const QString& path)
{
    if (!m_run) {
        emit failed(tr("Nothing to save yet: choose the images first."));
        return;
    }
    try {
        dl::writeFileAtomic(path.toStdString(), runJson().dump(2) + "\n");
        emit saved(path);
    } catch (const std::exception& e) {
        emit failed(e.what());
    }
}

} // namespace lab
