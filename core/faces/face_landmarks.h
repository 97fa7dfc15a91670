// SPDX-License-Identifier: MIT
// face-api's 68-point face landmark net (MODELS.md §1.6; face-api src/faceLandmarkNet and
// faceFeatureExtractor): four dense blocks of depthwise-separable convolutions (DenseNet-style sums of the
// block's outputs, ReLUs between), 112 → 56 → 28 → 14 → 7, a 7×7 average pool and a dense layer to 68 (x, y)
// pairs. Inference only, on the registry's Conv2d. Also face-api's alignment box for the recognition net.
#pragma once
#include "core/layers/conv2d.h"
#include "core/models/photo.h"
#include "core/models/tfjs_weights.h"

#include <array>
#include <memory>
#include <string>
#include <vector>

namespace dl {

constexpr int kLandmarkCount = 68;
constexpr int kLandmarkInputSize = 112;

struct PointF {
    double x = 0, y = 0;
};
using FaceLandmarks = std::array<PointF, kLandmarkCount>;

// A face box as the detector gives it (photo pixels, not rounded).
struct FaceBox {
    double x = 0, y = 0, w = 0, h = 0;
};

// face-api extractFaceTensors: the box clipped at the photo's borders, each of x, y, w, h floored; w or h 0
// when nothing is left.
PixelRegion faceCrop(const FaceBox& box, int photoW, int photoH);
// face-api FaceLandmarks.align() (minBoxPadding 0.2): the landmarks' bounding box grown by 20 % of its width
// and height (10 % per side) — the result's alignedRect (MODELS.md §1.5), what the lab draws.
FaceBox alignedBox(const FaceLandmarks& points);
// face-api FaceLandmarks.alignDlib(), the square the recognition net reads (face-api 1.7.15's
// ComputeAllFaceDescriptorsTask aligns with useDlibAlignment: true, not with alignedRect as MODELS.md §1.5
// has it): side s = floor(mean distance of the two eye centres to the mouth centre / 0.45), corner at the
// centre of the three centres minus (0.5 s, 0.43 s), floored and at least 0; w = min(s, cropW + x),
// h = min(s, cropH + y) with the landmark crop's size, as face-api writes it. Then faceCrop.
FaceBox dlibAlignedBox(const FaceLandmarks& points, int cropW, int cropH);

class FaceLandmarkNet {
  public:
    static FaceLandmarkNet fromWeights(const std::vector<NamedTensor>& weights); // FormatError as the others
    static FaceLandmarkNet open(const std::string& modelsDir); // models/face-api/face_landmark_68_model-…
    FaceLandmarkNet(FaceLandmarkNet&&) = default;
    FaceLandmarkNet& operator=(FaceLandmarkNet&&) = default;

    // (1, 3, 112, 112), (pixel − mean) / 255 → the 136 raw outputs, relative to the padded square.
    std::vector<float> forward(const Tensor& input);
    // The landmarks of the face the detector boxed, in photo pixels: the net reads faceCrop(box) (centred
    // square padding, 112 × 112); its outputs go back as face-api's postProcess writes it, shifted by the
    // box's own (unfloored) corner as extendWithFaceLandmarks does. crop (optional): faceCrop(box).
    FaceLandmarks detect(const Photo& photo, const FaceBox& box, PixelRegion* crop = nullptr);

  private:
    FaceLandmarkNet() = default;
    struct Separable { // depthwise 3×3 (no bias) then pointwise 1×1 + bias; conv0 of block 0 is a plain conv
        std::unique_ptr<Conv2d> depthwise, pointwise;
    };
    struct Dense {
        std::array<Separable, 4> conv;
    };
    void runConv(Separable& s, const Tensor& x, Tensor& out, int stride);
    std::array<Dense, 4> m_dense;
    std::vector<float> m_fcW, m_fcB; // [256, 136], [136]
    Tensor m_x, m_in, m_pad, m_tmp;
    std::array<Tensor, 4> m_out;
};

} // namespace dl
