// SPDX-License-Identifier: MIT
// Cleaning an image folder (course chapter 12, data cleaning): a folder of class folders (or of images) read
// picture by picture with the photo reader's checks (core/models/photo.h), and what is wrong listed:
//   unreadable      not an image (JPEG, PNG, BMP, TIFF, WebP) or damaged
//   truncated       a copy cut short (a JPEG without its end marker, a PNG without its end chunk)
//   wrong-size      not the size most pictures have (or the size asked)
//   wrong-mode      grey where most are colour, or colour where most are grey (grey: R = G = B everywhere)
//   few-in-class    a class folder with fewer readable pictures than asked
//   duplicate       the same pixels as an earlier picture
//   near-duplicate  a perceptual hash within a few bits of an earlier picture's: the difference hash (dHash,
//                   N. Krawetz, "Kind of like that", 2013) on a finer grid: the grey picture shrunk to 17 × 16,
//                   one bit per pair of neighbours in a row (left brighter than right), 256 bits; near when
//                   ≤ 4 differ. (The usual 9 × 8 grid, 64 bits, puts distinct 28 × 28 product pictures of one
//                   class within 2 bits of each other; brightness, contrast and gamma changes move 0–1 of 256.)
// The cleaned copy is a new folder: the pictures kept, re-encoded as PNG, resized and converted where asked.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dl {

class CancelFlag;

enum class ImageProblemKind { Unreadable, Truncated, WrongSize, WrongMode, FewInClass, Duplicate, NearDuplicate };
constexpr int kImageProblemKinds = 7;
const char* imageProblemName(ImageProblemKind k); // "unreadable", "truncated", ...

struct ImageCheckSpec {
    int width = 0, height = 0; // the size asked; 0: the most common one
    std::string mode;          // "grey" or "colour"; empty: the most common one
    int minPerClass = 10;
    int nearBits = 4; // dHash bits of 256 that may differ for a near duplicate (0: only identical hashes)
};

struct ImageProblem {
    ImageProblemKind kind = ImageProblemKind::Unreadable;
    std::string file;  // relative to the folder ("cats/3.png"); a class folder for few-in-class
    std::string other; // duplicates: the earlier picture
    std::string why;
};

struct ImageEntry {
    std::string file; // relative
    int cls = -1;     // index into the report's classes, -1 for a loose picture
    bool readable = false;
    int width = 0, height = 0;
    bool grey = false;
    std::array<std::uint64_t, 4> dhash{}; // differenceHash
};

struct ImageFolderReport {
    std::string root;
    std::vector<std::string> classes;
    std::vector<int> counts; // readable pictures a class
    std::vector<ImageEntry> images;
    std::vector<ImageProblem> problems;
    int width = 0, height = 0; // the size expected
    bool grey = false;         // the mode expected
    int count(ImageProblemKind k) const;
};

// Throws IoError when the folder does not exist, ConfigError for a bad spec; a picture's problem is a
// problem in the report, never an exception. Stops at a cancel (dl::Cancelled) between pictures.
ImageFolderReport inspectImageFolder(const std::string& root, const ImageCheckSpec& spec = {},
                                     const CancelFlag* cancel = nullptr);

using PictureHash = std::array<std::uint64_t, 4>;
PictureHash differenceHash(const std::uint8_t* rgb, int width, int height); // dHash (17 × 16) of an RGB picture
int hammingDistance(const PictureHash& a, const PictureHash& b);

// The cleaned copy in `out` (a new or empty folder; the original is only read): every readable picture that
// has no problem of a dropped kind, resized to the expected size and converted to the expected mode when
// `resize` / `convert`, written as PNG under its class folder. Returns the pictures written. IoError when
// `out` is the folder itself, inside it, or not empty.
struct ImageFixPlan {
    bool drop[kImageProblemKinds] = {true, true, false, false, false, true, false};
    bool resize = true, convert = true;
};
int saveCleanedFolder(const ImageFolderReport& r, const ImageFixPlan& plan, const std::string& out,
                      const CancelFlag* cancel = nullptr);

} // namespace dl
