// SPDX-License-Identifier: MIT
#include "core/seq/char_trainer.h"

#include "core/util/error.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace dl {

CharRunSpec courseDinosaurRun()
{
    CharRunSpec s;
    s.cell = CellKind::RNN;
    s.hidden = 50;
    s.batch = 1;
    s.hyper.lr = 0.01f;
    s.hyper.opt.kind = OptKind::GD;
    s.hyper.clipValue = 5.f;
    return s;
}

float CharLearner::forward(const Batch& b)
{
    batchIds(b, m_in, m_out);
    const int steps = b.x->dim(0), batch = b.x->dim(1);
    static const CharModel::State none;
    const float j = m_model->forward(m_in, m_out, steps, batch, b.carry ? m_carried : none, m_mode);
    m_model->finalState(m_pending);
    return j;
}

CharTrainer::CharTrainer(CharCorpus corpus, const CharRunSpec& spec)
    : m_corpus(std::move(corpus)), m_spec(spec),
      m_model(CharModelSpec{spec.cell, m_corpus.vocab.size(), spec.hidden, spec.depth}), m_learner(m_model),
      m_batches(m_corpus, spec.seq, spec.batch), m_loop(m_model.params(), spec.hyper), m_rng(spec.seed),
      m_sampleRng(spec.seed + 1)
{
    m_model.init(m_rng, spec.initScale);
    m_model.setDropout(spec.hyper.keepProb, spec.seed + 2);
    m_smoothed = -std::log(1.0 / m_corpus.vocab.size()) * 7; // the course's get_initial_loss(vocab, 7)
}

StepStats CharTrainer::step()
{
    const StepStats s = m_loop.step(m_batches, m_learner, m_rng);
    if (s.diverged) return s;
    m_smoothed = m_smoothed * 0.999 + 0.001 * static_cast<double>(s.cost); // the course's smooth()
    const int counted = m_learner.counted();
    m_lastPerChar = counted ? static_cast<double>(s.cost) * m_batches.batch() / counted : 0;
    m_meanPerChar = m_loop.steps() <= 1 ? m_lastPerChar : 0.98 * m_meanPerChar + 0.02 * m_lastPerChar;
    m_chars += counted;
    m_sequences += m_corpus.mode == CorpusMode::Lines ? m_batches.batch() : 0;
    return s;
}

std::string CharTrainer::notLearningMessage() const
{
    const double uniform = std::log(static_cast<double>(m_corpus.vocab.size()));
    if (m_loop.steps() < 200 || !(m_meanPerChar > 1.2 * uniform)) return {};
    char buf[320];
    std::snprintf(buf, sizeof buf,
                  "After %ld steps the loss is %.3g nats per character, worse than the %.2f of guessing all %d "
                  "symbols alike: the model is not learning. Try a lower learning rate (now %.4g).",
                  m_loop.steps(), m_meanPerChar, uniform, m_corpus.vocab.size(),
                  static_cast<double>(m_loop.learningRate()));
    return buf;
}

double CharTrainer::devLoss()
{
    const bool lines = m_corpus.mode == CorpusMode::Lines;
    if (lines ? m_corpus.devLines.empty() : m_corpus.devText.size() < 2)
        return std::numeric_limits<double>::quiet_NaN();
    // Text: one track through the dev text in windows, the state carried; lines: every dev line once.
    int seq = m_spec.seq;
    if (!lines) seq = std::min<int>(seq, static_cast<int>(m_corpus.devText.size()) - 1);
    CharBatches dev(m_corpus, seq, lines ? 64 : 1, false);
    CharLearner eval(m_model, Mode::Eval);
    Rng order(1);
    double total = 0;
    long chars = 0;
    const int batches = lines ? (dev.size() + dev.batch() - 1) / dev.batch() : dev.windowsPerPass();
    for (int i = 0; i < batches; ++i) {
        const Batch b = dev.next(order);
        total += static_cast<double>(eval.forward(b)) * b.count;
        chars += eval.counted();
        eval.commit();
        dev.commit(b);
    }
    return chars ? total / chars : std::numeric_limits<double>::quiet_NaN();
}

std::vector<std::u32string> CharTrainer::sample(int n, const SampleOptions& given)
{
    SampleOptions o = given;
    o.endAtNewline = m_corpus.mode == CorpusMode::Lines; // running text: line breaks are part of the sample
    std::vector<std::u32string> out;
    for (int i = 0; i < n; ++i) {
        std::vector<int> ids = sampleIds(m_model, m_corpus.vocab, m_sampleRng, o);
        if (!ids.empty() && ids.back() == m_corpus.vocab.newline() && m_corpus.mode == CorpusMode::Lines)
            ids.pop_back();
        out.push_back(m_corpus.vocab.decode(ids));
    }
    return out;
}

} // namespace dl
