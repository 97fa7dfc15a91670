// SPDX-License-Identifier: MIT
#include "widgets/images_controller.h"

#include "widgets/handover.h"

namespace lab {

ImagesController::ImagesController(QObject* parent)
    : QObject(parent), m_cancel(std::make_shared<dl::CancelFlag>()),
      m_closing(std::make_shared<dl::CancelFlag>()), m_reload(std::make_shared<dl::CancelFlag>()),
      m_latest(std::make_shared<std::atomic<long>>(0)),
      m_worker(new ImagesWorker(m_cancel, m_closing, m_reload, m_latest))
{
    registerMetatypes();
    m_thread.setObjectName("images-training");
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    relay(m_worker, &ImagesWorker::progressed, this, &ImagesController::progressed);
    relay(m_worker, &ImagesWorker::runningChanged, this, [this](bool r) {
        m_running = r;
        emit runningChanged(r);
    });
    relay(m_worker, &ImagesWorker::busy, this, &ImagesController::busy);
    relay(m_worker, &ImagesWorker::failed, this, &ImagesController::failed);
    relay(m_worker, &ImagesWorker::info, this, &ImagesController::info);
    relay(m_worker, &ImagesWorker::probed, this, &ImagesController::probed);
    relay(m_worker, &ImagesWorker::evaluated, this, &ImagesController::evaluated);
    relay(m_worker, &ImagesWorker::cellReady, this, &ImagesController::cellReady);
    relay(m_worker, &ImagesWorker::configured, this, &ImagesController::configured);
    m_thread.start();
}

ImagesController::~ImagesController()
{
    m_cancel->request();
    m_closing->request(); // an evaluation in progress stops at its next chunk
    post(m_worker, [w = m_worker] { w->shutdown(); });
    m_thread.quit();
    m_thread.wait();
}

// clang-format off
void ImagesController::configure(const ImageRunConfig& cfg)
{
    const long request = ++*m_latest; // first the number, then the flag (ImagesWorker::loadData)
    m_reload->request();               // a dataset still being read for an earlier request is not needed
    post(m_worker, [w = m_worker, cfg, request] { w->configure(cfg, request); });
}
void ImagesController::start() { post(m_worker, [w = m_worker] { w->start(); }); }
void ImagesController::pause()
{
    m_cancel->request(); // stops the current chunk now, not after the queue drains
    post(m_worker, [w = m_worker] { w->pause(); });
}
void ImagesController::stepOnce() { post(m_worker, [w = m_worker] { w->stepOnce(); }); }
void ImagesController::setHyper(const dl::Hyperparams& h) { post(m_worker, [w = m_worker, h] { w->setHyper(h); }); }
void ImagesController::setAugmentation(const dl::AugmentPipeline& p) { post(m_worker, [w = m_worker, p] { w->setAugmentation(p); }); }
void ImagesController::setFrozen(int n, bool pre) { post(m_worker, [w = m_worker, n, pre] { w->setFrozen(n, pre); }); }
void ImagesController::setMaxEpochs(int e) { post(m_worker, [w = m_worker, e] { w->setMaxEpochs(e); }); }
void ImagesController::setFilterLayer(int l) { post(m_worker, [w = m_worker, l] { w->setFilterLayer(l); }); }
void ImagesController::probe(int set, int i, int c) { post(m_worker, [w = m_worker, set, i, c] { w->probe(set, i, c); }); }
void ImagesController::evaluate(bool test) { post(m_worker, [w = m_worker, test] { w->evaluate(test); }); }
void ImagesController::cellImages(int t, int p) { post(m_worker, [w = m_worker, t, p] { w->cellImages(t, p); }); }
void ImagesController::saveModel(const QString& path) { post(m_worker, [w = m_worker, path] { w->saveModel(path); }); }
void ImagesController::openModel(const QString& path)
{
    const long request = ++*m_latest;
    m_reload->request();
    post(m_worker, [w = m_worker, path, request] { w->openModel(path, request); });
}
void ImagesController::requestSnapshot() { post(m_worker, [w = m_worker] { w->requestSnapshot(); }); }
// clang-format on

} // namespace lab
