// SPDX-License-Identifier: MIT
// A trained model (a Sequential of the layer registry: the Playground's MLPs, the Images lab's CNNs) written
// as ONNX (onnx.proto of ONNX 1.12, IR version 6, opset 11), for engines that scale: OpenCV DNN, ONNX
// Runtime, PyTorch's importers. The graph computes what forward(x, Mode::Eval) computes: batch norm with its
// running averages, dropout left out. Our feature tensors are (features, N) and images NCHW; ONNX's are
// (N, features) and NCHW, so the input is "input" of shape (N, F) or (N, C, H, W) and the output "output"
// (N, K): the model's last layer (logits, unless the model ends in Softmax). Qt-free.
#pragma once
#include "core/layers/sequential.h"

#include <string>
#include <vector>

namespace dl {

// exampleShape: one example's shape, {F} or {C, H, W}. Throws ConfigError naming a layer ONNX cannot take
// from here (darknet-padded pooling) and ShapeError when the shape does not fit the model.
std::string onnxModelBytes(Sequential& net, const std::vector<int>& exampleShape, const std::string& docString);
// The same written to `path` (a temporary file, then renamed).
void saveOnnx(Sequential& net, const std::vector<int>& exampleShape, const std::string& path,
              const std::string& docString);

} // namespace dl
