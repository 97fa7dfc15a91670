// SPDX-License-Identifier: MIT
// dump_rgb PHOTO OUT: the pixels our tests see (dl::loadPhoto: OpenCV's decoder), as "W H\n" and then RGB
// bytes, for tests/data/face_api_faces.cjs to feed face-api the same numbers.
#include "core/models/photo.h"

#include <cstdio>
#include <exception>

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: dump_rgb PHOTO OUT\n");
        return 2;
    }
    try {
        const dl::Photo p = dl::loadPhoto(argv[1]);
        std::FILE* f = std::fopen(argv[2], "wb");
        if (!f) throw std::runtime_error(std::string("cannot write ") + argv[2]);
        std::fprintf(f, "%d %d\n", p.width, p.height);
        const bool ok = std::fwrite(p.rgb.data(), 1, p.rgb.size(), f) == p.rgb.size();
        if (std::fclose(f) != 0 || !ok) throw std::runtime_error(std::string("cannot write ") + argv[2]);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "dump_rgb: %s\n", e.what());
        return 1;
    }
    return 0;
}
