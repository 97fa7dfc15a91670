// SPDX-License-Identifier: MIT
// libFuzzer target: any text as dlcli schedules' --schedules (core/optim/schedule.h); what it writes back must
// parse to the same schedules, and every schedule gives an α ≥ 0 (never NaN) at epochs 0 and 10⁶.
#include "core/optim/schedule.h"
#include "fuzz_input.h"

#include <cmath>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size)
{
    return fuzz::expectErrorOrResult([&] {
        const std::vector<dl::DecayConfig> list = dl::parseScheduleList(fuzz::text(data, size));
        if (dl::parseScheduleList(dl::scheduleListText(list)) != list) std::abort();
        for (const dl::DecayConfig& d : list)
            for (long e : {0L, 1000000L}) {
                const float lr = dl::decayedLearningRate(0.1f, d, e);
                if (!(lr >= 0) || std::isnan(lr)) std::abort();
            }
    });
}
