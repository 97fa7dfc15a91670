// SPDX-License-Identifier: MIT
// libFuzzer target: any bytes as an IDX file, raw or gzip-compressed (Fashion-MNIST's format), then as images
// and as labels.
#include "core/data/idx.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size)
{
    return fuzz::expectErrorOrResult([&] {
        const dl::IdxArray a = dl::parseIdx(fuzz::text(data, size), "f-idx3-ubyte.gz");
        fuzz::expectErrorOrResult([&] { (void)dl::idxImages(a); });
        if (a.dims.size() == 1) fuzz::expectErrorOrResult([&] { (void)dl::idxLabels(a, a.dims[0]); });
    });
}
