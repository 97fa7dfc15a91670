// SPDX-License-Identifier: MIT
// The random-search tab's worker (the one worker mechanism, widgets/lab_worker.h): owns the search session
// (core/dynamics/search.h) and runs one round per chunk on the shared run pool, one trial per core; every
// trial goes to the tab as it finishes. Cancel (the tab's, or a newer search) stops every run at its next
// step.
#pragma once
#include "core/dynamics/search.h"
#include "widgets/lab_worker.h"

#include <memory>

namespace lab {

struct SearchProgress {
    long runId = 0;
    int done = 0, planned = 0; // trials
    int round = 0;             // random rounds run so far
    QString ranges;            // of the next random round ("lr:log:0.003:0.4,…")
    std::vector<std::vector<dl::SearchParam>> roundRanges; // of each random round run
    bool finished = false;     // nothing planned is left
    double seconds = 0;
};

class SearchWorker : public LabWorker {
    Q_OBJECT
  public:
    void begin(long runId, const dl::SearchPlan& plan); // a bad plan: one sentence on failed()
    void zoomIn(long runId, int trials);                // one more round in the best region, then runs it

  signals:
    void trialDone(long runId, const dl::SearchTrial& trial); // from a pool thread, through the relay
    void progress(const lab::SearchProgress& p);

  protected:
    bool canStart() override { return m_session && !m_session->done(); }
    bool workChunk() override;
    void sendSnapshot(bool final) override;

  private:
    std::unique_ptr<dl::SearchSession> m_session;
    long m_runId = 0;
    double m_seconds = 0;
};

} // namespace lab
