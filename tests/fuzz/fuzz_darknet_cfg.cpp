// SPDX-License-Identifier: MIT
// libFuzzer target: any bytes as a darknet .cfg. It must either build a network or throw dl::Error; never
// crash, hang or ask for unbounded memory (scripts/test.sh runs it for a bounded time).
#include "core/detect/darknet_net.h"
#include "core/util/error.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size)
{
    try {
        const dl::DarknetNet net =
            dl::DarknetNet::fromCfg(std::string(reinterpret_cast<const char*>(data), size), "f.cfg");
        (void)net.weightFloatCount();
    } catch (const dl::Error&) {
    }
    return 0;
}
