// SPDX-License-Identifier: MIT
#include "core/models/tfjs_weights.h"

#include "core/util/error.h"
#include "core/util/json.h"

#include <cmath>
#include <cstdint>
#include <cstring>

namespace dl {

size_t TfjsEntry::count() const
{
    size_t n = 1;
    for (int d : shape) n *= static_cast<size_t>(d);
    return n;
}

static size_t bytesPerValue(const TfjsEntry& e)
{
    return e.quantDtype == "uint8" ? 1 : e.quantDtype == "uint16" ? 2 : 4;
}

TfjsManifest parseTfjsManifest(const std::string& json, const std::string& file)
{
    Json root;
    try {
        root = Json::parse(json);
    } catch (const Error& e) {
        throw FormatError(file + " is not valid JSON (" + e.what() + ").");
    }
    if (!root.isArray() || root.size() == 0)
        throw FormatError(file + " is not a TF.js weights manifest (expected a list of weight groups).");
    TfjsManifest m;
    try {
        for (const Json& group : root.elements()) {
            for (const Json& p : group.at("paths").elements()) m.paths.push_back(p.string("paths entry"));
            for (const Json& w : group.at("weights").elements()) {
                TfjsEntry e;
                e.name = w.at("name").string("name");
                size_t total = 1;
                for (const Json& d : w.at("shape").elements()) {
                    const double v = d.number("shape entry");
                    if (v < 0 || v > 1e8 || v != std::floor(v))
                        throw FormatError(file + ": tensor " + e.name + " has a shape entry of " +
                                          std::to_string(v) + ".");
                    e.shape.push_back(static_cast<int>(v));
                    total *= static_cast<size_t>(v);
                    if (total > 100'000'000)
                        throw FormatError(file + ": tensor " + e.name + " is implausibly large.");
                }
                e.dtype = w.get("dtype", std::string("float32"));
                if (e.dtype != "float32" && e.dtype != "int32")
                    throw FormatError(file + ": tensor " + e.name + " has dtype " + e.dtype +
                                      "; expected float32 or int32.");
                if (const Json* q = w.find("quantization")) {
                    e.quantDtype = q->at("dtype").string("quantization dtype");
                    if (e.quantDtype != "uint8" && e.quantDtype != "uint16")
                        throw FormatError(file + ": tensor " + e.name + " is quantised as " + e.quantDtype +
                                          "; this lab reads uint8 and uint16.");
                    e.scale = q->at("scale").number("scale");
                    e.min = q->at("min").number("min");
                }
                m.entries.push_back(std::move(e));
            }
        }
    } catch (const FormatError& e) {
        const std::string what = e.what();
        if (what.rfind(file, 0) == 0) throw;
        throw FormatError(file + ": " + what);
    }
    if (m.paths.empty() || m.entries.empty())
        throw FormatError(file + " lists no weight files or no tensors.");
    return m;
}

std::vector<NamedTensor> decodeTfjsWeights(const TfjsManifest& m, const std::string& bin,
                                           const std::string& file)
{
    size_t need = 0;
    for (const TfjsEntry& e : m.entries) need += e.count() * bytesPerValue(e);
    if (bin.size() != need)
        throw FormatError(file + " has " + std::to_string(bin.size()) + " bytes but its manifest describes " +
                          std::to_string(need) +
                          (bin.size() < need ? "; the file is truncated." : "; is it another model's file?"));
    std::vector<NamedTensor> out;
    const auto* p = reinterpret_cast<const unsigned char*>(bin.data());
    for (const TfjsEntry& e : m.entries) {
        NamedTensor t{e.name, e.shape, std::vector<float>(e.count())};
        const size_t n = t.values.size();
        float* v = t.values.data();
        // The encoding is the entry's, not the value's: decided once, then one tight loop per entry.
        const bool int32 = e.dtype == "int32";
        if (e.quantDtype == "uint8" || e.quantDtype == "uint16") {
            const bool wide = e.quantDtype == "uint16";
            for (size_t i = 0; i < n; ++i) {
                const unsigned q = wide ? unsigned(p[2 * i] | (p[2 * i + 1] << 8)) : p[i];
                v[i] = static_cast<float>(e.min + e.scale * q); // MODELS.md §1.1: min + scale·q
                if (int32) v[i] = std::round(v[i]);
            }
        } else if (int32) {
            for (size_t i = 0; i < n; ++i) {
                std::int32_t x;
                std::memcpy(&x, p + 4 * i, 4);
                v[i] = static_cast<float>(x);
            }
        } else {
            if (n) std::memcpy(v, p, 4 * n); // little-endian float32, as the format stores it
        }
        for (size_t i = 0; i < n; ++i)
            if (!std::isfinite(v[i]))
                throw FormatError(file + ": tensor " + e.name + " holds a NaN or infinite value; the file is damaged.");
        p += e.count() * bytesPerValue(e);
        out.push_back(std::move(t));
    }
    return out;
}

} // namespace dl
