// SPDX-License-Identifier: MIT
#include "dynamics_worker.h"


namespace lab {

void DynamicsWorker::configure(const RaceConfig& c)
{
    setRunning(false);
    m_cfg = c;
    m_race.reset();
    m_owed = 0;
    m_sent.clear();
    m_fresh = true;
    guard("starting the race", [&] {
        m_race = std::make_unique<dl::Race>(c.surface, c.startX, c.startY, c.racers, c.noise, 1);
    });
    sendSnapshot(true);
}

void DynamicsWorker::setSpec(int racer, const dl::RacerSpec& s)
{
    if (m_race) guard("changing a setting", [&] { m_race->setSpec(racer, s); });
}

void DynamicsWorker::setNoise(double sigma)
{
    m_cfg.noise = sigma;
    if (m_race) guard("changing the noise", [&] { m_race->setNoise(sigma); });
}

bool DynamicsWorker::canStart()
{
    if (!m_race) {
        emit failed(tr("No race to run: choose at least one optimiser."));
        return false;
    }
    if (m_race->steps() >= m_cfg.maxIterations) {
        emit info(tr("The race has run its %1 iterations: Reset starts it again, or raise the limit.")
                      .arg(m_cfg.maxIterations));
        return false;
    }
    m_clock.start();
    return true;
}

// About m_speed steps a second: each chunk adds the steps the elapsed time owes (the chunks are ~20 ms apart).
bool DynamicsWorker::workChunk()
{
    m_owed += std::min(0.1, double(m_clock.restart()) / 1000.0) * m_speed;
    m_owed = std::max(m_owed, 1.0);
    while (m_owed >= 1 && chunkLeft() && m_race->steps() < m_cfg.maxIterations) {
        m_race->step();
        m_owed -= 1;
    }
    bool anyOn = false;
    for (int i = 0; i < m_race->size(); ++i) anyOn = anyOn || !m_race->state(i).diverged;
    return m_race->steps() < m_cfg.maxIterations && anyOn;
}

void DynamicsWorker::stepOnce()
{
    setRunning(false);
    if (!m_race) return;
    m_race->step();
    sendSnapshot(true);
}

void DynamicsWorker::sendSnapshot(bool)
{
    RaceSnapshot s;
    s.surface = int(m_cfg.surface.kind), s.kappa = m_cfg.surface.kappa;
    s.fresh = m_fresh;
    m_fresh = false;
    if (m_race) {
        s.step = m_race->steps();
        m_sent.resize(size_t(m_race->size()), 0);
        for (int i = 0; i < m_race->size(); ++i) {
            const dl::RacerState& st = m_race->state(i);
            RacerTrack t;
            t.kind = int(m_race->spec(i).opt.kind), t.lr = m_race->spec(i).lr;
            t.from = s.fresh ? 0 : std::min(m_sent[size_t(i)], st.pathX.size());
            t.path.reserve(st.pathX.size() - t.from);
            for (size_t k = t.from; k < st.pathX.size(); ++k) t.path.emplace_back(st.pathX[k], st.pathY[k]);
            t.losses.assign(st.losses.begin() + std::ptrdiff_t(t.from), st.losses.end());
            m_sent[size_t(i)] = st.pathX.size();
            t.diverged = st.diverged;
            t.first = QPointF(st.first[0], st.first[1]), t.second = QPointF(st.second[0], st.second[1]);
            s.racers.push_back(std::move(t));
        }
    }
    emit raced(s);
}

} // namespace lab
