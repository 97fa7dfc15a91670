// SPDX-License-Identifier: MIT
// Reader for the IDX format of MNIST and Fashion-MNIST (plain or gzip): a big-endian magic 0x0000TTDD
// (TT = 0x08 unsigned byte, DD = number of dims), DD big-endian u32 sizes, then the data. Only ubyte data,
// which is what those datasets use. Not a general IDX writer.
#pragma once
#include "core/tensor/tensor.h"

#include <cstdint>
#include <string>
#include <vector>

namespace dl {

struct IdxArray {
    std::vector<int> dims;          // e.g. {60000, 28, 28} or {60000}
    std::vector<std::uint8_t> data; // product(dims) bytes, row-major
};

// Reads `path`, gunzipping when it starts with the gzip magic. Throws IoError when unreadable and
// FormatError naming the file for a wrong magic, a non-ubyte type, zero or absurd dims, or a length that
// does not match the header ("train-images-idx3-ubyte.gz is truncated: the header promises 47040000 bytes
// of data, the file has 1000.").
IdxArray readIdx(const std::string& path);
IdxArray parseIdx(const std::string& bytes, const std::string& name);
std::string gunzipIfNeeded(const std::string& bytes, const std::string& name); // throws FormatError

// Images (N, rows, cols) as an NCHW float batch (N, 1, rows, cols) scaled to [0, 1] (COURSE.md §1: /255),
// labels (N) as ints. Throws FormatError when they do not belong together.
Tensor idxImages(const IdxArray& images);
std::vector<int> idxLabels(const IdxArray& labels, int expectedCount);

} // namespace dl
