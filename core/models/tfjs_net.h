// SPDX-License-Identifier: MIT
// Building our layers from a TF.js weights manifest (face-api's models, MODELS.md §1): the model's tensors
// by name with their expected shapes, and TF's HWIO filters into the registry's Conv2d (OIHW).
#pragma once
#include "core/layers/conv2d.h"
#include "core/models/tfjs_weights.h"

#include <map>
#include <string>
#include <vector>

namespace dl {

// <dir>/<stem>-weights_manifest.json and its .bin files, decoded. IoError (one sentence naming `what` and the
// missing file, and scripts/setup.sh) or FormatError.
std::vector<NamedTensor> loadTfjsModel(const std::string& dir, const std::string& stem, const std::string& what);

class TfjsTensors {
  public:
    // model: how errors name it ("the face recognition model"); hint: which file it should be.
    TfjsTensors(const std::vector<NamedTensor>& weights, std::string model, std::string hint);
    // FormatError "<model> has no tensor <name>; is it <hint>?" or "... has an unexpected shape".
    const NamedTensor& get(const std::string& name, const std::vector<int>& shape) const;

  private:
    std::map<std::string, const NamedTensor*> m_byName;
    std::string m_model, m_hint;
};

// HWIO [kh, kw, cin, cout] (depthwise: [kh, kw, C, 1]) → the conv's OIHW weight (MODELS.md §5 gotcha 2);
// bias null: zeros. outScale/outShift (optional, cout each): a per-channel affine after the conv folded in,
// W' = s·W, b' = s·b + t (face-api's scale layers, dlib's folded batch norm).
// TF's 'same' padding for a k × k convolution at stride s (MODELS.md §1.2): out = ceil(in/s), total padding
// max((out − 1)·s + k − in, 0), the smaller half at the top/left — (0, 1) for k 3, s 2 and an even side, which
// no symmetric padding gives. x (1, C, h, w) is written zero-padded into `out`; then a 'valid' convolution.
void padTfSame(const Tensor& x, int kernel, int stride, Tensor& out);

void loadHwioConv(Conv2d& conv, const NamedTensor& filters, const NamedTensor* bias, bool depthwise,
                  const NamedTensor* outScale = nullptr, const NamedTensor* outShift = nullptr);

} // namespace dl
