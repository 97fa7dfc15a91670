// SPDX-License-Identifier: MIT
#include "core/style/style_image.h"

#include "core/util/error.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace dl {

ImageSize styleOutputSize(const Photo& content, int longest)
{
    if (longest < kMinStyleSide || longest > kMaxStyleSide)
        throw ConfigError("the output size must be between " + std::to_string(kMinStyleSide) + " and " +
                          std::to_string(kMaxStyleSide) + " pixels (longest side), got " +
                          std::to_string(longest));
    const double s = static_cast<double>(longest) / std::max(content.width, content.height);
    ImageSize r;
    r.width = std::max(kMinStyleSide, static_cast<int>(std::lround(content.width * s)));
    r.height = std::max(kMinStyleSide, static_cast<int>(std::lround(content.height * s)));
    return r;
}

Tensor photoToPixels(const Photo& photo, int w, int h, bool cover)
{
    DL_CHECK(photo.width > 0 && photo.height > 0 && w > 0 && h > 0, "photoToPixels: empty photo or size");
    cv::Mat src(photo.height, photo.width, CV_8UC3, const_cast<std::uint8_t*>(photo.rgb.data()));
    cv::Mat out;
    if (!cover) {
        const bool shrink = w < photo.width || h < photo.height;
        cv::resize(src, out, cv::Size(w, h), 0, 0, shrink ? cv::INTER_AREA : cv::INTER_LINEAR);
    } else {
        const double s =
            std::max(static_cast<double>(w) / photo.width, static_cast<double>(h) / photo.height);
        const int sw = std::max(w, static_cast<int>(std::ceil(photo.width * s - 1e-9)));
        const int sh = std::max(h, static_cast<int>(std::ceil(photo.height * s - 1e-9)));
        cv::Mat scaled;
        cv::resize(src, scaled, cv::Size(sw, sh), 0, 0, s < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
        out = scaled(cv::Rect((sw - w) / 2, (sh - h) / 2, w, h)).clone();
    }
    Tensor x({1, 3, h, w});
    const size_t plane = static_cast<size_t>(w) * h;
    for (int y = 0; y < h; ++y) {
        const std::uint8_t* row = out.ptr<std::uint8_t>(y);
        for (int xx = 0; xx < w; ++xx)
            for (int c = 0; c < 3; ++c)
                x[c * plane + static_cast<size_t>(y) * w + xx] = row[xx * 3 + c] / 255.f;
    }
    return x;
}

Photo pixelsToPhoto(const Tensor& x)
{
    DL_CHECK(x.rank() == 4 && x.dim(0) == 1 && x.dim(1) == 3, "pixelsToPhoto expects (1, 3, H, W)");
    Photo p;
    p.height = x.dim(2);
    p.width = x.dim(3);
    p.rgb.resize(static_cast<size_t>(p.width) * p.height * 3);
    const size_t plane = static_cast<size_t>(p.width) * p.height;
    for (size_t i = 0; i < plane; ++i)
        for (int c = 0; c < 3; ++c)
            p.rgb[i * 3 + c] =
                static_cast<std::uint8_t>(std::lround(std::clamp(x[c * plane + i], 0.f, 1.f) * 255));
    return p;
}

std::string encodePng(const Photo& photo)
{
    cv::Mat rgb(photo.height, photo.width, CV_8UC3, const_cast<std::uint8_t*>(photo.rgb.data())), bgr;
    cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
    std::vector<uchar> png;
    if (!cv::imencode(".png", bgr, png)) throw IoError("could not encode the image as PNG");
    return std::string(png.begin(), png.end());
}

} // namespace dl
