// SPDX-License-Identifier: MIT
#include "widgets/lab_thread.h"

namespace lab {

LabThreadBase::LabThreadBase(const char* name)
{
    m_thread.setObjectName(QString::fromUtf8(name));
}

void LabThreadBase::begin(LabWorker* worker)
{
    m_cancel = worker->cancelFlag();
    m_closing = worker->closingFlag();
    worker->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    m_thread.start();
}

void LabThreadBase::end(LabWorker* worker)
{
    m_closing->request(); // an evaluation or a model being read stops at its next check
    m_cancel->request();
    // The thread quits from the shutdown command itself, after the commands queued before it: so the
    // worker's thread has taken handOverMutex() (post) after everything this thread did before end(), and
    // the worker's deletion there (its connections' slot objects, made here) is ordered after it for
    // ThreadSanitizer too. Quitting from here could leave queued commands unrun and that order unseen.
    post(worker, [worker] {
        worker->shutdown();
        QThread::currentThread()->quit();
    });
    m_thread.wait();
}

} // namespace lab
