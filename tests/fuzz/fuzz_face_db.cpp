// SPDX-License-Identifier: MIT
// libFuzzer target: any bytes as a Faces lab database (dlcli faces --db): errors must be dl::Error, never a
// crash; what parses writes back and parses to the same people.
#include "core/faces/face_db.h"
#include "core/util/error.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size)
{
    try {
        const dl::FaceDb db = dl::parseFaceDb(std::string(reinterpret_cast<const char*>(data), size), "f.json");
        const dl::FaceDb again = dl::parseFaceDb(dl::faceDbJson(db).dump(), "g.json");
        if (again.people.size() != db.people.size() || again.faceCount() != db.faceCount()) std::abort();
        dl::FaceDescriptor q{};
        dl::recognise(db, q, 0.6);
    } catch (const dl::Error&) {
    }
    return 0;
}
