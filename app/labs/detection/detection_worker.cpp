// SPDX-License-Identifier: MIT
#include "app/labs/detection/detection_worker.h"

#include "widgets/planes_image.h"

#include <QFileInfo>

namespace lab {

template <typename F>
void DetectionWorker::guarded(bool cancellable, F&& work)
{
    guard("detecting", [&] {
        const dl::CancelScope scope(closingFlag().get(), cancellable ? cancelFlag().get() : nullptr);
        work();
    });
}

void DetectionWorker::openModel(const QString& spec, const QString& modelsDir)
{
    guarded(false, [&] {
        dl::Detector det = dl::Detector::open(spec.toStdString(), modelsDir.toStdString());
        const dl::ModelInfo& info = det.info();
        DetectionModel m;
        m.key = spec;
        m.title = QString::fromStdString(info.title);
        for (const std::string& c : info.classes) m.classes << QString::fromStdString(c);
        m.defaultScore = info.defaultScore, m.defaultIou = info.defaultIou;
        m.netW = info.recipe.netW, m.netH = info.recipe.netH;
        m.fit = info.recipe.fit == dl::InputFit::Stretch     ? tr("plain resize")
                : info.recipe.fit == dl::InputFit::Letterbox ? tr("letterbox")
                                                             : tr("pad to square");
        const auto& layers = det.net().layers();
        for (size_t i = 0; i < layers.size(); ++i) {
            const dl::DnLayer& l = layers[i];
            LayerRow row;
            row.name = QString::number(i);
            row.describe = QString::fromStdString(l.describe()).section(" → ", 0, 0);
            row.shape = QString("%1×%2×%3").arg(l.c).arg(l.h).arg(l.w);
            row.params = l.conv ? static_cast<long>(l.conv->weight().value.size() + l.c) : 0;
            m.layers.push_back(row);
        }
        m_det.emplace(std::move(det));
        emit modelOpened(m);
        if (m_photo) run();
    });
}

void DetectionWorker::detectFile(const QString& path)
{
    cancelFlag()->clear(); // set by the page when a newer photo replaced an earlier one
    guarded(true, [&] {
        dl::Photo p = dl::loadPhoto(path.toStdString());
        m_photo = std::move(p);
        m_source = QFileInfo(path).fileName();
        run();
    });
}

void DetectionWorker::rerun()
{
    if (m_photo) guarded(false, [&] { run(); });
}

void DetectionWorker::run()
{
    if (!m_det) {
        emit failed(tr("No model is open; pick one from the model list."));
        return;
    }
    const dl::DetectionRun r = m_det->run(*m_photo);
    DetectionResult out;
    out.id = ++m_runs;
    out.source = m_source;
    out.photo = photoImage(*m_photo); // owns its pixels: it crosses the thread boundary
    out.candidates = r.candidates;
    out.heads = r.heads;
    out.map = r.map;
    out.seconds = r.seconds;
    out.forwardSeconds = r.forwardSeconds;
    for (double s : m_det->net().layerSeconds()) out.layerMs.push_back(s * 1e3);
    emit detected(out);
}

void DetectionWorker::featureMaps(int layer, int maxChannels)
{
    if (!m_det || !m_photo) return;
    const auto& layers = m_det->net().layers();
    if (layer < 0 || layer >= static_cast<int>(layers.size())) return;
    const dl::Tensor& t = m_det->net().output(layer);
    if (t.rank() != 4) return;
    Planes p;
    p.channels = 1;
    p.h = t.dim(2), p.w = t.dim(3);
    p.count = std::min(t.dim(1), maxChannels);
    const size_t plane = static_cast<size_t>(p.h) * p.w;
    p.values.assign(t.data(), t.data() + plane * p.count);
    for (int c = 0; c < p.count; ++c) p.captions << QString("ch %1").arg(c);
    emit mapsReady(p, tr("Layer %1: %2 (first %3 of %4 channels)")
                          .arg(layer)
                          .arg(QString::fromStdString(layers[static_cast<size_t>(layer)].describe()))
                          .arg(p.count)
                          .arg(t.dim(1)));
}

} // namespace lab
