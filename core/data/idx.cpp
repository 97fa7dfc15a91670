// SPDX-License-Identifier: MIT
// Format: http://yann.lecun.com/exdb/mnist/ ("THE IDX FILE FORMAT"); gzip via zlib (RFC 1952).
#include "core/data/idx.h"

#include "core/util/cancel.h"
#include "core/util/file.h"

#include <filesystem>
#include <zlib.h>

namespace dl {

static std::string baseName(const std::string& p)
{
    return std::filesystem::path(p).filename().string();
}

std::string gunzipIfNeeded(const std::string& bytes, const std::string& name)
{
    if (bytes.size() < 2 || static_cast<unsigned char>(bytes[0]) != 0x1f ||
        static_cast<unsigned char>(bytes[1]) != 0x8b)
        return bytes;
    z_stream z{};
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
        throw FormatError(baseName(name) + ": cannot start gzip decoding.");
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    z.avail_in = static_cast<uInt>(bytes.size());
    std::string out;
    char buf[1 << 16];
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        try {
            checkCancelled(); // a caller's CancelScope (the Images lab: another dataset chosen, or closing)
        } catch (...) {
            inflateEnd(&z);
            throw;
        }
        z.next_out = reinterpret_cast<Bytef*>(buf);
        z.avail_out = sizeof buf;
        rc = inflate(&z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            inflateEnd(&z);
            throw FormatError(
                baseName(name) + " is not a complete gzip file (" +
                (rc == Z_BUF_ERROR ? std::string("it ends early") : std::string("damaged data")) +
                "); download or copy it again.");
        }
        out.append(buf, sizeof buf - z.avail_out);
        if (out.size() > (size_t(1) << 31)) {
            inflateEnd(&z);
            throw FormatError(baseName(name) +
                              " unpacks to more than 2 GiB; that is not an IDX dataset file.");
        }
    }
    inflateEnd(&z);
    return out;
}

static std::uint32_t be32(const std::string& b, size_t at)
{
    return (std::uint32_t(static_cast<unsigned char>(b[at])) << 24) |
           (std::uint32_t(static_cast<unsigned char>(b[at + 1])) << 16) |
           (std::uint32_t(static_cast<unsigned char>(b[at + 2])) << 8) |
           std::uint32_t(static_cast<unsigned char>(b[at + 3]));
}

IdxArray parseIdx(const std::string& raw, const std::string& path)
{
    const std::string name = baseName(path);
    const std::string b = gunzipIfNeeded(raw, path);
    if (b.size() < 4)
        throw FormatError(name + " is too short to be an IDX file (" + std::to_string(b.size()) + " bytes).");
    if (b[0] != 0 || b[1] != 0)
        throw FormatError(name + " is not an IDX file (its first bytes are not 00 00).");
    if (static_cast<unsigned char>(b[2]) != 0x08)
        throw FormatError(name + " holds IDX type 0x" +
                          std::to_string(int(static_cast<unsigned char>(b[2]))) +
                          "; only unsigned bytes (0x08) are read.");
    const int nd = static_cast<unsigned char>(b[3]);
    if (nd < 1 || nd > 4)
        throw FormatError(name + " declares " + std::to_string(nd) + " dimensions; expected 1 to 4.");
    if (b.size() < 4 + 4 * size_t(nd)) throw FormatError(name + " is truncated inside its header.");
    IdxArray a;
    std::uint64_t total = 1;
    for (int i = 0; i < nd; ++i) {
        const std::uint32_t d = be32(b, 4 + 4 * size_t(i));
        if (d == 0 || d > 100000000u)
            throw FormatError(name + ": dimension " + std::to_string(i + 1) + " is " + std::to_string(d) +
                              ".");
        a.dims.push_back(static_cast<int>(d));
        total *= d;
    }
    const size_t header = 4 + 4 * size_t(nd);
    if (total > (std::uint64_t(1) << 31)) throw FormatError(name + " declares more than 2 GiB of data.");
    if (b.size() - header != total)
        throw FormatError(name + (b.size() - header < total ? " is truncated" : " has extra bytes") +
                          ": the header promises " + std::to_string(total) + " bytes of data, the file has " +
                          std::to_string(b.size() - header) + ".");
    a.data.assign(b.begin() + static_cast<std::ptrdiff_t>(header), b.end());
    return a;
}

IdxArray readIdx(const std::string& path)
{
    return parseIdx(readFile(path), path);
}

Tensor idxImages(const IdxArray& im)
{
    if (im.dims.size() != 3) throw FormatError("an image file must have 3 dimensions (count, rows, columns)");
    Tensor t({im.dims[0], 1, im.dims[1], im.dims[2]});
    for (size_t i = 0; i < im.data.size(); ++i) t[i] = float(im.data[i]) / 255.f;
    return t;
}

std::vector<int> idxLabels(const IdxArray& lb, int expectedCount)
{
    if (lb.dims.size() != 1) throw FormatError("a label file must have 1 dimension");
    if (lb.dims[0] != expectedCount)
        throw FormatError("the label file has " + std::to_string(lb.dims[0]) + " labels for " +
                          std::to_string(expectedCount) + " images");
    return std::vector<int>(lb.data.begin(), lb.data.end());
}

} // namespace dl
