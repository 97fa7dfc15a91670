// SPDX-License-Identifier: MIT
// An image-folder dataset: one sub-folder per class (sorted names are the classes), every file OpenCV can
// decode, resized to the model input. Unreadable files are skipped and listed, never fatal.
#pragma once
#include "core/data/image_set.h"

#include <string>
#include <vector>

namespace dl {

struct FolderLoadReport {
    std::vector<std::string> skipped; // "cats/broken.jpg: not an image OpenCV can read"
};

// channels 1 (grey) or 3 (RGB, in that order); every image is resized (area/linear) to height × width.
// Throws IoError when `root` is missing, DataError when fewer than two class folders hold images.
ImageSet loadImageFolder(const std::string& root, int channels, int height, int width,
                         FolderLoadReport* report = nullptr);

} // namespace dl
