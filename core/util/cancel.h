// SPDX-License-Identifier: MIT
// A cancel request shared between a controller (GUI, Ctrl-C handler) and long-running core work.
// Work that polls a flag it is given (training chunks, evaluation) checks `requested()`. Reading a dataset
// goes through many functions that know nothing of flags; there the caller opens a CancelScope on its
// thread and the readers call checkCancelled() at their natural steps (a 64 KiB gzip block, a picture),
// which throws Cancelled once the scope's flag is set.
#pragma once
#include <atomic>
#include <exception>

namespace dl {

class CancelFlag {
  public:
    void request() { m_flag.store(true, std::memory_order_relaxed); }
    void clear() { m_flag.store(false, std::memory_order_relaxed); }
    bool requested() const { return m_flag.load(std::memory_order_relaxed); }

  private:
    std::atomic<bool> m_flag{false};
};

// Not a dl::Error: nothing went wrong, the work was stopped on purpose, and callers say nothing.
class Cancelled : public std::exception {
  public:
    const char* what() const noexcept override { return "cancelled"; }
};

// The flags checkCancelled() reads on this thread while the scope lives (either one stops the work; scopes
// nest, the innermost counts; null: none).
class CancelScope {
  public:
    explicit CancelScope(const CancelFlag* a, const CancelFlag* b = nullptr);
    ~CancelScope();
    CancelScope(const CancelScope&) = delete;
    CancelScope& operator=(const CancelScope&) = delete;

  private:
    const CancelFlag* m_previous[2];
};

void checkCancelled(); // throws Cancelled when a flag of the innermost scope is set

// The innermost scope's flags on this thread, so that helper threads (the face pipeline's OpenMP lanes) can
// open the same scope: CancelScope s(f.a, f.b).
struct CancelFlags {
    const CancelFlag* a = nullptr;
    const CancelFlag* b = nullptr;
};
CancelFlags currentCancelFlags();

} // namespace dl
