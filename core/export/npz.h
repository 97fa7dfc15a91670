// SPDX-License-Identifier: MIT
// NumPy's .npz (numpy.lib.format, NEP 1): a ZIP archive (PKWARE APPNOTE 6.3, "stored", no compression) of
// .npy files, each a "\x93NUMPY" v1.0 header — a Python dict literal {'descr', 'fortran_order', 'shape'}
// padded to a multiple of 64 bytes — then the values in C order. numpy.load reads it; so does PyTorch's
// exported training script (core/export/pytorch_export.h). Qt-free.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace dl {

struct NpyArray {
    std::string name;             // the key numpy.load gives it (the member is name + ".npy")
    std::vector<int> shape;       // C order; empty: a scalar
    std::vector<float> f32;       // '<f4' values, or
    std::vector<std::int64_t> i64; // '<i8' values (exactly one of the two is used)
};

std::string npyBytes(const NpyArray& a);
std::string npzBytes(const std::vector<NpyArray>& arrays);

} // namespace dl
