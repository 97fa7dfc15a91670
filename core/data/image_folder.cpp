// SPDX-License-Identifier: MIT
#include "core/data/image_folder.h"

#include "core/util/cancel.h"

#include <algorithm>
#include <filesystem>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace fs = std::filesystem;

namespace dl {

ImageSet loadImageFolder(const std::string& root, int channels, int height, int width,
                         FolderLoadReport* report)
{
    if (channels != 1 && channels != 3)
        throw ConfigError("image folders load as 1 (grey) or 3 (RGB) channels");
    if (height < 1 || width < 1 || height > 4096 || width > 4096)
        throw ConfigError("image size must be 1 to 4096");
    std::error_code ec;
    if (!fs::is_directory(root, ec))
        throw IoError(root + " is not a folder; choose a folder with one sub-folder per class.");
    std::vector<fs::path> classDirs;
    for (const auto& e : fs::directory_iterator(root, ec))
        if (e.is_directory()) classDirs.push_back(e.path());
    std::sort(classDirs.begin(), classDirs.end());
    ImageSet s;
    std::vector<std::vector<float>> pixels; // one (C, H, W) image each
    const size_t per = static_cast<size_t>(channels) * height * width;
    for (const fs::path& dir : classDirs) {
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(dir, ec))
            if (e.is_regular_file()) files.push_back(e.path());
        std::sort(files.begin(), files.end());
        int loaded = 0;
        for (const fs::path& f : files) {
            checkCancelled(); // a caller's CancelScope (util/cancel.h)
            cv::Mat img;
            try {
                img = cv::imread(f.string(), channels == 1 ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR);
            } catch (const cv::Exception&) {
                img.release();
            }
            if (img.empty()) {
                if (report)
                    report->skipped.push_back(dir.filename().string() + "/" + f.filename().string() +
                                              ": not an image OpenCV can read");
                continue;
            }
            cv::Mat resized;
            const bool shrink = img.rows > height || img.cols > width;
            cv::resize(img, resized, cv::Size(width, height), 0, 0,
                       shrink ? cv::INTER_AREA : cv::INTER_LINEAR);
            if (channels == 3) cv::cvtColor(resized, resized, cv::COLOR_BGR2RGB); // OpenCV decodes BGR
            std::vector<float> chw(per);
            for (int y = 0; y < height; ++y) {
                const unsigned char* row = resized.ptr<unsigned char>(y);
                for (int x = 0; x < width; ++x)
                    for (int c = 0; c < channels; ++c)
                        chw[(static_cast<size_t>(c) * height + y) * width + x] =
                            row[x * channels + c] / 255.f;
            }
            pixels.push_back(std::move(chw));
            s.labels.push_back(static_cast<int>(s.classNames.size()));
            ++loaded;
        }
        if (loaded > 0) s.classNames.push_back(dir.filename().string());
    }
    s.classes = static_cast<int>(s.classNames.size());
    if (s.classes < 2)
        throw DataError(root, 0,
                        "found images for " + std::to_string(s.classes) +
                            " class(es); put each class's pictures in its own sub-folder (at least two).");
    s.images = Tensor::uninitialized({static_cast<int>(pixels.size()), channels, height, width});
    for (size_t i = 0; i < pixels.size(); ++i)
        std::copy(pixels[i].begin(), pixels[i].end(), s.images.data() + i * per);
    return s;
}

} // namespace dl
