// SPDX-License-Identifier: MIT
#include "core/export/seq_onnx_export.h"

#include "core/export/onnx_graph.h"
#include "core/util/error.h"
#include "core/util/file.h"

namespace dl {

using namespace onnx;

namespace {

// Rows [r0, r0 + rows) and columns [c0, c0 + cols) of a row-major matrix with C columns (our parameters'
// layout, core/tensor/tensor.h), as a (rows, cols) tensor (Gemm's B with transB = 1: the product is x·Bᵀ), or
// transposed, (cols, rows) (MatMul's B).
Tensor block(const float* rowMajor, int C, int r0, int rows, int c0, int cols, bool transposed)
{
    Tensor t(transposed ? std::vector<int>{cols, rows} : std::vector<int>{rows, cols});
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            const float v = rowMajor[static_cast<size_t>(r0 + r) * C + c0 + c];
            t[transposed ? static_cast<size_t>(c) * rows + r : static_cast<size_t>(r) * cols + c] = v;
        }
    return t;
}

// One layer's weights split per gate: W = [W_a | W_x] (G·n, n + in), b (G·n); gate g's rows [g·n, (g+1)·n).
struct LayerWeights {
    std::vector<std::string> wx, wa, b; // per gate: Gemm's B (n, in), MatMul's B (n, n) = W_aᵀ, the bias (n)
};

LayerWeights constants(GraphBuilder& g, Recurrent& l, int index)
{
    const int n = l.hiddenSize(), in = l.inputSize(), G = gateCount(l.kind()), C = n + in;
    const float* W = l.weight().value.data();
    const float* b = l.bias().value.data();
    LayerWeights w;
    for (int k = 0; k < G; ++k) {
        const std::string name = "layer" + std::to_string(index + 1) + ".gate" + std::to_string(k);
        w.wx.push_back(g.constant(name + ".Wx", {n, in}, block(W, C, k * n, n, n, in, false)));
        w.wa.push_back(g.constant(name + ".WaT", {n, n}, block(W, C, k * n, n, 0, n, true)));
        Tensor bias({n});
        for (int r = 0; r < n; ++r) bias[static_cast<size_t>(r)] = b[k * n + r];
        w.b.push_back(g.constant(name + ".b", {n}, bias));
    }
    return w;
}

// W_x x + b (+ W_a h when there is a previous state): gate k's pre-activation for the inputs `x` (N, in).
std::string preActivation(GraphBuilder& g, const LayerWeights& w, int k, const std::string& x, const std::string& h)
{
    const std::string z = g.node("Gemm", {x, w.wx[k], w.b[k]}, {intAttr("transB", 1)});
    return h.empty() ? z : g.node("Add", {z, g.node("MatMul", {h, w.wa[k]})});
}

// One step of one layer (COURSE.md §11); a, c: the state before (empty at the first step), updated in place.
std::string cell(GraphBuilder& g, CellKind kind, const LayerWeights& w, const std::string& x, std::string& a, std::string& c)
{
    switch (kind) {
    case CellKind::RNN: // a = tanh(W_a a + W_x x + b)
        a = g.node("Tanh", {preActivation(g, w, 0, x, a)});
        break;
    case CellKind::GRU: { // rows c̃, Γu, Γr; c = a
        const std::string u = g.node("Sigmoid", {preActivation(g, w, 1, x, c)});
        const std::string r = g.node("Sigmoid", {preActivation(g, w, 2, x, c)});
        const std::string ct = g.node("Tanh", {preActivation(g, w, 0, x, c.empty() ? c : g.node("Mul", {r, c}))});
        // c = Γu ∗ c̃ + (1 − Γu) ∗ c⟨t−1⟩ = c⟨t−1⟩ + Γu ∗ (c̃ − c⟨t−1⟩)
        c = c.empty() ? g.node("Mul", {u, ct}) : g.node("Add", {c, g.node("Mul", {u, g.node("Sub", {ct, c})})});
        a = c;
        break;
    }
    case CellKind::LSTM: { // rows c̃, Γu, Γf, Γo
        const std::string ct = g.node("Tanh", {preActivation(g, w, 0, x, a)});
        const std::string u = g.node("Sigmoid", {preActivation(g, w, 1, x, a)});
        const std::string f = g.node("Sigmoid", {preActivation(g, w, 2, x, a)});
        const std::string o = g.node("Sigmoid", {preActivation(g, w, 3, x, a)});
        const std::string uc = g.node("Mul", {u, ct});
        c = c.empty() ? uc : g.node("Add", {uc, g.node("Mul", {f, c})}); // c = Γu ∗ c̃ + Γf ∗ c⟨t−1⟩
        a = g.node("Mul", {o, g.node("Tanh", {c})});                       // a = Γo ∗ tanh(c)
        break;
    }
    }
    return a;
}

} // namespace

std::string charModelOnnxBytes(CharModel& m, int steps, const std::string& docString)
{
    if (steps < 1 || steps > 1000) throw ConfigError("--steps: unroll 1 to 1000 steps, not " + std::to_string(steps));
    const CharModelSpec& s = m.spec();
    GraphBuilder g;
    std::vector<LayerWeights> w;
    for (int l = 0; l < s.depth; ++l) w.push_back(constants(g, m.layer(l), l));
    const std::vector<ParamT<float>*> p = m.params();
    const std::string wy = g.constant("out.Wya", {s.vocab, s.hidden}, block(p[p.size() - 2]->value.data(), s.hidden, 0, s.vocab, 0, s.hidden, false));
    const std::string by = g.constant("out.by", {s.vocab}, p.back()->value);
    std::vector<std::string> a(static_cast<size_t>(s.depth)), c(static_cast<size_t>(s.depth));
    std::vector<std::pair<std::string, std::vector<int>>> inputs, outputs;
    for (int t = 1; t <= steps; ++t) {
        std::string h = "x_" + std::to_string(t);
        inputs.push_back({h, {s.vocab}});
        for (int l = 0; l < s.depth; ++l) h = cell(g, s.cell, w[l], h, a[static_cast<size_t>(l)], c[static_cast<size_t>(l)]);
        const std::string y = g.node("Gemm", {h, wy, by}, {intAttr("transB", 1)}, "y_" + std::to_string(t));
        outputs.push_back({y, {s.vocab}});
    }
    return g.modelBytes(inputs, outputs, docString);
}

void saveCharModelOnnx(CharModel& m, int steps, const std::string& path, const std::string& docString)
{
    writeFileAtomic(path, charModelOnnxBytes(m, steps, docString));
}

} // namespace dl
