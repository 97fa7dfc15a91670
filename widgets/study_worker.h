// SPDX-License-Identifier: MIT
// Runs a study (core/train/study.h) on a lab's thread through the one worker mechanism: begin() builds it
// from the page's factory (a bad setting becomes one sentence on failed()), then the chunk loop advances it;
// at most one report snapshot per kSnapshotMs and a final one when it completes or is paused. Pause is
// Cancel: the study stops within one piece (one training step). Knows no lab.
#pragma once
#include "core/train/study.h"
#include "widgets/lab_worker.h"

#include <functional>
#include <memory>

namespace lab {

struct StudySnapshot {
    long runId = 0;
    dl::StudyReport report;
    double progress = 0;
    bool done = false;    // the study is complete
    double seconds = 0;   // spent advancing it
};

class StudyWorker : public LabWorker {
    Q_OBJECT
  public:
    using Factory = std::function<std::unique_ptr<dl::Study>()>;
    void begin(long runId, const Factory& make); // the old study (if any) is dropped, the new one starts

  signals:
    void reported(const lab::StudySnapshot& s);

  protected:
    bool canStart() override { return m_study != nullptr; }
    bool workChunk() override;
    void sendSnapshot(bool final) override;

  private:
    std::unique_ptr<dl::Study> m_study;
    long m_runId = 0;
    bool m_done = false;
    double m_seconds = 0;
};

} // namespace lab
