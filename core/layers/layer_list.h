// SPDX-License-Identifier: MIT
// The image lab's editable model text: one layer per line, sizes of inputs inferred from the image shape,
// e.g. "conv 32 k=3 p=1", "bn", "relu", "maxpool 2", "flatten", "dense 128", "dropout 0.8",
// "residual 64 s=2", "gap". '#' starts a comment. Errors name the line. Not a graph format (no branches).
#pragma once
#include "core/layers/registry.h"

#include <string>
#include <vector>

namespace dl {

struct LayerLine {
    LayerSpec spec;
    int line = 0; // 1-based line in the text
};

// Input images (C, H, W); the last layer must give `classes` outputs. Throws ConfigError
// "Line 4 (dense 64): …" for an unknown word, a bad value or a shape the layer cannot take.
std::vector<LayerSpec> parseLayerList(const std::string& text, int c, int h, int w, int classes);
// The inverse (one line per spec): parseLayerList(layerListText(s), …) == s.
std::string layerListText(const std::vector<LayerSpec>& specs);
// A layer's line, e.g. "conv 32 k=5 p=2".
std::string layerLine(const LayerSpec& s);

} // namespace dl
