// SPDX-License-Identifier: MIT
#include "core/data/image_check.h"

#include "core/models/photo.h"
#include "core/util/cancel.h"
#include "core/util/error.h"
#include "core/util/file.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <bit>
#include <filesystem>
#include <map>
#include <unordered_map>

namespace fs = std::filesystem;

namespace dl {

namespace {

const char* const kNames[] = {"unreadable", "truncated", "wrong-size", "wrong-mode", "few-in-class", "duplicate", "near-duplicate"};

bool isGrey(const Photo& p)
{
    for (size_t i = 0; i + 2 < p.rgb.size(); i += 3)
        if (p.rgb[i] != p.rgb[i + 1] || p.rgb[i] != p.rgb[i + 2]) return false;
    return true;
}

// FNV-1a over the size and the pixels: "the same pixels".
std::uint64_t pixelHash(const Photo& p)
{
    std::uint64_t h = 1469598103934665603ull;
    auto mix = [&h](std::uint8_t b) { h = (h ^ b) * 1099511628211ull; };
    for (int v : {p.width, p.height})
        for (int k = 0; k < 4; ++k) mix(std::uint8_t(v >> (8 * k)));
    for (std::uint8_t b : p.rgb) mix(b);
    return h;
}

// The class folders (sorted) and every regular, non-hidden file: relative paths and their class.
void listFiles(const fs::path& root, ImageFolderReport& r)
{
    std::vector<fs::path> dirs, loose;
    for (const auto& e : fs::directory_iterator(root)) {
        if (e.path().filename().string().front() == '.') continue;
        if (e.is_directory()) dirs.push_back(e.path());
        else if (e.is_regular_file()) loose.push_back(e.path());
    }
    std::sort(dirs.begin(), dirs.end()), std::sort(loose.begin(), loose.end());
    for (const fs::path& f : loose) r.images.push_back({fs::relative(f, root).generic_string(), -1});
    for (const fs::path& d : dirs) {
        r.classes.push_back(d.filename().string());
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(d))
            if (e.is_regular_file() && e.path().filename().string().front() != '.') files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (const fs::path& f : files) r.images.push_back({fs::relative(f, root).generic_string(), int(r.classes.size()) - 1});
    }
    r.counts.assign(r.classes.size(), 0);
}

// Reads one picture into its entry; a problem when it cannot.
void readOne(const fs::path& root, ImageEntry& e, std::uint64_t& pixels, std::vector<ImageProblem>& out)
{
    std::string bytes;
    try {
        bytes = readFile((root / e.file).string());
        if (photoCutShort(bytes)) {
            out.push_back({ImageProblemKind::Truncated, e.file, "", "a copy cut short: its data stops before the end."});
            return;
        }
        const Photo p = decodePhoto(bytes, e.file);
        e.readable = true, e.width = p.width, e.height = p.height, e.grey = isGrey(p);
        e.dhash = differenceHash(p.rgb.data(), p.width, p.height);
        pixels = pixelHash(p);
    } catch (const Error& err) {
        out.push_back({ImageProblemKind::Unreadable, e.file, "", err.what()});
    }
}

// The expected size and mode: asked, else the most common among the readable pictures.
void expectations(const ImageCheckSpec& s, ImageFolderReport& r)
{
    std::map<std::pair<int, int>, int> sizes;
    int grey = 0, readable = 0;
    for (const ImageEntry& e : r.images)
        if (e.readable) ++sizes[{e.width, e.height}], grey += e.grey, ++readable;
    std::pair<int, int> best{0, 0};
    int most = 0;
    for (const auto& [size, n] : sizes)
        if (n > most) most = n, best = size;
    r.width = s.width ? s.width : best.first, r.height = s.height ? s.height : best.second;
    r.grey = s.mode.empty() ? 2 * grey > readable : s.mode == "grey";
}

} // namespace

const char* imageProblemName(ImageProblemKind k)
{
    return kNames[int(k)];
}

int ImageFolderReport::count(ImageProblemKind k) const
{
    return int(std::count_if(problems.begin(), problems.end(), [k](const ImageProblem& p) { return p.kind == k; }));
}

PictureHash differenceHash(const std::uint8_t* rgb, int width, int height)
{
    // Grey (ITU-R BT.601 weights), then each of the 17 × 16 cells the mean of the pixels it covers.
    constexpr int W = 17, H = 16;
    double cell[H][W] = {}, area[H][W] = {};
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const std::uint8_t* p = rgb + (size_t(y) * size_t(width) + size_t(x)) * 3;
            const int cy = std::min(H - 1, y * H / height), cx = std::min(W - 1, x * W / width);
            cell[cy][cx] += 0.299 * p[0] + 0.587 * p[1] + 0.114 * p[2], area[cy][cx] += 1;
        }
    PictureHash h{};
    int bit = 0;
    for (int y = 0; y < H; ++y)
        for (int x = 0; x + 1 < W; ++x, ++bit) {
            const double l = area[y][x] ? cell[y][x] / area[y][x] : 0, r = area[y][x + 1] ? cell[y][x + 1] / area[y][x + 1] : 0;
            if (l > r) h[size_t(bit / 64)] |= std::uint64_t(1) << (63 - bit % 64);
        }
    return h;
}

int hammingDistance(const PictureHash& a, const PictureHash& b)
{
    int d = 0;
    for (size_t k = 0; k < a.size(); ++k) d += std::popcount(a[k] ^ b[k]);
    return d;
}

ImageFolderReport inspectImageFolder(const std::string& root, const ImageCheckSpec& s, const CancelFlag* cancel)
{
    if (s.width < 0 || s.height < 0 || s.minPerClass < 0 || s.nearBits < 0 || s.nearBits > 64)
        throw ConfigError("the size and the pictures a class must not be negative, the near-duplicate bits 0–64");
    if (!s.mode.empty() && s.mode != "grey" && s.mode != "colour") throw ConfigError("the mode is grey or colour");
    std::error_code ec;
    if (!fs::is_directory(root, ec)) throw IoError(root + " is not a folder; choose a folder of pictures (one sub-folder a class).");
    ImageFolderReport r;
    r.root = root;
    listFiles(root, r);
    std::vector<std::uint64_t> pixels(r.images.size(), 0);
    std::vector<ImageProblem> found;
    for (size_t i = 0; i < r.images.size(); ++i) {
        if (cancel && cancel->requested()) throw Cancelled();
        readOne(root, r.images[i], pixels[i], found);
        if (r.images[i].readable && r.images[i].cls >= 0) ++r.counts[size_t(r.images[i].cls)];
    }
    expectations(s, r);
    std::unordered_map<std::uint64_t, size_t> seen;
    for (size_t i = 0; i < r.images.size(); ++i) {
        const ImageEntry& e = r.images[i];
        if (!e.readable) continue;
        if (e.width != r.width || e.height != r.height)
            found.push_back({ImageProblemKind::WrongSize, e.file, "",
                             std::to_string(e.width) + "×" + std::to_string(e.height) + " where the pictures are " +
                                 std::to_string(r.width) + "×" + std::to_string(r.height) + "."});
        if (e.grey != r.grey)
            found.push_back({ImageProblemKind::WrongMode, e.file, "", e.grey ? "grey where the pictures are in colour." : "in colour where the pictures are grey."});
        const auto [at, fresh] = seen.emplace(pixels[i], i);
        if (!fresh) {
            found.push_back({ImageProblemKind::Duplicate, e.file, r.images[at->second].file, "the same pixels as " + r.images[at->second].file + "."});
            continue;
        }
        for (size_t j = 0; j < i; ++j) {
            const ImageEntry& o = r.images[j];
            if (!o.readable || hammingDistance(o.dhash, e.dhash) > s.nearBits || seen.at(pixels[j]) != j) continue;
            found.push_back({ImageProblemKind::NearDuplicate, e.file, o.file,
                             "looks like " + o.file + " (" + std::to_string(hammingDistance(o.dhash, e.dhash)) + " of 256 hash bits differ)."});
            break;
        }
    }
    for (size_t c = 0; c < r.classes.size(); ++c)
        if (r.counts[c] < s.minPerClass)
            found.push_back({ImageProblemKind::FewInClass, r.classes[c], "",
                             std::to_string(r.counts[c]) + " readable pictures, fewer than the " + std::to_string(s.minPerClass) + " asked."});
    r.problems = std::move(found);
    return r;
}

int saveCleanedFolder(const ImageFolderReport& r, const ImageFixPlan& plan, const std::string& out, const CancelFlag* cancel)
{
    std::error_code ec;
    const fs::path root = fs::weakly_canonical(r.root, ec), dest = fs::weakly_canonical(out, ec);
    const std::string rel = fs::relative(dest, root, ec).generic_string();
    if (dest == root || (!rel.empty() && rel.rfind("..", 0) != 0))
        throw IoError(out + " is the folder itself or inside it; the original is never changed, so choose a folder elsewhere.");
    if (fs::exists(dest) && !fs::is_empty(dest, ec)) throw IoError(out + " is not empty; choose a new or empty folder.");
    std::map<std::string, bool> dropped;
    for (const ImageProblem& p : r.problems)
        if (plan.drop[int(p.kind)]) dropped[p.file] = true;
    int written = 0;
    for (const ImageEntry& e : r.images) {
        if (cancel && cancel->requested()) throw Cancelled();
        if (!e.readable || dropped.count(e.file) || (e.cls >= 0 && dropped.count(r.classes[size_t(e.cls)]))) continue;
        const Photo p = loadPhoto((fs::path(r.root) / e.file).string());
        cv::Mat rgb(p.height, p.width, CV_8UC3, const_cast<std::uint8_t*>(p.rgb.data())), img;
        cv::cvtColor(rgb, img, cv::COLOR_RGB2BGR);
        if (plan.convert && r.grey) cv::cvtColor(img, img, cv::COLOR_BGR2GRAY);
        if (plan.resize && (img.cols != r.width || img.rows != r.height))
            cv::resize(img, img, cv::Size(r.width, r.height), 0, 0, img.cols > r.width ? cv::INTER_AREA : cv::INTER_LINEAR);
        std::vector<std::uint8_t> png;
        cv::imencode(".png", img, png);
        fs::path target = dest / fs::path(e.file).replace_extension(".png");
        if (fs::exists(target)) target = dest / (e.file + ".png"); // "a.jpg" beside "a.png"
        fs::create_directories(target.parent_path());
        writeFileAtomic(target.string(), std::string(png.begin(), png.end()));
        ++written;
    }
    return written;
}

} // namespace dl
