// SPDX-License-Identifier: MIT
// Independent runs (Compare runs today; random search, labelling strategies and optimiser races next)
// spread across the cores. One OpenMP team: each run goes to one team thread, and inside the team every
// OpenMP region and OpenBLAS call of that run is single-threaded (OpenMP's nested-region rule, and OpenBLAS's
// OpenMP build runs on the calling thread inside a parallel region — the style lab's conv bands rely on the
// same), so two runs on two cores do not fight over them. Calling OpenBLAS from several std::threads at once
// is what this avoids: its OpenMP build is not meant for it.
#pragma once
#include "core/util/cancel.h"

#include <functional>

namespace dl {

// Runs job(i) for i in [0, count) on up to `workers` threads (0: as many as adaptThreads() allows now,
// so a busy machine gets one), taking the next index as each finishes. Returns when all have run, or when
// `cancel` is requested (jobs not started are skipped; a job that is running sees the flag itself). The
// first exception a job throws is rethrown here after the team has stopped.
void runPool(int count, const std::function<void(int)>& job, const CancelFlag* cancel = nullptr,
             int workers = 0);

} // namespace dl
