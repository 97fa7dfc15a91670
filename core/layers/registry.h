// SPDX-License-Identifier: MIT
// The one path that creates layers from a description: used by the model builder, the UI and file formats.
// Also the 2-D playground network description (ModelSpec) and its builder.
#pragma once
#include "core/layers/activation.h"
#include "core/layers/sequential.h"
#include "core/tensor/init.h"
#include "core/util/rng.h"

#include <cstdint>
#include <string>
#include <vector>

namespace dl {

struct LayerSpec {
    std::string type;   // "Dense", "Sigmoid", "Tanh", "ReLU", "LeakyReLU", "Softmax", "Dropout", "BatchNorm",
                        // "Conv2d", "MaxPool2d", "AvgPool2d", "Flatten", "GlobalAvgPool", "BatchNorm2d",
                        // "ResidualBlock", "L2Normalize"
    int inputs = 0;     // Dense: Din; BatchNorm: D; Conv2d: input channels
    int outputs = 0;    // Dense: Dout; Conv2d: output channels
    float leak = 0.01f; // LeakyReLU slope
    float keepProb = 1.f;                            // Dropout
    std::uint32_t seed = 1;                          // Dropout mask generator
    int kernel = 3, stride = 1, pad = 0, groups = 1; // Conv2d and pooling
};

// Creates and validates a layer; throws ConfigError for an unknown type or a bad value.
template <typename T>
std::unique_ptr<LayerT<T>> makeLayer(const LayerSpec& spec);

// A fully connected network: inputs → [Dense → (BatchNorm) → act → (Dropout)] per hidden → Dense → outputs.
// The output layer gives logits; the loss applies sigmoid (1 output) or softmax (K outputs).
struct ModelSpec {
    int inputs = 2;
    std::vector<int> hidden{4}; // empty: logistic / softmax regression
    Act activation = Act::Tanh;
    int outputs = 1; // 1: binary (sigmoid + BCE); K ≥ 2: softmax + cross-entropy
    Init init = Init::Small;
    float keepProb = 1.f;   // dropout after every hidden activation when < 1
    bool batchNorm = false; // batch norm before every hidden activation
    float leak = 0.01f;
};

std::vector<LayerSpec> expandModel(const ModelSpec& spec, Rng& rng);
// Builds the model and initialises weights from rng (biases zero). The same spec and rng state give the
// same values in float and double.
template <typename T>
SequentialT<T> buildModel(const ModelSpec& spec, Rng& rng);

std::string hiddenToString(const std::vector<int>& hidden); // {4,3} → "4,3"; {} → "0"
std::vector<int> parseHidden(const std::string& s); // "4,3" → {4,3}; "0" or "" → {}; throws ConfigError

} // namespace dl
