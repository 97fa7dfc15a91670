// SPDX-License-Identifier: MIT
#include "hello_page.h"

#include "widgets/loss_curve_view.h"

#include <QVBoxLayout>

namespace lab {

HelloPage::HelloPage(QWidget* parent)
    : LabPage("hello", tr("Hello"), tr("The smallest lab: a worker counts, a curve shows it"),
              Run | Pause | Step | Reset, parent),
      m_curve(new LossCurveView)
{
    (new QVBoxLayout(this))->addWidget(m_curve);
    m_worker.relay(&HelloWorker::progressed, this, &HelloPage::apply);
    connectWorker(m_worker); // running, failed, info, busy
}

void HelloPage::stepOnce()
{
    m_worker.call([](HelloWorker& w) { w.stepOnce(); });
}

void HelloPage::reset()
{
    m_worker.interrupt();
    m_worker.call([](HelloWorker& w) { w.reset(); });
}

void HelloPage::apply(const CurveUpdate& u, bool running)
{
    if (u.step == 0) m_curve->clear();
    m_curve->append(u);
    m_count = u.step;
    emit statusFields({tr("count %1").arg(u.step), running ? tr("counting") : tr("paused")});
}

} // namespace lab
