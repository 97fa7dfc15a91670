// SPDX-License-Identifier: MIT
#include "core/seq/char_data.h"

#include "core/util/error.h"

#include <algorithm>
#include <cmath>

namespace dl {

void batchIds(const Batch& b, std::vector<int>& x, std::vector<int>& y)
{
    const size_t n = b.x->size();
    x.resize(n);
    y.resize(n);
    for (size_t i = 0; i < n; ++i) {
        x[i] = static_cast<int>((*b.x)[i]);
        y[i] = static_cast<int>((*b.y)[i]);
    }
}

const char* corpusModeName(CorpusMode m)
{
    return m == CorpusMode::Lines ? "lines" : "text";
}

CorpusMode parseCorpusMode(const std::string& name)
{
    if (name == "lines") return CorpusMode::Lines;
    if (name == "text") return CorpusMode::Text;
    throw ConfigError("mode must be lines or text, not \"" + name + "\"");
}

CharCorpus makeCorpus(const std::string& utf8, const std::string& name, CorpusMode mode, bool lowercase, int cap,
                      double devShare)
{
    CharCorpus c;
    c.mode = mode;
    std::u32string text = decodeUtf8(utf8, name);
    c.characters = static_cast<long>(text.size());
    if (lowercase)
        for (char32_t& ch : text)
            if (ch >= U'A' && ch <= U'Z') ch = ch - U'A' + U'a';
    if (mode == CorpusMode::Lines) {
        std::u32string line;
        long index = 0;
        auto finish = [&] {
            if (!line.empty()) (++index % 20 == 0 ? c.devLines : c.trainLines).push_back(line);
            line.clear();
        };
        for (char32_t ch : text) {
            if (ch == U'\n')
                finish();
            else if (ch != U'\r')
                line += ch;
        }
        finish();
        if (c.trainLines.empty()) throw ConfigError(name + " has no non-empty line to learn from");
        std::u32string all(1, U'\n');
        for (const auto& l : c.trainLines) all += l;
        c.vocab = CharVocab::fromText(all, cap);
        return c;
    }
    if (!(devShare >= 0 && devShare < 0.5)) throw ConfigError("the dev share must be from 0 to 0.5");
    const size_t dev = static_cast<size_t>(std::floor(static_cast<double>(text.size()) * devShare));
    c.trainText = text.substr(0, text.size() - dev);
    c.devText = text.substr(text.size() - dev);
    if (c.trainText.size() < 2) throw ConfigError(name + " is too short to learn from (fewer than 2 characters)");
    c.vocab = CharVocab::fromText(c.trainText, cap);
    return c;
}

CharBatches::CharBatches(const CharCorpus& corpus, int seq, int batch, bool train)
    : m_mode(corpus.mode), m_newline(corpus.vocab.newline()), m_seq(seq), m_batchSize(batch)
{
    if (batch < 1 || batch > 4096) throw ConfigError("the batch must be from 1 to 4096 sequences");
    if (m_mode == CorpusMode::Lines) {
        for (const auto& l : train ? corpus.trainLines : corpus.devLines) m_lines.push_back(corpus.vocab.encode(l));
        if (m_lines.empty()) throw ConfigError("there are no lines to train on");
        m_batchSize = std::min(batch, static_cast<int>(m_lines.size()));
        return;
    }
    if (seq < 1 || seq > 10000) throw ConfigError("the sequence length must be from 1 to 10000 characters");
    m_text = corpus.vocab.encode(train ? corpus.trainText : corpus.devText);
    m_trackLength = static_cast<int>(m_text.size() / static_cast<size_t>(batch));
    if (m_trackLength < seq + 1)
        throw ConfigError("the text (" + std::to_string(m_text.size()) + " characters) is too short for " +
                          std::to_string(batch) + " tracks of at least " + std::to_string(seq + 1) +
                          " characters; lower the batch or the sequence length");
}

int CharBatches::size() const
{
    return m_mode == CorpusMode::Lines ? static_cast<int>(m_lines.size()) : m_trackLength * m_batchSize;
}

int CharBatches::windowsPerPass() const
{
    return m_mode == CorpusMode::Lines ? 0 : (m_trackLength - 1) / m_seq;
}

void CharBatches::fillLines(const EpochOrder::Take& t)
{
    const int B = t.full ? static_cast<int>(m_lines.size()) : t.count;
    auto line = [&](int k) -> const std::vector<int>& {
        return m_lines[static_cast<size_t>(t.full ? k : m_order.order()[static_cast<size_t>(t.begin + k)])];
    };
    int T = 0;
    for (int k = 0; k < B; ++k) T = std::max(T, static_cast<int>(line(k).size()) + 1);
    m_steps = T;
    m_x.resize({T, B});
    m_y.resize({T, B});
    m_x.fill(-1.f);
    m_y.fill(-1.f);
    for (int k = 0; k < B; ++k) { // x = [0, c₁ … c_k], y = [c₁ … c_k, '\n'] (the course's X and Y)
        const std::vector<int>& l = line(k);
        for (size_t i = 0; i < l.size(); ++i) {
            m_x[(i + 1) * static_cast<size_t>(B) + k] = static_cast<float>(l[i]);
            m_y[i * static_cast<size_t>(B) + k] = static_cast<float>(l[i]);
        }
        m_y[l.size() * static_cast<size_t>(B) + k] = static_cast<float>(m_newline);
    }
}

void CharBatches::fillText()
{
    const int B = m_batchSize, T = m_seq;
    m_steps = T;
    m_x.resize({T, B});
    m_y.resize({T, B});
    for (int b = 0; b < B; ++b) { // track b: characters [b·L, (b+1)·L); this window's inputs and the next ones
        const size_t at = static_cast<size_t>(b) * m_trackLength + static_cast<size_t>(m_window) * T;
        for (int t = 0; t < T; ++t) {
            m_x[static_cast<size_t>(t) * B + b] = static_cast<float>(m_text[at + t]);
            m_y[static_cast<size_t>(t) * B + b] = static_cast<float>(m_text[at + t + 1]);
        }
    }
}

Batch CharBatches::next(Rng& rng)
{
    Batch b;
    if (m_mode == CorpusMode::Lines) {
        m_take = m_order.take(static_cast<int>(m_lines.size()), m_batchSize, rng);
        fillLines(m_take);
        b.count = m_x.dim(1);
        b.endsEpoch = m_take.endsEpoch;
        // Every name starts from a = 0, as sampling does. (The course's notebook carries a_prev from one name
        // to the next; with its own numpy code on dinos.txt, 35 000 steps end at a smoothed loss of 22.06
        // that way and at 21.14 from 0: names are independent examples.)
        b.carry = false;
    } else {
        fillText();
        b.count = m_batchSize;
        b.endsEpoch = m_window + 1 >= windowsPerPass();
        b.carry = m_window > 0;
    }
    b.x = &m_x;
    b.y = &m_y;
    return b;
}

void CharBatches::commit(const Batch& b)
{
    if (m_mode == CorpusMode::Lines) {
        m_order.commit(m_take);
        return;
    }
    m_window = b.endsEpoch ? 0 : m_window + 1;
}

} // namespace dl
