// SPDX-License-Identifier: MIT
#include "core/export/npz.h"

#include "core/util/error.h"

#include <cstring>
#include <zlib.h>

namespace dl {

namespace {

void put16(std::string& s, std::uint32_t v)
{
    s.push_back(static_cast<char>(v & 0xFF)), s.push_back(static_cast<char>((v >> 8) & 0xFF));
}

void put32(std::string& s, std::uint32_t v)
{
    put16(s, v & 0xFFFF), put16(s, v >> 16);
}

} // namespace

std::string npyBytes(const NpyArray& a)
{
    size_t n = 1;
    for (int d : a.shape) n *= static_cast<size_t>(d);
    const bool isFloat = !a.f32.empty() || a.i64.empty();
    if ((isFloat ? a.f32.size() : a.i64.size()) != n)
        throw ShapeError("npy: " + a.name + " has " + std::to_string(isFloat ? a.f32.size() : a.i64.size()) +
                         " values for " + std::to_string(n) + " places");
    std::string shape; // Python's tuple literal: "()", "(3,)", "(3, 4)"
    for (size_t i = 0; i < a.shape.size(); ++i) shape += (i ? ", " : "") + std::to_string(a.shape[i]);
    shape = "(" + shape + (a.shape.size() == 1 ? ",)" : ")");
    std::string dict = std::string("{'descr': '") + (isFloat ? "<f4" : "<i8") +
                       "', 'fortran_order': False, 'shape': " + shape + ", }";
    // magic (6) + version (2) + header length (2) + dict + padding + '\n', a multiple of 64 (format v1.0)
    const size_t unpadded = 10 + dict.size() + 1;
    dict.append((64 - unpadded % 64) % 64, ' ');
    dict.push_back('\n');
    std::string out("\x93NUMPY\x01\x00", 8);
    put16(out, static_cast<std::uint32_t>(dict.size()));
    out += dict;
    if (isFloat) out.append(reinterpret_cast<const char*>(a.f32.data()), a.f32.size() * 4);
    else out.append(reinterpret_cast<const char*>(a.i64.data()), a.i64.size() * 8);
    return out;
}

std::string npzBytes(const std::vector<NpyArray>& arrays)
{
    std::string zip, central;
    for (const NpyArray& a : arrays) {
        const std::string data = npyBytes(a), name = a.name + ".npy";
        if (data.size() >= 0xFFFFFFFFu || zip.size() >= 0xFFFFFFFFu)
            throw ConfigError("npz: " + a.name + " is larger than a ZIP without its 64-bit extension holds (4 GB)");
        const auto crc = static_cast<std::uint32_t>(crc32(0L, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
        const auto offset = static_cast<std::uint32_t>(zip.size()), size = static_cast<std::uint32_t>(data.size());
        // Local file header (APPNOTE 4.3.7): version 2.0, no flags, method 0 (stored), time 0, date 1980-01-01.
        put32(zip, 0x04034b50), put16(zip, 20), put16(zip, 0), put16(zip, 0), put16(zip, 0), put16(zip, 0x21);
        put32(zip, crc), put32(zip, size), put32(zip, size), put16(zip, static_cast<std::uint32_t>(name.size())), put16(zip, 0);
        zip += name, zip += data;
        // Its central directory entry (4.3.12).
        put32(central, 0x02014b50), put16(central, 20), put16(central, 20), put16(central, 0), put16(central, 0);
        put16(central, 0), put16(central, 0x21), put32(central, crc), put32(central, size), put32(central, size);
        put16(central, static_cast<std::uint32_t>(name.size())), put16(central, 0), put16(central, 0), put16(central, 0);
        put16(central, 0), put32(central, 0), put32(central, offset);
        central += name;
    }
    const auto at = static_cast<std::uint32_t>(zip.size());
    zip += central;
    // End of central directory (4.3.16).
    put32(zip, 0x06054b50), put16(zip, 0), put16(zip, 0), put16(zip, static_cast<std::uint32_t>(arrays.size()));
    put16(zip, static_cast<std::uint32_t>(arrays.size())), put32(zip, static_cast<std::uint32_t>(central.size())), put32(zip, at);
    put16(zip, 0);
    return zip;
}

} // namespace dl
