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
    QString id() const override { return QStringLiteral("hello"); }
    QString title() const override { return tr("Hello"); }
    QString summary() const override { return tr("The smallest lab: a worker counts, a curve shows it"); }
    Controls controls() const override { return Run | Pause | Step | Reset; }
    bool isRunning() const override { return m_running; }
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
    bool m_running = false;
};

} // namespace lab
