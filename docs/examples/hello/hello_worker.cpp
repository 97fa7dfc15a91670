// SPDX-License-Identifier: MIT
#include "hello_worker.h"

#include <QThread>

namespace lab {

void HelloWorker::count()
{
    ++m_count;
    m_pending.costs.push_back({m_count, 1.f / float(m_count)}); // 1/n: a curve that falls like a cost
}

bool HelloWorker::workChunk()
{
    while (chunkLeft()) {
        count();
        QThread::usleep(1000); // a step of "work": about 1 000 a second
    }
    return true;
}

void HelloWorker::stepOnce()
{
    setRunning(false);
    count();
    sendSnapshot(true);
}

void HelloWorker::reset()
{
    setRunning(false);
    m_count = 0;
    m_pending = {};
    emit progressed({}, false); // runs with an empty update: the page clears its curve
}

void HelloWorker::sendSnapshot(bool)
{
    m_pending.step = m_count;
    emit progressed(m_pending, isRunning());
    m_pending.costs.clear();
}

} // namespace lab
