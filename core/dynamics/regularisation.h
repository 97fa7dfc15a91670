// SPDX-License-Identifier: MIT
// Regularisation side by side (COURSE.md §3 "Regularisation"): one network that over-fits a few noisy points,
// trained three times from the same weights and batches — without regularisation, with L2 (λ) and with
// dropout (keep_prob) — the three advancing together, so that the decision maps, the train and dev accuracy
// and the weights' norm ‖W‖ (Frobenius, over the weights L2 applies to) can be watched as they part. A
// study (core/train/study.h). Qt-free.
#pragma once
#include "core/train/experiment.h"
#include "core/train/study.h"

#include <array>
#include <memory>

namespace dl {

struct RegularisationSpec {
    std::string dataset = "moons";
    int count = 60;         // few points…
    float noise = 0.35f;    // …and noisy ones
    float devRatio = 0.5f;  // half held out: the gap shows
    std::vector<int> hidden{40, 40};
    Act activation = Act::ReLU;
    float lr = 0.3f;        // the course's regularisation lab: full-batch GD at 0.3
    int batch = 0;
    long steps = 10000;
    float lambda = 0.7f;    // the course's λ
    float keepProb = 0.86f; // the course's keep_prob
    int every = 50;         // steps between points of the curves
    int gridRes = 64;
    std::uint32_t seed = 1;
};

class RegularisationStudy : public Study {
  public:
    explicit RegularisationStudy(RegularisationSpec spec); // throws ConfigError
    bool advance() override; // one step of each of the three
    double progress() const override;
    StudyReport report() const override;

    struct Track {
        std::string name;
        std::vector<double> step, trainAcc, devAcc, weightNorm;
        EpochStats eval;
        PlaneGrid grid;
        bool diverged = false;
    };
    const std::array<Track, 3>& tracks() const { return m_tracks; }

  private:
    void record(size_t i);
    RegularisationSpec m_spec;
    Split m_data;
    std::array<std::unique_ptr<Trainer>, 3> m_trainers;
    std::array<Track, 3> m_tracks;
    long m_step = 0;
};

// ‖W‖: the Frobenius norm of the weights L2 regularisation applies to (ParamT::decay).
double weightNorm(Trainer& t);

} // namespace dl
