// SPDX-License-Identifier: MIT
// The Images lab's worker (a LabWorker on the lab's thread, widgets/lab_worker.h): owns the data and the
// ImageTrainer, trains in the base's chunks, evaluates once per epoch, and sends value snapshots (costs,
// epoch accuracies; about once a second filters, histograms and the followed image's feature maps).
#pragma once
#include "core/train/image_trainer.h"
#include "app/labs/images/image_snapshot.h"

#include "widgets/lab_worker.h"

#include <QElapsedTimer>

#include <atomic>
#include <memory>

namespace lab {

class ImagesWorker : public LabWorker {
    Q_OBJECT
  public:
    ImagesWorker();
    ~ImagesWorker() override;
    // Numbers the page's configure() and openModel() requests (older ones are skipped) and stops reading a
    // dataset an earlier request asked for. The page holds it too (shared, thread-safe): next() on the GUI
    // thread before it queues the call; the worker reads the newest number and the reload flag.
    struct Requests {
        std::atomic<long> latest{0};
        dl::CancelFlag reload;
        long next()
        {
            const long request = ++latest; // first the number, then the flag (loadData reads them in turn)
            reload.request();
            return request;
        }
    };
    const std::shared_ptr<Requests>& requests() const { return m_requests; }
    static constexpr int kTrainSample = 5000; // training images evaluated per epoch (a fixed sample)
    static constexpr int kMaxGallery = 300;   // misclassified images sent with an evaluation
    static constexpr int kDevSamples = 24;    // dev images offered to click
    static constexpr int kMaxTiles = 4096;    // filter tiles per snapshot

    // `request`: the page's number for this call (Requests); -1: not numbered.
    void configure(const lab::ImageRunConfig& cfg, long request = -1); // loads data if the source changed
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
    void exportModel(const QString& onnx, const QString& pytorchDir); // widgets/model_export
    void openModel(const QString& path, long request = -1);
    void requestSnapshot();

  signals:
    void progressed(const lab::ImageSnapshot& s);
    void probed(const lab::Probe& p);
    void evaluated(const lab::EvalReport& r);
    void cellReady(const lab::Planes& images, const QString& title);
    void configured(const lab::ImageRunConfig& cfg);

  protected:
    bool canStart() override;
    bool workChunk() override;
    void sendSnapshot(bool final) override { emitSnapshot(final || m_heavyClock.elapsed() > 1000); }

  private:
    void loadData(const dl::ImageSource& s, long request);
    bool superseded(long request) const { return request >= 0 && request != m_requests->latest.load(); }
    void installGradientHook();
    void afterStep(const dl::StepStats& s);
    void endEpoch();
    void emitSnapshot(bool heavy);
    void sendProbe();
    std::vector<LayerRow> layerRows();
    Planes filters();

    const std::shared_ptr<Requests> m_requests = std::make_shared<Requests>();
    std::unique_ptr<dl::ImageTrainer> m_trainer;
    std::string m_sourceKey; // JSON of the loaded source
    dl::ImageData m_data;    // its test set and skipped files (train and dev moved to m_train, m_dev)
    dl::SharedImageSet m_train, m_dev; // shared with the trainer
    dl::ImageSet m_trainSample;
    ImageRunConfig m_cfg;
    long m_runId = 0;
    bool m_finished = false, m_sentSamples = false; // finished: the epoch limit was reached in this chunk
    QElapsedTimer m_heavyClock, m_rateClock;
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
