// SPDX-License-Identifier: MIT
// TF.js "weights manifest" reader (face-api's model files; format in MODELS.md §1.1): the JSON manifest
// names, shapes and quantisation of tensors stored back to back in the .bin files. Not a graph-model loader.
#pragma once
#include <string>
#include <vector>

namespace dl {

struct TfjsEntry {
    std::string name;
    std::vector<int> shape;
    std::string dtype = "float32"; // float32 | int32
    std::string quantDtype;        // "" (raw 4-byte values) | uint8 | uint16
    double scale = 1, min = 0;     // value = min + scale·q
    size_t count() const;          // product of shape (1 for a scalar)
};

struct TfjsManifest {
    std::vector<std::string> paths; // .bin files, concatenated in this order
    std::vector<TfjsEntry> entries;
};

struct NamedTensor {
    std::string name;
    std::vector<int> shape;
    std::vector<float> values; // row-major in shape
};

// Throws FormatError naming `file` for bad JSON, missing keys, unknown dtypes, silly shapes.
TfjsManifest parseTfjsManifest(const std::string& json, const std::string& file);
// Decodes `bin` (the concatenated .bin files); throws FormatError unless it holds exactly the bytes the
// manifest describes.
std::vector<NamedTensor> decodeTfjsWeights(const TfjsManifest& m, const std::string& bin,
                                           const std::string& file);

} // namespace dl
