// SPDX-License-Identifier: MIT
// A labelled image set held in memory as one NCHW float batch in [0, 1], and Fashion-MNIST from Debian's
// dataset-fashion-mnist. Not an image-folder loader (that needs OpenCV decoding and lives elsewhere).
#pragma once
#include "core/tensor/tensor.h"

#include <cstdint>
#include <memory>
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
// One set read by several owners (the Images lab's worker and its trainer) without a copy: a copy of
// Fashion-MNIST's training set is 170 MB of fresh pages, half a second here.
using SharedImageSet = std::shared_ptr<const ImageSet>;
inline SharedImageSet share(ImageSet s)
{
    return std::make_shared<const ImageSet>(std::move(s));
}

constexpr const char* kFashionMnistDir = "/usr/share/datasets/fashion-mnist";
// train = true: the 60 000 training images, else the 10 000 test images. Throws IoError/FormatError
// naming the file (and saying which package provides it when the folder is missing).
ImageSet loadFashionMnist(const std::string& dir, bool train);
const std::vector<std::string>& fashionMnistClasses(); // its ten class names, label order
ImageSet subsetImages(const ImageSet& s, const std::vector<int>& indices);
// Rearranges s in place so that its images are s's images idx[0], idx[1], … (distinct indices) and drops
// the others: subsetImages without a second copy of the set. Stops at a caller's cancel (util/cancel.h).
void keepImages(ImageSet& s, const std::vector<int>& idx);
// Seeded shuffle; the first `devCount` images become dev, the rest train (in place when `all` is moved in).
void splitImages(ImageSet all, int devCount, std::uint32_t seed, ImageSet& train, ImageSet& dev);

} // namespace dl
