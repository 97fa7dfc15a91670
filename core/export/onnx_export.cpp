// SPDX-License-Identifier: MIT
#include "core/export/onnx_export.h"

#include "core/export/onnx_graph.h"
#include "core/layers/activation.h"
#include "core/layers/batchnorm.h"
#include "core/layers/conv2d.h"
#include "core/layers/dense.h"
#include "core/layers/pool2d.h"
#include "core/layers/residual_block.h"
#include "core/util/error.h"
#include "core/util/file.h"

namespace dl {

using namespace onnx;

namespace {

int dim(const Tensor& t, int i)
{
    return t.shape()[static_cast<size_t>(i)];
}

std::string batchNorm(GraphBuilder& g, LayerT<float>& l, const std::string& x, const std::string& name)
{
    auto& bn = dynamic_cast<BatchNormKernelT<float>&>(l);
    const std::vector<Param*> p = bn.params();     // γ, β
    const std::vector<Tensor*> b = bn.buffers();   // running μ, σ²
    const int c = bn.channels();
    return g.node("BatchNormalization",
                  {x, g.constant(name + ".gamma", {c}, p[0]->value), g.constant(name + ".beta", {c}, p[1]->value),
                   g.constant(name + ".mean", {c}, *b[0]), g.constant(name + ".var", {c}, *b[1])},
                  {floatAttr("epsilon", bn.eps())});
}

std::string conv(GraphBuilder& g, LayerT<float>& l, const std::string& x, const std::string& name)
{
    auto& c = dynamic_cast<Conv2dT<float>&>(l);
    const Conv2dSpec& s = c.spec();
    const Tensor& w = c.weight().value; // (Cout, Cin/groups, k, k): ONNX's Conv weight layout
    return g.node("Conv",
                  {x, g.constant(name + ".weight", {dim(w, 0), dim(w, 1), dim(w, 2), dim(w, 3)}, w),
                   g.constant(name + ".bias", {s.outChannels}, c.bias().value)},
                  {ints("kernel_shape", {s.kernel, s.kernel}), ints("strides", {s.stride, s.stride}),
                   ints("pads", {s.pad, s.pad, s.pad, s.pad}), intAttr("group", s.groups)});
}

std::string layer(GraphBuilder& g, LayerT<float>& l, const std::string& x, const std::string& name);

// ResidualBlock (He et al. 2016): ReLU(main path + shortcut), the shortcut x or BN(proj(x)).
std::string residual(GraphBuilder& g, ResidualBlockT<float>& r, const std::string& x, const std::string& name)
{
    std::string h = x;
    int i = 0;
    for (LayerT<float>* l : r.mainPath()) h = layer(g, *l, h, name + ".main" + std::to_string(++i));
    std::string shortcut = x;
    if (r.projection())
        shortcut = batchNorm(g, *r.projectionNorm(), conv(g, *r.projection(), x, name + ".proj"), name + ".bnproj");
    return g.node("Relu", {g.node("Add", {h, shortcut})});
}

std::string layer(GraphBuilder& g, LayerT<float>& l, const std::string& x, const std::string& name)
{
    const std::string_view t = l.type();
    if (t == "Dense") { // ours y = W x + b on columns; ONNX's rows: Gemm(x, W, b, transB) = x Wᵀ + b
        auto& d = dynamic_cast<DenseT<float>&>(l);
        const Tensor& w = d.weight().value;
        return g.node("Gemm", {x, g.constant(name + ".weight", {dim(w, 0), dim(w, 1)}, w),
                               g.constant(name + ".bias", {dim(w, 0)}, d.bias().value)},
                      {intAttr("transB", 1)});
    }
    if (t == "Conv2d") return conv(g, l, x, name);
    if (t == "BatchNorm" || t == "BatchNorm2d") return batchNorm(g, l, x, name);
    if (t == "MaxPool2d" || t == "AvgPool2d") {
        auto& p = dynamic_cast<Pool2dT<float>&>(l);
        if (p.padding() != PoolPad::Symmetric)
            throw ConfigError(name + " pools with darknet's padding, which ONNX's pooling has no attribute for");
        std::vector<Attr> a{ints("kernel_shape", {p.kernel(), p.kernel()}), ints("strides", {p.stride(), p.stride()}),
                            ints("pads", {p.pad(), p.pad(), p.pad(), p.pad()})};
        if (t == "AvgPool2d") a.push_back(intAttr("count_include_pad", 0)); // ours divides by the valid count
        return g.node(t == "MaxPool2d" ? "MaxPool" : "AveragePool", {x}, a);
    }
    if (t == "Flatten") return g.node("Flatten", {x}, {intAttr("axis", 1)});
    if (t == "GlobalAvgPool") return g.node("Flatten", {g.node("GlobalAveragePool", {x})}, {intAttr("axis", 1)});
    if (t == "ReLU") return g.node("Relu", {x});
    if (t == "Sigmoid") return g.node("Sigmoid", {x});
    if (t == "Tanh") return g.node("Tanh", {x});
    if (t == "LeakyReLU")
        return g.node("LeakyRelu", {x}, {floatAttr("alpha", dynamic_cast<ActivationT<float>&>(l).leak())});
    if (t == "Dropout") return x; // inference: the identity (inverted dropout scales while training)
    if (t == "Softmax") return g.node("Softmax", {x}, {intAttr("axis", 1)});
    if (t == "L2Normalize") return g.node("LpNormalization", {x}, {intAttr("axis", 1), intAttr("p", 2)});
    if (t == "ResidualBlock") return residual(g, dynamic_cast<ResidualBlockT<float>&>(l), x, name);
    throw ConfigError(name + " (" + std::string(t) + ") has no ONNX form here");
}


} // namespace

std::string onnxModelBytes(Sequential& net, const std::vector<int>& exampleShape, const std::string& docString)
{
    if (exampleShape.size() != 1 && exampleShape.size() != 3)
        throw ConfigError("an example is F features or C×H×W pixels");
    const bool image = exampleShape.size() == 3;
    const Shape in = image ? Shape{1, exampleShape[0], exampleShape[1], exampleShape[2]} : Shape{exampleShape[0], 1};
    const Shape out = net.outputShape(in); // ShapeError naming the layer when the model does not take it
    if (out.size() != 2) throw ConfigError("the model's output is not a feature vector per example");
    GraphBuilder g;
    std::string x = "input";
    for (size_t i = 0; i < net.size(); ++i)
        x = layer(g, net.layer(i), x, net.layer(i).name().empty() ? "layer" + std::to_string(i + 1) : net.layer(i).name());
    x = g.node("Identity", {x}, {}, "output"); // one name however the last layer ends
    return g.modelBytes({{"input", exampleShape}}, {{x, {out[0]}}}, docString);
}

void saveOnnx(Sequential& net, const std::vector<int>& exampleShape, const std::string& path,
              const std::string& docString)
{
    writeFileAtomic(path, onnxModelBytes(net, exampleShape, docString));
}

} // namespace dl
