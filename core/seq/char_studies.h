// SPDX-License-Identifier: MIT
// The character model's two studies (COURSE.md §11), in the pieces seq_studies.h describes:
//  ClippingStudy  the same run twice, without and with clipping by value (the course's ±5): the gradient's
//                 global norm per step before clipping on a log scale, and the loss per character — what an
//                 exploding gradient does to training, and what clipping changes.
//  CellRaceStudy  GRU against LSTM (and RNN if asked), the notes' comparison table made live: the same
//                 corpus, settings and steps; parameters, seconds per epoch, characters per second, memory
//                 and the dev loss against epochs side by side.
#pragma once
#include "core/seq/char_trainer.h"
#include "core/seq/seq_studies.h"

namespace dl {

struct ClippingSpec {
    CharRunSpec run = explodingRun(); // its own clipping is ignored: one run without, one with ±clipValue
    int steps = 1500;
    float clipValue = 5;
    // An RNN that explodes without clipping: hidden 50, plain GD at α 0.05, weights ~ N(0, 0.3²).
    static CharRunSpec explodingRun();
};

class ClippingStudy : public Study {
  public:
    ClippingStudy(const CharCorpus& corpus, const ClippingSpec& s); // ConfigError for impossible settings
    bool advance() override; // one step of each run
    double progress() const override;
    StudyReport report() const override;
    // Per run (0 without clipping, 1 with): the step its loss became NaN/Inf, or 0.
    long divergedAt(int run) const { return m_diverged[run]; }
    const std::vector<double>& gradientNorms(int run) const { return m_norm[run]; }

  private:
    ClippingSpec m_spec;
    std::unique_ptr<CharTrainer> m_t[2];
    std::vector<double> m_norm[2], m_loss[2];
    long m_diverged[2] = {0, 0};
    float m_last[2] = {0, 0};
    long m_step = 0;
};

struct CellRaceSpec {
    std::vector<CellKind> cells{CellKind::GRU, CellKind::LSTM};
    CharRunSpec run = courseDinosaurRun(); // hidden, depth, seq, batch, optimiser, seed; the cell per run
    long steps = 2000;
    int evalEvery = 250;
};

class CellRaceStudy : public Study {
  public:
    CellRaceStudy(const CharCorpus& corpus, const CellRaceSpec& s);
    bool advance() override; // one step of each cell in turn, each timed on its own
    double progress() const override;
    StudyReport report() const override;
    double devLoss(size_t cell) const { return m_dev.at(cell).y.back(); }
    double seconds(size_t cell) const { return m_seconds.at(cell); }

  private:
    double epochs(const CharTrainer& t) const;
    CellRaceSpec m_spec;
    std::vector<std::unique_ptr<CharTrainer>> m_t;
    std::vector<StudyCurve> m_dev;
    std::vector<double> m_seconds;
    long m_step = 0;
};

} // namespace dl
