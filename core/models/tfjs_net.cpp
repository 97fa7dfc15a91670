// SPDX-License-Identifier: MIT
#include "core/models/tfjs_net.h"

#include "core/models/model_files.h"
#include "core/util/error.h"

#include <algorithm>
#include <filesystem>

namespace dl {

std::vector<NamedTensor> loadTfjsModel(const std::string& dir, const std::string& stem, const std::string& what)
{
    const std::filesystem::path d(dir);
    const std::string manifestName = stem + "-weights_manifest.json";
    const TfjsManifest m = parseTfjsManifest(readModelFile((d / manifestName).string(), what), manifestName);
    std::string bin;
    for (const std::string& p : m.paths) bin += readModelFile((d / p).string(), what + "'s weights");
    return decodeTfjsWeights(m, bin, m.paths.front());
}

TfjsTensors::TfjsTensors(const std::vector<NamedTensor>& weights, std::string model, std::string hint)
    : m_model(std::move(model)), m_hint(std::move(hint))
{
    for (const NamedTensor& t : weights) m_byName[t.name] = &t;
}

const NamedTensor& TfjsTensors::get(const std::string& name, const std::vector<int>& shape) const
{
    auto it = m_byName.find(name);
    if (it == m_byName.end()) throw FormatError(m_model + " has no tensor " + name + "; is it " + m_hint + "?");
    if (it->second->shape != shape) throw FormatError(m_model + "'s tensor " + name + " has an unexpected shape.");
    return *it->second;
}

void loadHwioConv(Conv2d& conv, const NamedTensor& f, const NamedTensor* bias, bool depthwise,
                  const NamedTensor* outScale, const NamedTensor* outShift)
{
    const int kh = f.shape[0], kw = f.shape[1], cin = f.shape[2], cout = depthwise ? cin : f.shape[3];
    const int perGroup = depthwise ? 1 : cin;
    Tensor& w = conv.weight().value;
    DL_CHECK(w.size() == static_cast<size_t>(cout) * perGroup * kh * kw, "loadHwioConv: the conv does not fit");
    for (int o = 0; o < cout; ++o) {
        const float s = outScale ? outScale->values[static_cast<size_t>(o)] : 1.f;
        for (int i = 0; i < kh; ++i)
            for (int j = 0; j < kw; ++j)
                for (int ci = 0; ci < perGroup; ++ci) {
                    const size_t src = depthwise ? (static_cast<size_t>(i) * kw + j) * cin + o
                                                 : ((static_cast<size_t>(i) * kw + j) * cin + ci) * cout + o;
                    w[((static_cast<size_t>(o) * perGroup + ci) * kh + i) * kw + j] = s * f.values[src];
                }
        const float b = bias ? bias->values[static_cast<size_t>(o)] : 0.f;
        conv.bias().value[static_cast<size_t>(o)] = s * b + (outShift ? outShift->values[static_cast<size_t>(o)] : 0.f);
    }
}

void padTfSame(const Tensor& x, int kernel, int stride, Tensor& out)
{
    const int C = x.dim(1), h = x.dim(2), w = x.dim(3);
    auto split = [&](int in) {
        const int total = std::max(((in + stride - 1) / stride - 1) * stride + kernel - in, 0);
        return std::pair{total / 2, total - total / 2};
    };
    const auto [top, bottom] = split(h);
    const auto [left, right] = split(w);
    const int H = h + top + bottom, W = w + left + right;
    out.resize({1, C, H, W});
    out.setZero();
    for (int c = 0; c < C; ++c)
        for (int y = 0; y < h; ++y)
            std::copy_n(x.data() + (static_cast<size_t>(c) * h + y) * w, w,
                        out.data() + (static_cast<size_t>(c) * H + y + top) * W + left);
}

} // namespace dl
