// SPDX-License-Identifier: MIT
// libFuzzer target: any bytes as a photo (PNG/JPEG/BMP… header checks, then decoding), then the network input
// of each recipe.
#include "core/models/photo.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size)
{
    return fuzz::expectErrorOrResult([&] {
        const dl::Photo p = dl::decodePhoto(fuzz::text(data, size), "f.jpg");
        if (p.rgb.size() != size_t(p.width) * p.height * 3) __builtin_trap();
    });
}
