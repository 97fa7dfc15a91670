// SPDX-License-Identifier: MIT
// The Faces lab's triplet-loss tab's worker (a LabWorker on its own lab thread): loads the image set once,
// builds a TripletTrainer (core/faces/triplet_trainer.h) for each configure(), trains it in the base's
// chunks, and sends snapshots: the new per-step losses, the share of active triplets, per epoch the loss,
// that share and the one-shot accuracy on the held-out classes, and about once a second the embedding of a
// fixed sample of test images (every class; the held-out ones flagged), on a plane directly when D = 2 and
// through PCA otherwise (core/tensor/pca.h). Margin, mining and α change live; the |f(xᵢ) − f(xⱼ)| classifier
// runs on demand.
#pragma once
#include "core/data/image_source.h"
#include "core/faces/triplet_trainer.h"
#include "widgets/curve_points.h"
#include "widgets/lab_worker.h"

#include <QElapsedTimer>
#include <QStringList>
#include <memory>
#include <optional>

namespace lab {

struct TripletRunConfig {
    dl::ImageSource source; // Fashion-MNIST unless the user picked a folder
    dl::TripletSetup setup;
    dl::Hyperparams hyper = dl::defaultTripletHyper();
    int maxEpochs = 5;
};

struct TripletEpoch {
    long epoch = 0;
    double loss = 0, active = 0, oneShot = 0, seconds = 0; // means over the epoch's steps; seconds training so far
};

struct TripletScatter {
    std::vector<float> x, y;
    std::vector<int> label;
    QStringList classNames;
    std::vector<bool> heldOut; // per class
    bool pca = false;
    double explained[2] = {0, 0};
};

struct TripletSnapshot {
    long runId = 0, step = 0, epoch = 0;
    std::vector<CostPoint> costs;    // since the last snapshot
    std::vector<ChangeMarker> markers; // live changes since the last snapshot ("α 0.20 → 0.50" at its step)
    std::vector<TripletEpoch> epochs; // every finished epoch of the run
    double chance = 0, oneShotBefore = 0;
    float active = 0, margin = 0;    // the last step's share of active triplets; α now
    int trainImages = 0, heldOutImages = 0, dim = 0;
    long parameters = 0;
    std::optional<TripletScatter> scatter;
};

class TripletWorker : public LabWorker {
    Q_OBJECT
  public:
    static constexpr int kScatterPerClass = 60; // test images per class in the drawn sample
    TripletWorker();
    ~TripletWorker() override;
    void configure(long runId, const lab::TripletRunConfig& cfg); // a new network; the data only when its source changed
    void setMargin(float margin);
    void setMining(dl::Mining m);
    void setLearningRate(float lr);
    void setMaxEpochs(int epochs) { m_cfg.maxEpochs = epochs; }
    void measurePairClassifier(); // the course's alternative, on the embedding now (a few seconds)

  signals:
    void progressed(const lab::TripletSnapshot& s);
    void pairMeasured(double accuracy, int pairs);

  protected:
    bool canStart() override;
    bool workChunk() override;
    void sendSnapshot(bool final) override { emitSnapshot(final || m_scatterClock.elapsed() > 1000); }

  private:
    void endEpoch();
    void emitSnapshot(bool withScatter);
    void mark(const QString& what); // a live change at the step it applies from (none before the first step)
    TripletScatter scatter();
    long m_runId = 0;
    TripletRunConfig m_cfg;
    std::optional<dl::ImageSource> m_loaded;
    dl::ImageData m_data;
    dl::ImageSet m_sample; // kScatterPerClass test images of every class
    std::unique_ptr<dl::TripletTrainer> m_trainer;
    std::vector<CostPoint> m_pending;
    std::vector<ChangeMarker> m_markers;
    std::vector<TripletEpoch> m_epochs;
    double m_chance = 0, m_before = 0, m_lossSum = 0, m_activeSum = 0, m_seconds = 0;
    long m_epochSteps = 0;
    QElapsedTimer m_scatterClock, m_train;
};

} // namespace lab
