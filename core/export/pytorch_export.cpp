// SPDX-License-Identifier: MIT
#include "core/export/pytorch_export.h"

#include "core/export/npz.h"
#include "core/layers/activation.h"
#include "core/layers/batchnorm.h"
#include "core/layers/conv2d.h"
#include "core/layers/dense.h"
#include "core/layers/dropout.h"
#include "core/layers/pool2d.h"
#include "core/layers/residual_block.h"
#include "core/util/error.h"
#include "core/util/file.h"
#include "core/util/json.h"

#include <filesystem>
#include <sstream>

namespace dl {

// The fixed parts of the generated Python (core/export/pytorch_text.cpp).
extern const char* const kModelHead; // imports, L2Normalize, Residual
extern const char* const kModelTail; // load()
extern const char* const kTrainPy;   // train.py

namespace {

std::string num(double v)
{
    std::ostringstream s;
    s.precision(9);
    s << v;
    return s.str();
}

NpyArray array(const std::string& name, const Tensor& t, std::vector<int> shape)
{
    NpyArray a;
    a.name = name, a.shape = std::move(shape), a.f32.assign(t.data(), t.data() + t.size());
    return a;
}

// The layers as torch.nn module expressions, their values as state-dict entries.
class Writer {
  public:
    std::vector<std::string> modules; // "nn.Linear(2, 4)"
    std::vector<NpyArray> weights;
    std::vector<std::string> paramNames; // PyTorch's names of our params(), in their order

    void layer(LayerT<float>& l, const std::string& name)
    {
        const std::string_view t = l.type();
        if (t == "Dense") {
            auto& d = dynamic_cast<DenseT<float>&>(l);
            const Shape& s = d.weight().value.shape();
            add(name, "nn.Linear(" + std::to_string(s[1]) + ", " + std::to_string(s[0]) + ")");
            weights.push_back(array(name + ".weight", d.weight().value, {s[0], s[1]}));
            weights.push_back(array(name + ".bias", d.bias().value, {s[0]}));
            paramNames.insert(paramNames.end(), {name + ".weight", name + ".bias"});
        } else if (t == "Conv2d") {
            add(name, conv(dynamic_cast<Conv2dT<float>&>(l), name));
        } else if (t == "BatchNorm" || t == "BatchNorm2d") {
            add(name, norm(l, name, t == "BatchNorm" ? "nn.BatchNorm1d" : "nn.BatchNorm2d"));
        } else if (t == "MaxPool2d" || t == "AvgPool2d") {
            auto& p = dynamic_cast<Pool2dT<float>&>(l);
            if (p.padding() != PoolPad::Symmetric || 2 * p.pad() > p.kernel())
                throw ConfigError(name + " pads by " + std::to_string(p.pad()) + " around a " + std::to_string(p.kernel()) +
                                  "-wide window; PyTorch's pooling pads at most half the window");
            const std::string args = std::to_string(p.kernel()) + ", " + std::to_string(p.stride()) + ", " + std::to_string(p.pad());
            add(name, t == "MaxPool2d" ? "nn.MaxPool2d(" + args + ")" : "nn.AvgPool2d(" + args + ", count_include_pad=False)");
        } else if (t == "Flatten") {
            add(name, "nn.Flatten()");
        } else if (t == "GlobalAvgPool") {
            add(name, "nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten())");
        } else if (t == "ReLU" || t == "Sigmoid" || t == "Tanh") {
            add(name, "nn." + std::string(t) + "()");
        } else if (t == "LeakyReLU") {
            add(name, "nn.LeakyReLU(" + num(dynamic_cast<ActivationT<float>&>(l).leak()) + ")");
        } else if (t == "Dropout") { // ours keeps with probability keep_prob; PyTorch drops with p (both inverted)
            add(name, "nn.Dropout(" + num(1.0 - dropKeep(l)) + ")");
        } else if (t == "Softmax") {
            add(name, "nn.Softmax(dim=1)");
        } else if (t == "L2Normalize") {
            add(name, "L2Normalize()");
        } else if (t == "ResidualBlock") {
            residual(dynamic_cast<ResidualBlockT<float>&>(l), name);
        } else {
            throw ConfigError(name + " (" + std::string(t) + ") has no PyTorch form here");
        }
    }

  private:
    void add(const std::string& name, const std::string& module)
    {
        modules.push_back("(\"" + name + "\", " + module + ")");
    }
    std::string conv(Conv2dT<float>& c, const std::string& name)
    {
        const Conv2dSpec& s = c.spec();
        const Shape& w = c.weight().value.shape();
        weights.push_back(array(name + ".weight", c.weight().value, {w[0], w[1], w[2], w[3]}));
        weights.push_back(array(name + ".bias", c.bias().value, {s.outChannels}));
        paramNames.insert(paramNames.end(), {name + ".weight", name + ".bias"});
        return "nn.Conv2d(" + std::to_string(s.inChannels) + ", " + std::to_string(s.outChannels) + ", " +
               std::to_string(s.kernel) + ", stride=" + std::to_string(s.stride) + ", padding=" + std::to_string(s.pad) +
               ", groups=" + std::to_string(s.groups) + ")";
    }
    // γ, β and the running averages under PyTorch's names; its momentum is our 1 − m.
    std::string norm(LayerT<float>& l, const std::string& name, const std::string& module)
    {
        auto& bn = dynamic_cast<BatchNormKernelT<float>&>(l);
        const std::vector<Param*> p = bn.params();
        const std::vector<Tensor*> b = bn.buffers();
        const int c = bn.channels();
        weights.push_back(array(name + ".weight", p[0]->value, {c}));
        weights.push_back(array(name + ".bias", p[1]->value, {c}));
        paramNames.insert(paramNames.end(), {name + ".weight", name + ".bias"});
        weights.push_back(array(name + ".running_mean", *b[0], {c}));
        weights.push_back(array(name + ".running_var", *b[1], {c}));
        return module + "(" + std::to_string(c) + ", eps=" + num(bn.eps()) + ", momentum=" + num(1.0 - bn.momentum()) + ")";
    }
    // The block's sublayers under Residual's attribute names (model.py).
    void residual(ResidualBlockT<float>& r, const std::string& name)
    {
        const std::vector<LayerT<float>*> path = r.mainPath(); // conv1, bn1, ReLU, conv2, bn2
        auto& c1 = dynamic_cast<Conv2dT<float>&>(*path[0]);
        conv(c1, name + ".conv1");
        norm(*path[1], name + ".bn1", "");
        conv(dynamic_cast<Conv2dT<float>&>(*path[3]), name + ".conv2");
        norm(*path[4], name + ".bn2", "");
        if (r.projection()) {
            conv(dynamic_cast<Conv2dT<float>&>(*r.projection()), name + ".proj");
            norm(*r.projectionNorm(), name + ".bnproj", "");
        }
        auto& bn = dynamic_cast<BatchNormKernelT<float>&>(*path[1]);
        add(name, "Residual(" + std::to_string(c1.spec().inChannels) + ", " + std::to_string(c1.spec().outChannels) +
                      ", " + std::to_string(c1.spec().stride) + ", " + num(bn.eps()) + ", " + num(1.0 - bn.momentum()) + ")");
    }
    static double dropKeep(LayerT<float>& l) { return dynamic_cast<DropoutT<float>&>(l).keepProb(); }
};

} // namespace

namespace {

// PyTorch's optimizer state for our slots (optimizer.h: slot k·P + i is slot k of trained param i): Adam's and
// AdamW's exp_avg = v, exp_avg_sq = s, step = t; RMSprop's square_avg = s; the course's momentum v is an
// average, PyTorch's buffer a sum: v / (1 − β) (the learning rate carries the 1 − β, train.py).
std::vector<NpyArray> optimizerState(const Optimizer& o, const std::vector<std::string>& names, size_t first, float beta)
{
    std::vector<const char*> slots;
    switch (o.kind()) {
    case OptKind::Adam:
    case OptKind::AdamW: slots = {"exp_avg", "exp_avg_sq"}; break;
    case OptKind::RMSprop: slots = {"square_avg"}; break;
    case OptKind::Momentum:
    case OptKind::Nesterov: slots = {"momentum_buffer"}; break;
    case OptKind::GD: break;
    }
    const auto& m = const_cast<Optimizer&>(o).moments();
    const size_t trained = names.size() - first;
    if (m.size() != slots.size() * trained) throw ConfigError("the optimizer's state does not fit the model's parameters");
    std::vector<NpyArray> out;
    for (size_t k = 0; k < slots.size(); ++k)
        for (size_t i = 0; i < trained; ++i) {
            NpyArray a = array(std::string(slots[k]) + "." + names[first + i], m[k * trained + i], m[k * trained + i].shape());
            if (o.kind() == OptKind::Momentum || o.kind() == OptKind::Nesterov)
                for (float& v : a.f32) v /= (1.f - beta);
            out.push_back(std::move(a));
        }
    NpyArray step;
    step.name = "step", step.i64 = {o.steps()};
    out.push_back(step);
    return out;
}

} // namespace

void savePytorch(Sequential& net, const PytorchExport& e, const std::string& folder)
{
    Writer w;
    for (size_t i = 0; i < net.size(); ++i) w.layer(net.layer(i), "l" + std::to_string(i + 1));
    std::string shape;
    for (int d : e.exampleShape) shape += std::to_string(d) + ", ";
    std::string model = "# Generated by DL Visual Lab (dlcli export --pytorch) from " + e.source + ".\n" + kModelHead +
                        "EXAMPLE_SHAPE = (" + shape + ")\n\n\ndef build():\n    \"\"\"The network, layer by layer.\"\"\"\n"
                        "    return nn.Sequential(OrderedDict([\n";
    for (const std::string& m : w.modules) model += "        " + m + ",\n";
    model += "    ]))\n" + std::string(kModelTail);

    const Hyperparams& h = e.hyper;
    Json opt = Json::object();
    opt.set("kind", optName(h.opt.kind)).set("lr", double(h.lr)).set("beta", double(h.opt.beta));
    opt.set("beta1", double(h.opt.beta1)).set("beta2", double(h.opt.beta2)).set("eps", double(h.opt.eps));
    opt.set("weight_decay", double(h.opt.weightDecay));
    Json data = Json::object();
    data.set("kind", e.data).set("dir", e.dataDir).set("limit", e.limit);
    Json example = Json::array();
    for (int d : e.exampleShape) example.push(d);
    Json exp = Json::object();
    exp.set("source", e.source).set("example_shape", example).set("loss", e.binary ? "binary-cross-entropy" : "cross-entropy");
    Json frozen = Json::array();
    for (size_t i = 0; i < e.firstTrainedParam && i < w.paramNames.size(); ++i) frozen.push(w.paramNames[i]);
    exp.set("frozen", frozen);
    exp.set("optimizer", opt).set("batch", h.batch).set("l2", double(h.l2)).set("data", data).set("seed", 1);

    const std::filesystem::path dir(folder);
    makeFolder(folder, "the PyTorch experiment");
    writeFileAtomic((dir / "model.py").string(), model);
    writeFileAtomic((dir / "train.py").string(), kTrainPy);
    writeFileAtomic((dir / "experiment.json").string(), exp.dump(2) + "\n");
    writeFileAtomic((dir / "weights.npz").string(), npzBytes(w.weights));
    if (e.optimizer)
        writeFileAtomic((dir / "optimizer.npz").string(),
                        npzBytes(optimizerState(*e.optimizer, w.paramNames, e.firstTrainedParam, h.opt.beta)));
    if (!e.trainIndex.empty()) {
        std::vector<NpyArray> arrays(1);
        arrays[0].name = "train_index", arrays[0].i64 = e.trainIndex, arrays[0].shape = {int(e.trainIndex.size())};
        if (!e.nextEpochOrder.empty()) {
            arrays.emplace_back();
            arrays[1].name = "epoch_order", arrays[1].i64 = e.nextEpochOrder, arrays[1].shape = {int(e.nextEpochOrder.size())};
        }
        writeFileAtomic((dir / "data.npz").string(), npzBytes(arrays));
    }
    if (e.data == "arrays") {
        const int f = e.exampleShape.empty() ? 0 : [&] { int n = 1; for (int d : e.exampleShape) n *= d; return n; }();
        auto rows = [&](const char* name, const std::vector<float>& x) {
            NpyArray a;
            a.name = name, a.f32 = x, a.shape = {f ? int(x.size()) / f : 0};
            for (int d : e.exampleShape) a.shape.push_back(d);
            return a;
        };
        auto labels = [](const char* name, const std::vector<std::int64_t>& y) {
            NpyArray a;
            a.name = name, a.i64 = y, a.shape = {int(y.size())};
            return a;
        };
        writeFileAtomic((dir / "data.npz").string(), npzBytes({rows("x_train", e.xTrain), labels("y_train", e.yTrain),
                                                                rows("x_test", e.xTest), labels("y_test", e.yTest)}));
    }
}

} // namespace dl
