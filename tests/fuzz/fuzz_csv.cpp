// SPDX-License-Identifier: MIT
// libFuzzer target: any bytes as the Playground's x,y,label CSV.
#include "core/data/csv.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size)
{
    return fuzz::expectErrorOrResult([&] {
        std::vector<std::string> names;
        const dl::Dataset2D d = dl::parseCsv2D(fuzz::text(data, size), "f.csv", &names);
        if (d.classes != static_cast<int>(names.size())) __builtin_trap();
    });
}
