// SPDX-License-Identifier: MIT
// Lives on the training thread and owns the trainer (model, optimizer, data). Trains in chunks of at most
// ~30 ms that re-queue themselves, so commands (pause, learning rate, ...) are handled between chunks.
// Sends value snapshots at most every 50 ms. Never touched from the GUI thread except through slots.
#pragma once
#include "core/train/experiment.h"
#include "widgets/metatypes.h"

#include <QElapsedTimer>
#include <QObject>
#include <memory>

namespace lab {

class TrainingWorker : public QObject {
    Q_OBJECT
  public:
    // `cancel` is shared with the controller, which sets it from the GUI thread to stop work mid-chunk or
    // mid-replay without waiting for the queue.
    explicit TrainingWorker(std::shared_ptr<dl::CancelFlag> cancel, QObject* parent = nullptr);
    ~TrainingWorker() override;
    static constexpr int kGridRes = 96; // decision map cells per side
    static constexpr int kUnitRes = 40; // hidden-unit map cells per side

  public slots:
    void configure(const lab::RunConfig& cfg); // Reset: new trainer from cfg, step 0
    void start();
    void pause();
    void stepOnce();
    void setHyper(const dl::Hyperparams& h);
    // Edited points: the model keeps training on them (recorded in the experiment so replays match).
    void setData(const dl::Split& data);
    void setStepsPerSecond(int rate); // 0 = as fast as possible
    void setMaxSteps(long maxSteps);  // 0 = no limit
    void gradientCheck();
    void saveExperiment(const QString& path);
    void openExperiment(const QString& path);
    void saveCheckpoint(const QString& path);
    void loadCheckpoint(const QString& path);
    void requestSnapshot();
    void shutdown(); // stops the loop; the controller calls it before quitting the thread

  signals:
    void progressed(const lab::Snapshot& s);
    void runningChanged(bool running);
    void failed(const QString& message); // one sentence for the user; the app stays usable
    void info(const QString& message);
    void gradientChecked(const dl::GradCheckReport& r);
    void
    configured(const lab::RunConfig& cfg); // after openExperiment / loadCheckpoint: GUI updates its panels

  private slots:
    void runChunk();

  private:
    void emitSnapshot();
    void setRunning(bool r);
    bool configureFrom(const lab::RunConfig& cfg, const QString& from);
    bool guard(const char* what, const std::function<void()>& f);
    void scheduleChunk(int delayMs);

    std::shared_ptr<dl::CancelFlag> m_cancel;
    std::unique_ptr<dl::Trainer> m_trainer;
    dl::Experiment m_record; // the run as an experiment: start config + every change
    RunConfig m_cfg;
    long m_runId = 0;
    bool m_running = false;
    bool m_chunkQueued = false;
    bool m_shutdown = false;
    bool m_replayable = true; // false after loading a checkpoint: the run's start is unknown
    int m_rate = 0;
    QElapsedTimer m_rateClock; // since start() or a rate change
    long m_rateBaseStep = 0;
    QElapsedTimer m_snapClock;
    std::vector<CostPoint> m_pendingCosts;
    std::vector<ChangeMarker> m_pendingMarkers;
};

} // namespace lab
