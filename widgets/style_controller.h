// SPDX-License-Identifier: MIT
// GUI-thread handle to the style worker's thread: owns the QThread and the shared cancel flag (Pause sets it
// at once, so the run stops before its next iteration), forwards commands as queued calls (widgets/handover.h), re-emits values.
#pragma once
#include "widgets/style_worker.h"

#include <QThread>

namespace lab {

class StyleController : public QObject {
    Q_OBJECT
  public:
    explicit StyleController(QObject* parent = nullptr);
    ~StyleController() override; // pause, quit, wait: at most one iteration finishes first

  public slots:
    void configure(const lab::StyleRunConfig& cfg);
    void start();
    void pause();
    void setWeights(const dl::StyleWeights& w);
    void setOptimizer(int optimizer, double learningRate);
    void setIterations(int n);
    void requestGram(int styleIndex);
    void saveImage(const QString& path);
    void saveRun(const QString& path);

  signals:
    void prepared(const lab::StylePrepared& p);
    void progressed(const lab::StyleSnapshot& s);
    void gramReady(const lab::GramPair& g);
    void runningChanged(bool running);
    void saved(const QString& path);
    void failed(const QString& message);

  private:
    std::shared_ptr<dl::CancelFlag> m_cancel = std::make_shared<dl::CancelFlag>();
    QThread m_thread;
    StyleWorker* m_worker; // lives on m_thread; deleted there when the thread finishes
};

} // namespace lab
