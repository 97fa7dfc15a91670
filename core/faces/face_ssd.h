// SPDX-License-Identifier: MIT
// face-api's SSD MobileNet v1 face detector (MODELS.md §1.4; face-api src/ssdMobilenetv1): the better
// detector beside the tiny one. MobileNetV1 (a 3×3 stride-2 convolution, then 13 depthwise + pointwise pairs,
// ReLU6 after each; the depthwise batch norm folded into its weights at load), eight extra layers down to
// 1 × 1, six box predictors on conv 11 (32²), the backbone's output (16²) and the extra layers 1, 3, 5, 7:
// 5 118 anchors, decoded as the TF Object Detection API's box coder (scales 10, 10, 5, 5), score σ(logit 1),
// greedy NMS at IoU 0.5. Liu et al. 2016, "SSD: Single Shot MultiBox Detector"; Howard et al. 2017,
// "MobileNets". Inference only, on the registry's Conv2d. Qt-free.
#pragma once
#include "core/detect/box.h"
#include "core/layers/conv2d.h"
#include "core/models/photo.h"
#include "core/models/tfjs_weights.h"

#include <array>
#include <memory>
#include <string>
#include <vector>

namespace dl {

constexpr int kSsdInputSize = 512;
constexpr int kSsdAnchors = 5118;

// What the network says before NMS: per anchor the decoded box (ymin, xmin, ymax, xmax in the padded
// 512² input's [0, 1] coordinates, unclamped) and the face score.
struct SsdRaw {
    std::vector<float> boxes;  // kSsdAnchors × 4
    std::vector<float> scores; // kSsdAnchors
};

class FaceSsdNet {
  public:
    static FaceSsdNet fromWeights(const std::vector<NamedTensor>& weights); // FormatError naming a tensor
    static FaceSsdNet open(const std::string& modelsDir); // models/face-api/ssd_mobilenetv1_model-…; IoError
    FaceSsdNet(FaceSsdNet&&) = default;
    FaceSsdNet& operator=(FaceSsdNet&&) = default;

    // (1, 3, 512, 512), pixel/127.5 − 1 → boxes and scores of every anchor.
    SsdRaw forward(const Tensor& input);
    // face-api SsdMobilenetv1.locateFaces: the photo padded bottom/right to a square, 512², the anchors with
    // score > minConfidence, NMS at IoU 0.5, at most maxResults, by descending score; boxes clamped to the
    // padded square and scaled back to the photo's [0, 1] coordinates (cls 0).
    std::vector<Detection> detect(const Photo& photo, float minConfidence = 0.5f, int maxResults = 100);

  private:
    FaceSsdNet() = default;
    struct Conv {
        std::unique_ptr<Conv2d> conv;
        int kernel = 1, stride = 1;
        bool relu6 = true;
    };
    void run(Conv& c, const Tensor& x, Tensor& out);
    std::vector<Conv> m_backbone;       // conv 0, then depthwise/pointwise of pairs 1..13
    std::array<Conv, 8> m_extra;        // Prediction/Conv2d_j_pointwise
    std::array<Conv, 6> m_box, m_class; // BoxPredictor_k: encodings (A·4) and classes (A·3)
    std::vector<float> m_anchors;       // kSsdAnchors × (ymin, xmin, ymax, xmax)
    Tensor m_a, m_b, m_pad, m_conv11, m_pred, m_extraIn; // buffers kept between photos
    std::array<Tensor, 4> m_sources; // extra layers 1, 3, 5, 7
};

} // namespace dl
