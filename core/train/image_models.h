// SPDX-License-Identifier: MIT
// The image lab's model presets, built through the layer registry with He initialisation (COURSE.md §3,
// §7): logreg (softmax regression), mlp (784-256-128-10), lenet5 (LeCun et al. 1998 with ReLU and max
// pooling), cnn-bn (two conv + batch norm + pooling, batch norm in the dense head), resnet-small (three
// residual stages).
#pragma once
#include "core/layers/registry.h"

#include <string>
#include <vector>

namespace dl {

const std::vector<std::string>& imageModelNames();
// Input (C, H, W), K classes. Throws ConfigError for an unknown name or an input too small for the model.
Sequential buildImageModel(const std::string& name, int c, int h, int w, int classes, Rng& rng);
// The preset's layers (what the lab's layer-list editor starts from).
std::vector<LayerSpec> imageModelLayers(const std::string& name, int c, int h, int w, int classes);
// Builds any layer list (see layer_list.h) with He initialisation; throws ShapeError naming the layer that
// rejects the input (C, H, W).
Sequential buildImageModel(const std::vector<LayerSpec>& layers, int c, int h, int w, Rng& rng);

} // namespace dl
