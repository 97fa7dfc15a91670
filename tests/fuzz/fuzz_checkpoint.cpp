// SPDX-License-Identifier: MIT
// libFuzzer target: any bytes as a Playground checkpoint (.dlck); when one loads, it trains a step.
#include "core/train/checkpoint.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size)
{
    return fuzz::expectErrorOrResult([&] {
        std::unique_ptr<dl::Trainer> t = dl::checkpointFromBytes(fuzz::text(data, size), "f.dlck");
        if (t->data().train.size() <= 2000 && t->model().paramCount() <= 100000) (void)t->step();
    });
}
