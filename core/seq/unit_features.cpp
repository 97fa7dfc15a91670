// SPDX-License-Identifier: MIT
#include "core/seq/unit_features.h"

#include <cmath>

namespace dl {

const char* featureName(TextFeature f)
{
    switch (f) {
    case TextFeature::Vowel: return "vowels";
    case TextFeature::InsideQuotes: return "inside quotes";
    case TextFeature::LinePosition: return "position in the line";
    case TextFeature::Space: return "spaces";
    }
    return "";
}

std::vector<double> textFeature(const std::u32string& text, TextFeature f)
{
    std::vector<double> out;
    out.reserve(text.size());
    bool quoted = false;
    double column = 0;
    for (char32_t c : text) {
        const char32_t lower = c >= U'A' && c <= U'Z' ? c + 32 : c;
        switch (f) {
        case TextFeature::Vowel:
            out.push_back(std::u32string_view(U"aeiouy").find(lower) != std::u32string_view::npos);
            break;
        case TextFeature::InsideQuotes: // the quote marks themselves count as outside
            if (c == U'"' || c == U'“' || c == U'”') {
                quoted = c == U'“' ? true : c == U'”' ? false : !quoted;
                out.push_back(0);
            } else {
                out.push_back(quoted);
            }
            break;
        case TextFeature::LinePosition:
            out.push_back(column);
            column = c == U'\n' ? 0 : column + 1;
            break;
        case TextFeature::Space: out.push_back(c == U' '); break;
        }
    }
    return out;
}

std::vector<double> unitCorrelations(const std::vector<std::vector<float>>& hidden, const std::vector<double>& feature)
{
    const size_t T = std::min(hidden.size(), feature.size());
    const size_t n = hidden.empty() ? 0 : hidden.front().size();
    std::vector<double> r(n, 0.0);
    if (T < 2) return r;
    double fm = 0;
    for (size_t t = 0; t < T; ++t) fm += feature[t];
    fm /= static_cast<double>(T);
    for (size_t u = 0; u < n; ++u) {
        double am = 0;
        for (size_t t = 0; t < T; ++t) am += hidden[t][u];
        am /= static_cast<double>(T);
        double sab = 0, saa = 0, sff = 0;
        for (size_t t = 0; t < T; ++t) {
            const double a = hidden[t][u] - am, f = feature[t] - fm;
            sab += a * f, saa += a * a, sff += f * f;
        }
        r[u] = saa > 1e-20 && sff > 1e-20 ? sab / std::sqrt(saa * sff) : 0.0;
    }
    return r;
}

int strongestUnit(const std::vector<double>& r)
{
    int best = -1;
    for (size_t u = 0; u < r.size(); ++u)
        if (best < 0 || std::abs(r[u]) > std::abs(r[static_cast<size_t>(best)])) best = static_cast<int>(u);
    return best;
}

} // namespace dl
