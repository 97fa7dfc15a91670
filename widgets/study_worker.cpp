// SPDX-License-Identifier: MIT
#include "widgets/study_worker.h"

#include <QElapsedTimer>

namespace lab {

void StudyWorker::begin(long runId, const Factory& make)
{
    pause();
    m_study.reset();
    m_runId = runId, m_done = false, m_seconds = 0;
    if (!guard("setting up the study", [&] { m_study = make(); })) {
        emit runningChanged(false); // it said why (failed); the page's Run is free again
        return;
    }
    start();
}

bool StudyWorker::workChunk()
{
    QElapsedTimer clock;
    clock.start();
    bool more = true;
    guard("running the study", [&] {
        while (more && chunkLeft()) more = m_study->advance();
    });
    m_seconds += clock.nsecsElapsed() * 1e-9;
    if (!more) m_done = true;
    return more && isRunning();
}

void StudyWorker::sendSnapshot(bool final)
{
    if (!m_study) return;
    StudySnapshot s;
    s.runId = m_runId;
    s.report = m_study->report();
    s.progress = m_done ? 1.0 : m_study->progress();
    s.done = m_done;
    s.seconds = m_seconds;
    (void)final;
    emit reported(s);
}

} // namespace lab
