// SPDX-License-Identifier: MIT
#include "core/label/label_data.h"

#include "core/data/image_set.h"
#include "core/data/transform.h"
#include "core/models/photo.h"
#include "core/util/error.h"
#include "core/util/rng.h"

#include <algorithm>
#include <filesystem>

namespace dl {

namespace {

// Images idx of s as columns of a (pixels, idx.size()) tensor (COURSE.md §1: X is (n_x, m)).
Tensor columns(const ImageSet& s, const std::vector<int>& idx)
{
    const size_t px = s.images.size() / size_t(s.size()), n = idx.size();
    Tensor x({int(px), int(n)});
    for (size_t j = 0; j < n; ++j) {
        const float* img = s.images.data() + size_t(idx[j]) * px;
        for (size_t p = 0; p < px; ++p) x[p * n + j] = img[p];
    }
    return x;
}

} // namespace

LabelData loadLabelData(const LabelDataSpec& s)
{
    if (s.pool < 100 || s.pool > 60000) throw ConfigError("the pool must hold 100 to 60 000 images");
    if (s.test < 100 || s.test > 10000) throw ConfigError("the test set must hold 100 to 10 000 images");
    const ImageSet train = loadFashionMnist(s.fashionDir, true);
    const ImageSet test = loadFashionMnist(s.fashionDir, false);
    LabelData d;
    d.classes = train.classes, d.classNames = train.classNames;
    d.height = train.images.dim(2), d.width = train.images.dim(3);
    Rng rng(s.seed);
    std::vector<int> pool = rng.permutation(train.size());
    pool.resize(size_t(s.pool));
    d.poolX = columns(train, pool);
    for (int i : pool) d.poolTruth.push_back(train.labels[size_t(i)]);
    std::vector<int> first(size_t(s.test));
    for (int i = 0; i < s.test; ++i) first[size_t(i)] = i;
    d.testX = columns(test, first);
    d.testLabels.assign(test.labels.begin(), test.labels.begin() + s.test);
    return d;
}

std::vector<std::string> poolFiles(const std::string& folder)
{
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) throw IoError(folder + " is not a folder; choose a folder of pictures.");
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::recursive_directory_iterator(folder, ec))
        if (e.is_regular_file() && e.path().filename().string().front() != '.') files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

LabelData loadPicturePool(const std::string& folder, const std::vector<std::string>& classes, int side,
                          std::vector<std::string>* files, int* skipped)
{
    if (classes.size() < 2 || classes.size() > 9) throw ConfigError("name 2 to 9 classes (the keys 1–9 answer)");
    for (const std::string& c : classes)
        if (c.empty()) throw ConfigError("a class needs a name");
    if (side < 4 || side > 64) throw ConfigError("the pictures' side must be 4 to 64 pixels");
    std::vector<std::vector<float>> grey;
    int bad = 0;
    if (files) files->clear();
    for (const std::string& f : poolFiles(folder)) {
        try {
            const Photo p = loadPhoto(f);
            Picture pic{p.width, p.height, 3, std::vector<float>(p.rgb.begin(), p.rgb.end())};
            for (float& v : pic.values) v /= 255.f;
            grey.push_back(resizePicture(greyPicture(pic), side, side).values);
            if (files) files->push_back(f);
        } catch (const Error&) {
            ++bad;
        }
    }
    if (skipped) *skipped = bad;
    if (grey.empty()) throw DataError(folder, 0, "no picture this lab can read (JPEG, PNG, BMP, TIFF, WebP) in the folder.");
    LabelData d;
    d.classes = int(classes.size()), d.classNames = classes, d.width = d.height = side;
    d.poolX = Tensor({side * side, int(grey.size())});
    const size_t n = grey.size();
    for (size_t j = 0; j < n; ++j)
        for (size_t p = 0; p < size_t(side * side); ++p) d.poolX[p * n + j] = grey[j][p];
    d.poolTruth.assign(n, -1);
    return d;
}

ImageMeasures measureImage(const LabelData& d, int i)
{
    const int n = d.poolSize();
    int x0 = d.width, x1 = -1, y0 = d.height, y1 = -1;
    double sum = 0;
    for (int y = 0; y < d.height; ++y)
        for (int x = 0; x < d.width; ++x) {
            const float v = d.poolX[size_t(y * d.width + x) * size_t(n) + size_t(i)];
            sum += v;
            if (v > 0.2f) x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
        }
    ImageMeasures m;
    m.brightness = sum / double(d.pixels());
    if (x1 >= 0) m.width = x1 - x0 + 1, m.height = y1 - y0 + 1, m.aspect = m.height / m.width;
    return m;
}

double regionMean(const LabelData& d, int i, int x0, int y0, int x1, int y1)
{
    x0 = std::clamp(x0, 0, d.width), x1 = std::clamp(x1, x0, d.width);
    y0 = std::clamp(y0, 0, d.height), y1 = std::clamp(y1, y0, d.height);
    if (x1 == x0 || y1 == y0) return 0;
    double sum = 0;
    const size_t n = size_t(d.poolSize());
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) sum += d.poolX[size_t(y * d.width + x) * n + size_t(i)];
    return sum / double((x1 - x0) * (y1 - y0));
}

} // namespace dl
