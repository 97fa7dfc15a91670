// SPDX-License-Identifier: MIT
// The Sequence lab's worker (COURSE.md §11): owns the character model's trainer on the lab's thread; trains
// in chunks, samples every N steps with the page's temperature, top-k and prime, evaluates the dev loss,
// saves the model, and reads a text for the page's "look inside" view.
#pragma once
#include "app/labs/sequence/sequence_snapshot.h"
#include "widgets/lab_worker.h"

#include <memory>

namespace lab {

class SequenceWorker : public LabWorker {
    Q_OBJECT
  public:
    SequenceWorker();
    ~SequenceWorker() override;
    void configure(const lab::SequenceConfig& cfg); // a new run at step 0 (reads the corpus)
    void stepOnce();
    void setSampling(const dl::SampleOptions& o); // applies to the next sample
    void setLearningRate(float lr);
    void setIterations(long n) { m_cfg.iterations = n; }
    void sampleNow();
    void probe(const QString& text);
    void saveModel(const QString& path);
    // ONNX unrolled over 50 steps and/or a PyTorch experiment with the course's cells (widgets/model_export)
    void exportModel(const QString& onnx, const QString& pytorchDir);

  signals:
    void prepared(const lab::SequencePrepared& p);
    void progressed(const lab::SequenceSnapshot& s);
    void probed(const lab::SequenceProbe& p);
    void saved(const QString& path);

  protected:
    bool canStart() override;
    bool workChunk() override;
    void sendSnapshot(bool final) override;

  private:
    bool trainOne();
    void drawSample();
    std::unique_ptr<dl::CharTrainer> m_t;
    SequenceConfig m_cfg;
    long m_runId = 0;
    QString m_setupError;
    SequenceSnapshot m_pending;
    double m_trainSeconds = 0;
};

} // namespace lab
