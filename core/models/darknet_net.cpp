// SPDX-License-Identifier: MIT
#include "core/models/darknet_net.h"

#include "core/layers/activation.h"
#include "core/layers/pool2d.h"
#include "core/util/cancel.h"
#include "core/util/error.h"
#include "core/util/threads.h"

#include <chrono>
#include <cmath>
#include <cstring>
#include <limits>

namespace dl {

namespace {

// In place; leaky slope 0.1 (darknet activations.h `leaky_activate`).
void activate(Tensor& t, DnAct act)
{
    float* p = t.data();
    const size_t n = t.size();
    switch (act) {
    case DnAct::Linear:
        break;
    case DnAct::Leaky: // darknet activations.h: 0.1 below zero
        activateInPlace(p, n, Act::LeakyReLU, 0.1f);
        break;
    case DnAct::ReLU:
        activateInPlace(p, n, Act::ReLU);
        break;
    case DnAct::Logistic:
        activateInPlace(p, n, Act::Sigmoid);
        break;
    }
}

const char* kindName(DnKind k)
{
    switch (k) {
    case DnKind::Conv:
        return "conv";
    case DnKind::MaxPool:
        return "maxpool";
    case DnKind::AvgPool:
        return "avgpool";
    case DnKind::Route:
        return "route";
    case DnKind::Shortcut:
        return "shortcut";
    case DnKind::Upsample:
        return "upsample";
    case DnKind::Dropout:
        return "dropout";
    case DnKind::Yolo:
        return "yolo";
    case DnKind::Region:
        return "region";
    case DnKind::Softmax:
        return "softmax";
    }
    return "?";
}

} // namespace

std::string DnLayer::describe() const
{
    std::string d = kindName(kind);
    if (kind == DnKind::Conv) {
        const Conv2dSpec& s = conv->spec();
        d += " " + std::to_string(s.kernel) + "×" + std::to_string(s.kernel);
        if (s.stride != 1) d += "/" + std::to_string(s.stride);
        if (s.groups != 1) d += s.groups == s.inChannels ? " dw" : " g" + std::to_string(s.groups);
        d += act == DnAct::Leaky ? " leaky" : act == DnAct::Linear ? " linear" : "";
    } else if (kind == DnKind::MaxPool) {
        d += " " + std::to_string(pool->kernel()) + "/" + std::to_string(pool->stride());
    } else if (kind == DnKind::Route || kind == DnKind::Shortcut) {
        for (size_t i = 0; i < from.size(); ++i) d += (i ? "," : " ") + std::to_string(from[i]);
    }
    return d + " → " + std::to_string(c) + "×" + std::to_string(h) + "×" + std::to_string(w);
}

DarknetNet::DarknetNet(int channels, int height, int width) : m_c(channels), m_h(height), m_w(width)
{
    if (channels <= 0 || height <= 0 || width <= 0 || height > 8192 || width > 8192 || channels > 64)
        throw ConfigError("network input " + std::to_string(channels) + "×" + std::to_string(height) + "×" +
                          std::to_string(width) + " is not a size this lab can run");
}

// Limits that keep a hostile or mistyped cfg from asking for gigabytes (yolov3.cfg, the largest darknet
// detector Debian ships, has 62 M weights and 107 layers).
constexpr size_t kMaxWeights = 64u << 20;
constexpr long kMaxLayerValues = 1L << 27;
constexpr size_t kMaxLayers = 2000;

void DarknetNet::addLayer(DnLayer l)
{
    if (l.c <= 0 || l.h <= 0 || l.w <= 0 || static_cast<long>(l.c) * l.h * l.w > kMaxLayerValues)
        throw ConfigError("this layer's output (" + std::to_string(l.c) + "×" + std::to_string(l.h) + "×" +
                          std::to_string(l.w) + ") is larger than this lab runs");
    if (m_layers.size() >= kMaxLayers) throw ConfigError("more than 2000 layers");
    m_layers.push_back(std::move(l));
    m_outputs.emplace_back();
}

static void lastShape(const DarknetNet& n, int& c, int& h, int& w)
{
    if (n.layers().empty()) {
        c = n.inputC(), h = n.inputH(), w = n.inputW();
    } else {
        const DnLayer& l = n.layers().back();
        c = l.c, h = l.h, w = l.w;
    }
}

void DarknetNet::addConv(int filters, int size, int stride, int pad, int groups, bool batchNorm, DnAct act,
                         int line)
{
    int c, h, w;
    lastShape(*this, c, h, w);
    if (filters <= 0 || filters > 16384 || size <= 0 || size > 15 || stride <= 0 || stride > 8 || groups <= 0)
        throw ConfigError("convolution: filters, size, stride and groups must be positive and sensible");
    if (groups > c || c % groups || filters % groups)
        throw ConfigError("groups=" + std::to_string(groups) + " must divide the " + std::to_string(c) +
                          " input channels and the " + std::to_string(filters) + " filters");
    const size_t weights = static_cast<size_t>(filters) * (c / groups) * size * size;
    if (m_weightCount + weights > kMaxWeights)
        throw ConfigError("the network would need more than 64 M weights, more than this lab runs");
    m_weightCount += weights;
    DnLayer l;
    l.kind = DnKind::Conv;
    l.line = line;
    l.conv = std::make_unique<Conv2d>(Conv2dSpec{c, filters, size, stride, pad, groups, false}); // inference
    const Shape os = l.conv->outputShape({1, c, h, w}); // throws ShapeError when the input is too small
    l.c = os[1], l.h = os[2], l.w = os[3];
    l.batchNorm = batchNorm;
    l.act = act;
    addLayer(std::move(l));
}

void DarknetNet::addMaxPool(int size, int stride, int pad, int line)
{
    int c, h, w;
    lastShape(*this, c, h, w);
    DnLayer l;
    l.kind = DnKind::MaxPool;
    l.line = line;
    l.pool = std::make_unique<Pool2d>(PoolKind::Max, size, stride, pad, PoolPad::Darknet); // range-checked
    l.c = c;
    l.h = (h + pad - size) / stride + 1; // darknet maxpool_layer.c
    l.w = (w + pad - size) / stride + 1;
    if (l.h <= 0 || l.w <= 0) throw ConfigError("maxpool: the input is smaller than the window");
    addLayer(std::move(l));
}

void DarknetNet::addHead(const HeadSpec& head, int line)
{
    int c, h, w;
    lastShape(*this, c, h, w);
    const int na = static_cast<int>(head.anchors.size() / 2);
    if (na <= 0 || head.anchors.size() % 2 || head.classes < 0)
        throw ConfigError("detection head: anchors must come in (w, h) pairs");
    if (c != na * (5 + head.classes))
        throw ConfigError("detection head: the layer before it has " + std::to_string(c) + " channels but " +
                          std::to_string(na) + " anchors × (5 + " + std::to_string(head.classes) +
                          " classes) = " + std::to_string(na * (5 + head.classes)) + " are needed");
    DnLayer l;
    l.kind = head.region ? DnKind::Region : DnKind::Yolo;
    l.line = line;
    l.c = c, l.h = h, l.w = w;
    l.head = head;
    addLayer(std::move(l));
}

std::vector<int> DarknetNet::headLayers() const
{
    std::vector<int> out;
    for (size_t i = 0; i < m_layers.size(); ++i)
        if (m_layers[i].kind == DnKind::Yolo || m_layers[i].kind == DnKind::Region)
            out.push_back(static_cast<int>(i));
    return out;
}

} // namespace dl

namespace dl {

namespace {

bool isIdentity(DnKind k)
{
    return k == DnKind::Dropout || k == DnKind::Yolo || k == DnKind::Region;
}

} // namespace

// Who reads what: a layer's output is read by the next layer and by routes/shortcuts naming it; heads and
// the last layer are read after forward. Identity layers read through to their source.
int DarknetNet::source(int layer) const
{
    while (layer >= 0 && isIdentity(m_layers[static_cast<size_t>(layer)].kind)) --layer;
    return layer;
}

void DarknetNet::planBuffers()
{
    const int n = static_cast<int>(m_layers.size());
    std::vector<int> lastUse(m_layers.size(), -1);
    auto use = [&](int src, int by) {
        if ((src = source(src)) >= 0)
            lastUse[static_cast<size_t>(src)] = std::max(lastUse[static_cast<size_t>(src)], by);
    };
    for (int i = 0; i < n; ++i) {
        use(i - 1, i);
        for (int f : m_layers[static_cast<size_t>(i)].from) use(f, i);
    }
    for (int h : headLayers()) use(h, n); // read after forward: never released
    use(n - 1, n);
    m_release.assign(m_layers.size(), {});
    for (int r = 0; r < n; ++r)
        if (lastUse[static_cast<size_t>(r)] >= 0 && lastUse[static_cast<size_t>(r)] < n)
            m_release[static_cast<size_t>(lastUse[static_cast<size_t>(r)])].push_back(r);
}

const Tensor& DarknetNet::output(int layer) const
{
    DL_CHECK(layer >= 0 && layer < static_cast<int>(m_layers.size()),
             "DarknetNet::output: no layer " + std::to_string(layer));
    layer = source(layer);
    return layer < 0 ? m_input : m_outputs[static_cast<size_t>(layer)];
}

const Tensor& DarknetNet::forward(const Tensor& x)
{
    adaptThreads(); // one thread while other programs keep the cores busy (util/threads.h)
    DL_CHECK(x.rank() == 4 && x.dim(0) == 1 && x.dim(1) == m_c && x.dim(2) == m_h && x.dim(3) == m_w,
             "DarknetNet::forward expects (1, " + std::to_string(m_c) + ", " + std::to_string(m_h) + ", " +
                 std::to_string(m_w) + "), got " + shapeString(x.shape()));
    DL_CHECK(!m_layers.empty(), "DarknetNet::forward: the network has no layers");
    m_input = x; // kept: identity layers at the very start resolve to it
    auto input = [&](int idx) -> const Tensor& {
        idx = source(idx);
        return idx < 0 ? m_input : m_outputs[static_cast<size_t>(idx)];
    };
    m_seconds.assign(m_layers.size(), 0.0);
    if (!m_keepAll && m_release.empty()) planBuffers();
    auto t0 = std::chrono::steady_clock::now();
    for (size_t i = 0; i < m_layers.size(); ++i) {
        checkCancelled(); // between layers: closing the lab need not wait for the whole forward
        const DnLayer& l = m_layers[i];
        const Tensor& prev = input(static_cast<int>(i) - 1);
        Tensor& y = m_outputs[i];
        if (!m_keepAll && y.size() == 0 && !m_pool.empty() && !isIdentity(l.kind)) {
            // The released buffer with the most capacity: resize() then rarely allocates.
            size_t best = 0;
            for (size_t k = 1; k < m_pool.size(); ++k)
                if (m_pool[k].capacity() > m_pool[best].capacity()) best = k;
            y = std::move(m_pool[best]);
            m_pool.erase(m_pool.begin() + static_cast<long>(best));
        }
        switch (l.kind) {
        case DnKind::Conv:
            if (l.act == DnAct::Leaky || l.act == DnAct::Linear) {
                l.conv->forwardInto(prev, y, l.act == DnAct::Leaky ? 0.1f : 1.f); // leaky fused
            } else {
                l.conv->forwardInto(prev, y);
                activate(y, l.act);
            }
            break;
        case DnKind::MaxPool:
            l.pool->forwardInto(prev, y, false); // darknet forward_maxpool_layer (core/layers/pool2d.h)
            break;
        case DnKind::AvgPool: { // global average (darknet avgpool_layer.c)
            y.resize({1, l.c, 1, 1});
            const size_t hw = static_cast<size_t>(prev.dim(2)) * prev.dim(3);
            for (int c = 0; c < l.c; ++c) {
                double s = 0;
                for (size_t k = 0; k < hw; ++k) s += prev[c * hw + k];
                y[c] = static_cast<float>(s / hw);
            }
            break;
        }
        case DnKind::Route: { // channel concat of slice groupId/groups of each input
            y.resize({1, l.c, l.h, l.w});
            float* out = y.data();
            for (int src : l.from) {
                const Tensor& t = input(src);
                const size_t part = t.size() / l.groups;
                std::memcpy(out, t.data() + part * l.groupId, part * sizeof(float));
                out += part;
            }
            break;
        }
        case DnKind::Shortcut: { // element-wise sum with an earlier layer (darknet shortcut_layer.c)
            const Tensor& other = input(l.from[0]);
            y = prev;
            y.arr() += other.arr();
            activate(y, l.act);
            break;
        }
        case DnKind::Upsample: { // nearest neighbour, times `scale` (darknet upsample_layer.c)
            y.resize({1, l.c, l.h, l.w});
            const int ih = prev.dim(2), iw = prev.dim(3), s = l.stride;
            for (int c = 0; c < l.c; ++c)
                for (int oy = 0; oy < l.h; ++oy) {
                    const float* in = prev.data() + (static_cast<size_t>(c) * ih + oy / s) * iw;
                    float* out = y.data() + (static_cast<size_t>(c) * l.h + oy) * l.w;
                    for (int ox = 0; ox < l.w; ++ox) out[ox] = l.scale * in[ox / s];
                }
            break;
        }
        case DnKind::Softmax: { // over all channels of one image (darknet softmax, groups = 1)
            y = prev;
            const float m = y.arr().maxCoeff();
            y.arr() = (y.arr() - m).exp();
            y.arr() /= y.arr().sum();
            break;
        }
        case DnKind::Dropout: // identity at inference: output(i) is the input's tensor
        case DnKind::Yolo:    // raw outputs; yolo_decode.cpp reads them through output(i)
        case DnKind::Region:
            break;
        }
        if (!m_keepAll)
            for (int r : m_release[i]) {
                m_pool.push_back(std::move(m_outputs[static_cast<size_t>(r)]));
                m_outputs[static_cast<size_t>(r)] = Tensor();
            }
        const auto t1 = std::chrono::steady_clock::now();
        m_seconds[i] = std::chrono::duration<double>(t1 - t0).count();
        t0 = t1;
    }
    return output(static_cast<int>(m_layers.size()) - 1);
}

} // namespace dl
