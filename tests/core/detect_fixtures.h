// SPDX-License-Identifier: MIT
// Shared by the detection tests: a small darknet model written on the fly (every layer type the lab runs,
// a non-square 96×40 input, YOLO grids of 2×3 and 4×6), and where the real models are.
#pragma once
#include "tests/require_files.h"
#include "core/detect/detector.h"
#include "core/util/file.h"
#include "core/util/rng.h"

#include <QDir>
#include <QTemporaryDir>
#include <cstdint>
#include <cstring>
#include <string>

namespace dltest {

// Layer indices in comments; the two heads are layers 15 (2×3) and 20 (4×6).
inline const char* kSmallCfg = R"(# written by tests/core/detect_fixtures.h
[net]
width=96
height=40
channels=3
batch=1

[convolutional]
batch_normalize=1
filters=8
size=3
stride=2
pad=1
activation=leaky
# 0: 8×20×48

[convolutional]
batch_normalize=1
filters=8
size=3
groups=8
stride=1
pad=1
activation=leaky
# 1: depthwise

[convolutional]
batch_normalize=1
filters=16
size=1
stride=1
pad=1
activation=linear

[maxpool]
size=2
stride=2
# 3: 16×10×24

[convolutional]
batch_normalize=1
filters=16
size=3
stride=1
pad=1
activation=leaky

[dropout]
probability=.2

[shortcut]
from=-3
activation=linear
# 6: 16×10×24

[maxpool]
size=2
stride=2
# 7: 16×5×12

[maxpool]
size=2
stride=2
# 8: 16×3×6 (odd height: darknet pads)

[convolutional]
batch_normalize=1
filters=16
size=3
stride=1
pad=1
groups=2
activation=leaky
# 9: grouped

[maxpool]
size=3
stride=1
# 10: SPP-style, keeps 3×6

[route]
layers=-1,-2
# 11: 32×3×6

[convolutional]
batch_normalize=1
filters=32
size=3
stride=2
pad=1
activation=leaky
# 12: 32×2×3

[convolutional]
batch_normalize=1
filters=32
size=1
stride=1
pad=1
activation=leaky

[convolutional]
size=1
stride=1
pad=1
filters=24
activation=linear

[yolo]
mask = 3,4,5
anchors = 10,14,  23,27,  37,58,  81,82,  135,169,  344,319
classes=3
num=6
jitter=.3
ignore_thresh = .7
# 15: head 2×3

[route]
layers = -3

[upsample]
stride=2
# 17: 32×4×6

[convolutional]
batch_normalize=1
filters=16
size=3
stride=1
pad=1
activation=leaky

[convolutional]
size=1
stride=1
pad=1
filters=24
activation=linear

[yolo]
mask = 0,1,2
anchors = 10,14,  23,27,  37,58,  81,82,  135,169,  344,319
classes=3
num=6
# 20: head 4×6
)";

// Random weights for `cfg` in darknet's format (MODELS.md §2.1), header 0.2.5 with a 64-bit `seen`.
// Head convolutions get objectness biases of +1.5 so that many boxes score above the thresholds.
inline std::string smallWeights(const dl::DarknetNet& net, std::uint32_t seed = 7)
{
    dl::Rng rng(seed);
    std::string out(20, '\0');
    const std::int32_t header[3] = {0, 2, 5};
    std::memcpy(out.data(), header, 12);
    auto put = [&](float v) {
        out.append(reinterpret_cast<const char*>(&v), 4);
    };
    for (const dl::DnLayer& l : net.layers()) {
        if (l.kind != dl::DnKind::Conv) continue;
        const bool head = !l.batchNorm;
        for (int o = 0; o < l.c; ++o) put(head && o % 8 == 4 ? 1.5f : rng.normal(0, 0.1f));
        if (l.batchNorm) {
            for (int o = 0; o < l.c; ++o) put(rng.uniform(0.5f, 1.5f)); // scales
            for (int o = 0; o < l.c; ++o) put(rng.normal(0, 0.1f));     // rolling mean
            for (int o = 0; o < l.c; ++o) put(rng.uniform(0.5f, 2.f));  // rolling variance
        }
        const size_t n = l.conv->weight().value.size();
        const float sd = 1.f / std::sqrt(static_cast<float>(n / l.c));
        for (size_t i = 0; i < n; ++i) put(rng.normal(0, sd));
    }
    return out;
}

// Writes kSmallCfg and its weights into `dir`; returns "cfg:weights".
inline std::string writeSmallModel(const QTemporaryDir& dir)
{
    const std::string cfg = dir.filePath("small.cfg").toStdString(),
                      w = dir.filePath("small.weights").toStdString();
    dl::writeFileAtomic(cfg, kSmallCfg);
    dl::writeFileAtomic(w, smallWeights(dl::DarknetNet::fromCfg(kSmallCfg, "small.cfg")));
    return cfg + ":" + w;
}

// A models folder with a small stand-in for Tiny Darknet (same 19 leading layers: 3×3/1×1 convs with
// batch norm and leaky, 2×2 max-pools at 1, 3, 8, 13; a quarter of the filters, random weights) in
// <dir>/tiny-darknet/: the style lab's tests run without the real model. Returns the folder.
inline QString writeSmallStyleModels(const QTemporaryDir& dir)
{
    const int layers[19][2] = {{16, 3},  {0, 0},   {32, 3}, {0, 0},   {16, 1}, {128, 3}, {16, 1},
                               {128, 3}, {0, 0},   {32, 1}, {256, 3}, {32, 1}, {256, 3}, {0, 0},
                               {64, 1},  {512, 3}, {64, 1}, {512, 3}, {128, 1}};
    std::string cfg = "# written by tests/core/detect_fixtures.h\n[net]\nwidth=64\nheight=64\nchannels=3\n";
    for (const auto& l : layers)
        cfg += l[0] == 0 ? std::string("\n[maxpool]\nsize=2\nstride=2\n")
                         : "\n[convolutional]\nbatch_normalize=1\nfilters=" + std::to_string(l[0] / 4) +
                               "\nsize=" + std::to_string(l[1]) + "\nstride=1\npad=1\nactivation=leaky\n";
    QDir(dir.path()).mkpath("tiny-darknet");
    dl::writeFileAtomic(dir.filePath("tiny-darknet/tiny.cfg").toStdString(), cfg);
    dl::writeFileAtomic(dir.filePath("tiny-darknet/tiny.weights").toStdString(),
                        smallWeights(dl::DarknetNet::fromCfg(cfg, "tiny.cfg")));
    return dir.path();
}

// The real models (scripts/setup.sh fills models/; DLLAB_MODELS overrides). "" when absent.
inline QString modelsRoot() // models/ as the app finds it (DLLAB_MODELS, else the source tree's)
{
    const std::string d = dl::findModelsDir("", DL_SOURCE_DIR);
    return d.empty() ? QString(DL_SOURCE_DIR) + "/models" : QString::fromStdString(d);
}

inline std::string modelsDir()
{
    const std::string d = dl::findModelsDir("", DL_SOURCE_DIR);
    return QDir(QString::fromStdString(d + "/yolo-fastest-1.1")).exists() ? d : std::string();
}

inline const char* kDarknetData = "/usr/share/darknet/data"; // Debian package darknet: dog.jpg etc.

} // namespace dltest
