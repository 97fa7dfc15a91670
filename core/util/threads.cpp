// SPDX-License-Identifier: MIT
#include "core/util/threads.h"

#include <omp.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <mutex>
#include <unistd.h>

#ifdef EIGEN_USE_BLAS // OpenBLAS's own setter (its OpenMP build): see adaptThreads
extern "C" void openblas_set_num_threads(int);
#endif

namespace dl {
namespace {

double nowSeconds(clockid_t clock)
{
    timespec ts{};
    clock_gettime(clock, &ts);
    return double(ts.tv_sec) + 1e-9 * double(ts.tv_nsec);
}

// Busy CPU seconds of the whole machine since boot (all CPUs): the first line of /proc/stat, in USER_HZ
// ticks (proc(5): user nice system idle iowait irq softirq steal ...; busy = all but idle and iowait).
// Also `procs_running`: the tasks runnable right now, machine-wide, this thread included (proc(5)).
bool machineBusySeconds(double& busy, int& running)
{
    std::FILE* f = std::fopen("/proc/stat", "r");
    if (!f) return false;
    unsigned long long v[8] = {};
    const int n = std::fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2], &v[3],
                              &v[4], &v[5], &v[6], &v[7]);
    running = 1;
    char line[256];
    while (std::fgets(line, sizeof line, f))
        if (std::sscanf(line, "procs_running %d", &running) == 1) break;
    std::fclose(f);
    if (n < 4) return false;
    static const double hz = double(sysconf(_SC_CLK_TCK));
    busy = double(v[0] + v[1] + v[2] + v[5] + v[6] + v[7]) / hz;
    return true;
}

struct Monitor {
    std::mutex mutex;
    double wall = 0, busy = 0, ours = 0; // at the last sample
    std::atomic<double> lastWall{-1};
    std::atomic<int> threads{0};
    std::atomic<double> otherLoad{0};
    int fixed = 0; // DL_THREADS
    int all = 1;   // threads when the machine is quiet
    Monitor()
    {
        if (const char* e = std::getenv("DL_THREADS")) fixed = std::atoi(e);
        all = omp_get_max_threads(); // the cores, or OMP_NUM_THREADS when it is set
        threads = fixed > 0 ? fixed : all;
    }
};

Monitor& monitor()
{
    static Monitor m;
    return m;
}

constexpr double kSampleSeconds = 0.1;
// Hysteresis, in cores the other processes use: all cores while they use less than kQuiet, one thread from
// kBusy on (on 2 cores: one other busy process already takes the core a second thread would need).
constexpr double kBusy = 0.6, kQuiet = 0.3;

} // namespace

int adaptThreads()
{
    if (omp_in_parallel()) return 1;
    Monitor& m = monitor();
    const double wall = nowSeconds(CLOCK_MONOTONIC);
    if (m.fixed <= 0 && wall - m.lastWall.load(std::memory_order_relaxed) >= kSampleSeconds) {
        std::lock_guard<std::mutex> lock(m.mutex);
        double busy = 0;
        int running = 1;
        const double ours = nowSeconds(CLOCK_PROCESS_CPUTIME_ID);
        if (wall - m.lastWall >= kSampleSeconds && machineBusySeconds(busy, running)) {
            if (m.lastWall < 0) {
                // No CPU-time history yet (the first call of the process): the tasks runnable right now
                // other than this one decide until the first interval has passed.
                m.otherLoad = running - 1;
                m.threads = running - 1 >= 1 ? 1 : m.all;
            } else {
                const double other = ((busy - m.busy) - (ours - m.ours)) / (wall - m.wall);
                m.otherLoad = other < 0 ? 0 : other;
                if (other >= kBusy)
                    m.threads = 1;
                else if (other < kQuiet)
                    m.threads = m.all;
            }
            m.wall = wall, m.busy = busy, m.ours = ours;
            m.lastWall = wall;
        }
    }
    const int n = m.threads.load(std::memory_order_relaxed);
    if (omp_get_max_threads() != n) {
        omp_set_num_threads(n);
#ifdef EIGEN_USE_BLAS
        openblas_set_num_threads(n); // its OpenMP build otherwise keeps a count of 1 once it saw one
#endif
    }
    return n;
}

OneBlasThread::OneBlasThread(long macs) : m_before(macs < smallGemmMacs() ? omp_get_max_threads() : 1)
{
    if (m_before == 1) return; // a large GEMM, or one thread already
    omp_set_num_threads(1);
#ifdef EIGEN_USE_BLAS
    openblas_set_num_threads(1);
#endif
}

OneBlasThread::~OneBlasThread()
{
    if (m_before == 1) return;
    omp_set_num_threads(m_before);
#ifdef EIGEN_USE_BLAS
    openblas_set_num_threads(m_before); // it keeps a count of 1 once it saw one (adaptThreads)
#endif
}

long smallGemmMacs()
{
    static const long macs = [] {
        const char* e = std::getenv("DL_SMALL_GEMM");
        return e && *e ? std::atol(e) : 1L << 25;
    }();
    return macs;
}

double otherLoadCores()
{
    return monitor().otherLoad.load();
}

} // namespace dl
