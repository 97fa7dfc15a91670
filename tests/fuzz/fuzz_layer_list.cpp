// SPDX-License-Identifier: MIT
// libFuzzer target: any text as the Images lab's layer list on a 1×12×12, 10-class input; what it writes
// back must parse again.
#include "core/layers/layer_list.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size)
{
    return fuzz::expectErrorOrResult([&] {
        const std::vector<dl::LayerSpec> specs = dl::parseLayerList(fuzz::text(data, size), 1, 12, 12, 10);
        (void)dl::parseLayerList(dl::layerListText(specs), 1, 12, 12, 10); // what it writes, it reads
    });
}
