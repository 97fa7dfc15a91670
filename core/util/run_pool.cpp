// SPDX-License-Identifier: MIT
#include "core/util/run_pool.h"

#include "core/util/threads.h"

#include <omp.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>

namespace dl {

void runPool(int count, const std::function<void(int)>& job, const CancelFlag* cancel, int workers)
{
    if (count <= 0) return;
    if (workers <= 0) workers = adaptThreads();
    workers = std::clamp(workers, 1, count);
    std::atomic<int> next{0};
    std::exception_ptr error;
    std::mutex errorMutex;
    auto work = [&] {
        for (int i; (i = next.fetch_add(1)) < count;) {
            if (cancel && cancel->requested()) return;
            try {
                job(i);
            } catch (...) {
                std::lock_guard lock(errorMutex);
                if (!error) error = std::current_exception();
                next.store(count); // the others start nothing new
                return;
            }
        }
    };
    if (workers == 1) {
        work(); // on the caller's thread, with its own thread count (no team to share the cores with)
    } else {
#pragma omp parallel num_threads(workers)
        work();
    }
    if (error) std::rethrow_exception(error);
}

} // namespace dl
