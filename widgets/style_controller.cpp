// SPDX-License-Identifier: MIT
#include "widgets/style_controller.h"

namespace lab {

StyleController::StyleController(QObject* parent) : QObject(parent), m_worker(new StyleWorker(m_cancel))
{
    registerMetatypes();
    m_thread.setObjectName("style");
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &StyleWorker::prepared, this, &StyleController::prepared);
    connect(m_worker, &StyleWorker::progressed, this, &StyleController::progressed);
    connect(m_worker, &StyleWorker::gramReady, this, &StyleController::gramReady);
    connect(m_worker, &StyleWorker::runningChanged, this, &StyleController::runningChanged);
    connect(m_worker, &StyleWorker::saved, this, &StyleController::saved);
    connect(m_worker, &StyleWorker::failed, this, &StyleController::failed);
    m_thread.start();
}

StyleController::~StyleController()
{
    m_cancel->request();
    m_thread.quit();
    m_thread.wait();
}

// clang-format off
void StyleController::configure(const StyleRunConfig& cfg)
{
    m_cancel->request(); // a running iteration loop stops before configure is handled
    QMetaObject::invokeMethod(m_worker, [w = m_worker, cfg] { w->configure(cfg); }, Qt::QueuedConnection);
}
void StyleController::start() { m_cancel->clear(); QMetaObject::invokeMethod(m_worker, &StyleWorker::start, Qt::QueuedConnection); }
void StyleController::pause() { m_cancel->request(); QMetaObject::invokeMethod(m_worker, &StyleWorker::pause, Qt::QueuedConnection); }
void StyleController::setWeights(const dl::StyleWeights& wt)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, wt] { w->setWeights(wt); }, Qt::QueuedConnection);
}
void StyleController::setOptimizer(int o, double lr)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, o, lr] { w->setOptimizer(o, lr); }, Qt::QueuedConnection);
}
void StyleController::setIterations(int n)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, n] { w->setIterations(n); }, Qt::QueuedConnection);
}
void StyleController::requestGram(int k)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, k] { w->requestGram(k); }, Qt::QueuedConnection);
}
void StyleController::saveImage(const QString& p)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, p] { w->saveImage(p); }, Qt::QueuedConnection);
}
void StyleController::saveRun(const QString& p)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, p] { w->saveRun(p); }, Qt::QueuedConnection);
}
// clang-format on

} // namespace lab
