// SPDX-License-Identifier: MIT
// A labelled image set held in memory as one NCHW float batch in [0, 1], and Fashion-MNIST from Debian's
// dataset-fashion-mnist. Not an image-folder loader (that needs OpenCV decoding and lives elsewhere).
#pragma once
#include "core/tensor/tensor.h"

#include <cstdint>
#include <string>
#include <vector>

namespace dl {

struct ImageSet {
    Tensor images;           // (N, C, H, W), values in [0, 1]
    std::vector<int> labels; // (N) in [0, classes)
    int classes = 0;
    std::vector<std::string> classNames; // (classes)
    int size() const { return static_cast<int>(labels.size()); }
};

constexpr const char* kFashionMnistDir = "/usr/share/datasets/fashion-mnist";
// train = true: the 60 000 training images, else the 10 000 test images. Throws IoError/FormatError
// naming the file (and saying which package provides it when the folder is missing).
ImageSet loadFashionMnist(const std::string& dir, bool train);
ImageSet subsetImages(const ImageSet& s, const std::vector<int>& indices);
// Seeded shuffle; the first `devCount` images become dev, the rest train.
void splitImages(const ImageSet& all, int devCount, std::uint32_t seed, ImageSet& train, ImageSet& dev);

} // namespace dl
