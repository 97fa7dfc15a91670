// SPDX-License-Identifier: MIT
// The image lab's editable model text: one layer per line, sizes of inputs inferred from the image shape,
// e.g. "conv 32 k=3 p=1", "bn", "relu", "maxpool 2", "flatten", "dense 128", "dropout 0.8",
// "residual 64 s=2", "gap", "l2norm" (unit-length features: an embedding). '#' starts a comment. Errors name
// the line. Not a graph format (no branches).
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
// Embedding: the list ends in "dense D" and "l2norm" (a triplet-loss embedding of D dimensions, `classes` = D).
enum class LayerListEnd { Classes, Embedding };
std::vector<LayerSpec> parseLayerList(const std::string& text, int c, int h, int w, int classes,
                                      LayerListEnd end = LayerListEnd::Classes);
// The inverse (one line per spec): parseLayerList(layerListText(s), …) == s.
std::string layerListText(const std::vector<LayerSpec>& specs);
// A layer's line, e.g. "conv 32 k=5 p=2".
std::string layerLine(const LayerSpec& s);

} // namespace dl
