// SPDX-License-Identifier: MIT
#include "app/cli/experiment_args.h"

#include "core/data/csv.h"

namespace dlcli {

namespace {

const std::vector<dlcli::Option> kData = {
    {"dataset", Kind::Text, "flower|moons|circles|spiral|xor|blobs (flower)"},
    {"csv", Kind::Text, "a CSV of x,y,label rows instead of --dataset"},
    {"count", Kind::Number, "points to generate (the dataset's own default)"},
    {"noise", Kind::Number, "noise of the generated points (the dataset's own default)"},
    {"classes", Kind::Number, "classes of spiral and blobs (2)"},
    {"dev", Kind::Number, "share of the points held out as dev (0.2)"},
};
const std::vector<dlcli::Option> kNetwork = {
    {"hidden", Kind::Text, "hidden units per layer: 4 | 4,3 | 0 (none: logistic regression) (4)"},
    {"activation", Kind::Text, "tanh|relu|leaky|sigmoid (tanh)"},
    {"init", Kind::Text, "random|zeros|xavier|he|large (random = randn x 0.01)"},
    {"keep-prob", Kind::Number, "dropout keep probability (1: none)"},
    {"batch-norm", Kind::Flag, "batch normalisation in the hidden layers"},
};
const std::vector<dlcli::Option> kTraining = {
    {"optimizer", Kind::Text, "gd|momentum|nesterov|rmsprop|adam|adamw (gd)"},
    {"lr", Kind::Number, "learning rate α (1.2)"},
    {"iterations", Kind::Number, "steps to train (10000)"},
    {"epochs", Kind::Number, "passes over the training set, instead of --iterations"},
    {"batch", Kind::Number, "mini-batch size (0 = full batch)"},
    {"l2", Kind::Number, "L2 regularisation λ (0)"},
    {"beta", Kind::Number, "momentum / RMSprop β (0.9)"},
    {"beta1", Kind::Number, "Adam β1 (0.9)"},
    {"beta2", Kind::Number, "Adam β2 (0.999)"},
    {"eps", Kind::Number, "Adam / RMSprop ε (1e-8)"},
    {"clip-value", Kind::Number, "clip each gradient value to ±C (0: off)"},
    {"clip-norm", Kind::Number, "clip the gradient norm to C (0: off)"},
};
} // namespace

std::vector<dlcli::Option> networkAndTraining()
{
    return dlcli::join(dlcli::join(dlcli::join(kData, kNetwork), kTraining), dlcli::decayOptions());
}


Args withDefaults(Args a, const std::vector<std::pair<std::string, std::string>>& defaults)
{
    for (const auto& [k, v] : defaults)
        if (!a.has(k)) a.opts[k] = v;
    return a;
}

const std::vector<std::pair<std::string, std::string>>& courseMoonsDefaults()
{
    static const std::vector<std::pair<std::string, std::string>> d{
        {"dataset", "moons"}, {"hidden", "5,2"}, {"activation", "relu"}, {"init", "he"}, {"batch", "64"}};
    return d;
}

long stepsPerEpoch(const dl::Experiment& e)
{
    const int n = e.data.train.size();
    const int b = e.hyper.batch <= 0 || e.hyper.batch >= n ? n : e.hyper.batch;
    return (n + b - 1) / b;
}

dl::Experiment experimentFromArgs(const Args& a)
{
    dl::Experiment e;
    e.seed = static_cast<std::uint32_t>(a.num("seed", 1));
    e.dataset.kind = a.str("dataset", "flower");
    e.dataset.count = static_cast<int>(a.num("count", 0));
    e.dataset.noise = static_cast<float>(a.num("noise", -1));
    e.dataset.classes = static_cast<int>(a.num("classes", 2));
    e.dataset.seed = e.seed;
    e.dataset.devRatio = static_cast<float>(a.num("dev", 0.2));
    dl::Dataset2D all;
    if (a.has("csv")) {
        all = dl::loadCsv2D(a.str("csv", ""));
        e.source = a.str("csv", "");
    } else {
        all = dl::makeSynthetic(e.dataset);
    }
    e.data = dl::splitDataset(all, e.dataset.devRatio, e.seed);
    e.network.hidden = dl::parseHidden(a.str("hidden", "4"));
    e.network.activation = dl::parseAct(a.str("activation", "tanh"));
    e.network.init = dl::parseInit(a.str("init", "random"));
    e.network.keepProb = static_cast<float>(a.num("keep-prob", 1));
    e.network.batchNorm = a.has("batch-norm");
    dl::Hyperparams& h = e.hyper;
    h.lr = static_cast<float>(a.num("lr", 1.2));
    h.opt.kind = dl::parseOpt(a.str("optimizer", "gd"));
    h.opt.beta = static_cast<float>(a.num("beta", h.opt.beta));
    h.opt.beta1 = static_cast<float>(a.num("beta1", h.opt.beta1));
    h.opt.beta2 = static_cast<float>(a.num("beta2", h.opt.beta2));
    h.opt.eps = static_cast<float>(a.num("eps", h.opt.eps));
    h.batch = static_cast<int>(a.num("batch", 0));
    h.l2 = static_cast<float>(a.num("l2", 0));
    h.keepProb = e.network.keepProb;
    h.decay = dlcli::decayFromArgs(a);
    h.clipValue = static_cast<float>(a.num("clip-value", 0));
    h.clipNorm = static_cast<float>(a.num("clip-norm", 0));
    dl::validate(h);
    return e;
}

} // namespace dlcli
