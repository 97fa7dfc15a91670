// SPDX-License-Identifier: MIT
// Finding the hidden units that track something in a text (COURSE.md §11's "look inside", after LSTMVis,
// Strobelt et al. 2017, and Karpathy et al. 2015's quote and line-length cells): a feature of each character
// of the text (a vowel, inside quotes, the position in its line, a space) and the Pearson correlation of each
// unit's activation over the text with it; the unit with the largest |r| is the one to look at.
#pragma once
#include <string>
#include <vector>

namespace dl {

enum class TextFeature { Vowel, InsideQuotes, LinePosition, Space };
const char* featureName(TextFeature f); // "vowels", "inside quotes", "position in the line", "spaces"

// One value per character: 1/0, or for LinePosition the characters since the last newline.
std::vector<double> textFeature(const std::u32string& text, TextFeature f);

// hidden[t][u]: unit u after character t. r_u = cov(a_u, f) / (σ_a σ_f); 0 where either is constant.
std::vector<double> unitCorrelations(const std::vector<std::vector<float>>& hidden, const std::vector<double>& feature);
int strongestUnit(const std::vector<double>& r); // argmax |r|; −1 when empty

} // namespace dl
