// SPDX-License-Identifier: MIT
// The Style lab's worker (a LabWorker on the lab's thread, widgets/lab_worker.h): owns the StyleTransfer of
// the current run. Iterates in the base's chunks (at least one iteration each), so commands (pause, α/β,
// layers, optimiser, save) are handled between iterations; sends snapshots through the base's throttle
// (image copies only when it changed).
#pragma once
#include "app/labs/style/style_snapshot.h"

#include "widgets/lab_worker.h"

#include <QElapsedTimer>
#include <memory>
#include <optional>

namespace lab {

class StyleWorker : public LabWorker {
    Q_OBJECT
  public:
    StyleWorker();
    ~StyleWorker() override;

    void configure(const lab::StyleRunConfig& cfg); // new run at iteration 0 (loads images, model once)
    void setWeights(const dl::StyleWeights& w); // α, β, layers: recorded as a change of the run
    void setOptimizer(int optimizer, double learningRate);
    void setIterations(int n);
    void requestGram(int styleIndex);
    void saveImage(const QString& path); // PNG of the current image, full resolution, temp + rename
    void saveRun(const QString& path);   // JSON for `dlcli style --replay`

  signals:
    void prepared(const lab::StylePrepared& p);
    void progressed(const lab::StyleSnapshot& s);
    void gramReady(const lab::GramPair& g);
    void saved(const QString& path);

  protected:
    bool canStart() override;
    bool workChunk() override;
    void sendSnapshot(bool) override { emitSnapshot(true); }

  private:
    void emitSnapshot(bool withImage);
    void recordChange();
    dl::Json runJson() const;
    std::optional<dl::FeatureChain> m_extractor; // loaded once per models folder, copied into each run
    QString m_extractorDir;
    std::unique_ptr<dl::StyleTransfer> m_run;
    QString m_setupError; // why the last configure() failed, said again when Run is pressed
    StyleRunConfig m_cfg;
    dl::Json m_changes = dl::Json::array(); // [{iteration, settings}] for the replay file
    long m_runId = 0;
    int m_lastGram = -1;
    double m_runSeconds = 0;
    std::vector<StyleCostPoint> m_pending;
    bool m_imageDirty = false;
};

} // namespace lab
