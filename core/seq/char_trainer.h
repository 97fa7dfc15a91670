// SPDX-License-Identifier: MIT
// Trains a character-level language model on a corpus through the one training loop (COURSE.md §11): the
// batches of char_data.h, a learner that carries each window's final state into the next window (committed
// only when the update was made), clipping by value (the course's ±5) or by norm, GD or Adam. Reports the
// course's smoothed loss, the loss per character, the dev loss, and samples. No Qt, no threads.
#pragma once
#include "core/seq/char_data.h"
#include "core/seq/char_model.h"
#include "core/train/train_loop.h"

#include <memory>

namespace dl {

struct CharRunSpec {
    CellKind cell = CellKind::RNN;
    int hidden = 50, depth = 1;
    int seq = 25;   // text mode: characters per window (the truncation of backpropagation through time)
    int batch = 1;  // lines a step (lines mode) or parallel tracks (text mode)
    Hyperparams hyper; // hyper.keepProb < 1: dropout between the layers and below the softmax (char_model.h)
    std::uint32_t seed = 1;
    float initScale = 0.01f; // weights ~ N(0, scale²) (the course: 0.01)
};

// The course's dinosaur-lab settings: RNN, hidden 50, plain GD at α 0.01, one name a step, clip ±5.
CharRunSpec courseDinosaurRun();

class CharLearner : public Learner {
  public:
    // mode: Train for the training loop (dropout on), Eval for the dev loss.
    explicit CharLearner(CharModel& m, Mode mode = Mode::Train) : m_model(&m), m_mode(mode) {}
    float forward(const Batch& b) override;
    void backward() override { m_model->backward(); }
    void commit() override { m_carried.swap(m_pending); } // the old buffers are overwritten next forward
    void resetState() { m_carried.clear(); }
    int counted() const { return m_model->counted(); }

  private:
    CharModel* m_model;
    Mode m_mode;
    CharModel::State m_carried, m_pending;
    std::vector<int> m_in, m_out;
};

class CharTrainer {
  public:
    CharTrainer(CharCorpus corpus, const CharRunSpec& spec); // ConfigError for impossible settings
    CharTrainer(const CharTrainer&) = delete;
    CharTrainer& operator=(const CharTrainer&) = delete;

    StepStats step();
    // The course's smoothed loss L = 0.999 L + 0.001 J, from −7·log(1/V) (its `get_initial_loss`, 7 the
    // typical name length); meaningful in lines mode, where J is one name's summed loss.
    double smoothedLoss() const { return m_smoothed; }
    double lastLossPerChar() const { return m_lastPerChar; } // nats per character of the last step
    // Not diverged to NaN, yet not learning: after 200 steps the loss per character (a running mean) is
    // above 1.2 · log V, worse than guessing every symbol alike. One sentence saying so, else empty.
    std::string notLearningMessage() const;
    // Mean loss per character over the dev part (nats), the model as it is now; NaN when there is no dev part.
    double devLoss();
    // n samples (COURSE.md §11 `sample`), each as text without the end token.
    std::vector<std::u32string> sample(int n, const SampleOptions& o);

    const CharModel& model() const { return m_model; }
    CharModel& model() { return m_model; }
    const CharCorpus& corpus() const { return m_corpus; }
    const CharVocab& vocab() const { return m_corpus.vocab; }
    const CharRunSpec& spec() const { return m_spec; }
    TrainLoop& loop() { return m_loop; }
    Rng& rng() { return m_rng; }
    long steps() const { return m_loop.steps(); }
    long charactersTrained() const { return m_chars; }
    long sequencesTrained() const { return m_sequences; }

  private:
    CharCorpus m_corpus;
    CharRunSpec m_spec;
    CharModel m_model;
    CharLearner m_learner;
    CharBatches m_batches;
    TrainLoop m_loop;
    Rng m_rng, m_sampleRng;
    double m_smoothed = 0, m_lastPerChar = 0, m_meanPerChar = 0; // m_meanPerChar: 0.98-weighted running mean
    long m_chars = 0, m_sequences = 0;
};

} // namespace dl
