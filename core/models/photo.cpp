// SPDX-License-Identifier: MIT
#include "core/models/photo.h"

#include "core/util/error.h"
#include "core/util/file.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace dl {

namespace {

unsigned be16(const std::string& b, size_t i)
{
    return (static_cast<unsigned char>(b[i]) << 8) | static_cast<unsigned char>(b[i + 1]);
}

unsigned le16(const std::string& b, size_t i) // little-endian (BMP)
{
    return static_cast<unsigned char>(b[i]) | (static_cast<unsigned char>(b[i + 1]) << 8);
}

long le32(const std::string& b, size_t i) // little-endian, signed (BMP)
{
    std::uint32_t v = 0;
    for (int k = 3; k >= 0; --k) v = (v << 8) | static_cast<unsigned char>(b[i + static_cast<size_t>(k)]);
    return static_cast<std::int32_t>(v);
}

// Size from the header without decoding (PNG IHDR, JPEG SOFn, BMP's DIB header); false for other formats or
// a broken header.
bool headerSize(const std::string& b, long& w, long& h, bool& jpeg)
{
    jpeg = false;
    // BMP: "BM", then at 14 the DIB header's size; BITMAPCOREHEADER (12 bytes) has 16-bit sides at 18 and 20,
    // the later ones (40 bytes and more) signed 32-bit sides at 18 and 22, a negative height meaning top-down.
    if (b.size() >= 26 && b.compare(0, 2, "BM") == 0) {
        const long dib = le32(b, 14);
        if (dib == 12) {
            w = le16(b, 18);
            h = le16(b, 20);
        } else {
            w = std::labs(le32(b, 18));
            h = std::labs(le32(b, 22));
        }
        return true;
    }
    if (b.size() >= 24 && b.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0) {
        w = (static_cast<long>(be16(b, 16)) << 16) | be16(b, 18);
        h = (static_cast<long>(be16(b, 20)) << 16) | be16(b, 22);
        return true;
    }
    if (b.size() < 4 || static_cast<unsigned char>(b[0]) != 0xFF || static_cast<unsigned char>(b[1]) != 0xD8)
        return false;
    jpeg = true;
    size_t i = 2;
    while (i + 9 < b.size()) { // JPEG segments: FF marker, big-endian length (ITU T.81 §B.1.1)
        if (static_cast<unsigned char>(b[i]) != 0xFF) return false;
        const unsigned marker = static_cast<unsigned char>(b[i + 1]);
        if (marker == 0xFF) {
            ++i;
            continue;
        }
        const unsigned len = be16(b, i + 2);
        const bool sof =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof) {
            h = be16(b, i + 5);
            w = be16(b, i + 7);
            return true;
        }
        if (len < 2) return false;
        i += 2 + len;
    }
    return false;
}

// Whether a JPEG's compressed data reaches its end-of-image marker FF D9. The segments before the scan
// are skipped by their lengths (an EXIF thumbnail inside APP1 has an FF D9 of its own); in the
// entropy-coded scan an FF byte is always followed by 00 or a restart marker (ITU T.81 §B.1.1.5), so
// the first FF D9 after the start of scan (FF DA) is the end. Bytes after it (padding, data some cameras
// and editors append) are allowed.
bool jpegReachesEnd(const std::string& b)
{
    size_t i = 2;
    while (i + 4 <= b.size() && static_cast<unsigned char>(b[i]) == 0xFF) {
        const unsigned marker = static_cast<unsigned char>(b[i + 1]);
        if (marker == 0xFF) {
            ++i;
            continue;
        }
        if (marker == 0xDA) return b.find("\xFF\xD9", i + 2) != std::string::npos;
        const unsigned len = be16(b, i + 2);
        if (len < 2) break;
        i += 2 + len;
    }
    return false;
}

// The formats the lab names, by their signatures (JPEG FF D8, PNG, BMP "BM", TIFF "II*\0" / "MM\0*",
// WebP "RIFF….WEBP"); OpenCV's other decoders (PNM, Sun raster, HDR, PFM…) are not offered to a user's bytes.
bool namedFormat(const std::string& b)
{
    auto at = [&](size_t i, const char* sig, size_t n) { return b.size() >= i + n && b.compare(i, n, sig, n) == 0; };
    return at(0, "\xFF\xD8", 2) || at(0, "\x89PNG\r\n\x1a\n", 8) || at(0, "BM", 2) || at(0, "II*\0", 4) || at(0, "MM\0*", 4) ||
           (at(0, "RIFF", 4) && at(8, "WEBP", 4));
}

} // namespace

bool photoCutShort(const std::string& b)
{
    if (b.compare(0, 2, "\xFF\xD8") == 0) return !jpegReachesEnd(b);
    // PNG: the last chunk is IEND (ISO/IEC 15948 §5.6); a file cut anywhere before it lacks one.
    if (b.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0) return b.find("IEND", 8) == std::string::npos;
    return false;
}

Photo decodePhoto(const std::string& bytes, const std::string& name)
{
    const std::string n = std::filesystem::path(name).filename().string();
    if (bytes.empty()) throw FormatError(n + " is empty (0 bytes); choose a photo file.");
    long w = 0, h = 0;
    bool jpeg = false;
    // In double: a PNG header's sides are 32-bit each, so their product can overflow a long.
    if (headerSize(bytes, w, h, jpeg) && double(w) * double(h) > double(kMaxPhotoPixels))
        throw FormatError(n + " is " + std::to_string(w) + "×" + std::to_string(h) + " pixels (" +
                          std::to_string(static_cast<long long>(double(w) * double(h) / 1e6)) +
                          " megapixels); the lab opens photos up to " +
                          std::to_string(kMaxPhotoPixels / 1'000'000) + " megapixels: scale it down first.");
    if (photoCutShort(bytes))
        throw FormatError(n + " is cut short (its " + (bytes[0] == '\xFF' ? "JPEG data stops before the end marker" : "PNG has no end chunk") +
                          "); copy the photo again.");
    const std::string unreadable = n + " is not a photo this lab can read (JPEG, PNG, BMP, TIFF, WebP) or it is damaged.";
    if (!namedFormat(bytes)) throw FormatError(unreadable);
    cv::Mat bgr;
    try {
        const cv::Mat raw(1, static_cast<int>(std::min<size_t>(bytes.size(), INT32_MAX)), CV_8U,
                          const_cast<char*>(bytes.data()));
        bgr = cv::imdecode(raw, cv::IMREAD_COLOR);
    } catch (const cv::Exception&) {
        bgr.release();
    }
    if (bgr.empty()) throw FormatError(unreadable);
    if (static_cast<long>(bgr.cols) * bgr.rows > kMaxPhotoPixels)
        throw FormatError(n + " is " + std::to_string(bgr.cols) + "×" + std::to_string(bgr.rows) +
                          " pixels; the lab opens photos up to " +
                          std::to_string(kMaxPhotoPixels / 1'000'000) + " megapixels: scale it down first.");
    if (bgr.cols < kMinPhotoSide || bgr.rows < kMinPhotoSide)
        throw FormatError(n + " is only " + std::to_string(bgr.cols) + "×" + std::to_string(bgr.rows) +
                          " pixels; detection needs at least " + std::to_string(kMinPhotoSide) + "×" +
                          std::to_string(kMinPhotoSide) + ".");
    Photo p;
    p.width = bgr.cols, p.height = bgr.rows;
    p.rgb.resize(static_cast<size_t>(p.width) * p.height * 3);
    cv::Mat rgb(p.height, p.width, CV_8UC3, p.rgb.data());
    cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    return p;
}

Photo loadPhoto(const std::string& path)
{
    return decodePhoto(readFile(path), path);
}

// face-api toBatchTensor (MODELS.md §1.2): zero-pad to a square — all of it at the bottom/right, or centred as
// padToSquare(isCenterImage) splits it: round(diff/2) (JS Math.round) after, the rest before — then
// tf.image.resizeBilinear with align_corners = half_pixel_centers = false: src = dst·in/out, clamped.
Tensor padSquareInput(const Photo& photo, const PixelRegion& region, bool center, int size, const float mean[3],
                      float scale)
{
    DL_CHECK(region.w > 0 && region.h > 0 && region.x >= 0 && region.y >= 0 && region.x + region.w <= photo.width &&
                 region.y + region.h <= photo.height && size > 0,
             "padSquareInput: the region is not inside the photo");
    const int side = std::max(region.w, region.h), diff = side - std::min(region.w, region.h);
    const int before = center ? diff - static_cast<int>(std::floor(diff * 0.5 + 0.5)) : 0;
    const int offX = region.w < region.h ? before : 0, offY = region.h < region.w ? before : 0;
    Tensor x({1, 3, size, size});
    const size_t plane = static_cast<size_t>(size) * size;
    auto px = [&](int y, int xx, int c) -> float {
        y -= offY, xx -= offX;
        return (y >= 0 && xx >= 0 && y < region.h && xx < region.w)
                   ? photo.rgb[(static_cast<size_t>(region.y + y) * photo.width + region.x + xx) * 3 + c]
                   : 0.f;
    };
    const float f = static_cast<float>(side) / size;
    for (int oy = 0; oy < size; ++oy) {
        const float sy = oy * f;
        const int y0 = static_cast<int>(sy), y1 = std::min(y0 + 1, side - 1);
        const float dy = sy - y0;
        for (int ox = 0; ox < size; ++ox) {
            const float sx = ox * f;
            const int x0 = static_cast<int>(sx), x1 = std::min(x0 + 1, side - 1);
            const float dx = sx - x0;
            for (int c = 0; c < 3; ++c) {
                const float top = px(y0, x0, c) + (px(y0, x1, c) - px(y0, x0, c)) * dx;
                const float bot = px(y1, x0, c) + (px(y1, x1, c) - px(y1, x0, c)) * dx;
                x[c * plane + static_cast<size_t>(oy) * size + ox] = (top + (bot - top) * dy - mean[c]) * scale;
            }
        }
    }
    return x;
}

Tensor makeNetInput(const Photo& photo, const InputRecipe& r, InputMapping& map)
{
    DL_CHECK(photo.width > 0 && photo.height > 0 && r.netW > 0 && r.netH > 0,
             "makeNetInput: empty photo or net");
    Tensor x({1, 3, r.netH, r.netW});
    const size_t plane = static_cast<size_t>(r.netW) * r.netH;
    map = {photo.width, photo.height, r.netW, r.netH, 1, 1, 0, 0};
    auto store = [&](int c, size_t i, float v) {
        x[c * plane + i] = (v - r.mean[c]) * r.scale;
    };
    const cv::Mat src(photo.height, photo.width, CV_8UC3, const_cast<std::uint8_t*>(photo.rgb.data()));
    if (r.fit == InputFit::PadSquare) {
        DL_CHECK(r.netW == r.netH, "makeNetInput: face-api's inputs are square");
        x = padSquareInput(photo, {0, 0, photo.width, photo.height}, false, r.netW, r.mean, r.scale);
        // face-api's "reshaped dimensions": round(W·s) with s = size / max(W, H); JS Math.round (half up).
        const float s = static_cast<float>(r.netW) / std::max(photo.width, photo.height);
        map.sx = r.netW / std::floor(photo.width * s + 0.5f);
        map.sy = r.netH / std::floor(photo.height * s + 0.5f);
        return x;
    }
    int nw = r.netW, nh = r.netH, dx = 0, dy = 0;
    if (r.fit == InputFit::Letterbox) { // darknet image.c letterbox_image (integer arithmetic as there)
        if (static_cast<float>(r.netW) / photo.width < static_cast<float>(r.netH) / photo.height) {
            nw = r.netW;
            nh = std::max(1, photo.height * r.netW / photo.width);
        } else {
            nh = r.netH;
            nw = std::max(1, photo.width * r.netH / photo.height);
        }
        dx = (r.netW - nw) / 2, dy = (r.netH - nh) / 2;
        for (int c = 0; c < 3; ++c)
            for (size_t i = 0; i < plane; ++i) store(c, i, 127.5f); // darknet fills with 0.5
        map.sx = static_cast<float>(r.netW) / nw, map.sy = static_cast<float>(r.netH) / nh;
        map.ox = static_cast<float>(dx) / r.netW, map.oy = static_cast<float>(dy) / r.netH;
    }
    cv::Mat small;
    cv::resize(src, small, cv::Size(nw, nh), 0, 0, cv::INTER_LINEAR); // as blobFromImage
    for (int y = 0; y < nh; ++y) {
        const std::uint8_t* row = small.ptr<std::uint8_t>(y);
        for (int xx = 0; xx < nw; ++xx)
            for (int c = 0; c < 3; ++c)
                store(c, static_cast<size_t>(y + dy) * r.netW + xx + dx, row[xx * 3 + c]);
    }
    return x;
}

} // namespace dl
