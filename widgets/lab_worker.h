// SPDX-License-Identifier: MIT
// The one worker mechanism every lab uses (docs/ADDING_A_LAB.md). A LabWorker lives on its lab's thread
// (LabThread, widgets/lab_thread.h) and owns the lab's model state; the GUI reaches it only through queued
// calls and gets values back through relayed signals (widgets/handover.h).
//
// The base holds what every lab's loop needs: start/pause/shutdown, the chunk loop (work in chunks of
// ~kChunkMs that re-queue themselves, so commands are handled between chunks), the snapshot throttle (at
// most one progress snapshot per kSnapshotMs while running, and always one when the loop stops), the error
// guard (an exception becomes one sentence on failed(), a dl::Cancelled nothing, the lab stays usable), and
// two flags the GUI thread sets without waiting for the queue: cancel (Pause, a newer request) and closing
// (the window goes; work in progress stops at its next check).
#pragma once
#include "core/util/cancel.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <exception>
#include <memory>

namespace lab {

class LabWorker : public QObject {
    Q_OBJECT
  public:
    static constexpr int kChunkMs = 25;    // one chunk of work, then the queue's commands
    static constexpr int kSnapshotMs = 50; // at most 20 snapshots a second while running

    LabWorker();
    ~LabWorker() override;
    // Set from the GUI thread (LabThread); read here between steps and by core work given the flag.
    const std::shared_ptr<dl::CancelFlag>& cancelFlag() const { return m_cancel; }
    const std::shared_ptr<dl::CancelFlag>& closingFlag() const { return m_closing; }
    bool isRunning() const { return m_running; }

    void start();    // canStart(), then the chunk loop until workChunk() says done, Pause, or an error
    void pause();    // stops the loop; a final snapshot
    void shutdown(); // stops for good: the thread ends next

  signals:
    void runningChanged(bool running);
    void failed(const QString& message); // one sentence for the user; the lab stays usable
    void info(const QString& message);
    void busy(const QString& what); // long work in progress; empty when it is done

  protected:
    virtual bool canStart() { return true; } // false: it said why (failed or info); nothing starts
    // Does work while chunkLeft(); returns false when the run has ended (a limit reached, divergence).
    virtual bool workChunk() = 0;
    virtual void sendSnapshot(bool final) = 0; // final: the loop has just stopped (or a pause)
    virtual int chunkDelayMs() const { return 0; } // a pause between chunks (rate-limited labs)

    bool chunkLeft() const; // time left in this chunk, and no cancel or closing
    bool shuttingDown() const { return m_shutdown; }
    void setRunning(bool r);
    // Runs f; an exception stops the loop and becomes failed() (what: "training", for the fallback
    // sentence); dl::Cancelled stops it quietly. True if f returned normally.
    template <typename F>
    bool guard(const char* what, F&& f)
    {
        try {
            f();
            return true;
        } catch (const dl::Cancelled&) {
            stopAfterError(QString());
        } catch (const std::exception& e) {
            stopAfterError(QString::fromUtf8(e.what()));
        } catch (...) {
            stopAfterError(tr("Internal error while %1; the lab stopped.").arg(QString::fromUtf8(what)));
        }
        return false;
    }

  private:
    void stopAfterError(const QString& sentence); // empty: cancelled on purpose, nothing to say
    void scheduleChunk();
    void runChunk();
    std::shared_ptr<dl::CancelFlag> m_cancel, m_closing;
    QElapsedTimer m_chunk, m_snapClock;
    bool m_running = false, m_queued = false, m_shutdown = false;
};

} // namespace lab
