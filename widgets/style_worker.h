// SPDX-License-Identifier: MIT
// The style lab's worker (lives on its own QThread): owns the extractor and the StyleTransfer of the current
// run. Runs one iteration per queued call, so commands (pause, α/β, layers, optimiser, save) are handled
// between iterations; the shared cancel flag stops a run before its next iteration. Sends value snapshots
// at most every ~80 ms (image copies only when it changed).
#pragma once
#include "widgets/metatypes.h"

#include <QElapsedTimer>
#include <QObject>
#include <memory>
#include <optional>

namespace lab {

class StyleWorker : public QObject {
    Q_OBJECT
  public:
    explicit StyleWorker(std::shared_ptr<dl::CancelFlag> cancel, QObject* parent = nullptr);
    ~StyleWorker() override;

  public slots:
    void configure(const lab::StyleRunConfig& cfg); // new run at iteration 0 (loads images, model once)
    void start();                                   // (continue) until cfg.iterations or pause
    void pause();
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
    void runningChanged(bool running);
    void saved(const QString& path);
    void failed(const QString& message); // one sentence; the lab stays usable

  private slots:
    void iterate();

  private:
    void emitSnapshot(bool withImage);
    void recordChange();
    void setRunning(bool r);
    dl::Json runJson() const;
    std::shared_ptr<dl::CancelFlag> m_cancel;
    std::optional<dl::FeatureChain> m_extractor; // loaded once per models folder, copied into each run
    QString m_extractorDir;
    std::unique_ptr<dl::StyleTransfer> m_run;
    QString m_setupError; // why the last configure() failed, said again when Run is pressed
    StyleRunConfig m_cfg;
    dl::Json m_changes = dl::Json::array(); // [{iteration, settings}] for the replay file
    long m_runId = 0;
    bool m_running = false, m_queued = false;
    int m_lastGram = -1;
    double m_runSeconds = 0;
    QElapsedTimer m_snapClock;
    std::vector<StyleCostPoint> m_pending;
    bool m_imageDirty = false;
};

} // namespace lab
