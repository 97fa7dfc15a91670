// SPDX-License-Identifier: MIT
// The hello lab's worker (docs/ADDING_A_LAB.md): counts, and sends the count as a falling "cost" curve.
// Everything a lab's worker needs comes from LabWorker: start/pause, the chunk loop, the snapshot throttle,
// the error guard, cancel and shutdown.
#pragma once
#include "widgets/curve_points.h"
#include "widgets/lab_worker.h"

namespace lab {

class HelloWorker : public LabWorker {
    Q_OBJECT
  public:
    void reset(); // back to 0
    void stepOnce();

  signals:
    void progressed(const lab::CurveUpdate& u, bool running);

  protected:
    bool workChunk() override;
    void sendSnapshot(bool final) override;

  private:
    void count();
    long m_count = 0;
    CurveUpdate m_pending;
};

} // namespace lab
