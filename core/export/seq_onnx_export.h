// SPDX-License-Identifier: MIT
// The Sequence lab's character model as ONNX, unrolled over a fixed number of steps T (opset 11; only Gemm,
// MatMul, Add, Sub, Mul, Sigmoid and Tanh, so any engine runs it): inputs x_1 … x_T, each (N, V) — one-hot
// characters, or the zero vector for the course's x⟨1⟩ = 0 —, outputs y_1 … y_T, each (N, V), the logits of
// the next character (softmax them for ŷ⟨t⟩); the state starts at zero. The cells are written out as the
// course has them (COURSE.md §11): the GRU applies Γr before the product with W_c, c̃ = tanh(W_c[Γr ∗ c, x] + b_c),
// where ONNX's and PyTorch's GRU apply it after (linear_before_reset), so their GRU operators would compute
// something else. Dropout, a training-time thing, is left out. Qt-free.
#pragma once
#include "core/seq/char_model.h"

#include <string>

namespace dl {

std::string charModelOnnxBytes(CharModel& m, int steps, const std::string& docString); // ConfigError: steps ∉ 1..1000
void saveCharModelOnnx(CharModel& m, int steps, const std::string& path, const std::string& docString);

} // namespace dl
