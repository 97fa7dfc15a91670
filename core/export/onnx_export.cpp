// SPDX-License-Identifier: MIT
#include "core/export/onnx_export.h"

#include "core/export/protobuf.h"
#include "core/layers/activation.h"
#include "core/layers/batchnorm.h"
#include "core/layers/conv2d.h"
#include "core/layers/dense.h"
#include "core/layers/pool2d.h"
#include "core/layers/residual_block.h"
#include "core/util/error.h"
#include "core/util/file.h"

namespace dl {

namespace {

// Field numbers and enum values of onnx.proto (ONNX 1.12).
enum TensorField { kDims = 1, kDataType = 2, kTensorName = 8, kRawData = 9 };
enum NodeField { kNodeInput = 1, kNodeOutput = 2, kNodeName = 3, kOpType = 4, kAttribute = 5 };
enum AttrField { kAttrName = 1, kAttrF = 2, kAttrI = 3, kAttrInts = 8, kAttrType = 20 };
enum AttrType { kFloat = 1, kInt = 2, kInts = 7 };
enum GraphField { kGraphNode = 1, kGraphName = 2, kInitializer = 5, kGraphDoc = 10, kGraphInput = 11, kGraphOutput = 12 };
enum ModelField { kIrVersion = 1, kProducerName = 2, kProducerVersion = 3, kGraph = 7, kOpsetImport = 8 };
constexpr int kElemFloat = 1;   // TensorProto.DataType.FLOAT
constexpr int kIrVersion6 = 6;  // the IR version of opset 11
constexpr int kOpset = 11;

struct Attr {
    std::string name;
    enum { Int, Float, Ints } kind = Int;
    std::int64_t i = 0;
    float f = 0;
    std::vector<std::int64_t> ints;
};

pb::Message attribute(const Attr& a)
{
    pb::Message m;
    m.bytesField(kAttrName, a.name);
    if (a.kind == Attr::Int) m.int64Field(kAttrI, a.i), m.varintField(kAttrType, kInt);
    if (a.kind == Attr::Float) m.floatField(kAttrF, a.f), m.varintField(kAttrType, kFloat);
    if (a.kind == Attr::Ints) {
        for (std::int64_t v : a.ints) m.int64Field(kAttrInts, v);
        m.varintField(kAttrType, kInts);
    }
    return m;
}

Attr ints(const std::string& name, std::vector<std::int64_t> v)
{
    Attr a;
    a.name = name, a.kind = Attr::Ints, a.ints = std::move(v);
    return a;
}

Attr intAttr(const std::string& name, std::int64_t v)
{
    Attr a;
    a.name = name, a.kind = Attr::Int, a.i = v;
    return a;
}

Attr floatAttr(const std::string& name, float v)
{
    Attr a;
    a.name = name, a.kind = Attr::Float, a.f = v;
    return a;
}

// The graph under construction: nodes, initializers, and fresh value names.
class GraphBuilder {
  public:
    // Its output's name: `outName`, or a fresh "Op_n".
    std::string node(const std::string& op, const std::vector<std::string>& inputs, const std::vector<Attr>& attrs = {},
                     const std::string& outName = {})
    {
        const std::string out = outName.empty() ? op + "_" + std::to_string(++m_count) : outName;
        pb::Message n;
        for (const std::string& in : inputs) n.bytesField(kNodeInput, in);
        n.bytesField(kNodeOutput, out);
        n.bytesField(kNodeName, out);
        n.bytesField(kOpType, op);
        for (const Attr& a : attrs) n.messageField(kAttribute, attribute(a));
        m_graph.messageField(kGraphNode, n);
        return out;
    }
    // A constant tensor (weights): its name.
    std::string constant(const std::string& name, const std::vector<int>& dims, const Tensor& values)
    {
        size_t n = 1;
        for (int d : dims) n *= static_cast<size_t>(d);
        if (n != values.size()) throw ShapeError("ONNX export: " + name + " holds " + std::to_string(values.size()) + " values, not " + std::to_string(n));
        pb::Message t;
        for (int d : dims) t.int64Field(kDims, d);
        t.varintField(kDataType, kElemFloat);
        t.bytesField(kTensorName, name);
        t.bytesField(kRawData, reinterpret_cast<const char*>(values.data()), values.size() * sizeof(float));
        m_graph.messageField(kInitializer, t);
        return name;
    }
    pb::Message& graph() { return m_graph; }

  private:
    pb::Message m_graph;
    int m_count = 0;
};

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

pb::Message valueInfo(const std::string& name, const std::vector<int>& perExample)
{
    pb::Message shape;
    pb::Message n;
    n.bytesField(2, "N"); // Dimension.dim_param: the batch, any size
    shape.messageField(1, n);
    for (int d : perExample) {
        pb::Message v;
        v.int64Field(1, d); // Dimension.dim_value
        shape.messageField(1, v);
    }
    pb::Message tensor;
    tensor.varintField(1, kElemFloat); // TypeProto.Tensor.elem_type
    tensor.messageField(2, shape);
    pb::Message type;
    type.messageField(1, tensor); // TypeProto.tensor_type
    pb::Message info;
    info.bytesField(1, name);
    info.messageField(2, type);
    return info;
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
    pb::Message& graph = g.graph();
    graph.bytesField(kGraphName, "dllab");
    if (!docString.empty()) graph.bytesField(kGraphDoc, docString);
    graph.messageField(kGraphInput, valueInfo("input", exampleShape));
    graph.messageField(kGraphOutput, valueInfo(x, {out[0]}));
    pb::Message opset;
    opset.bytesField(1, ""); // OperatorSetIdProto.domain: the default ONNX domain
    opset.int64Field(2, kOpset);
    pb::Message model;
    model.int64Field(kIrVersion, kIrVersion6);
    model.bytesField(kProducerName, "DL Visual Lab");
    model.bytesField(kProducerVersion, "1");
    model.messageField(kGraph, graph);
    model.messageField(kOpsetImport, opset);
    return model.bytes();
}

void saveOnnx(Sequential& net, const std::vector<int>& exampleShape, const std::string& path,
              const std::string& docString)
{
    writeFileAtomic(path, onnxModelBytes(net, exampleShape, docString));
}

} // namespace dl
