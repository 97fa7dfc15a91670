// SPDX-License-Identifier: MIT
#include "core/data/image_source.h"

#include "core/util/cancel.h"

#include "core/data/image_folder.h"
#include "core/util/error.h"

#include <algorithm>

namespace dl {

ImageData loadImageData(const ImageSource& s)
{
    ImageData d;
    ImageSet all;
    if (s.dataset == "fashion-mnist") {
        all = loadFashionMnist(s.dir, true);
        checkCancelled(); // a caller's CancelScope (util/cancel.h)
        d.test = loadFashionMnist(s.dir, false);
    } else if (s.dataset.rfind("folder:", 0) == 0) {
        FolderLoadReport report;
        ImageSet pics = loadImageFolder(s.dataset.substr(7), s.channels, s.size, s.size, &report);
        d.skipped = report.skipped;
        const int testCount = std::max(1, pics.size() / 10); // 10 % held out as the test set
        splitImages(std::move(pics), testCount, 7, all, d.test);
    } else {
        throw ConfigError("unknown dataset \"" + s.dataset + "\"; use fashion-mnist or folder:PATH");
    }
    if (s.limit > 0 && s.limit < all.size()) {
        std::vector<int> idx(static_cast<size_t>(s.limit));
        for (int i = 0; i < s.limit; ++i) idx[static_cast<size_t>(i)] = i;
        all = subsetImages(all, idx);
    }
    const int devCount = s.devCount >= 0 ? s.devCount : std::min(5000, all.size() / 12);
    if (devCount >= all.size())
        throw ConfigError("the dev set (" + std::to_string(devCount) +
                          " images) would leave no training images");
    splitImages(std::move(all), devCount, s.seed, d.train, d.dev);
    return d;
}

Json toJson(const ImageSource& s)
{
    Json j = Json::object();
    j.set("dataset", s.dataset).set("dir", s.dir).set("size", s.size).set("channels", s.channels);
    j.set("limit", s.limit).set("dev_count", s.devCount).set("seed", double(s.seed));
    return j;
}

ImageSource imageSourceFromJson(const Json& j)
{
    ImageSource s;
    s.dataset = j.get("dataset", s.dataset);
    s.dir = j.get("dir", s.dir);
    s.size = wholeNumber<int>(j.get("size", double(s.size)), "size");
    s.channels = wholeNumber<int>(j.get("channels", double(s.channels)), "channels");
    s.limit = wholeNumber<int>(j.get("limit", double(s.limit)), "limit");
    s.devCount = wholeNumber<int>(j.get("dev_count", double(s.devCount)), "dev_count");
    s.seed = wholeNumber<std::uint32_t>(j.get("seed", double(s.seed)), "seed");
    return s;
}

} // namespace dl
