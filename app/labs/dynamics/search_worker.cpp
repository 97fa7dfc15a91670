// SPDX-License-Identifier: MIT
#include "search_worker.h"

#include <QElapsedTimer>

namespace lab {

void SearchWorker::begin(long runId, const dl::SearchPlan& plan)
{
    pause();
    m_session.reset();
    m_runId = runId, m_seconds = 0;
    if (!guard("setting up the search", [&] { m_session = std::make_unique<dl::SearchSession>(plan); })) {
        emit runningChanged(false);
        return;
    }
    sendSnapshot(false);
    start();
}

void SearchWorker::zoomIn(long runId, int trials)
{
    if (!m_session || runId != m_runId || isRunning()) return;
    if (!guard("planning the finer round", [&] { m_session->zoomIn(trials); })) {
        emit runningChanged(false);
        return;
    }
    sendSnapshot(false);
    start();
}

bool SearchWorker::workChunk()
{
    QElapsedTimer clock;
    clock.start();
    const long id = m_runId;
    guard("running the search", [&] {
        m_session->runNext(cancelFlag().get(), [&](const dl::SearchTrial& t) { emit trialDone(id, t); });
    });
    m_seconds += clock.nsecsElapsed() * 1e-9;
    return isRunning() && !m_session->done() && !cancelFlag()->requested();
}

void SearchWorker::sendSnapshot(bool final)
{
    (void)final;
    if (!m_session) return;
    SearchProgress p;
    p.runId = m_runId;
    p.done = m_session->trialsDone();
    p.planned = m_session->trialsPlanned();
    p.round = int(m_session->outcome().ranges.size());
    p.ranges = QString::fromStdString(dl::formatSearchParams(m_session->ranges()));
    p.roundRanges = m_session->outcome().ranges;
    p.finished = m_session->done();
    p.seconds = m_seconds;
    emit progress(p);
}

} // namespace lab
