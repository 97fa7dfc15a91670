// SPDX-License-Identifier: MIT
#include "app/labs/faces/triplet_worker.h"

#include "core/tensor/pca.h"
#include "core/util/cancel.h"

namespace lab {

TripletWorker::TripletWorker() = default;
TripletWorker::~TripletWorker() = default;

void TripletWorker::configure(long runId, const TripletRunConfig& cfg)
{
    if (isRunning()) pause();
    m_runId = runId;
    m_trainer.reset();
    m_pending.clear(), m_markers.clear(), m_epochs.clear();
    m_lossSum = m_activeSum = m_seconds = 0, m_epochSteps = 0;
    m_cfg = cfg;
    m_cfg.source.devCount = 0; // every training image trains; the held-out classes' test images test
    guard("building the embedding network", [&] {
        const dl::CancelScope scope(closingFlag().get(), nullptr);
        if (!m_loaded || dl::toJson(*m_loaded).dump() != dl::toJson(m_cfg.source).dump()) {
            m_loaded.reset();
            emit busy(tr("reading the images…"));
            m_data = dl::loadImageData(m_cfg.source);
            std::vector<int> idx, count(size_t(m_data.test.classes), 0);
            for (int i = 0; i < m_data.test.size(); ++i)
                if (count[size_t(m_data.test.labels[size_t(i)])]++ < kScatterPerClass) idx.push_back(i);
            m_sample = dl::subsetImages(m_data.test, idx);
            m_loaded = m_cfg.source;
        }
        m_trainer = std::make_unique<dl::TripletTrainer>(m_data.train, m_data.test, m_cfg.setup, m_cfg.hyper);
        emit busy(tr("one-shot accuracy before training…"));
        const dl::OneShotResult r = m_trainer->oneShot(dl::kOneShotDraws, closingFlag().get());
        m_chance = r.chance, m_before = r.accuracy;
    });
    emit busy(QString());
    emitSnapshot(m_trainer != nullptr);
}

bool TripletWorker::canStart()
{
    if (m_trainer) return true;
    emit info(tr("There is no network to train: its settings were refused (the message before says why); change them and press Run."));
    return false;
}

void TripletWorker::mark(const QString& what)
{
    if (!m_trainer || m_trainer->steps() == 0) return; // the network starts with it: nothing changed
    if (!m_markers.empty() && m_markers.back().step == m_trainer->steps()) m_markers.pop_back();
    m_markers.push_back({m_trainer->steps(), what});
    if (!isRunning()) emitSnapshot(false);
}

void TripletWorker::setMargin(float margin)
{
    if (margin == m_cfg.setup.margin) return;
    const QString what = tr("α %1 → %2").arg(double(m_cfg.setup.margin), 0, 'f', 2).arg(double(margin), 0, 'f', 2);
    m_cfg.setup.margin = margin;
    if (m_trainer && guard("setting the margin", [&] { m_trainer->setMargin(margin); })) mark(what);
}

void TripletWorker::setMining(dl::Mining m)
{
    if (m == m_cfg.setup.mining) return;
    const QString what = QStringLiteral("%1 → %2").arg(dl::miningName(m_cfg.setup.mining), dl::miningName(m));
    m_cfg.setup.mining = m;
    if (m_trainer) m_trainer->setMining(m), mark(what);
}

void TripletWorker::setLearningRate(float lr)
{
    if (lr == m_cfg.hyper.lr) return;
    const QString what = tr("lr %1 → %2").arg(double(m_cfg.hyper.lr)).arg(double(lr));
    m_cfg.hyper.lr = lr;
    if (m_trainer) m_trainer->setHyper(m_cfg.hyper), mark(what);
}

bool TripletWorker::workChunk()
{
    if (!m_trainer || m_trainer->epochs() >= m_cfg.maxEpochs) return false;
    m_train.start();
    bool more = true;
    while (more && chunkLeft()) {
        const long before = m_trainer->epochs();
        const dl::StepStats s = m_trainer->step();
        if (s.diverged) {
            emit failed(QString::fromStdString(dl::divergenceMessage(s)));
            return false;
        }
        m_pending.push_back({s.step, s.cost});
        m_lossSum += s.cost, m_activeSum += m_trainer->activeFraction(), ++m_epochSteps;
        if (m_trainer->epochs() != before) {
            m_seconds += m_train.restart() / 1000.0;
            endEpoch(); // its one-shot test is not training time
            m_train.restart();
            more = m_trainer->epochs() < m_cfg.maxEpochs;
        }
    }
    m_seconds += m_train.elapsed() / 1000.0;
    return more;
}

// COURSE.md §9: one-shot — enrol one image per held-out class, name the rest by the nearest encoding.
void TripletWorker::endEpoch()
{
    TripletEpoch e;
    e.epoch = m_trainer->epochs();
    e.loss = m_epochSteps ? m_lossSum / double(m_epochSteps) : 0;
    e.active = m_epochSteps ? m_activeSum / double(m_epochSteps) : 0;
    e.oneShot = m_trainer->oneShot(dl::kOneShotDraws, closingFlag().get()).accuracy;
    e.seconds = m_seconds;
    m_epochs.push_back(e);
    m_lossSum = m_activeSum = 0, m_epochSteps = 0;
    emitSnapshot(true);
}

TripletScatter TripletWorker::scatter()
{
    TripletScatter s;
    const dl::Tensor f = m_trainer->embed(m_sample.images, closingFlag().get()); // (D, N)
    if (f.dim(0) == 2) {
        s.x.assign(f.data(), f.data() + f.dim(1));
        s.y.assign(f.data() + f.dim(1), f.data() + 2 * f.dim(1));
    } else {
        dl::Projection2 p = dl::pca2(f);
        s.x = std::move(p.x), s.y = std::move(p.y);
        s.pca = true, s.explained[0] = p.explained[0], s.explained[1] = p.explained[1];
    }
    s.label = m_sample.labels;
    for (int c = 0; c < m_sample.classes; ++c) {
        s.classNames << (size_t(c) < m_sample.classNames.size() ? QString::fromStdString(m_sample.classNames[size_t(c)])
                                                                 : QString::number(c));
        const auto& held = m_cfg.setup.heldOut;
        s.heldOut.push_back(std::find(held.begin(), held.end(), c) != held.end());
    }
    return s;
}

void TripletWorker::emitSnapshot(bool withScatter)
{
    TripletSnapshot s;
    s.runId = m_runId;
    s.costs = std::move(m_pending);
    m_pending.clear();
    s.markers.swap(m_markers);
    s.epochs = m_epochs;
    s.chance = m_chance, s.oneShotBefore = m_before;
    s.margin = m_cfg.setup.margin;
    if (m_trainer) {
        s.step = m_trainer->steps(), s.epoch = m_trainer->epochs();
        s.active = m_trainer->activeFraction();
        s.trainImages = m_trainer->trainSet().size(), s.heldOutImages = m_trainer->heldOutSet().size();
        s.dim = m_trainer->setup().dim;
        s.parameters = long(m_trainer->model().paramCount());
        if (withScatter) {
            guard("drawing the embedding", [&] { s.scatter = scatter(); });
            m_scatterClock.start();
        }
    }
    emit progressed(s);
}

void TripletWorker::measurePairClassifier()
{
    if (!m_trainer) return (void)canStart();
    emit busy(tr("training the |f(xi) − f(xj)| classifier on the embedding…"));
    guard("training the pair classifier", [&] {
        const int pairs = 4000;
        const float acc = m_trainer->pairClassifierAccuracy(pairs, closingFlag().get());
        emit pairMeasured(acc, pairs);
    });
    emit busy(QString());
}

} // namespace lab
