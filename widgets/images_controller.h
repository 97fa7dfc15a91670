// SPDX-License-Identifier: MIT
// GUI-thread handle to the image lab's training thread: owns the QThread, moves an ImagesWorker onto it,
// forwards commands as queued calls (widgets/handover.h) and re-emits the worker's value signals.
#pragma once
#include "widgets/images_worker.h"

#include <QObject>
#include <QThread>

namespace lab {

class ImagesController : public QObject {
    Q_OBJECT
  public:
    explicit ImagesController(QObject* parent = nullptr);
    ~ImagesController() override; // asks the worker to stop, then quit(); wait();
    bool isRunning() const { return m_running; }

  public slots:
    void configure(const lab::ImageRunConfig& cfg);
    void start();
    void pause();
    void stepOnce();
    void setHyper(const dl::Hyperparams& h);
    void setAugmentation(const dl::AugmentPipeline& p);
    void setFrozen(int layers, bool precompute);
    void setMaxEpochs(int epochs);
    void setFilterLayer(int layer);
    void probe(int set, int index, int camClass);
    void evaluate(bool test);
    void cellImages(int truth, int predicted);
    void saveModel(const QString& path);
    void openModel(const QString& path);
    void requestSnapshot();

  signals:
    void progressed(const lab::ImageSnapshot& s);
    void runningChanged(bool running);
    void busy(const QString& what);
    void failed(const QString& message);
    void info(const QString& message);
    void probed(const lab::Probe& p);
    void evaluated(const lab::EvalReport& r);
    void cellReady(const lab::Planes& images, const QString& title);
    void configured(const lab::ImageRunConfig& cfg);

  private:
    QThread m_thread;
    std::shared_ptr<dl::CancelFlag> m_cancel, m_closing, m_reload;
    std::shared_ptr<std::atomic<long>> m_latest; // numbers configure/openModel requests (ImagesWorker)
    ImagesWorker* m_worker; // lives on m_thread; deleted there when the thread finishes
    bool m_running = false;
};

} // namespace lab
