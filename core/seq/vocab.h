// SPDX-License-Identifier: MIT
// A character vocabulary (COURSE.md §11, character-level language models): the Unicode code points of a
// UTF-8 text. The `cap` most frequent are kept (ties: the smaller code point), in code-point order — so the
// course's dinosaur list gives its 27 symbols, '\n' = 0 and 'a'..'z' = 1..26 — and `<unk>` is added last
// when some were left out (any other character maps to it). No Qt.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace dl {

// Code points of UTF-8 text; FormatError "<name>: byte N is not UTF-8; save the file as UTF-8." at the
// first invalid sequence (overlong forms, surrogates and values past U+10FFFF are invalid too).
std::u32string decodeUtf8(const std::string& text, const std::string& name);
std::string encodeUtf8(const std::u32string& text);

class CharVocab {
  public:
    CharVocab() = default;
    // From the training text; cap ≥ 2 (ConfigError otherwise). ConfigError when the text is empty.
    static CharVocab fromText(const std::u32string& text, int cap = 256);
    // A saved list of symbols (the model file); unk marks whether its last entry is <unk>.
    static CharVocab fromSymbols(std::u32string symbols, bool unk);

    int size() const { return static_cast<int>(m_symbols.size()) + (m_unk ? 1 : 0); }
    bool hasUnk() const { return m_unk; }
    int unk() const { return m_unk ? static_cast<int>(m_symbols.size()) : -1; }
    int newline() const { return m_newline; } // −1 when the text has no '\n'
    // The id of c: its own, or <unk> (−1 when there is no <unk> and c is unknown).
    int id(char32_t c) const;
    std::vector<int> encode(const std::u32string& text) const; // unknown → <unk> (or ConfigError without one)
    std::u32string symbols() const { return m_symbols; }      // without <unk>
    // For display: the symbol, "\n" shown as "⏎", <unk> as "<unk>".
    std::string label(int id) const;
    std::u32string decode(const std::vector<int>& ids) const; // <unk> → U+FFFD

  private:
    std::u32string m_symbols; // sorted by code point
    bool m_unk = false;
    int m_newline = -1;
    std::vector<int> m_ascii; // id of each code point below 128 (−1: none), the common case fast
};

} // namespace dl
