// SPDX-License-Identifier: MIT
// dlcli initstudy: the training-dynamics lab's initialisation-in-depth study headless
// (core/dynamics/init_study.h; COURSE.md §3): per initialisation the per-layer spreads at step 0 and after
// training, and the train accuracy.
#include "app/labs/dynamics/cli.h"

#include "core/data/synthetic.h"
#include "core/dynamics/init_study.h"
#include "core/layers/activation.h"
#include "core/util/error.h"

#include <algorithm>
#include <sstream>

namespace {

using dlcli::Args;
using dlcli::Kind;
using dlcli::UsageError;

std::vector<dl::Init> parseInits(const std::string& list)
{
    std::vector<dl::Init> out;
    std::stringstream in(list);
    std::string name;
    while (std::getline(in, name, ',')) {
        try {
            out.push_back(dl::parseInit(name));
        } catch (const dl::ConfigError& e) {
            throw UsageError(std::string("--inits: ") + e.what());
        }
    }
    if (out.empty()) throw UsageError("--inits: name at least one initialisation");
    return out;
}

int initstudy(const Args& a)
{
    dl::InitStudySpec s;
    s.dataset = a.str("dataset", s.dataset);
    const auto& kinds = dl::syntheticKinds();
    if (s.dataset != "fashion-mnist" && std::find(kinds.begin(), kinds.end(), s.dataset) == kinds.end())
        throw UsageError("--dataset: use one of flower, moons, circles, spiral, xor, blobs, fashion-mnist");
    s.examples = int(a.num("examples", s.examples));
    s.fashionDir = a.str("fashion-dir", s.fashionDir);
    s.depth = int(a.num("depth", s.depth));
    s.width = int(a.num("width", s.width));
    s.steps = long(a.num("steps", double(s.steps)));
    s.batchNorm = a.has("batch-norm");
    try {
        s.activation = dl::parseAct(a.str("activation", "relu"));
        s.hyper.opt.kind = dl::parseOpt(a.str("optimizer", "gd"));
    } catch (const dl::ConfigError& e) {
        throw UsageError(e.what());
    }
    if (a.has("inits")) s.inits = parseInits(a.str("inits", ""));
    s.hyper.lr = float(a.num("lr", s.hyper.lr));
    s.hyper.batch = int(a.num("batch", s.hyper.batch));
    s.seed = std::uint32_t(a.num("seed", 1));
    dl::InitStudy study(s);
    return dlcli::runStudy(study, a, "initstudy");
}

} // namespace

dlcli::Command initstudyCommand()
{
    return {"initstudy",
            "the training-dynamics lab's initialisation in depth: zeros, random ×0.01, ×10, Xavier and He on the "
            "same deep MLP, per-layer spreads of activations and gradients, train accuracy (COURSE.md §3)",
            {{"dataset", Kind::Text, "flower|moons|circles|spiral|xor|blobs|fashion-mnist (moons)"},
             {"examples", Kind::Number, "fashion-mnist: how many of its test images (1000)"},
             {"fashion-dir", Kind::Text, "where Fashion-MNIST is (/usr/share/datasets/fashion-mnist)"},
             {"depth", Kind::Number, "hidden layers (10)"},
             {"width", Kind::Number, "units per hidden layer (16)"},
             {"activation", Kind::Text, "tanh|relu|leaky|sigmoid (relu)"},
             {"batch-norm", Kind::Flag, "batch normalisation in the hidden layers"},
             {"inits", Kind::Text, "which, comma-separated (zeros,random,large,xavier,he)"},
             {"steps", Kind::Number, "training steps per initialisation (2000)"},
             {"optimizer", Kind::Text, "gd|momentum|rmsprop|adam (gd)"},
             {"lr", Kind::Number, "learning rate α (0.01)"},
             {"batch", Kind::Number, "mini-batch size (64)"}},
            "",
            0,
            initstudy};
}
