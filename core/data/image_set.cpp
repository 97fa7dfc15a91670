// SPDX-License-Identifier: MIT
#include "core/data/image_set.h"

#include "core/data/idx.h"
#include "core/util/cancel.h"
#include "core/util/error.h"
#include "core/util/rng.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <numeric>

namespace dl {

ImageSet loadFashionMnist(const std::string& dir, bool train)
{
    if (!std::filesystem::is_directory(dir))
        throw IoError("Fashion-MNIST was not found in " + dir +
                      "; install Debian's dataset-fashion-mnist (scripts/setup.sh does) or pass its folder.");
    const std::string prefix = dir + "/" + (train ? "train" : "t10k");
    ImageSet s;
    s.images = idxImages(readIdx(prefix + "-images-idx3-ubyte.gz"));
    s.labels = idxLabels(readIdx(prefix + "-labels-idx1-ubyte.gz"), s.images.dim(0));
    s.classes = 10;
    s.classNames = fashionMnistClasses();
    for (int l : s.labels)
        if (l < 0 || l >= 10) throw FormatError(prefix + "-labels-idx1-ubyte.gz holds a label outside 0..9.");
    return s;
}

const std::vector<std::string>& fashionMnistClasses()
{
    static const std::vector<std::string> names{"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                                "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
    return names;
}

ImageSet subsetImages(const ImageSet& s, const std::vector<int>& indices)
{
    ImageSet out;
    out.classes = s.classes;
    out.classNames = s.classNames;
    Shape sh = s.images.shape();
    const size_t per = s.images.size() / static_cast<size_t>(sh[0]);
    sh[0] = static_cast<int>(indices.size());
    out.images = Tensor::uninitialized(sh);
    out.labels.reserve(indices.size());
    for (size_t k = 0; k < indices.size(); ++k) {
        if (k % 2048 == 0) checkCancelled(); // a caller's scope (util/cancel.h): a large set is 100s of ms
        std::memcpy(out.images.data() + k * per, s.images.data() + static_cast<size_t>(indices[k]) * per,
                    per * sizeof(float));
        out.labels.push_back(s.labels[static_cast<size_t>(indices[k])]);
    }
    return out;
}

void keepImages(ImageSet& s, const std::vector<int>& idx)
{
    const size_t n = static_cast<size_t>(s.size()), m = idx.size();
    if (n == 0) return;
    const size_t per = s.images.size() / n;
    // Slot k receives image idx[k]: swapped in from wherever it is now, and the image it displaces moves
    // to the freed slot. `at` names the image in each slot, `where` the slot of each image.
    std::vector<int> at(n), where(n);
    std::iota(at.begin(), at.end(), 0);
    std::iota(where.begin(), where.end(), 0);
    float* px = s.images.data();
    for (size_t k = 0; k < m; ++k) {
        if (k % 2048 == 0) checkCancelled();
        const int image = idx[k];
        if (image < 0 || static_cast<size_t>(image) >= n) throw ConfigError("keepImages: index out of range");
        const size_t j = static_cast<size_t>(where[static_cast<size_t>(image)]);
        if (j < k) throw ConfigError("keepImages: an index appears twice");
        if (j == k) continue;
        std::swap_ranges(px + k * per, px + (k + 1) * per, px + j * per);
        std::swap(s.labels[k], s.labels[j]);
        const int displaced = at[k];
        at[j] = displaced, where[static_cast<size_t>(displaced)] = static_cast<int>(j);
        at[k] = image, where[static_cast<size_t>(image)] = static_cast<int>(k);
    }
    Shape sh = s.images.shape();
    sh[0] = static_cast<int>(m);
    s.images.resize(sh); // a shrinking std::vector keeps its first elements: the m images kept
    s.labels.resize(m);
}

void splitImages(ImageSet all, int devCount, std::uint32_t seed, ImageSet& train, ImageSet& dev)
{
    if (devCount < 0 || devCount >= all.size())
        throw ConfigError("the dev set must be smaller than the training set");
    Rng rng(seed);
    const std::vector<int> perm = rng.permutation(all.size());
    dev = subsetImages(all, std::vector<int>(perm.begin(), perm.begin() + devCount));
    keepImages(all, std::vector<int>(perm.begin() + devCount, perm.end()));
    train = std::move(all);
}

} // namespace dl
