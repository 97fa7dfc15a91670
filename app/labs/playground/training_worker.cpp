// SPDX-License-Identifier: MIT
#include "app/labs/playground/training_worker.h"

#include "core/layers/dense.h"
#include "core/train/checkpoint.h"
#include "widgets/model_export.h"

#include <QFileInfo>
#include <QTimer>

namespace lab {

TrainingWorker::TrainingWorker() = default;
TrainingWorker::~TrainingWorker() = default;

void TrainingWorker::configure(const RunConfig& cfg) { configureFrom(cfg, QString()); }

// `from`: the file the configuration was read from, named in the sentence when its network cannot be built.
bool TrainingWorker::configureFrom(const RunConfig& cfg, const QString& from)
{
    return guard("setting up the network", [&] {
        std::unique_ptr<dl::Trainer> t;
        try {
            t = std::make_unique<dl::Trainer>(cfg.network, cfg.hyper, cfg.data, cfg.seed);
        } catch (const dl::Error& e) {
            if (from.isEmpty()) throw;
            throw dl::Error(QFileInfo(from).fileName().toStdString() + ": " + e.what());
        }
        m_trainer = std::move(t);
        m_cfg = cfg;
        m_record = dl::Experiment{};
        m_record.dataset = cfg.dataset;
        m_record.source = cfg.source.toStdString();
        m_record.edited = cfg.edited;
        m_record.data = cfg.data;
        m_record.network = cfg.network;
        m_record.hyper = cfg.hyper;
        m_record.seed = cfg.seed;
        m_replayable = true;
        ++m_runId;
        m_pendingCosts.clear();
        m_pendingMarkers.clear();
        setRunning(false);
        emitSnapshot();
    });
}

bool TrainingWorker::canStart()
{
    if (!m_trainer) return false;
    if (m_cfg.maxSteps > 0 && m_trainer->steps() >= m_cfg.maxSteps) {
        emit info(tr("Reached the iteration limit (%1); raise it in the Hyperparameters dialog or press Reset.")
                      .arg(m_cfg.maxSteps));
        return false;
    }
    m_rateClock.start();
    m_rateBaseStep = m_trainer->steps();
    return true;
}

void TrainingWorker::stepOnce()
{
    if (!m_trainer) return;
    setRunning(false);
    guard("training", [&] {
        const dl::StepStats s = m_trainer->step();
        m_pendingCosts.push_back({s.step, s.cost});
        if (s.diverged) emit failed(QString::fromStdString(m_trainer->divergenceMessage(s)));
        emitSnapshot();
    });
}

void TrainingWorker::setHyper(const dl::Hyperparams& h)
{
    if (!m_trainer) return;
    guard("changing a hyperparameter", [&] {
        const dl::Hyperparams before = m_trainer->hyper();
        if (before == h) return;
        m_trainer->setHyper(h);
        const std::string what = dl::describeChange(before, h);
        const long step = m_trainer->steps();
        if (step == 0) { // nothing trained yet: it is the starting value, not a change
            m_record.hyper = h;
            m_record.changes.clear();
        } else {
            std::optional<dl::Split> data;
            if (!m_record.changes.empty() && m_record.changes.back().step == step) {
                data = m_record.changes.back().data; // merge with an edit at the same step
                m_record.changes.pop_back();
            }
            m_record.changes.push_back({step, h, what, data});
            m_pendingMarkers.push_back({step, QString::fromStdString(what)});
        }
        m_cfg.hyper = h;
        if (!isRunning()) emitSnapshot();
    });
}

void TrainingWorker::setData(const dl::Split& data)
{
    if (!m_trainer) return;
    guard("changing the data", [&] {
        m_trainer->setData(data);
        const long step = m_trainer->steps();
        const std::string what =
            "points edited (" + std::to_string(data.train.size() + data.dev.size()) + ")";
        if (step == 0) {
            m_record.data = data;
        } else {
            dl::HyperChange c{step, m_trainer->hyper(), what, data};
            if (!m_record.changes.empty() && m_record.changes.back().step == step)
                m_record.changes.pop_back();
            m_record.changes.push_back(c);
            m_pendingMarkers.push_back({step, QString::fromStdString(what)});
        }
        m_record.edited = true;
        m_cfg.data = data;
        m_cfg.edited = true;
        if (!isRunning()) emitSnapshot();
    });
}

void TrainingWorker::setMaxSteps(long maxSteps)
{
    m_cfg.maxSteps = std::max(0L, maxSteps);
}

void TrainingWorker::setStepsPerSecond(int rate)
{
    m_rate = std::max(0, rate);
    m_rateClock.start();
    if (m_trainer) m_rateBaseStep = m_trainer->steps();
}

// One chunk: steps while the base's chunk lasts, within the rate budget, until the limit or divergence.
bool TrainingWorker::workChunk()
{
    if (!m_trainer) return false;
    long budget = std::numeric_limits<long>::max();
    if (m_rate > 0) {
        const long allowed = m_rateBaseStep + m_rateClock.elapsed() * m_rate / 1000;
        budget = allowed - m_trainer->steps();
    }
    long done = 0;
    while (done < budget && chunkLeft()) {
        if (m_cfg.maxSteps > 0 && m_trainer->steps() >= m_cfg.maxSteps) {
            emit info(tr("Stopped at the iteration limit (%1).").arg(m_cfg.maxSteps));
            return false;
        }
        for (int k = 0; k < 16 && done < budget; ++k, ++done) { // check the clock every 16 steps
            const dl::StepStats s = m_trainer->step();
            m_pendingCosts.push_back({s.step, s.cost});
            if (s.diverged) {
                emit failed(QString::fromStdString(m_trainer->divergenceMessage(s)));
                return false;
            }
            if (m_cfg.maxSteps > 0 && m_trainer->steps() >= m_cfg.maxSteps) break;
        }
    }
    return true;
}

void TrainingWorker::emitSnapshot()
{
    if (!m_trainer) return;
    Snapshot s;
    s.runId = m_runId;
    s.running = isRunning();
    if (!m_pendingCosts.empty()) {
        s.last.step = m_pendingCosts.back().step;
        s.last.cost = m_pendingCosts.back().cost;
    }
    s.last.step = m_trainer->steps();
    s.last.epoch = m_trainer->epochs();
    s.last.lr = m_trainer->currentLearningRate();
    s.eval = m_trainer->evaluateAll();
    s.costs.swap(m_pendingCosts);
    s.markers.swap(m_pendingMarkers);
    const dl::Bounds b = dl::dataBounds(m_trainer->data());
    s.grid = dl::decisionGrid(*m_trainer, b, kGridRes);
    s.units = dl::hiddenUnitGrids(*m_trainer, b, kUnitRes);
    dl::Sequential& m = m_trainer->model();
    for (size_t i = 0; i < m.size(); ++i)
        if (auto* d = dynamic_cast<dl::Dense*>(&m.layer(i)))
            s.weights.push_back({d->inputs(), d->outputs(), d->weight().value.toVector()});
    s.data = m_trainer->data();
    s.network = m_trainer->spec();
    s.hyper = m_trainer->hyper();
    emit progressed(s);
}

void TrainingWorker::requestSnapshot()
{
    emitSnapshot();
}

void TrainingWorker::gradientCheck()
{
    if (!m_trainer) return;
    guard("checking gradients", [&] {
        const dl::Split& d = m_trainer->data();
        const dl::GradCheckReport r =
            dl::gradientCheck(m_trainer->spec(), m_trainer->model(), dl::featureTensor(d.train),
                              dl::targetTensor(d.train, m_trainer->spec().outputs), m_trainer->lossKind(),
                              m_trainer->hyper().l2);
        emit gradientChecked(r);
    });
}

void TrainingWorker::saveExperiment(const QString& path)
{
    if (!m_trainer) return;
    guard("saving the experiment", [&] {
        if (!m_replayable) {
            emit failed(tr("This run continues a loaded model, so it cannot be replayed from step 0; use "
                           "File ▸ Playground: save model instead, or press Reset first."));
            return;
        }
        dl::Experiment e = m_record;
        e.steps = m_trainer->steps();
        e.result = m_trainer->evaluateAll();
        dl::saveExperiment(e, path.toStdString());
        emit info(tr("Saved %1 (%2 steps, %3 changes).")
                      .arg(QFileInfo(path).fileName())
                      .arg(e.steps)
                      .arg(e.changes.size()));
    });
}

void TrainingWorker::openExperiment(const QString& path)
{
    guard("opening the experiment", [&] {
        const dl::Experiment e = dl::loadExperiment(path.toStdString());
        RunConfig cfg;
        cfg.dataset = e.dataset;
        cfg.source = QString::fromStdString(e.source);
        cfg.edited = e.edited;
        cfg.data = e.data;
        cfg.network = e.network;
        cfg.hyper = e.hyper;
        cfg.seed = e.seed;
        if (!configureFrom(cfg, path)) return; // said why; nothing is replayed onto the previous run
        for (const dl::HyperChange& c : e.changes)
            m_pendingMarkers.push_back({c.step, QString::fromStdString(c.what)});
        m_trainer->onStep = [this](const dl::StepStats& s) {
            m_pendingCosts.push_back({s.step, s.cost});
        };
        cancelFlag()->clear();
        const dl::StepStats last = dl::replay(*m_trainer, e, e.steps, cancelFlag().get());
        if (m_trainer->steps() < e.steps && !last.diverged)
            emit info(
                tr("Replay stopped at step %1 of %2.").arg(m_trainer->steps()).arg(e.steps));
        m_trainer->onStep = nullptr;
        m_record.changes = e.changes;
        m_record.data = e.data; // the starting points; edits travel in the changes
        m_cfg.hyper = m_trainer->hyper();
        m_cfg.data = m_trainer->data(); // the points as they are after the replayed edits
        if (last.diverged) emit failed(QString::fromStdString(m_trainer->divergenceMessage(last)));
        emit configured(m_cfg);
        emitSnapshot();
        emit info(
            tr("Replayed %1: %2 steps.").arg(QFileInfo(path).fileName()).arg(m_trainer->steps()));
    });
}

void TrainingWorker::saveCheckpoint(const QString& path)
{
    if (!m_trainer) return;
    guard("saving the model", [&] {
        dl::saveCheckpoint(*m_trainer, path.toStdString());
        emit info(tr("Saved the model to %1 at step %2.")
                      .arg(QFileInfo(path).fileName())
                      .arg(m_trainer->steps()));
    });
}

void TrainingWorker::exportModel(const QString& onnx, const QString& pytorchDir)
{
    if (!m_trainer) return;
    guard("exporting the model", [&] {
        emit info(lab::exportModel([this](const std::string& p) { dl::saveCheckpoint(*m_trainer, p); }, "dlck", onnx, pytorchDir));
    });
}

void TrainingWorker::loadCheckpoint(const QString& path)
{
    guard("loading the model", [&] {
        auto t = dl::loadCheckpoint(path.toStdString());
        setRunning(false);
        m_trainer = std::move(t);
        m_cfg.data = m_trainer->data();
        m_cfg.network = m_trainer->spec();
        m_cfg.hyper = m_trainer->hyper();
        m_cfg.source = QFileInfo(path).fileName();
        m_record = dl::Experiment{};
        m_replayable = false;
        m_record.data = m_cfg.data;
        m_record.network = m_cfg.network;
        m_record.hyper = m_cfg.hyper;
        ++m_runId;
        emit configured(m_cfg);
        emitSnapshot();
        emit info(
            tr("Loaded %1 at step %2.").arg(QFileInfo(path).fileName()).arg(m_trainer->steps()));
    });
}

} // namespace lab
