// SPDX-License-Identifier: MIT
// libFuzzer target: any bytes as a Playground experiment (JSON); when one parses, its trainer is built and
// replayed for a few steps (bounded sizes only).
#include "core/train/experiment.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size)
{
    return fuzz::expectErrorOrResult([&] {
        const dl::Experiment e = dl::experimentFromJson(dl::Json::parse(fuzz::text(data, size)), "f.json");
        std::unique_ptr<dl::Trainer> t = dl::makeTrainer(e);
        if (t->data().train.size() <= 2000 && t->model().paramCount() <= 100000) (void)dl::replay(*t, e, 3);
    });
}
