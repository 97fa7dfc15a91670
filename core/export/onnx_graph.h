// SPDX-License-Identifier: MIT
// The ONNX graph under construction (onnx.proto of ONNX 1.12, IR version 6, opset 11), written with our own
// protobuf writer (core/export/protobuf.h): nodes, constant tensors, the graph's inputs and outputs, the model
// around it. Shared by the exporters of core/export (feed-forward models, unrolled recurrent ones). Qt-free.
#pragma once
#include "core/export/protobuf.h"
#include "core/tensor/tensor.h"
#include "core/util/error.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace dl::onnx {

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

Attr ints(const std::string& name, std::vector<std::int64_t> v);
Attr intAttr(const std::string& name, std::int64_t v);
Attr floatAttr(const std::string& name, float v);

pb::Message attribute(const Attr& a);

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
    // The model around the graph: inputs and outputs by name with one example's shape (a leading batch
    // dimension "N" is added), as the bytes of a .onnx file.
    std::string modelBytes(const std::vector<std::pair<std::string, std::vector<int>>>& inputs,
                           const std::vector<std::pair<std::string, std::vector<int>>>& outputs,
                           const std::string& docString);

  private:
    pb::Message m_graph;
    int m_count = 0;
};


} // namespace dl::onnx
