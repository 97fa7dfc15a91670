// SPDX-License-Identifier: MIT
#include "core/layers/registry.h"

#include "core/layers/batchnorm.h"
#include "core/layers/batchnorm2d.h"
#include "core/layers/conv2d.h"
#include "core/layers/dense.h"
#include "core/layers/dropout.h"
#include "core/layers/flatten.h"
#include "core/layers/pool2d.h"
#include "core/layers/residual_block.h"
#include "core/layers/softmax.h"

#include <sstream>

namespace dl {

template <typename T>
std::unique_ptr<LayerT<T>> makeLayer(const LayerSpec& s)
{
    if (s.type == "Dense") return std::make_unique<DenseT<T>>(s.inputs, s.outputs);
    if (s.type == "BatchNorm") return std::make_unique<BatchNormT<T>>(s.inputs);
    if (s.type == "Dropout") return std::make_unique<DropoutT<T>>(s.keepProb, s.seed);
    if (s.type == "Softmax") return std::make_unique<SoftmaxT<T>>();
    if (s.type == "L2Normalize") return std::make_unique<L2NormalizeT<T>>();
    if (s.type == "Conv2d")
        return std::make_unique<Conv2dT<T>>(
            Conv2dSpec{s.inputs, s.outputs, s.kernel, s.stride, s.pad, s.groups});
    if (s.type == "MaxPool2d") return std::make_unique<Pool2dT<T>>(PoolKind::Max, s.kernel, s.stride, s.pad);
    if (s.type == "AvgPool2d") return std::make_unique<Pool2dT<T>>(PoolKind::Avg, s.kernel, s.stride, s.pad);
    if (s.type == "Flatten") return std::make_unique<FlattenT<T>>();
    if (s.type == "BatchNorm2d") return std::make_unique<BatchNorm2dT<T>>(s.inputs);
    if (s.type == "ResidualBlock") return std::make_unique<ResidualBlockT<T>>(s.inputs, s.outputs, s.stride);
    if (s.type == "GlobalAvgPool") return std::make_unique<GlobalAvgPoolT<T>>();
    if (s.type == "LeakyReLU") {
        if (!(s.leak >= 0.f && s.leak < 1.f)) throw ConfigError("leaky ReLU slope must be in [0, 1)");
        return std::make_unique<ActivationT<T>>(Act::LeakyReLU, static_cast<T>(s.leak));
    }
    for (Act a : {Act::Sigmoid, Act::Tanh, Act::ReLU})
        if (s.type == actName(a)) return std::make_unique<ActivationT<T>>(a);
    throw ConfigError("unknown layer type \"" + s.type + "\"");
}
template std::unique_ptr<LayerT<float>> makeLayer<float>(const LayerSpec&);
template std::unique_ptr<LayerT<double>> makeLayer<double>(const LayerSpec&);

std::vector<LayerSpec> expandModel(const ModelSpec& spec, Rng& rng)
{
    if (spec.inputs <= 0 || spec.outputs <= 0) throw ConfigError("the network needs inputs and outputs");
    std::vector<LayerSpec> out;
    int prev = spec.inputs;
    double weights = 0; // bounded before anything is allocated (an experiment file may list many layers)
    for (int h : spec.hidden) {
        if (h <= 0 || h > 4096) throw ConfigError("hidden layer sizes must be between 1 and 4096");
        weights += double(prev) * h;
        if (weights > 64e6)
            throw ConfigError(
                "the hidden layers would need more than 64 million weights; use fewer or smaller "
                "layers");
        out.push_back({"Dense", prev, h});
        if (spec.batchNorm) out.push_back({"BatchNorm", h});
        LayerSpec act{actName(spec.activation)};
        act.leak = spec.leak;
        out.push_back(act);
        if (spec.keepProb < 1.f) {
            LayerSpec d{"Dropout"};
            d.keepProb = spec.keepProb;
            d.seed = rng.next();
            out.push_back(d);
        }
        prev = h;
    }
    out.push_back({"Dense", prev, spec.outputs});
    return out;
}

template <typename T>
SequentialT<T> buildModel(const ModelSpec& spec, Rng& rng)
{
    SequentialT<T> model;
    int dense = 0, bn = 0, act = 0, drop = 0;
    for (const LayerSpec& ls : expandModel(spec, rng)) {
        auto layer = makeLayer<T>(ls);
        std::string name;
        if (ls.type == "Dense") {
            name = "dense" + std::to_string(++dense);
            auto* d = static_cast<DenseT<T>*>(layer.get());
            initWeights(d->weight().value, spec.init, ls.inputs, rng);
        } else if (ls.type == "BatchNorm") {
            name = "bn" + std::to_string(++bn);
        } else if (ls.type == "Dropout") {
            name = "dropout" + std::to_string(++drop);
        } else {
            name = "act" + std::to_string(++act);
        }
        model.add(std::move(layer), name);
    }
    model.setInputGradNeeded(false); // trained on data: nobody needs dL/dinput
    return model;
}
template SequentialT<float> buildModel<float>(const ModelSpec&, Rng&);
template SequentialT<double> buildModel<double>(const ModelSpec&, Rng&);

std::string hiddenToString(const std::vector<int>& hidden)
{
    if (hidden.empty()) return "0";
    std::string s;
    for (size_t i = 0; i < hidden.size(); ++i) s += (i ? "," : "") + std::to_string(hidden[i]);
    return s;
}

std::vector<int> parseHidden(const std::string& text)
{
    std::vector<int> out;
    std::stringstream ss(text);
    std::string item;
    while (std::getline(ss, item, ',')) {
        size_t a = item.find_first_not_of(" \t"), b = item.find_last_not_of(" \t");
        if (a == std::string::npos) continue;
        item = item.substr(a, b - a + 1);
        char* end = nullptr;
        long v = std::strtol(item.c_str(), &end, 10);
        if (*end != '\0' || v < 0 || v > 4096)
            throw ConfigError("hidden layers \"" + text +
                              "\": use sizes like 4 or 4,3 (0 for none), each at most 4096");
        if (v > 0) out.push_back(static_cast<int>(v));
    }
    return out;
}

} // namespace dl
