// SPDX-License-Identifier: MIT
// libFuzzer target: any bytes as a darknet .cfg. It must either build a network or throw dl::Error; never
// crash, hang or ask for unbounded memory (scripts/fuzz.sh runs it for a bounded time). When the network it
// builds is small, one forward pass runs on it (untrained weights: shapes, routes and heads are what count).
#include "core/models/darknet_net.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size)
{
    return fuzz::expectErrorOrResult([&] {
        dl::DarknetNet net = dl::DarknetNet::fromCfg(fuzz::text(data, size), "f.cfg");
        const long pixels = long(net.inputC()) * net.inputH() * net.inputW();
        if (pixels <= 3 * 64 * 64 && net.weightFloatCount() <= 200000 && net.layers().size() <= 64)
            (void)net.forward(dl::Tensor({1, net.inputC(), net.inputH(), net.inputW()}, 0.5f));
    });
}
