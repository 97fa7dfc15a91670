// SPDX-License-Identifier: MIT
// GUI-thread handle to the training thread: owns the QThread, moves a TrainingWorker onto it, forwards
// commands as queued calls and re-emits the worker's value signals. Holds no pointer into model state.
#pragma once
#include "widgets/training_worker.h"

#include <QObject>
#include <QThread>

namespace lab {

class TrainingController : public QObject {
    Q_OBJECT
  public:
    explicit TrainingController(QObject* parent = nullptr);
    ~TrainingController() override; // asks the worker to stop, then quit(); wait();
    bool isRunning() const { return m_running; }

  public slots:
    void configure(const lab::RunConfig& cfg);
    void start();
    void pause();
    void stepOnce();
    void setHyper(const dl::Hyperparams& h);
    void setData(const dl::Split& data);
    void setStepsPerSecond(int rate);
    void setMaxSteps(long maxSteps);
    void gradientCheck();
    void saveExperiment(const QString& path);
    void openExperiment(const QString& path);
    void saveCheckpoint(const QString& path);
    void loadCheckpoint(const QString& path);
    void requestSnapshot();

  signals:
    void progressed(const lab::Snapshot& s);
    void runningChanged(bool running);
    void failed(const QString& message);
    void info(const QString& message);
    void gradientChecked(const dl::GradCheckReport& r);
    void configured(const lab::RunConfig& cfg);

  private:
    QThread m_thread;
    std::shared_ptr<dl::CancelFlag> m_cancel; // set here, polled by the worker between steps
    TrainingWorker* m_worker;                 // lives on m_thread; deleted there when the thread finishes
    bool m_running = false;
};

} // namespace lab
