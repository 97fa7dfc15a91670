// SPDX-License-Identifier: MIT
// GUI-thread handle to the detection worker's thread: owns the QThread, forwards commands as queued calls
// (widgets/handover.h) and re-emits the worker's value signals.
#pragma once
#include "widgets/detection_worker.h"

#include <QThread>

namespace lab {

class DetectionController : public QObject {
    Q_OBJECT
  public:
    explicit DetectionController(QObject* parent = nullptr);
    ~DetectionController() override; // stops the work in progress at its next layer, then joins

  public slots:
    void openModel(const QString& spec, const QString& modelsDir);
    void detectFile(const QString& path);
    void rerun();
    void featureMaps(int layer, int maxChannels);

  signals:
    void modelOpened(const lab::DetectionModel& m);
    void detected(const lab::DetectionResult& r);
    void mapsReady(const lab::Planes& maps, const QString& title);
    void failed(const QString& message);

  private:
    std::shared_ptr<dl::CancelFlag> m_closing = std::make_shared<dl::CancelFlag>();
    QThread m_thread;
    DetectionWorker* m_worker; // lives on m_thread; deleted there when the thread finishes
};

} // namespace lab
