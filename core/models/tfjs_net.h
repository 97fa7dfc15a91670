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
void loadHwioConv(Conv2d& conv, const NamedTensor& filters, const NamedTensor* bias, bool depthwise,
                  const NamedTensor* outScale = nullptr, const NamedTensor* outShift = nullptr);

} // namespace dl
