// SPDX-License-Identifier: MIT
#include "widgets/detection_controller.h"

namespace lab {

DetectionController::DetectionController(QObject* parent) : QObject(parent), m_worker(new DetectionWorker)
{
    registerMetatypes();
    m_thread.setObjectName("detection");
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &DetectionWorker::modelOpened, this, &DetectionController::modelOpened);
    connect(m_worker, &DetectionWorker::detected, this, &DetectionController::detected);
    connect(m_worker, &DetectionWorker::mapsReady, this, &DetectionController::mapsReady);
    connect(m_worker, &DetectionWorker::failed, this, &DetectionController::failed);
    m_thread.start();
}

DetectionController::~DetectionController()
{
    m_thread.quit();
    m_thread.wait();
}

// clang-format off
void DetectionController::openModel(const QString& spec, const QString& dir)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, spec, dir] { w->openModel(spec, dir); }, Qt::QueuedConnection);
}
void DetectionController::detectFile(const QString& path)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, path] { w->detectFile(path); }, Qt::QueuedConnection);
}
void DetectionController::rerun() { QMetaObject::invokeMethod(m_worker, &DetectionWorker::rerun, Qt::QueuedConnection); }
void DetectionController::featureMaps(int layer, int n)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, layer, n] { w->featureMaps(layer, n); }, Qt::QueuedConnection);
}
// clang-format on

} // namespace lab
