// SPDX-License-Identifier: MIT
// libFuzzer target: any bytes as a saved comparison file (core/train/comparison.h); what it writes back must
// read again to the same command, options and result.
#include "core/train/comparison.h"
#include "fuzz_input.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size)
{
    return fuzz::expectErrorOrResult([&] {
        const dl::Comparison c = dl::comparisonFromJson(dl::Json::parse(fuzz::text(data, size)), "fuzz.json");
        const dl::Comparison again = dl::comparisonFromJson(dl::Json::parse(dl::toJson(c).dump()), "again.json");
        if (again.command != c.command || again.args != c.args || !dl::firstDifference(c.result, again.result).empty())
            std::abort();
    });
}
