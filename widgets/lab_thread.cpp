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
    post(worker, [worker] { worker->shutdown(); });
    m_thread.quit();
    m_thread.wait();
}

} // namespace lab
