// SPDX-License-Identifier: MIT
// libFuzzer target: any text as dlcli search's --params (core/dynamics/search.h); what it writes back must
// parse to the same ranges, and every range's ends map to 0 and 1 of its scale.
#include "core/dynamics/search.h"
#include "fuzz_input.h"

#include <cmath>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size)
{
    return fuzz::expectErrorOrResult([&] {
        const std::vector<dl::SearchParam> params = dl::parseSearchParams(fuzz::text(data, size));
        const std::vector<dl::SearchParam> again = dl::parseSearchParams(dl::formatSearchParams(params));
        if (again.size() != params.size()) std::abort();
        for (const dl::SearchParam& p : params) {
            const double u0 = dl::toUnit(p, p.lo), u1 = dl::toUnit(p, p.hi);
            if (!(std::abs(u0) < 1e-6 && std::abs(u1 - 1) < 1e-6)) std::abort();
        }
        (void)dl::gridPoints(params, 50);
    });
}
