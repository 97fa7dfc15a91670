// SPDX-License-Identifier: MIT
#include "core/export/onnx_graph.h"

namespace dl::onnx {

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

std::string GraphBuilder::modelBytes(const std::vector<std::pair<std::string, std::vector<int>>>& inputs,
                                     const std::vector<std::pair<std::string, std::vector<int>>>& outputs,
                                     const std::string& docString)
{
    m_graph.bytesField(kGraphName, "dllab");
    if (!docString.empty()) m_graph.bytesField(kGraphDoc, docString);
    for (const auto& [name, shape] : inputs) m_graph.messageField(kGraphInput, valueInfo(name, shape));
    for (const auto& [name, shape] : outputs) m_graph.messageField(kGraphOutput, valueInfo(name, shape));
    pb::Message opset;
    opset.bytesField(1, ""); // OperatorSetIdProto.domain: the default ONNX domain
    opset.int64Field(2, kOpset);
    pb::Message model;
    model.int64Field(kIrVersion, kIrVersion6);
    model.bytesField(kProducerName, "DL Visual Lab");
    model.bytesField(kProducerVersion, "1");
    model.messageField(kGraph, m_graph);
    model.messageField(kOpsetImport, opset);
    return model.bytes();
}

} // namespace dl::onnx
