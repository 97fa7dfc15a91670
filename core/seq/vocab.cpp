// SPDX-License-Identifier: MIT
// UTF-8 per RFC 3629 §3-4 (the well-formed byte sequences table).
#include "core/seq/vocab.h"

#include "core/util/error.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace dl {

std::u32string decodeUtf8(const std::string& text, const std::string& name)
{
    std::u32string out;
    out.reserve(text.size());
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const size_t n = text.size();
    for (size_t i = 0; i < n;) {
        const unsigned c = s[i];
        int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        bool ok = len > 0 && i + len <= n;
        for (int k = 1; ok && k < len; ++k) {
            ok = (s[i + k] & 0xC0) == 0x80;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        const char32_t least[5] = {0, 0, 0x80, 0x800, 0x10000}; // overlong forms are invalid
        ok = ok && cp >= least[len] && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
        if (!ok)
            throw FormatError(name + ": byte " + std::to_string(i + 1) +
                              " does not start a valid UTF-8 character; save the file as UTF-8.");
        out.push_back(cp);
        i += static_cast<size_t>(len);
    }
    return out;
}

std::string encodeUtf8(const std::u32string& text)
{
    std::string out;
    out.reserve(text.size());
    for (char32_t c : text) {
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out += static_cast<char>(0xE0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (c >> 18));
            out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

CharVocab CharVocab::fromText(const std::u32string& text, int cap)
{
    if (cap < 2 || cap > 65536) throw ConfigError("the vocabulary cap must be from 2 to 65536");
    if (text.empty()) throw ConfigError("the text is empty: there is nothing to learn characters from");
    std::unordered_map<char32_t, long> count;
    for (char32_t c : text) ++count[c];
    std::vector<std::pair<char32_t, long>> byCount(count.begin(), count.end());
    std::sort(byCount.begin(), byCount.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    const bool unk = static_cast<int>(byCount.size()) > cap;
    const size_t keep = unk ? static_cast<size_t>(cap - 1) : byCount.size(); // <unk> takes one place
    std::u32string symbols;
    for (size_t i = 0; i < keep; ++i) symbols.push_back(byCount[i].first);
    return fromSymbols(std::move(symbols), unk);
}

CharVocab CharVocab::fromSymbols(std::u32string symbols, bool unk)
{
    std::sort(symbols.begin(), symbols.end());
    if (symbols.empty() || std::adjacent_find(symbols.begin(), symbols.end()) != symbols.end())
        throw FormatError("a vocabulary needs distinct symbols");
    CharVocab v;
    v.m_symbols = std::move(symbols);
    v.m_unk = unk;
    v.m_ascii.assign(128, -1);
    for (size_t i = 0; i < v.m_symbols.size(); ++i)
        if (v.m_symbols[i] < 128) v.m_ascii[v.m_symbols[i]] = static_cast<int>(i);
    v.m_newline = v.m_ascii['\n'];
    return v;
}

int CharVocab::id(char32_t c) const
{
    if (c < 128 && !m_ascii.empty()) {
        const int i = m_ascii[c];
        return i >= 0 ? i : unk();
    }
    const auto it = std::lower_bound(m_symbols.begin(), m_symbols.end(), c);
    return it != m_symbols.end() && *it == c ? static_cast<int>(it - m_symbols.begin()) : unk();
}

std::vector<int> CharVocab::encode(const std::u32string& text) const
{
    std::vector<int> ids(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        ids[i] = id(text[i]);
        if (ids[i] < 0)
            throw ConfigError("character U+" + std::to_string(static_cast<unsigned long>(text[i])) +
                              " is not in the model's vocabulary");
    }
    return ids;
}

std::string CharVocab::label(int id) const
{
    if (id == unk()) return "<unk>";
    if (id < 0 || id >= static_cast<int>(m_symbols.size())) return "?";
    if (m_symbols[static_cast<size_t>(id)] == U'\n') return "⏎";
    if (m_symbols[static_cast<size_t>(id)] == U' ') return "␣";
    return encodeUtf8(std::u32string(1, m_symbols[static_cast<size_t>(id)]));
}

std::u32string CharVocab::decode(const std::vector<int>& ids) const
{
    std::u32string out;
    out.reserve(ids.size());
    for (int i : ids)
        out.push_back(i >= 0 && i < static_cast<int>(m_symbols.size()) ? m_symbols[static_cast<size_t>(i)]
                                                                       : U'\uFFFD');
    return out;
}

} // namespace dl
