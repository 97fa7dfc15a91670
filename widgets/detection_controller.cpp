// SPDX-License-Identifier: MIT
#include "widgets/detection_controller.h"

#include "widgets/handover.h"

namespace lab {

DetectionController::DetectionController(QObject* parent)
    : QObject(parent), m_worker(new DetectionWorker(m_closing))
{
    registerMetatypes();
    m_thread.setObjectName("detection");
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    relay(m_worker, &DetectionWorker::modelOpened, this, &DetectionController::modelOpened);
    relay(m_worker, &DetectionWorker::detected, this, &DetectionController::detected);
    relay(m_worker, &DetectionWorker::mapsReady, this, &DetectionController::mapsReady);
    relay(m_worker, &DetectionWorker::failed, this, &DetectionController::failed);
    m_thread.start();
}

DetectionController::~DetectionController()
{
    m_closing->request();
    m_thread.quit();
    m_thread.wait();
}

// clang-format off
void DetectionController::openModel(const QString& spec, const QString& dir)
{
    post(m_worker, [w = m_worker, spec, dir] { w->openModel(spec, dir); });
}
void DetectionController::detectFile(const QString& path)
{
    post(m_worker, [w = m_worker, path] { w->detectFile(path); });
}
void DetectionController::rerun() { post(m_worker, [w = m_worker] { w->rerun(); }); }
void DetectionController::featureMaps(int layer, int n)
{
    post(m_worker, [w = m_worker, layer, n] { w->featureMaps(layer, n); });
}
// clang-format on

} // namespace lab
