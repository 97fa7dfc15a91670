// SPDX-License-Identifier: MIT
// libFuzzer target: any bytes as a models manifest (core/models/model_manifest.h). Every entry it accepts has
// a safe relative path, a 64-digit hex sha256 and a source; a path built from the bytes is looked up in it.
#include "core/models/model_manifest.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size)
{
    return fuzz::expectErrorOrResult([&] {
        const std::string text = fuzz::text(data, size);
        const auto m = dl::parseManifest(text, "models.manifest");
        for (const dl::ManifestEntry& e : m)
            if (e.path.empty() || e.path[0] == '/' || e.path.find("..") != std::string::npos || e.sha256.size() != 64 ||
                e.source.empty() || e.line < 1)
                __builtin_trap();
        const dl::ManifestEntry* hit = dl::manifestEntryFor("/x/" + text.substr(0, 64), m);
        if (hit && (hit < m.data() || hit >= m.data() + m.size())) __builtin_trap();
    });
}
