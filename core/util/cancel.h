// SPDX-License-Identifier: MIT
// A cancel request shared between a controller (GUI, Ctrl-C handler) and long-running core work.
#pragma once
#include <atomic>

namespace dl {

class CancelFlag {
  public:
    void request() { m_flag.store(true, std::memory_order_relaxed); }
    void clear() { m_flag.store(false, std::memory_order_relaxed); }
    bool requested() const { return m_flag.load(std::memory_order_relaxed); }

  private:
    std::atomic<bool> m_flag{false};
};

} // namespace dl
