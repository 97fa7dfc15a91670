// SPDX-License-Identifier: MIT
// The Sequence lab's experiments (COURSE.md §11) as studies (core/train/study.h: small pieces, one report).
//  LongRangeStudy    the remember task's accuracy against the distance T, per cell: the notes' claim that a
//                    plain RNN loses long-range dependencies while GRU and LSTM keep them.
//  GradientFlowStudy ‖∂L/∂a⟨t⟩‖ against how far step t is from the loss, per cell (vanishing gradients).
//  TaskRaceStudy     accuracy against steps for several runs of the synthetic tasks side by side (tagging
//                    one-way vs bidirectional; classifying a sequence with RNN, GRU, LSTM).
// The character-model studies (clipping off vs on, GRU vs LSTM) are in char_studies.h.
#pragma once
#include "core/seq/seq_tasks.h"
#include "core/train/study.h"

#include <memory>
#include <string>
#include <vector>

namespace dl {

struct LongRangeSpec {
    std::vector<CellKind> cells{CellKind::RNN, CellKind::GRU, CellKind::LSTM};
    std::vector<int> spans{5, 10, 20, 35, 50};
    int maxSteps = 2500; // per run; a run stops early once the held-out accuracy reaches stopAt
    int evalEvery = 100;
    double stopAt = 0.99;
    int seeds = 3;  // runs per point, seeds run.seed, run.seed + 1, …: a point is their mean accuracy
    SeqTaskRun run; // hidden, batch, optimiser, seed; task and cell are set per run
};

class LongRangeStudy : public Study {
  public:
    explicit LongRangeStudy(const LongRangeSpec& s); // ConfigError for an empty or bad list
    bool advance() override;
    double progress() const override;
    StudyReport report() const override;
    // The mean held-out accuracy over the seeds of a finished point, or −1 when it is not finished.
    double accuracy(CellKind cell, int span) const;

  private:
    size_t runIndex(size_t cell, size_t span, int seed) const
    {
        return (cell * m_spec.spans.size() + span) * static_cast<size_t>(m_spec.seeds) + static_cast<size_t>(seed);
    }
    double pointAccuracy(size_t cell, size_t span) const; // −1 unless every seed has run
    LongRangeSpec m_spec;
    size_t m_next = 0; // the run in progress, in runIndex order
    std::unique_ptr<SeqTaskTrainer> m_t;
    double m_best = 0;
    std::vector<double> m_accuracy; // per run
    std::vector<long> m_steps;
};

struct GradientFlowSpec {
    std::vector<CellKind> cells{CellKind::RNN, CellKind::GRU, CellKind::LSTM};
    int trainSteps = 0; // training on the remember task before measuring (0: at initialisation)
    SeqTaskRun run;     // task (remember, span 50 by default), hidden, batch, seed
    GradientFlowSpec() { run.task.span = 50, run.batch = 64; }
};

class GradientFlowStudy : public Study {
  public:
    explicit GradientFlowStudy(const GradientFlowSpec& s);
    bool advance() override;
    double progress() const override;
    StudyReport report() const override;
    // Per cell measured: norms[d] = ‖∂L/∂a⟨t⟩‖ with d = T − t steps between step t and the loss.
    const std::vector<std::vector<double>>& norms() const { return m_norms; }

  private:
    GradientFlowSpec m_spec;
    std::unique_ptr<SeqTaskTrainer> m_t;
    std::vector<std::vector<double>> m_norms;
};

struct TaskRaceEntry {
    std::string label;
    SeqTaskRun run;
};
struct TaskRaceSpec {
    std::string title;
    std::vector<TaskRaceEntry> entries;
    int steps = 800, evalEvery = 50;
};
TaskRaceSpec taggingRace(CellKind cell);   // brackets: one-way vs bidirectional
TaskRaceSpec classifyRace(int length = 15); // majority: RNN, GRU, LSTM

class TaskRaceStudy : public Study {
  public:
    explicit TaskRaceStudy(const TaskRaceSpec& s);
    bool advance() override; // one step of each entry in turn
    double progress() const override;
    StudyReport report() const override;
    double finalAccuracy(size_t entry) const; // the last held-out accuracy measured

  private:
    TaskRaceSpec m_spec;
    std::vector<std::unique_ptr<SeqTaskTrainer>> m_t;
    std::vector<StudyCurve> m_curves;
    std::vector<std::string> m_example;
    long m_step = 0;
};

} // namespace dl
