// SPDX-License-Identifier: MIT
#include "core/data/image_set.h"

#include "core/data/idx.h"
#include "core/util/rng.h"

#include <cstring>
#include <filesystem>

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
    s.classNames = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                    "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
    for (int l : s.labels)
        if (l < 0 || l >= 10) throw FormatError(prefix + "-labels-idx1-ubyte.gz holds a label outside 0..9.");
    return s;
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
        std::memcpy(out.images.data() + k * per, s.images.data() + static_cast<size_t>(indices[k]) * per,
                    per * sizeof(float));
        out.labels.push_back(s.labels[static_cast<size_t>(indices[k])]);
    }
    return out;
}

void splitImages(const ImageSet& all, int devCount, std::uint32_t seed, ImageSet& train, ImageSet& dev)
{
    if (devCount < 0 || devCount >= all.size())
        throw ConfigError("the dev set must be smaller than the training set");
    Rng rng(seed);
    const std::vector<int> perm = rng.permutation(all.size());
    dev = subsetImages(all, std::vector<int>(perm.begin(), perm.begin() + devCount));
    train = subsetImages(all, std::vector<int>(perm.begin() + devCount, perm.end()));
}

} // namespace dl
