// SPDX-License-Identifier: MIT
#include "widgets/style_controller.h"

#include "widgets/handover.h"

namespace lab {

StyleController::StyleController(QObject* parent) : QObject(parent), m_worker(new StyleWorker(m_cancel))
{
    registerMetatypes();
    m_thread.setObjectName("style");
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    relay(m_worker, &StyleWorker::prepared, this, &StyleController::prepared);
    relay(m_worker, &StyleWorker::progressed, this, &StyleController::progressed);
    relay(m_worker, &StyleWorker::gramReady, this, &StyleController::gramReady);
    relay(m_worker, &StyleWorker::runningChanged, this, &StyleController::runningChanged);
    relay(m_worker, &StyleWorker::saved, this, &StyleController::saved);
    relay(m_worker, &StyleWorker::failed, this, &StyleController::failed);
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
    post(m_worker, [w = m_worker, cfg] { w->configure(cfg); });
}
void StyleController::start() { m_cancel->clear(); post(m_worker, [w = m_worker] { w->start(); }); }
void StyleController::pause() { m_cancel->request(); post(m_worker, [w = m_worker] { w->pause(); }); }
void StyleController::setWeights(const dl::StyleWeights& wt)
{
    post(m_worker, [w = m_worker, wt] { w->setWeights(wt); });
}
void StyleController::setOptimizer(int o, double lr)
{
    post(m_worker, [w = m_worker, o, lr] { w->setOptimizer(o, lr); });
}
void StyleController::setIterations(int n)
{
    post(m_worker, [w = m_worker, n] { w->setIterations(n); });
}
void StyleController::requestGram(int k)
{
    post(m_worker, [w = m_worker, k] { w->requestGram(k); });
}
void StyleController::saveImage(const QString& p)
{
    post(m_worker, [w = m_worker, p] { w->saveImage(p); });
}
void StyleController::saveRun(const QString& p)
{
    post(m_worker, [w = m_worker, p] { w->saveRun(p); });
}
// clang-format on

} // namespace lab
