// SPDX-License-Identifier: MIT
// The image lab's training thread: owns the data and the ImageTrainer, trains in chunks of ~30 ms that
// re-queue themselves, evaluates once per epoch, and sends value snapshots (costs, epoch accuracies,
// filters, histograms, the followed image's feature maps). Never touched from the GUI thread except
// through slots.
#pragma once
#include "core/train/image_trainer.h"
#include "widgets/metatypes.h"

#include <QElapsedTimer>
#include <QObject>

#include <atomic>
#include <memory>

namespace lab {

class ImagesWorker : public QObject {
    Q_OBJECT
  public:
    // cancel: Pause (stops the training chunk); closing: the window goes (also cuts an evaluation short);
    // reload: another dataset or model was asked for (stops reading the one being read); latest: the
    // number of the newest configure/openModel request the controller sent (older ones are skipped).
    ImagesWorker(std::shared_ptr<dl::CancelFlag> cancel, std::shared_ptr<dl::CancelFlag> closing,
                 std::shared_ptr<dl::CancelFlag> reload, std::shared_ptr<std::atomic<long>> latest,
                 QObject* parent = nullptr);
    ~ImagesWorker() override;
    static constexpr int kTrainSample = 5000; // training images evaluated per epoch (a fixed sample)
    static constexpr int kMaxGallery = 300;   // misclassified images sent with an evaluation
    static constexpr int kDevSamples = 24;    // dev images offered to click
    static constexpr int kMaxTiles = 4096;    // filter tiles per snapshot

  public slots:
    // `request`: the controller's number for this call (see m_latest); -1: not numbered.
    void configure(const lab::ImageRunConfig& cfg, long request = -1); // loads data if the source changed
    void start();
    void pause();
    void stepOnce();
    void setHyper(const dl::Hyperparams& h);
    void setAugmentation(const dl::AugmentPipeline& p);
    void setFrozen(int layers, bool precompute);
    void setMaxEpochs(int epochs);
    void setFilterLayer(int layer); // which layer's filters the snapshots carry (-1: the first conv/dense)
    // Follow an image (set 0 dev, 1 test): feature maps, probabilities and Grad-CAM for `camClass` (-1: the
    // predicted class), refreshed about once a second while training.
    void probe(int set, int index, int camClass);
    void evaluate(bool test);                  // confusion matrix, metrics, misclassified gallery
    void cellImages(int truth, int predicted); // of the last evaluation
    void saveModel(const QString& path);
    void openModel(const QString& path, long request = -1);
    void requestSnapshot();
    void shutdown();

  signals:
    void progressed(const lab::ImageSnapshot& s);
    void runningChanged(bool running);
    void busy(const QString& what); // long work started ("Loading Fashion-MNIST…"); empty when done
    void failed(const QString& message);
    void info(const QString& message);
    void probed(const lab::Probe& p);
    void evaluated(const lab::EvalReport& r);
    void cellReady(const lab::Planes& images, const QString& title);
    void configured(const lab::ImageRunConfig& cfg);

  private slots:
    void runChunk();

  private:
    bool guard(const char* what, const std::function<void()>& f);
    void setRunning(bool r);
    void scheduleChunk();
    void loadData(const dl::ImageSource& s, long request);
    bool superseded(long request) const { return request >= 0 && request != m_latest->load(); }
    void installGradientHook();
    void afterStep(const dl::StepStats& s);
    void endEpoch();
    void emitSnapshot(bool heavy);
    void sendProbe();
    std::vector<LayerRow> layerRows();
    Planes filters();

    std::shared_ptr<dl::CancelFlag> m_cancel, m_closing, m_reload;
    std::shared_ptr<std::atomic<long>> m_latest;
    std::unique_ptr<dl::ImageTrainer> m_trainer;
    std::string m_sourceKey; // JSON of the loaded source
    dl::ImageData m_data;    // its test set and skipped files (train and dev moved to m_train, m_dev)
    dl::SharedImageSet m_train, m_dev; // shared with the trainer
    dl::ImageSet m_trainSample;
    ImageRunConfig m_cfg;
    long m_runId = 0;
    bool m_running = false, m_finished = false, m_chunkQueued = false, m_shutdown = false,
         m_sentSamples = false;
    QElapsedTimer m_snapClock, m_heavyClock, m_rateClock;
    long m_rateImages = 0;
    double m_rate = 0;
    std::vector<CostPoint> m_pendingCosts;
    std::vector<EpochPoint> m_pendingEpochs;
    std::vector<std::vector<float>> m_grads; // per layer: first param's gradient at a recent step
    bool m_wantGrads = true;
    int m_filterLayer = -1;
    int m_probeSet = -1, m_probeIndex = -1, m_camClass = -1;
    int m_lastEvalSet = -1; // 0 dev, 1 test: the set of the last evaluation (for cellImages)
    std::vector<int> m_lastPredicted;
};

} // namespace lab
