// SPDX-License-Identifier: MIT
// The one thread holder: a lab page owns a LabThread<Worker>, which creates the worker (a LabWorker,
// widgets/lab_worker.h), moves it onto its own QThread and, on destruction, stops it cleanly: cancel and
// closing set (work in progress stops at its next check), shutdown queued, the thread joined, the worker
// deleted there. Commands go as queued calls (call), values come back as relayed signals (relay).
#pragma once
#include "widgets/handover.h"
#include "widgets/lab_worker.h"

#include <QThread>
#include <utility>

namespace lab {

class LabThreadBase {
  public:
    LabThreadBase(const LabThreadBase&) = delete;
    LabThreadBase& operator=(const LabThreadBase&) = delete;

  protected:
    explicit LabThreadBase(const char* name);
    void begin(LabWorker* worker); // moves it to the thread and starts the thread
    void end(LabWorker* worker);   // closing, cancel, shutdown; quit; wait
    QThread m_thread;
    // The worker's flags, held here too: the worker is deleted on its thread when that ends (through Qt's
    // event queue, which ThreadSanitizer cannot see), so the flags this thread sets in end() must be freed
    // here, after the worker has let go of them (the reference count orders it).
    std::shared_ptr<dl::CancelFlag> m_cancel, m_closing;
};

template <typename Worker>
class LabThread : public LabThreadBase {
  public:
    template <typename... Args>
    explicit LabThread(const char* name, Args&&... args)
        : LabThreadBase(name), m_worker(new Worker(std::forward<Args>(args)...))
    {
        begin(m_worker);
    }
    ~LabThread() { end(m_worker); }

    // Runs f(worker) on the worker's thread, after the commands queued before it.
    template <typename F>
    void call(F&& f) const
    {
        post(m_worker, [w = m_worker, f = std::forward<F>(f)]() mutable { f(*w); });
    }
    void start() const
    {
        call([](Worker& w) { w.start(); });
    }
    void pause() const // the chunk in progress stops now, not after the queue drains
    {
        interrupt();
        call([](Worker& w) { w.pause(); });
    }
    void interrupt() const { m_cancel->request(); }

    // Forwards the worker's signal to receiver's slot (or a callable) on the receiver's thread.
    template <typename Class, typename... Args, typename Receiver, typename Slot>
    QMetaObject::Connection relay(void (Class::*signal)(Args...), Receiver* receiver, Slot slot) const
    {
        return lab::relay(static_cast<Class*>(m_worker), signal, receiver, slot);
    }
    // For the worker's thread-safe members only (its flags); everything else goes through call().
    Worker* worker() const { return m_worker; }

  private:
    Worker* m_worker; // lives on m_thread; deleted there when the thread finishes
};

} // namespace lab
