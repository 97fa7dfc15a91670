// SPDX-License-Identifier: MIT
// libFuzzer target: any bytes as a TF.js weights manifest, decoded against a .bin of the size it asks for
// (bounded) and against a 7-byte one: errors must be dl::Error, never a crash.
#include "core/models/tfjs_weights.h"
#include "core/util/error.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size)
{
    try {
        const dl::TfjsManifest m =
            dl::parseTfjsManifest(std::string(reinterpret_cast<const char*>(data), size), "f.json");
        size_t bytes = 0;
        for (const dl::TfjsEntry& e : m.entries)
            bytes += e.count() * (e.quantDtype == "uint8" ? 1 : e.quantDtype == "uint16" ? 2 : 4);
        if (bytes <= (1u << 20)) dl::decodeTfjsWeights(m, std::string(bytes, '\x01'), "f.bin");
        dl::decodeTfjsWeights(m, std::string(7, '\x02'), "f.bin");
    } catch (const dl::Error&) {
    }
    return 0;
}
