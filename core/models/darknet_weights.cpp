// SPDX-License-Identifier: MIT
// DarknetNet from a .cfg (pjreddie/darknet parser.c semantics) and its .weights (MODELS.md §2.1).
#include "core/models/darknet_net.h"

#include "core/util/cancel.h"
#include "core/util/error.h"

#include <cmath>
#include <cstdint>
#include <cstring>

namespace dl {

namespace {

DnAct actOf(const CfgSection& s, const std::string& file, const char* def)
{
    const std::string a = s.getString("activation", def);
    if (a == "linear") return DnAct::Linear;
    if (a == "leaky") return DnAct::Leaky;
    if (a == "relu") return DnAct::ReLU;
    if (a == "logistic") return DnAct::Logistic;
    throw FormatError(fileLinePrefix(file, s.find("activation")->line) + "activation=" + a +
                      " is not supported; this lab runs linear, leaky, relu and logistic.");
}

void requireValue(const CfgSection& s, const std::string& file, const char* key, int want)
{
    const CfgOption* o = s.find(key);
    if (o && s.getInt(file, key, want) != want)
        throw FormatError(fileLinePrefix(file, o->line) + key + "=" + o->value +
                          " is not supported by this lab.");
}

} // namespace

void DarknetNet::addFromSection(const CfgSection& s, const std::string& file)
{
    const int index = static_cast<int>(m_layers.size());
    if (s.type == "convolutional") {
        const int size = s.getInt(file, "size", 1);
        const int stride = s.getInt(file, "stride", 1);
        const int pad = s.getInt(file, "pad", 0) ? size / 2 : s.getInt(file, "padding", 0);
        for (const char* k : {"dilation"}) requireValue(s, file, k, 1);
        for (const char* k : {"binary", "xnor", "deform", "coordconv", "antialiasing"})
            requireValue(s, file, k, 0);
        for (const char* k : {"stride_x", "stride_y"}) requireValue(s, file, k, stride);
        const int groups = s.getInt(file, "groups", 1); // addConv checks it divides channels and filters
        const int filters = s.getInt(file, "filters", 1);
        addConv(filters, size, stride, pad, groups, s.getInt(file, "batch_normalize", 0) != 0,
                actOf(s, file, "logistic"), s.line);
    } else if (s.type == "maxpool") {
        const int stride = s.getInt(file, "stride", 1);
        const int size = s.getInt(file, "size", stride);
        for (const char* k : {"stride_x", "stride_y"}) requireValue(s, file, k, stride);
        requireValue(s, file, "maxpool_depth", 0);
        addMaxPool(size, stride, s.getInt(file, "padding", size - 1), s.line);
    } else if (s.type == "yolo" || s.type == "region") {
        HeadSpec h;
        h.region = s.type == "region";
        h.classes = s.getInt(file, "classes", 20);
        const int num = s.getInt(file, "num", 1);
        const std::vector<float> all = s.getFloats(file, "anchors");
        std::vector<int> mask = s.getInts(file, "mask");
        if (mask.empty())
            for (int i = 0; i < num; ++i) mask.push_back(i);
        for (int m : mask) {
            if (m < 0 || 2 * m + 1 >= static_cast<int>(all.size()))
                throw FormatError(fileLinePrefix(file, s.line) + "mask " + std::to_string(m) +
                                  " has no anchor (" + std::to_string(all.size() / 2) + " anchors given).");
            h.anchors.push_back(all[2 * m]);
            h.anchors.push_back(all[2 * m + 1]);
        }
        h.scaleXY = s.getFloat(file, "scale_x_y", 1.f);
        h.softmax = s.getInt(file, "softmax", 0) != 0;
        requireValue(s, file, "new_coords", 0);
        requireValue(s, file, "coords", 4);
        addHead(h, s.line);
    } else {
        DnLayer l;
        l.line = s.line;
        const DnLayer* prev = m_layers.empty() ? nullptr : &m_layers.back();
        l.c = prev ? prev->c : m_c, l.h = prev ? prev->h : m_h, l.w = prev ? prev->w : m_w;
        if (s.type == "net") {
            throw FormatError(fileLinePrefix(file, s.line) + "a second [net]; a cfg has one, at the top.");
        } else if (s.type == "avgpool") {
            l.kind = DnKind::AvgPool;
            l.h = l.w = 1;
        } else if (s.type == "dropout" || s.type == "cost") {
            l.kind = DnKind::Dropout; // [cost] is training-only but still counts as a layer index
        } else if (s.type == "softmax") {
            l.kind = DnKind::Softmax;
            requireValue(s, file, "groups", 1);
        } else if (s.type == "upsample") {
            l.kind = DnKind::Upsample;
            l.stride = s.getInt(file, "stride", 2);
            l.scale = s.getFloat(file, "scale", 1.f);
            if (l.stride < 1 || l.stride > 32)
                throw FormatError(fileLinePrefix(file, s.line) +
                                  "upsample stride must be 1..32 (downsampling is not supported).");
            l.h *= l.stride, l.w *= l.stride;
        } else if (s.type == "route" || s.type == "shortcut") {
            const bool route = s.type == "route";
            std::vector<int> refs =
                route ? s.getInts(file, "layers") : std::vector<int>{s.getInt(file, "from", 0)};
            if (refs.empty() || (!route && !s.find("from")))
                throw FormatError(fileLinePrefix(file, s.line) + "[" + s.type + "] needs " +
                                  (route ? "layers=" : "from=") + ".");
            for (int& r : refs) {
                if (r < 0) r += index; // relative to this layer (parser.c parse_route / parse_shortcut)
                if (r < 0 || r >= index)
                    throw FormatError(fileLinePrefix(file, s.line) + "[" + s.type + "] refers to layer " +
                                      std::to_string(r) + ", which does not exist before layer " +
                                      std::to_string(index) + ".");
            }
            if (route) {
                l.kind = DnKind::Route;
                l.groups = s.getInt(file, "groups", 1);
                l.groupId = s.getInt(file, "group_id", 0);
                if (l.groups < 1 || l.groupId < 0 || l.groupId >= l.groups)
                    throw FormatError(fileLinePrefix(file, s.line) + "route groups/group_id out of range.");
                l.c = 0;
                const DnLayer& first = m_layers[static_cast<size_t>(refs[0])];
                l.h = first.h, l.w = first.w;
                for (int r : refs) {
                    const DnLayer& src = m_layers[static_cast<size_t>(r)];
                    if (src.h != l.h || src.w != l.w)
                        throw FormatError(fileLinePrefix(file, s.line) + "route joins layer " +
                                          std::to_string(refs[0]) + " (" + std::to_string(l.h) + "×" +
                                          std::to_string(l.w) + ") and layer " + std::to_string(r) + " (" +
                                          std::to_string(src.h) + "×" + std::to_string(src.w) +
                                          "): sizes differ.");
                    if (src.c % l.groups)
                        throw FormatError(fileLinePrefix(file, s.line) + "route groups do not divide layer " +
                                          std::to_string(r) + "'s channels.");
                    l.c += src.c / l.groups;
                }
            } else {
                l.kind = DnKind::Shortcut;
                l.act = actOf(s, file, "linear");
                const DnLayer& src = m_layers[static_cast<size_t>(refs[0])];
                if (src.c != l.c || src.h != l.h || src.w != l.w)
                    throw FormatError(fileLinePrefix(file, s.line) + "shortcut adds layer " +
                                      std::to_string(refs[0]) +
                                      " to the previous layer but their shapes differ.");
            }
            l.from = refs;
        }
        addLayer(std::move(l));
    }
}

DarknetNet DarknetNet::fromCfg(const std::string& text, const std::string& file)
{
    const std::vector<CfgSection> sections = parseDarknetCfg(text, file);
    const CfgSection& net = sections.front();
    const int w = net.getInt(file, "width", 0), h = net.getInt(file, "height", 0),
              c = net.getInt(file, "channels", 0);
    if (w <= 0 || h <= 0 || c <= 0 || w > 8192 || h > 8192 || c > 64)
        throw FormatError(fileLinePrefix(file, net.line) +
                          "[net] needs width, height and channels (1..8192, 1..64).");
    DarknetNet n(c, h, w);
    n.m_letterbox = net.getInt(file, "letter_box", 0) != 0;
    for (size_t i = 1; i < sections.size(); ++i) {
        checkCancelled();
        try {
            n.addFromSection(sections[i], file);
        } catch (const FormatError&) {
            throw;
        } catch (const Error& e) { // shape and config errors from the builders: say which section
            throw FormatError(fileLinePrefix(file, sections[i].line) + "[" + sections[i].type + "] " +
                              e.what());
        }
    }
    if (n.m_layers.empty()) throw FormatError(file + " has no layers after [net].");
    return n;
}

size_t DarknetNet::weightFloatCount() const
{
    size_t n = 0;
    for (const DnLayer& l : m_layers)
        if (l.kind == DnKind::Conv)
            n += static_cast<size_t>(l.c) * (l.batchNorm ? 4 : 1) + l.conv->weight().value.size();
    return n;
}

void DarknetNet::loadWeights(const std::string& bytes, const std::string& file)
{
    auto i32 = [&](size_t off) {
        std::int32_t v;
        std::memcpy(&v, bytes.data() + off, 4);
        return v;
    };
    if (bytes.size() < 16)
        throw FormatError(file + " is " + std::to_string(bytes.size()) +
                          " bytes, too short for a darknet weights header; is it a .weights file?");
    const std::int32_t major = i32(0), minor = i32(4), revision = i32(8);
    if (major < 0 || minor < 0 || revision < 0 || major > 1000 || minor > 1000)
        throw FormatError(file + " does not start with a darknet weights header (version " +
                          std::to_string(major) + "." + std::to_string(minor) + "." +
                          std::to_string(revision) + ").");
    // `seen` is 64-bit from version 0.2 on (darknet parser.c load_weights_upto).
    const size_t header = 12 + ((major * 10 + minor >= 2) ? 8 : 4);
    const size_t need = header + 4 * weightFloatCount();
    if (bytes.size() < need)
        throw FormatError(file + " is truncated: the cfg needs " + std::to_string(weightFloatCount()) +
                          " weights (" + std::to_string(need) + " bytes) but the file has " +
                          std::to_string(bytes.size()) + " bytes; copy the file again.");
    if (bytes.size() > need)
        throw FormatError(file + " has " + std::to_string(bytes.size() - need) +
                          " bytes more than the cfg needs; are these the weights of another cfg?");
    size_t off = header;
    auto read = [&](float* dst, size_t n) {
        std::memcpy(dst, bytes.data() + off, n * 4);
        for (size_t k = 0; k < n; ++k)
            if (!std::isfinite(dst[k]))
                throw FormatError(file + " holds a NaN or infinite weight at byte " +
                                  std::to_string(off + 4 * k) + "; the file is damaged.");
        off += n * 4;
    };
    for (DnLayer& l : m_layers) {
        if (l.kind != DnKind::Conv) continue;
        checkCancelled(); // a layer at a time: closing the lab stops a large file's reading (util/cancel.h)
        const size_t n = static_cast<size_t>(l.c);
        Tensor& wt = l.conv->weight().value; // (Cout, Cin/groups, k, k): darknet's OIHW order
        Tensor& bias = l.conv->bias().value;
        read(bias.data(), n);
        std::vector<float> scales(n), mean(n), var(n);
        if (l.batchNorm) {
            read(scales.data(), n);
            read(mean.data(), n);
            read(var.data(), n);
        }
        read(wt.data(), wt.size());
        if (!l.batchNorm) continue;
        // Fold inference batch norm y = s·(x − m)/√(v + ε) + b into the convolution (MODELS.md §3.2):
        // w' = w·s/√(v + ε), b' = b − m·s/√(v + ε). ε = 1e-6 as OpenCV's darknet importer (our test oracle;
        // pjreddie's darknet uses √v + 1e-6): with AlexeyAB's 1e-5 Yolo-Fastest-xl's raw head outputs moved
        // up to 0.0098 away from OpenCV's on dog.jpg, with 1e-6 they agree within 1e-3 (tst_darknet).
        const size_t per = wt.size() / n;
        for (size_t o = 0; o < n; ++o) {
            const float k = scales[o] / std::sqrt(var[o] + 1e-6f);
            for (size_t j = 0; j < per; ++j) wt[o * per + j] *= k;
            bias[o] -= mean[o] * k;
        }
    }
}

} // namespace dl
