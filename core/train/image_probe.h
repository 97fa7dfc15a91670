// SPDX-License-Identifier: MIT
// What the image lab shows of a model, computed from the model itself (values, never pointers): value
// histograms per layer, feature maps of one image, class probabilities and Grad-CAM heat maps.
#pragma once
#include "core/layers/sequential.h"

#include <string>
#include <vector>

namespace dl {

struct Histogram {
    float lo = 0, hi = 0;    // range of the bins (min and max of the values)
    std::vector<int> counts; // equal-width bins over [lo, hi]
    float mean = 0, stddev = 0;
    size_t n = 0;
};
Histogram histogram(const float* v, size_t n, int bins = 40);

struct LayerHistograms {
    std::string layer;        // "conv1"
    std::string describe;     // "Conv2d 1→32 k3"
    Histogram weights, grads; // the layer's weights (first Param) and their last gradient; n = 0 if none
    Histogram activations;    // the layer's output on a probe batch
};
// Weights and activations (Eval mode on `probe`, a small batch); gradients come from `grads`, parallel to
// the layers (empty vectors where unknown).
std::vector<LayerHistograms> layerHistograms(Sequential& m, const Tensor& probe,
                                             const std::vector<std::vector<float>>& grads);

struct FeatureMap {
    int layer = 0;        // index in the model
    std::string name;     // "conv1"
    std::string describe; // "Conv2d 1→32 k3"
    int c = 0, h = 0, w = 0;
    std::vector<float> values; // (C, H, W)
};
// Every layer's output for one image (1, C, H, W) in Eval mode; image-shaped outputs only. `probs` gets
// the softmax of the logits (K).
std::vector<FeatureMap> featureMaps(Sequential& m, const Tensor& image, std::vector<float>* probs);

// Grad-CAM (Selvaraju et al. 2017): with A the output of layer `layer` (C, h, w) and y the logit of class
// `cls`, α_c = mean over (i, j) of ∂y/∂A_cij and the map is ReLU(Σ_c α_c A_c), bilinearly resized to the
// image and scaled to [0, 1]. layer = -1 picks the last image-shaped output with h·w > 1; a model without
// one (MLP) gets a saliency map |∂y/∂x| instead (Simonyan et al. 2013). Runs in Mode::Frozen; leaves the
// parameter gradients zero and the model's input-gradient setting as it was only for layers it did not
// touch: callers that train afterwards reapply their backward settings.
struct HeatMap {
    int h = 0, w = 0;
    std::vector<float> values; // (H, W) of the image, in [0, 1]
    std::string layer;         // the layer used, or "input"
};
HeatMap gradCam(Sequential& m, const Tensor& image, int cls, int layer = -1);

} // namespace dl
