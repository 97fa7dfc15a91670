// SPDX-License-Identifier: MIT
// The labelling lab's data (course chapter 12, "data labelling"): a pool of images whose labels are hidden
// (the simulated annotator's answers; the learner sees them only by asking), a test set, and per image the
// simple measurements weak rules are written on (mean brightness, the ink's bounding box, regions).
#pragma once
#include "core/tensor/tensor.h"

#include <cstdint>
#include <string>
#include <vector>

namespace dl {

struct LabelDataSpec {
    std::string fashionDir = "/usr/share/datasets/fashion-mnist";
    int pool = 5000;          // images of the training set, a seeded sample: the unlabelled pool
    int test = 2000;          // the first images of the test set
    std::uint32_t seed = 1;   // which pool sample
};

struct LabelData {
    Tensor poolX, testX;            // (pixels, N): one image a column, values in [0, 1]
    std::vector<int> poolTruth;     // hidden: what a perfect annotator answers
    std::vector<int> testLabels;
    int classes = 10, width = 28, height = 28;
    std::vector<std::string> classNames;
    int poolSize() const { return int(poolTruth.size()); }
    int pixels() const { return width * height; }
};

// Throws ConfigError for sizes out of range (pool 100–60 000, test 100–10 000), IoError naming the package
// when Fashion-MNIST is not installed.
LabelData loadLabelData(const LabelDataSpec& s);

// A person's own pictures to label: every picture under `folder` (sub-folders included) that the photo reader
// reads, made grey and resized to side × side (pixel-area mean), as the pool; no hidden labels (all −1), no
// test set; the classes the person names (2–9: the keys 1–9 answer). `files` receives each pool picture's
// path, `skipped` the count of files that are no pictures. IoError when the folder is missing, DataError when
// it holds no picture, ConfigError for the classes or the side.
LabelData loadPicturePool(const std::string& folder, const std::vector<std::string>& classes, int side = 28,
                          std::vector<std::string>* files = nullptr, int* skipped = nullptr);
std::vector<std::string> poolFiles(const std::string& folder); // the picture files loadPicturePool reads, in its order

// Pool image i's measurements: mean brightness; ink (pixels above 0.2) bounding box width and height in
// pixels and its aspect height / width; the mean of a region [x0, x1) × [y0, y1).
struct ImageMeasures {
    double brightness = 0, width = 0, height = 0, aspect = 0;
};
ImageMeasures measureImage(const LabelData& d, int i);
double regionMean(const LabelData& d, int i, int x0, int y0, int x1, int y1);

} // namespace dl
