// SPDX-License-Identifier: MIT
#include "widgets/lab_worker.h"

#include <QTimer>

namespace lab {

LabWorker::LabWorker()
    : m_cancel(std::make_shared<dl::CancelFlag>()), m_closing(std::make_shared<dl::CancelFlag>())
{
    m_chunk.start();
    m_snapClock.start();
}

LabWorker::~LabWorker() = default;

void LabWorker::setRunning(bool r)
{
    if (r == m_running) return;
    m_running = r;
    emit runningChanged(r);
}

void LabWorker::stopAfterError(const QString& sentence)
{
    setRunning(false);
    emit busy(QString());
    if (!sentence.isEmpty()) emit failed(sentence);
}

void LabWorker::start()
{
    if (m_shutdown || m_running || !canStart()) return;
    m_cancel->clear();
    setRunning(true);
    m_snapClock.restart();
    scheduleChunk();
}

void LabWorker::pause()
{
    setRunning(false);
    sendSnapshot(true);
}

void LabWorker::shutdown()
{
    m_shutdown = true;
    m_running = false; // no signal: the page is going
}

bool LabWorker::chunkLeft() const
{
    return m_chunk.elapsed() < kChunkMs && !m_cancel->requested() && !m_closing->requested();
}

void LabWorker::scheduleChunk()
{
    if (m_queued || m_shutdown) return;
    m_queued = true;
    QTimer::singleShot(chunkDelayMs(), this, &LabWorker::runChunk);
}

void LabWorker::runChunk()
{
    m_queued = false;
    if (!m_running || m_shutdown) return;
    m_chunk.restart();
    bool more = true;
    if (!guard("training", [&] { more = workChunk(); })) return;
    if (!m_running) { // the work stopped itself (and said why)
        sendSnapshot(true);
        return;
    }
    if (m_cancel->requested() || m_closing->requested()) more = false; // Pause, or the window closes
    if (!more) {
        m_running = false; // the last snapshot first (it says "not running"), then the signal
        sendSnapshot(true);
        emit runningChanged(false);
        return;
    }
    if (m_snapClock.elapsed() >= kSnapshotMs) {
        m_snapClock.restart();
        sendSnapshot(false);
    }
    scheduleChunk();
}

} // namespace lab
