// SPDX-License-Identifier: MIT
// The Playground's worker (a LabWorker on the lab's thread, widgets/lab_worker.h): owns the trainer (model,
// optimizer, data) and the run's record as an experiment. Trains in the base's chunks, at most at the
// panel's rate; sends value snapshots (costs, decision map, unit maps, weights) through the base's throttle.
#pragma once
#include "core/train/experiment.h"
#include "app/labs/playground/playground_snapshot.h"

#include "widgets/lab_worker.h"

#include <QElapsedTimer>
#include <memory>

namespace lab {

class TrainingWorker : public LabWorker {
    Q_OBJECT
  public:
    TrainingWorker();
    ~TrainingWorker() override;
    static constexpr int kGridRes = 96; // decision map cells per side
    static constexpr int kUnitRes = 40; // hidden-unit map cells per side

    void configure(const lab::RunConfig& cfg); // Reset: new trainer from cfg, step 0
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
    void exportModel(const QString& onnx, const QString& pytorchDir); // widgets/model_export
    void loadCheckpoint(const QString& path);
    void requestSnapshot();

  signals:
    void progressed(const lab::Snapshot& s);
    void gradientChecked(const dl::GradCheckReport& r);
    void
    configured(const lab::RunConfig& cfg); // after openExperiment / loadCheckpoint: GUI updates its panels

  protected:
    bool canStart() override;
    bool workChunk() override;
    void sendSnapshot(bool) override { emitSnapshot(); }
    int chunkDelayMs() const override { return m_rate > 0 && m_rate < 2000 ? 5 : 0; }

  private:
    void emitSnapshot();
    bool configureFrom(const lab::RunConfig& cfg, const QString& from);

    std::unique_ptr<dl::Trainer> m_trainer;
    dl::Experiment m_record; // the run as an experiment: start config + every change
    RunConfig m_cfg;
    long m_runId = 0;
    bool m_replayable = true; // false after loading a checkpoint: the run's start is unknown
    int m_rate = 0;
    QElapsedTimer m_rateClock; // since start() or a rate change
    long m_rateBaseStep = 0;
    std::vector<CostPoint> m_pendingCosts;
    std::vector<ChangeMarker> m_pendingMarkers;
};

} // namespace lab
