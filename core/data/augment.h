// SPDX-License-Identifier: MIT
// Data augmentation for image batches (COURSE.md §7): mirroring, random crop with padding, rotation,
// shearing, local (elastic) warping, colour shifting and PCA colour augmentation, each with a probability
// and a strength, drawn from an explicit Rng. Implemented with OpenCV warps on one image at a time.
// Applied to training batches only; the pipeline's JSON travels with a model.
#pragma once
#include "core/tensor/tensor.h"
#include "core/util/json.h"
#include "core/util/rng.h"

#include <string>
#include <vector>

namespace dl {

struct AugmentOp {
    std::string kind;         // flip | crop | rotate | shear | elastic | color | pca
    float probability = 0.5f; // chance per image
    float strength = 0.f;     // 0: the kind's default (see defaultStrength)
};

// flip: none (horizontal mirror); crop: padding in pixels (shift up to ±p, zero fill); rotate: max degrees;
// shear: max shear factor; elastic: displacement α in pixels (σ = 4 px smoothing, Simard et al. 2003);
// color: max per-channel offset (pixel range 0..1); pca: σ of the PCA colour weights (Krizhevsky et al.
// 2012).
float defaultStrength(const std::string& kind);
const std::vector<std::string>& augmentKinds();

struct AugmentPipeline {
    std::vector<AugmentOp> ops;
    bool empty() const { return ops.empty(); }
    // "flip,crop" or "flip:0.5,rotate:0.3:15" (kind[:probability[:strength]]); throws ConfigError.
    static AugmentPipeline parse(const std::string& text);
    Json toJson() const;
    static AugmentPipeline fromJson(const Json& j);
};

// RGB principal components for PCA colour augmentation from images (N, 3, H, W) in [0, 1].
struct PcaColor {
    float eigenvalues[3] = {0, 0, 0};
    float eigenvectors[3][3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}; // column k is component k
};
PcaColor pcaColorBasis(const Tensor& images);

// Augments every image of `images` (N, C, H, W) in place. Colour ops apply to 3-channel images only.
void augmentBatch(Tensor& images, const AugmentPipeline& p, Rng& rng, const PcaColor* pca = nullptr);

} // namespace dl
