// SPDX-License-Identifier: MIT
// The hello lab (docs/ADDING_A_LAB.md): the smallest lab — one curve fed by a worker that counts. It shows
// what the LabPage contract asks of a lab and nothing more.
#pragma once
#include "hello_worker.h"
#include "widgets/lab_page.h"
#include "widgets/lab_thread.h"

namespace lab {

class LossCurveView;

class HelloPage : public LabPage {
    Q_OBJECT
  public:
    explicit HelloPage(QWidget* parent = nullptr);
    void run() override { m_worker.start(); }
    void pause() override { m_worker.pause(); }
    void stepOnce() override;
    void reset() override;
    LossCurveView* curve() const { return m_curve; }
    long count() const { return m_count; }

  private:
    void apply(const CurveUpdate& u, bool running);
    LabThread<HelloWorker> m_worker{"hello"};
    LossCurveView* m_curve;
    long m_count = 0;
};

} // namespace lab
