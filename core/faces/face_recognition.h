// SPDX-License-Identifier: MIT
// face-api's face recognition net (MODELS.md §1.5; face-api src/faceRecognitionNet): dlib's
// dlib_face_recognition_resnet_model_v1, a ResNet-34-like net of 29 convolutions from a 150 × 150 face crop to
// 128 numbers, compared by Euclidean distance (COURSE.md §9: verification is d(img1, img2) ≤ τ; this model
// separates at 0.6, face-api's FaceMatcher default). Inference only, on the registry's Conv2d and Pool2d.
// Every "conv layer" of the file is a convolution, its bias and a per-channel affine (dlib's folded batch
// norm): the affine is folded into the convolution at load, y = (W∗x + b)·s + t = (s·W)∗x + (s·b + t).
#pragma once
#include "core/layers/conv2d.h"
#include "core/layers/pool2d.h"
#include "core/models/photo.h"
#include "core/models/tfjs_weights.h"

#include <array>
#include <memory>
#include <string>
#include <vector>

namespace dl {

constexpr int kFaceDescriptorSize = 128;
constexpr int kFaceChipSize = 150;
using FaceDescriptor = std::array<float, kFaceDescriptorSize>;

class FaceRecognitionNet {
  public:
    // The tensors of face_recognition_model (names as face-api's extractParamsFromWeightMap); FormatError
    // naming the first missing or misshapen one.
    static FaceRecognitionNet fromWeights(const std::vector<NamedTensor>& weights);
    // models/face-api/face_recognition_model-weights_manifest.json and its .bin; IoError when missing.
    static FaceRecognitionNet open(const std::string& modelsDir);
    FaceRecognitionNet(FaceRecognitionNet&&) = default;
    FaceRecognitionNet& operator=(FaceRecognitionNet&&) = default;

    // (1, 3, 150, 150), already (pixel − mean) / 255.
    FaceDescriptor forward(const Tensor& input);
    // The region of the photo as face-api crops it (centred square padding, 150 × 150, its mean), then forward.
    FaceDescriptor describe(const Photo& photo, const PixelRegion& region);
    size_t fileValues() const { return m_fileValues; } // numbers in the model file (MODELS.md: 5 614 592)

  private:
    FaceRecognitionNet() = default;
    struct Block { // residual: relu(conv2(relu(conv1(x))) + x); down: conv1 stride 2 'valid', avg-pool shortcut
        std::unique_ptr<Conv2d> conv1, conv2;
        bool down = false;
    };
    void runBlock(Block& b, const Tensor& x, Tensor& out);
    std::unique_ptr<Conv2d> m_first; // 7×7 stride 2 'valid', 3 → 32, ReLU
    std::unique_ptr<Pool2d> m_maxPool, m_avgPool;
    std::vector<Block> m_blocks;
    std::vector<float> m_fc; // [256, 128]: y = g·fc, no bias
    Tensor m_a, m_b, m_mid, m_pooled; // buffers reused between faces
    size_t m_fileValues = 0;
};

// Euclidean distance between two descriptors (face-api euclideanDistance).
double faceDistance(const FaceDescriptor& a, const FaceDescriptor& b);

} // namespace dl
