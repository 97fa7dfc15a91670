// SPDX-License-Identifier: MIT
// Where the image lab's data comes from (Fashion-MNIST or a folder of pictures) and the one function that
// loads it into train / dev / test. Shared by dlcli, the GUI worker and model files.
#pragma once
#include "core/data/image_set.h"
#include "core/util/json.h"

namespace dl {

struct ImageSource {
    std::string dataset = "fashion-mnist"; // or "folder:PATH" (one sub-folder per class)
    std::string dir = kFashionMnistDir;    // Fashion-MNIST's folder
    int size = 28, channels = 1;           // folder: every picture is resized to size×size
    int limit = 0;                         // use only the first N training images (0 = all)
    int devCount = -1;                     // dev images split off the training set; -1: min(5000, N/12)
    std::uint32_t seed = 1;                // dev split shuffle
};

struct ImageData {
    ImageSet train, dev, test;        // Fashion-MNIST: test = its 10 000 test images; folder: 10 % held out
    std::vector<std::string> skipped; // unreadable pictures ("cats/x.jpg: not an image OpenCV can read")
};

// Throws IoError/FormatError/ConfigError with one sentence naming the file or setting.
ImageData loadImageData(const ImageSource& s);
Json toJson(const ImageSource& s);
ImageSource imageSourceFromJson(const Json& j);

} // namespace dl
