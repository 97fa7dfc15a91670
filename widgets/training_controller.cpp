// SPDX-License-Identifier: MIT
#include "widgets/training_controller.h"

#include "widgets/handover.h"

namespace lab {

TrainingController::TrainingController(QObject* parent)
    : QObject(parent), m_cancel(std::make_shared<dl::CancelFlag>()), m_worker(new TrainingWorker(m_cancel))
{
    registerMetatypes();
    m_thread.setObjectName("training");
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    relay(m_worker, &TrainingWorker::progressed, this, &TrainingController::progressed);
    relay(m_worker, &TrainingWorker::runningChanged, this, [this](bool r) {
        m_running = r;
        emit runningChanged(r);
    });
    relay(m_worker, &TrainingWorker::failed, this, &TrainingController::failed);
    relay(m_worker, &TrainingWorker::info, this, &TrainingController::info);
    relay(m_worker, &TrainingWorker::gradientChecked, this, &TrainingController::gradientChecked);
    relay(m_worker, &TrainingWorker::configured, this, &TrainingController::configured);
    m_thread.start();
}

TrainingController::~TrainingController()
{
    m_cancel->request();
    post(m_worker, [w = m_worker] { w->shutdown(); });
    m_thread.quit();
    m_thread.wait();
}

void TrainingController::configure(const RunConfig& cfg)
{
    post(m_worker, [w = m_worker, cfg] { w->configure(cfg); });
}
void TrainingController::start()
{
    post(m_worker, [w = m_worker] { w->start(); });
}
void TrainingController::pause()
{
    m_cancel->request(); // stops the current chunk or replay now, not after the queue drains
    post(m_worker, [w = m_worker] { w->pause(); });
}
void TrainingController::stepOnce()
{
    post(m_worker, [w = m_worker] { w->stepOnce(); });
}
void TrainingController::setHyper(const dl::Hyperparams& h)
{
    post(m_worker, [w = m_worker, h] { w->setHyper(h); });
}
void TrainingController::setData(const dl::Split& data)
{
    post(m_worker, [w = m_worker, data] { w->setData(data); });
}
void TrainingController::setStepsPerSecond(int rate)
{
    post(m_worker, [w = m_worker, rate] { w->setStepsPerSecond(rate); });
}
void TrainingController::setMaxSteps(long maxSteps)
{
    post(m_worker, [w = m_worker, maxSteps] { w->setMaxSteps(maxSteps); });
}
void TrainingController::gradientCheck()
{
    post(m_worker, [w = m_worker] { w->gradientCheck(); });
}
void TrainingController::saveExperiment(const QString& path)
{
    post(m_worker, [w = m_worker, path] { w->saveExperiment(path); });
}
void TrainingController::openExperiment(const QString& path)
{
    post(m_worker, [w = m_worker, path] { w->openExperiment(path); });
}
void TrainingController::saveCheckpoint(const QString& path)
{
    post(m_worker, [w = m_worker, path] { w->saveCheckpoint(path); });
}
void TrainingController::loadCheckpoint(const QString& path)
{
    post(m_worker, [w = m_worker, path] { w->loadCheckpoint(path); });
}
void TrainingController::requestSnapshot()
{
    post(m_worker, [w = m_worker] { w->requestSnapshot(); });
}

} // namespace lab
