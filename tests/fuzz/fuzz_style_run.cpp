// SPDX-License-Identifier: MIT
// libFuzzer target: any bytes as the Style lab's run file (`dlcli style --replay`): photos, size, settings
// and changes; then any bytes as the settings object alone.
#include "core/style/style_transfer.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size)
{
    fuzz::expectErrorOrResult([&] { (void)dl::parseStyleRun(fuzz::text(data, size), "f.json"); });
    return fuzz::expectErrorOrResult([&] {
        const dl::StyleSettings s = dl::styleSettingsFromJson(dl::Json::parse(fuzz::text(data, size)));
        (void)dl::styleSettingsFromJson(dl::styleSettingsJson(s)); // what it writes, it reads
    });
}
