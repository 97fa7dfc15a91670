// SPDX-License-Identifier: MIT
// Small synthetic sequence tasks, one for each of the notes' claims and architectures (COURSE.md §11):
//  remember — many-to-one: a letter (a–h), T−1 random letters of the same eight, then "?": answer the first.
//             The distance T is the notes' long-range dependency; a plain RNN loses it as T grows.
//  majority — many-to-one: which of a, b, c occurs most often in the sequence (classify a sequence).
//  brackets — many-to-many of equal length: tag each letter 1 when it lies inside a closed pair "( … )",
//             a "(" never closed does not count, so the tag depends on the future: the bidirectional case.
// And their training through the one training loop (fresh examples every step, a fixed held-out set).
#pragma once
#include "core/seq/seq_net.h"
#include "core/train/train_loop.h"

#include <string>

namespace dl {

enum class SeqTaskKind { Remember, Majority, Brackets };
const char* taskName(SeqTaskKind k);            // "remember", "majority", "brackets"
SeqTaskKind parseTask(const std::string& name); // ConfigError naming the three

struct SeqTaskSpec {
    SeqTaskKind kind = SeqTaskKind::Remember;
    int span = 20; // remember: T, the steps from the first letter to the question; others: the sequence length
};
int taskVocab(const SeqTaskSpec& s);   // input symbols
int taskClasses(const SeqTaskSpec& s); // output classes
int taskSteps(const SeqTaskSpec& s);   // steps of one sequence
std::string taskSymbols(SeqTaskKind k); // symbol i's character, for showing an example
void validate(const SeqTaskSpec& s);    // ConfigError: span 1–400 (remember), 3–400 (others)

struct SeqExamples {
    std::vector<int> ids, targets; // t·B + b; targets −1 where there is none
    int steps = 0, batch = 0;
};
// The brackets task's tags for one sequence of ids (a–d 0–3, "(" 4, ")" 5): 1 strictly between a "(" and
// the next ")" when no other "(" comes between them.
std::vector<int> bracketTags(const std::vector<int>& ids);
SeqExamples makeTaskExamples(const SeqTaskSpec& s, int batch, Rng& rng);
// Sequence b as text with its targets: "a y w z ? → a", or "ab(cd)a" over "00011000".
std::string describeExample(const SeqTaskSpec& s, const SeqExamples& e, int b);

// Fresh examples every step (an endless training set); size() is 100 batches, an "epoch" for the loop.
class TaskBatches : public BatchSource {
  public:
    TaskBatches(const SeqTaskSpec& s, int batch) : m_spec(s), m_batch(batch) {}
    Batch next(Rng& rng) override;
    void commit(const Batch&) override { m_ready = false, ++m_taken; }
    int size() const override { return 100 * m_batch; }

  private:
    SeqTaskSpec m_spec;
    int m_batch;
    bool m_ready = false;
    int m_taken = 0;
    Tensor m_x, m_y;
};

class SeqNetLearner : public Learner {
  public:
    explicit SeqNetLearner(SeqNet& n) : m_net(&n) {}
    float forward(const Batch& b) override;
    void backward() override { m_net->backward(); }

  private:
    SeqNet* m_net;
    std::vector<int> m_in, m_out;
};

struct SeqTaskRun {
    SeqTaskSpec task;
    CellKind cell = CellKind::LSTM;
    int hidden = 32, depth = 1;
    bool bidirectional = false;
    int batch = 32;
    Hyperparams hyper = defaultHyper();
    std::uint32_t seed = 1;
    float initScale = 0.1f; // weights ~ N(0, s²); 0: Xavier (seq_net.h)
    float forgetBias = 3; // seq_net.h init(); at 1 the LSTM did not learn T = 50 in 3 000 steps here, at 3 in 100
    static Hyperparams defaultHyper(); // Adam, α 0.01, clip by norm 1
};

class SeqTaskTrainer {
  public:
    explicit SeqTaskTrainer(const SeqTaskRun& r); // ConfigError for impossible settings
    StepStats step();
    // Accuracy over the targeted positions of a held-out set (512 sequences, its own seed, made once).
    double accuracy();
    SeqNet& net() { return m_net; }
    const SeqTaskRun& run() const { return m_run; }
    long steps() const { return m_loop.steps(); }

  private:
    SeqTaskRun m_run;
    SeqNet m_net;
    SeqNetLearner m_learner;
    TaskBatches m_batches;
    TrainLoop m_loop;
    Rng m_rng;
    SeqExamples m_heldOut;
};

} // namespace dl
