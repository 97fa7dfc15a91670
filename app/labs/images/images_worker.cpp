// SPDX-License-Identifier: MIT
#include "app/labs/images/images_worker.h"

#include "core/layers/conv2d.h"
#include "core/layers/dense.h"
#include "core/layers/layer_list.h"
#include "core/train/image_model_file.h"
#include "core/train/image_models.h"
#include "widgets/model_export.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace lab {

ImagesWorker::ImagesWorker()
{
    m_heavyClock.start();
    m_rateClock.start();
}
ImagesWorker::~ImagesWorker() = default;

void ImagesWorker::loadData(const dl::ImageSource& s, long request)
{
    const std::string key = dl::toJson(s).dump();
    if (key == m_sourceKey) return;
    emit busy(s.dataset == "fashion-mnist" ? tr("Loading Fashion-MNIST…") : tr("Reading the image folder…"));
    // Cleared first, then the request number checked: a newer request either is seen here or sets the flag
    // again after this clear (the controller numbers a request, then sets the flag), so none is missed.
    m_requests->reload.clear();
    std::atomic_thread_fence(std::memory_order_seq_cst); // the clear is visible before the number is read
    if (superseded(request)) throw dl::Cancelled();
    const dl::CancelScope scope(&m_requests->reload, closingFlag().get());
    m_data = dl::loadImageData(s);                // throws dl::Cancelled at its next 64 KiB block or picture
    m_train = dl::share(std::move(m_data.train)); // the trainers read these; none copies them
    m_dev = dl::share(std::move(m_data.dev));
    m_sourceKey = key;
    // A fixed sample of the training set for the per-epoch train accuracy (the whole set would take as
    // long as a fifth of an epoch on the larger models).
    const int n = std::min(kTrainSample, m_train->size());
    std::vector<int> idx(static_cast<size_t>(n));
    std::iota(idx.begin(), idx.end(), 0);
    m_trainSample = dl::subsetImages(*m_train, idx);
    if (!m_data.skipped.empty())
        emit info(tr("Skipped %1 unreadable file(s), e.g. %2")
                      .arg(m_data.skipped.size())
                      .arg(QString::fromStdString(m_data.skipped.front())));
    else
        emit info(tr("%1: %2 training, %3 dev and %4 test images, %5 classes.")
                      .arg(s.dataset == "fashion-mnist" ? QStringLiteral("Fashion-MNIST")
                                                        : QString::fromStdString(s.dataset.substr(7)))
                      .arg(m_train->size())
                      .arg(m_dev->size())
                      .arg(m_data.test.size())
                      .arg(m_train->classes));
    emit busy(QString());
}

// About once a second the histograms want the gradients of one step: copied right after backward.
void ImagesWorker::installGradientHook()
{
    m_trainer->onGradients = [this] {
        if (!m_wantGrads) return;
        m_wantGrads = false;
        m_grads.assign(m_trainer->model().size(), {});
        for (size_t i = 0; i < m_trainer->model().size(); ++i) {
            const auto ps = m_trainer->model().layer(i).params();
            if (!ps.empty()) m_grads[i] = ps[0]->grad.toVector();
        }
    };
}

void ImagesWorker::configure(const ImageRunConfig& cfg, long request)
{
    if (superseded(request)) return; // a newer configure or openModel is queued behind this one
    guard("setting up the model", [&] {
        setRunning(false);
        loadData(cfg.source, request);
        const dl::Shape& s = m_train->images.shape();
        const std::vector<dl::LayerSpec> layers =
            cfg.layers.trimmed().isEmpty()
                ? dl::imageModelLayers(cfg.preset.toStdString(), s[1], s[2], s[3], m_train->classes)
                : dl::parseLayerList(cfg.layers.toStdString(), s[1], s[2], s[3], m_train->classes);
        auto t = std::make_unique<dl::ImageTrainer>(layers, cfg.hyper, m_train, m_dev, cfg.seed);
        t->setAugmentation(cfg.augmentation);
        if (cfg.frozen > 0) t->setFrozen(cfg.frozen, cfg.precompute);
        m_trainer = std::move(t);
        installGradientHook();
        m_cfg = cfg;
        m_cfg.layers = QString::fromStdString(dl::layerListText(layers));
        ++m_runId;
        m_pendingCosts.clear();
        m_pendingEpochs.clear();
        m_grads.clear();
        m_sentSamples = false;
        m_lastEvalSet = -1;
        emit configured(m_cfg);
        emitSnapshot(true);
        if (m_probeIndex >= 0) sendProbe();
    });
}

bool ImagesWorker::canStart()
{
    if (!m_trainer) return false;
    if (m_cfg.maxEpochs > 0 && m_trainer->epochs() >= m_cfg.maxEpochs) {
        m_cfg.maxEpochs = static_cast<int>(m_trainer->epochs()) + std::max(1, m_cfg.maxEpochs);
        emit info(tr("Training on to epoch %1.").arg(m_cfg.maxEpochs));
    }
    m_rateClock.restart();
    m_rateImages = 0;
    m_finished = false;
    return true;
}

void ImagesWorker::stepOnce()
{
    if (!m_trainer) return;
    setRunning(false);
    guard("training", [&] {
        afterStep(m_trainer->step());
        emitSnapshot(true);
    });
}

void ImagesWorker::setHyper(const dl::Hyperparams& h)
{
    guard("changing hyperparameters", [&] {
        if (m_trainer) m_trainer->setHyper(h);
        m_cfg.hyper = h;
    });
}

void ImagesWorker::setAugmentation(const dl::AugmentPipeline& p)
{
    guard("changing the augmentation", [&] {
        m_cfg.augmentation = p;
        if (!m_trainer) return;
        m_trainer->setAugmentation(p);
        if (m_trainer->precomputed() && !p.empty()) { // precomputed activations cannot see augmented images
            m_trainer->setFrozen(m_trainer->frozen(), false);
            emit info(tr("Augmentation is on, so frozen activations are computed per batch again."));
        }
    });
}

void ImagesWorker::setFrozen(int layers, bool precompute)
{
    guard("freezing layers", [&] {
        m_cfg.frozen = layers;
        m_cfg.precompute = precompute;
        if (!m_trainer) return;
        if (precompute && layers > 0) emit busy(tr("Precomputing the frozen layers' activations…"));
        m_trainer->setFrozen(layers, precompute);
        emit busy(QString());
        if (precompute && layers > 0 && !m_trainer->precomputed())
            emit info(tr("Activations are not precomputed while augmentation is on (each batch differs)."));
        emitSnapshot(false);
    });
}

void ImagesWorker::setMaxEpochs(int epochs)
{
    m_cfg.maxEpochs = epochs;
}

void ImagesWorker::setFilterLayer(int layer)
{
    m_filterLayer = layer;
    emitSnapshot(true);
}

bool ImagesWorker::workChunk()
{
    if (!m_trainer) return false;
    while (isRunning() && !m_finished && chunkLeft()) afterStep(m_trainer->step());
    return !m_finished; // the base sends the snapshot with the last epoch first, then runningChanged
}

void ImagesWorker::afterStep(const dl::StepStats& s)
{
    if (s.diverged) {
        setRunning(false);
        emit failed(QString::fromStdString(dl::divergenceMessage(s))); // "became NaN" / "became infinite"
        return;
    }
    m_pendingCosts.push_back({s.step, s.cost});
    m_rateImages += std::max(1, std::min(m_trainer->hyper().batch, m_trainer->train().size()));
    if (m_trainer->epochPosition() == 0) endEpoch(); // the step finished an epoch
}

void ImagesWorker::endEpoch()
{
    EpochPoint e;
    e.epoch = m_trainer->epochs();
    e.step = m_trainer->steps();
    QElapsedTimer clock;
    clock.start();
    e.train = m_trainer->evaluate(m_trainSample, nullptr, nullptr, closingFlag().get());
    e.dev = m_trainer->evaluate(m_trainer->dev(), nullptr, nullptr, closingFlag().get());
    e.evalSeconds = double(clock.nsecsElapsed()) * 1e-9;
    m_pendingEpochs.push_back(e);
    m_rate = m_rateClock.elapsed() > 0 ? 1000.0 * double(m_rateImages) / double(m_rateClock.elapsed()) : 0;
    if (m_cfg.maxEpochs > 0 && e.epoch >= m_cfg.maxEpochs && isRunning()) {
        m_finished = true;
        emit info(tr("Finished %1 epochs: train %2 %, dev %3 % accuracy. Press Run to keep training.")
                      .arg(e.epoch)
                      .arg(100.0 * e.train.accuracy, 0, 'f', 1)
                      .arg(100.0 * e.dev.accuracy, 0, 'f', 1));
    }
}

std::vector<LayerRow> ImagesWorker::layerRows()
{
    std::vector<LayerRow> rows;
    dl::Sequential& m = m_trainer->model();
    dl::Shape shape = m_trainer->train().images.shape();
    shape[0] = 1;
    for (size_t i = 0; i < m.size(); ++i) {
        LayerRow r;
        r.name = QString::fromStdString(m.layer(i).name());
        r.describe = QString::fromStdString(m.layer(i).describe());
        shape = m.layer(i).outputShape(shape);
        QStringList dims;
        if (shape.size() == 4)
            for (int d = 1; d < 4; ++d) dims << QString::number(shape[d]);
        else
            dims << QString::number(shape[0]);
        r.shape = dims.join(QStringLiteral("×"));
        for (dl::Param* p : m.layer(i).params()) r.params += static_cast<long>(p->value.size());
        r.frozen = static_cast<int>(i) < m_trainer->frozen();
        rows.push_back(r);
    }
    return rows;
}

// The chosen layer's weights as tiles: Conv2d (Cout, Cin, k, k) → Cout·Cin planes (or Cout RGB tiles when
// Cin = 3 on the first layer); Dense on images (Dout, C·H·W) → Dout templates of the image's size.
Planes ImagesWorker::filters()
{
    Planes p;
    dl::Sequential& m = m_trainer->model();
    int layer = m_filterLayer;
    if (layer < 0 || layer >= static_cast<int>(m.size()))
        for (size_t i = 0; i < m.size() && layer < 0; ++i)
            if (m.layer(i).type() == "Conv2d" || m.layer(i).type() == "Dense") layer = static_cast<int>(i);
    if (layer < 0) return p;
    dl::LayerT<float>& l = m.layer(static_cast<size_t>(layer));
    const dl::Shape& in = m_trainer->train().images.shape();
    if (l.type() == "Conv2d") {
        const dl::Tensor& w = static_cast<dl::Conv2d&>(l).weight().value; // (Cout, Cin/g, k, k)
        const int cout = w.dim(0), cin = w.dim(1), k = w.dim(2);
        p.channels = cin == 3 ? 3 : 1;
        p.count = std::min(kMaxTiles, cin == 3 ? cout : cout * cin);
        p.h = p.w = k;
        p.values.assign(w.data(), w.data() + size_t(p.count) * p.channels * k * k);
        for (int i = 0; i < p.count; ++i)
            p.captions << (cin == 3 || cin == 1 ? QString::number(i)
                                                : QStringLiteral("%1·%2").arg(i / cin).arg(i % cin));
    } else if (l.type() == "Dense" && layer > 0 && m.layer(size_t(layer - 1)).type() == "Flatten" &&
               static_cast<dl::Dense&>(l).params()[0]->value.dim(1) == in[1] * in[2] * in[3]) {
        const dl::Tensor& w = l.params()[0]->value; // (Dout, C·H·W): one template per unit
        p.channels = in[1] == 3 ? 3 : 1;
        p.count = std::min(256, w.dim(0));
        p.h = in[2];
        p.w = in[3];
        const size_t per = size_t(in[1]) * in[2] * in[3];
        p.values.assign(w.data(), w.data() + size_t(p.count) * per);
        if (in[1] != 3 && in[1] != 1) p.channels = in[1];
        const auto& names = m_trainer->train().classNames; // softmax regression: one template per class
        const bool perClass = w.dim(0) == int(names.size()) && layer + 1 == int(m.size());
        for (int i = 0; i < p.count; ++i)
            p.captions << (perClass ? QString::fromStdString(names[size_t(i)]) : QString::number(i));
    }
    return p;
}

void ImagesWorker::emitSnapshot(bool heavy)
{
    if (!m_trainer) return;
    guard("reporting progress", [&] {
        ImageSnapshot s;
        s.runId = m_runId;
        s.running = isRunning();
        s.step = m_trainer->steps();
        s.epoch = m_trainer->epochs();
        s.epochPos = m_trainer->epochPosition();
        s.epochSize = m_trainer->train().size();
        if (m_rateClock.elapsed() > 500 && isRunning())
            m_rate = 1000.0 * double(m_rateImages) / double(m_rateClock.elapsed());
        s.imagesPerSecond = m_rate;
        s.costs.swap(m_pendingCosts);
        if (!s.costs.empty()) s.lastCost = s.costs.back().cost;
        s.epochs.swap(m_pendingEpochs);
        s.layers = layerRows();
        for (const std::string& n : m_trainer->train().classNames) s.classNames << QString::fromStdString(n);
        if (heavy) {
            s.filters = filters();
            const dl::ImageSet& dev = m_trainer->dev();
            const int probeN = std::min(64, dev.size());
            std::vector<int> idx(static_cast<size_t>(probeN));
            std::iota(idx.begin(), idx.end(), 0);
            s.histograms =
                dl::layerHistograms(m_trainer->model(), dl::subsetImages(dev, idx).images, m_grads);
            m_wantGrads = true;
            m_heavyClock.restart();
            if (m_probeIndex >= 0) sendProbe();
        }
        if (!m_sentSamples) {
            const dl::ImageSet& dev = m_trainer->dev();
            const int n = std::min(kDevSamples, dev.size());
            const dl::Shape& sh = dev.images.shape();
            s.devSamples.count = n;
            s.devSamples.channels = sh[1];
            s.devSamples.h = sh[2];
            s.devSamples.w = sh[3];
            s.devSamples.values.assign(dev.images.data(),
                                       dev.images.data() + size_t(n) * sh[1] * sh[2] * sh[3]);
            s.devLabels.assign(dev.labels.begin(), dev.labels.begin() + n);
            const dl::ImageSet& tr = m_trainer->train();
            s.trainSamples = s.devSamples;
            s.trainSamples.count = std::min(4, tr.size());
            s.trainSamples.values.assign(tr.images.data(), tr.images.data() + size_t(s.trainSamples.count) *
                                                                                  sh[1] * sh[2] * sh[3]);
            m_sentSamples = true;
        }
        emit progressed(s);
    });
}

void ImagesWorker::probe(int set, int index, int camClass)
{
    m_probeSet = set;
    m_probeIndex = index;
    m_camClass = camClass;
    guard("looking at the image", [&] { sendProbe(); });
}

void ImagesWorker::sendProbe()
{
    if (!m_trainer || m_probeIndex < 0) return;
    const dl::ImageSet& set = m_probeSet == 1 ? m_data.test : m_trainer->dev();
    if (m_probeIndex >= set.size()) return;
    Probe p;
    p.runId = m_runId;
    p.set = m_probeSet;
    p.index = m_probeIndex;
    p.label = set.labels[size_t(m_probeIndex)];
    const dl::ImageSet one = dl::subsetImages(set, {m_probeIndex});
    const dl::Shape& sh = one.images.shape();
    p.image = Planes{1, sh[1], sh[2], sh[3], one.images.toVector(), {}};
    p.maps = dl::featureMaps(m_trainer->model(), one.images, &p.probs);
    p.predicted = static_cast<int>(std::max_element(p.probs.begin(), p.probs.end()) - p.probs.begin());
    p.camClass = m_camClass >= 0 && m_camClass < int(p.probs.size()) ? m_camClass : p.predicted;
    p.cam = dl::gradCam(m_trainer->model(), one.images, p.camClass);
    m_trainer->applyBackwardSettings();
    emit probed(p);
}

void ImagesWorker::evaluate(bool test)
{
    if (!m_trainer) return;
    guard("evaluating", [&] {
        const dl::ImageSet& set = test ? m_data.test : m_trainer->dev();
        emit busy(test ? tr("Evaluating on the test set…") : tr("Evaluating on the dev set…"));
        std::vector<float> probs;
        EvalReport r;
        r.runId = m_runId;
        r.setName = test ? QStringLiteral("test") : QStringLiteral("dev");
        r.cost = m_trainer->evaluate(set, &m_lastPredicted, &probs, closingFlag().get()).cost;
        r.metrics = dl::computeMetrics(set.labels, m_lastPredicted, set.classes);
        m_lastEvalSet = test ? 1 : 0;
        std::vector<int> wrong;
        for (int i = 0; i < set.size(); ++i)
            if (m_lastPredicted[size_t(i)] != set.labels[size_t(i)]) wrong.push_back(i);
        const int k = set.classes;
        auto conf = [&](int i) {
            return probs[size_t(i) * k + m_lastPredicted[size_t(i)]];
        };
        std::stable_sort(wrong.begin(), wrong.end(), [&](int a, int b) { return conf(a) > conf(b); });
        if (static_cast<int>(wrong.size()) > kMaxGallery) wrong.resize(kMaxGallery);
        const dl::ImageSet imgs = dl::subsetImages(set, wrong);
        const dl::Shape& sh = set.images.shape();
        r.wrongImages = Planes{int(wrong.size()), sh[1], sh[2], sh[3], imgs.images.toVector(), {}};
        for (int i : wrong) {
            r.wrongIndex.push_back(i);
            r.wrongTruth.push_back(set.labels[size_t(i)]);
            r.wrongPred.push_back(m_lastPredicted[size_t(i)]);
            r.wrongProb.push_back(conf(i));
        }
        emit busy(QString());
        emit evaluated(r);
    });
}

void ImagesWorker::cellImages(int truth, int predicted)
{
    if (!m_trainer || m_lastEvalSet < 0) return;
    guard("collecting images", [&] {
        const dl::ImageSet& set = m_lastEvalSet == 1 ? m_data.test : m_trainer->dev();
        std::vector<int> idx;
        for (int i = 0; i < set.size() && idx.size() < 200; ++i)
            if (set.labels[size_t(i)] == truth && m_lastPredicted[size_t(i)] == predicted) idx.push_back(i);
        const dl::ImageSet imgs = dl::subsetImages(set, idx);
        const dl::Shape& sh = set.images.shape();
        Planes p{int(idx.size()), sh[1], sh[2], sh[3], imgs.images.toVector(), {}};
        for (int i : idx) p.captions << QStringLiteral("#%1").arg(i);
        const auto name = [&](int c) {
            return QString::fromStdString(set.classNames[size_t(c)]);
        };
        emit cellReady(
            p, tr("%1 images of %2 predicted as %3").arg(idx.size()).arg(name(truth), name(predicted)));
    });
}

void ImagesWorker::saveModel(const QString& path)
{
    if (!m_trainer) return;
    guard("saving the model", [&] {
        dl::saveImageModel(*m_trainer, m_cfg.source, path.toStdString());
        emit info(tr("Saved %1 (epoch %2).").arg(QFileInfo(path).fileName()).arg(m_trainer->epochs()));
    });
}

void ImagesWorker::exportModel(const QString& onnx, const QString& pytorchDir)
{
    if (!m_trainer) {
        emit failed(tr("Nothing to export yet: the model is built once the pictures are loaded."));
        return;
    }
    guard("exporting the model", [&] {
        emit info(lab::exportModel([this](const std::string& p) { dl::saveImageModel(*m_trainer, m_cfg.source, p); }, "dlm",
                                   onnx, pytorchDir));
    });
}

void ImagesWorker::openModel(const QString& path, long request)
{
    if (superseded(request)) return;
    guard("opening the model", [&] {
        setRunning(false);
        const dl::ImageModelFile f = dl::readImageModel(path.toStdString());
        loadData(f.source, request);
        m_trainer = dl::restoreImageTrainer(f, m_train, m_dev);
        ImageRunConfig cfg = m_cfg;
        cfg.source = f.source;
        cfg.preset = QStringLiteral("custom");
        cfg.layers = QString::fromStdString(dl::layerListText(f.layers));
        cfg.hyper = f.hyper;
        cfg.augmentation = f.augmentation;
        cfg.frozen = f.frozen;
        cfg.precompute = f.precompute;
        if (cfg.maxEpochs > 0 && m_trainer->epochs() >= cfg.maxEpochs)
            cfg.maxEpochs = static_cast<int>(m_trainer->epochs()) + cfg.maxEpochs;
        installGradientHook();
        m_cfg = cfg;
        ++m_runId;
        m_pendingCosts.clear();
        m_pendingEpochs.clear();
        m_sentSamples = false;
        m_lastEvalSet = -1;
        emit configured(m_cfg);
        emit info(tr("Opened %1: epoch %2, step %3. Press Run to keep training.")
                      .arg(QFileInfo(path).fileName())
                      .arg(m_trainer->epochs())
                      .arg(m_trainer->steps()));
        emitSnapshot(true);
    });
}

void ImagesWorker::requestSnapshot()
{
    emitSnapshot(true);
}

} // namespace lab
