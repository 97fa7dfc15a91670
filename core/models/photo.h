// SPDX-License-Identifier: MIT
// Photos for the detection lab: decoding with the checks a user needs (too big, cut short, too small, not an
// image), and turning a photo into a network input the way each model was trained (plain resize as
// OpenCV's blobFromImage, darknet letterbox, face-api pad-to-square with TF's legacy bilinear resize).
#pragma once
#include "core/models/input_mapping.h"
#include "core/tensor/tensor.h"

#include <cstdint>
#include <string>
#include <vector>

namespace dl {

struct Photo {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgb; // (H, W, 3) RGB bytes, row-major
};

constexpr long kMaxPhotoPixels = 50'000'000; // 50 megapixels: a 20000×20000 header is refused before decoding
constexpr int kMinPhotoSide = 8;

// Throws FormatError with one sentence naming `name` (what is wrong, what to do). Never allocates more than
// the size the header announces, and refuses that when it is over kMaxPhotoPixels.
Photo decodePhoto(const std::string& bytes, const std::string& name);
Photo loadPhoto(const std::string& path); // readFile + decodePhoto; IoError when unreadable
// A JPEG whose data stops before its end marker, or a PNG without its end chunk: a copy cut short.
bool photoCutShort(const std::string& bytes);

enum class InputFit {
    Stretch,   // resize to netW × netH ignoring aspect (OpenCV blobFromImage; Yolo-Fastest)
    Letterbox, // darknet letterbox_image: keep aspect, centre, fill 0.5 ([net] letter_box=1)
    PadSquare  // face-api: pad bottom/right with 0 to a square, then TF legacy bilinear resize
};

struct InputRecipe {
    int netW = 320, netH = 320;
    InputFit fit = InputFit::Stretch;
    float mean[3] = {0, 0, 0}; // subtracted from RGB 0..255 values
    float scale = 1.f / 255;   // then multiplied
};

struct PixelRegion {
    int x = 0, y = 0, w = 0, h = 0; // a region of a photo, pixels
};

// face-api's input of a photo region (toBatchTensor, MODELS.md §1.2): zero-pad to a square (center: split
// as face-api's recognition and landmark nets do; else all bottom/right, its detectors), TF legacy bilinear
// resize to size × size, then (v − mean)·scale. (1, 3, size, size). The region must lie inside the photo.
Tensor padSquareInput(const Photo& photo, const PixelRegion& region, bool center, int size, const float mean[3],
                      float scale);

// (1, 3, netH, netW) input; `map` receives how boxes go back to the photo.
Tensor makeNetInput(const Photo& photo, const InputRecipe& recipe, InputMapping& map);

} // namespace dl
