// SPDX-License-Identifier: MIT
// How many threads the core's parallel work uses, chosen from what the machine is doing (issue 11).
//
// On a quiet 2-core laptop both cores help (conv bands, GEMM). When other programs keep the cores busy,
// an OpenMP team of 2 is a trap: every parallel region ends in a barrier that waits for the team member
// the kernel has just descheduled, and libgomp's waiting threads spin while they wait, taking CPU from the
// one doing the work (measured in bench/busy_machine.sh: one Yolo-Fastest forward 20 ms quiet, 1.7 s with
// two busy processes at 2 threads, 55 ms at 1 thread). So every unit of work (a training step, a forward
// pass, a style iteration) starts with adaptThreads(): it measures, at most every 100 ms, how much CPU the
// *other* processes used (/proc/stat minus this process's own CPU time) and runs on all cores only while
// they leave at least one core idle (the very first call, with no history yet, counts the tasks runnable at
// that moment instead). No environment variable is needed; DL_THREADS=N fixes the count.
#pragma once

namespace dl {

// Sets the calling thread's OpenMP (and so OpenBLAS's) thread count for the work it starts next and
// returns it. Cheap: one clock read when the last measurement is recent.
int adaptThreads();

// The other processes' load seen by the last measurement, in cores (0 when not measured yet).
double otherLoadCores();

// While it lives, the BLAS calls of this thread run on one thread (OpenBLAS's OpenMP build follows the
// caller's OpenMP count); the count before is restored after. For GEMMs too small to share: below about
// kSmallGemmMacs multiply-adds, splitting one across two cores costs more in hand-over than it saves
// (bench/images_vs_references.sh: the MLP epoch, batch 64, ran 131 000 img/s with one BLAS thread and
// 99 000 with two on this machine).
class OneBlasThread {
  public:
    // Acts only when `macs` (the GEMM's multiply-adds) is below smallGemmMacs(); else does nothing.
    explicit OneBlasThread(long macs);
    ~OneBlasThread();
    OneBlasThread(const OneBlasThread&) = delete;
    OneBlasThread& operator=(const OneBlasThread&) = delete;

  private:
    int m_before;
};
long smallGemmMacs(); // the threshold (multiply-adds); DL_SMALL_GEMM=N overrides it for benchmarks

} // namespace dl
