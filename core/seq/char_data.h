// SPDX-License-Identifier: MIT
// A corpus for the character-level language model and the batches the one training loop trains on
// (COURSE.md §11). Lines mode: each line is one example (a dinosaur name: x = [0, c₁ … c_k], y = [c₁ … c_k,
// '\n']), each from a = 0. Text mode: running text cut into windows of `seq` characters on B parallel tracks (char-rnn's
// layout), the hidden state carried from each window to the next (truncated backpropagation through time,
// the course's a_prev carried along).
#pragma once
#include "core/seq/vocab.h"
#include "core/train/batch_source.h"

#include <string>
#include <vector>

namespace dl {

enum class CorpusMode { Lines, Text };
const char* corpusModeName(CorpusMode m); // "lines", "text"
CorpusMode parseCorpusMode(const std::string& name);

struct CharCorpus {
    CorpusMode mode = CorpusMode::Lines;
    CharVocab vocab;
    std::vector<std::u32string> trainLines, devLines; // Lines mode
    std::u32string trainText, devText;                // Text mode
    long characters = 0;                              // of the whole file
};

// From UTF-8 text (FormatError naming `name` when it is not UTF-8, ConfigError when nothing is left).
// Lines mode drops empty lines and '\r'; `lowercase` folds A–Z (the course lower-cases the dinosaur list).
// Dev: every 20th line (lines mode), or the last `devShare` of the text. The vocabulary comes from the
// training part ('\n' always in it in lines mode: the end-of-name token), capped at `cap`.
CharCorpus makeCorpus(const std::string& utf8, const std::string& name, CorpusMode mode, bool lowercase,
                      int cap = 256, double devShare = 0.05);

// The ids a batch carries (x and y as below), back as integers.
void batchIds(const Batch& b, std::vector<int>& x, std::vector<int>& y);

// Ids of a window as the batch carries them: x and y are (T, B) tensors of ids stored as floats (−1: zero
// input / no target), step t of sequence b at t·B + b.
class CharBatches : public BatchSource {
  public:
    // Lines: `batch` lines a step (padded to the longest), shuffled each pass. Text: `batch` tracks, windows
    // of `seq` characters. ConfigError when the text is shorter than one window per track.
    CharBatches(const CharCorpus& corpus, int seq, int batch, bool train = true);
    Batch next(Rng& rng) override;
    void commit(const Batch& b) override;
    int size() const override; // examples (lines) or characters in one pass
    int steps() const { return m_steps; }
    int batch() const { return m_batchSize; }
    int windowsPerPass() const; // text mode
    EpochOrder& order() { return m_order; }
    int position() const { return m_window; } // text mode: the window within the pass

  private:
    void fillLines(const EpochOrder::Take& t);
    void fillText();
    CorpusMode m_mode;
    std::vector<std::vector<int>> m_lines;
    std::vector<int> m_text;
    int m_newline = -1;
    int m_seq, m_batchSize, m_steps = 0;
    int m_trackLength = 0, m_window = 0;
    EpochOrder m_order;
    EpochOrder::Take m_take;
    Tensor m_x, m_y;
};

} // namespace dl
