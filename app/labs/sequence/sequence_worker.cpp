// SPDX-License-Identifier: MIT
#include "app/labs/sequence/sequence_worker.h"

#include "core/seq/char_model_file.h"
#include "core/util/file.h"
#include "widgets/model_export.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>

namespace lab {

SequenceWorker::SequenceWorker() = default;
SequenceWorker::~SequenceWorker() = default;

void SequenceWorker::configure(const SequenceConfig& cfg)
{
    setRunning(false);
    m_t.reset();
    m_pending = {};
    m_trainSeconds = 0;
    ++m_runId;
    m_cfg = cfg;
    guard("reading the corpus", [&] {
        try {
            const std::string path = cfg.corpus.toStdString();
            dl::CharCorpus corpus = dl::makeCorpus(dl::readFile(path), QFileInfo(cfg.corpus).fileName().toStdString(),
                                                   cfg.mode, cfg.lowercase);
            m_t = std::make_unique<dl::CharTrainer>(std::move(corpus), cfg.run);
        } catch (const std::exception& e) {
            m_setupError = QString::fromUtf8(e.what());
            throw;
        }
        m_setupError.clear();
        SequencePrepared p;
        p.runId = m_runId;
        const dl::CharCorpus& c = m_t->corpus();
        const QString what = c.mode == dl::CorpusMode::Lines
                                 ? tr("%n line(s)", nullptr, static_cast<int>(c.trainLines.size()))
                                 : tr("%n character(s)", nullptr, static_cast<int>(c.trainText.size()));
        p.summary = tr("%1: %2 to train on, %3 symbols; %4 %5 × %6, %7 parameters")
                        .arg(QFileInfo(cfg.corpus).fileName(), what)
                        .arg(m_t->vocab().size())
                        .arg(QString(dl::cellName(cfg.run.cell)).toUpper())
                        .arg(cfg.run.hidden)
                        .arg(cfg.run.depth)
                        .arg(static_cast<qulonglong>(m_t->model().paramCount()));
        for (int i = 0; i < m_t->vocab().size(); ++i) p.symbols << QString::fromStdString(m_t->vocab().label(i));
        emit prepared(p);
        sendSnapshot(true);
    });
}

bool SequenceWorker::canStart()
{
    if (!m_t) {
        emit failed(!m_setupError.isEmpty() ? m_setupError : tr("Nothing to train: choose a corpus first."));
        return false;
    }
    if (m_t->steps() >= m_cfg.iterations) {
        emit failed(tr("The run has done its %1 steps; raise Steps to continue, or press Reset.").arg(m_cfg.iterations));
        return false;
    }
    return true;
}

// One training step; a sample every sampleEvery steps and the dev loss every tenth of the run. False when
// the run ended (its steps done, or divergence or a loss worse than guessing: one sentence).
bool SequenceWorker::trainOne()
{
    QElapsedTimer clock;
    clock.start();
    const dl::StepStats s = m_t->step();
    m_trainSeconds += static_cast<double>(clock.nsecsElapsed()) * 1e-9;
    if (s.diverged) {
        emit failed(QString::fromStdString(dl::divergenceMessage(s)));
        return false;
    }
    if (const std::string m = m_t->notLearningMessage(); !m.empty() && s.step % 100 == 0) {
        emit failed(QString::fromStdString(m));
        return false;
    }
    m_pending.curve.costs.push_back({s.step, static_cast<float>(m_t->lastLossPerChar())});
    if (m_cfg.sampleEvery > 0 && s.step % m_cfg.sampleEvery == 0) drawSample();
    const long evalEvery = std::max<long>(100, m_cfg.iterations / 10);
    if (s.step % evalEvery == 0 || s.step >= m_cfg.iterations) {
        m_pending.devLoss = m_t->devLoss();
        m_pending.curve.devCost = static_cast<float>(m_pending.devLoss);
    }
    return s.step < m_cfg.iterations;
}

bool SequenceWorker::workChunk()
{
    if (!m_t) return false;
    bool more = true;
    do {
        if (!guard("training", [&] { more = trainOne(); })) return false;
    } while (more && chunkLeft());
    return more;
}

void SequenceWorker::stepOnce()
{
    if (!canStart()) return;
    setRunning(false);
    guard("training", [&] { trainOne(); });
    sendSnapshot(true);
}

void SequenceWorker::drawSample()
{
    const std::vector<std::u32string> s = m_t->sample(1, m_cfg.sampling);
    m_pending.samples << QString::fromStdU32String(m_cfg.sampling.prime + s.front());
    m_pending.sampleSteps << tr("step %1").arg(m_t->steps());
}

void SequenceWorker::sampleNow()
{
    if (!m_t) return;
    guard("sampling", [&] { drawSample(); });
    sendSnapshot(!isRunning());
}

void SequenceWorker::setSampling(const dl::SampleOptions& o)
{
    m_cfg.sampling = o;
}

void SequenceWorker::setLearningRate(float lr)
{
    if (!m_t) return;
    guard("changing α", [&] {
        dl::Hyperparams h = m_t->loop().hyper();
        const dl::Hyperparams before = h;
        h.lr = lr;
        m_t->loop().setHyper(h);
        m_pending.curve.markers.push_back({m_t->steps(), QString::fromStdString(dl::describeChange(before, h))});
    });
}

void SequenceWorker::sendSnapshot(bool)
{
    m_pending.runId = m_runId;
    if (m_t) {
        m_pending.step = m_t->steps();
        m_pending.curve.step = m_pending.step;
        m_pending.smoothed = m_t->smoothedLoss();
        m_pending.charsPerSecond = m_trainSeconds > 0 ? m_t->charactersTrained() / m_trainSeconds : 0;
    }
    m_pending.iterations = m_cfg.iterations;
    m_pending.running = isRunning();
    m_pending.finished = m_t && m_t->steps() >= m_cfg.iterations;
    emit progressed(m_pending);
    const double dev = m_pending.devLoss;
    m_pending = {};
    m_pending.devLoss = dev;
}

void SequenceWorker::probe(const QString& text)
{
    if (!m_t) return;
    guard("reading the text", [&] {
        const dl::CharVocab& v = m_t->vocab();
        std::u32string t = text.toStdU32String();
        if (m_cfg.lowercase)
            for (char32_t& c : t)
                if (c >= U'A' && c <= U'Z') c = c - U'A' + U'a';
        std::vector<int> ids;
        for (char32_t c : t) ids.push_back(v.id(c) >= 0 ? v.id(c) : -1);
        SequenceProbe p;
        p.text = QString::fromStdU32String(t);
        for (int i = 0; i < v.size(); ++i) p.symbols << QString::fromStdString(v.label(i));
        const dl::CharModel& m = m_t->model();
        const dl::CharReading r = dl::readText(m, ids);
        auto columns = [](const dl::ColMat<float>& a, std::vector<std::vector<float>>& out) {
            for (Eigen::Index j = 0; j < a.cols(); ++j) out.emplace_back(a.col(j).data(), a.col(j).data() + a.rows());
        };
        columns(r.next, p.next);
        columns(r.hidden, p.hidden);
        columns(r.gates, p.gates);
        switch (m.spec().cell) {
        case dl::CellKind::RNN: p.gateNames = QStringList{"a"}; break;
        case dl::CellKind::GRU: p.gateNames = QStringList{"c̃", "Γu", "Γr"}; break;
        case dl::CellKind::LSTM: p.gateNames = QStringList{"c̃", "Γu", "Γf", "Γo"}; break;
        }
        emit probed(p);
    });
}

void SequenceWorker::saveModel(const QString& path)
{
    if (!m_t) {
        emit failed(tr("Nothing to save yet: choose a corpus and train first."));
        return;
    }
    if (guard("saving", [&] { dl::saveCharModel(*m_t, path.toStdString()); })) emit saved(path);
}

void SequenceWorker::exportModel(const QString& onnx, const QString& pytorchDir)
{
    if (!m_t) {
        emit failed(tr("Nothing to save yet: choose a corpus and train first."));
        return;
    }
    guard("exporting the model", [&] {
        emit info(lab::exportModel([this](const std::string& p) { dl::saveCharModel(*m_t, p); }, "dlm", onnx, pytorchDir));
    });
}

} // namespace lab
