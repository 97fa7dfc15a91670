// SPDX-License-Identifier: MIT
// Learning-rate schedules and the α range test, as studies (core/train/study.h) the Dynamics lab and dlcli
// run alike. Qt-free.
//
// ScheduleStudy (COURSE.md §4 "Learning-rate decay"): the same network, data, weights and batch order trained
// once per schedule; per epoch the mean mini-batch cost and the α the trainer actually used (StepStats::lr),
// drawn one under the other. schedulePreview() is the α plot alone, computed from the formulas before any
// training.
//
// LrRangeStudy (Smith, "Cyclical Learning Rates for Training Neural Networks", 2017, §3.3; the "LR finder"
// of fastai, Howard & Gugger 2020): one short run in which α grows exponentially from lrMin to lrMax, one
// mini-batch per value; the loss, smoothed by a bias-corrected moving average, against α on a log axis. The
// suggested α is where the smoothed loss falls fastest; the run stops once the loss has grown to 4× its
// lowest.
#pragma once
#include "core/optim/schedule.h"
#include "core/train/experiment.h"
#include "core/train/study.h"

#include <memory>
#include <vector>

namespace dl {

// The course's optimisation lab (COURSE.md §4): 300 moons points (noise 0.2), 5-2-1 ReLU, He, batch 64, GD;
// devRatio of the points held out as dev.
Experiment courseMoons(std::uint32_t seed, float devRatio = 0.2f, float lr = 0.1f);

struct ScheduleSpec {
    Experiment base = courseMoons(1);
    long epochs = 5000;                 // the course's lr-decay lab: 5000 epochs at α₀ 0.1
    std::vector<DecayConfig> schedules; // each from the same initial weights; empty: none and the course's
    int curvePoints = 400;              // per curve at most
};
std::string scheduleLabel(const DecayConfig& d); // "step: α₀/(1 + 1·⌊e/1000⌋)"
StudyReport schedulePreview(const ScheduleSpec& spec);

class ScheduleStudy : public Study {
  public:
    explicit ScheduleStudy(ScheduleSpec spec); // throws ConfigError on a bad schedule
    bool advance() override;                   // one epoch of the current schedule
    double progress() const override;
    StudyReport report() const override;
    // Per schedule: (epoch, mean cost) and (epoch, α used) as recorded, every epoch.
    struct Run {
        std::vector<double> epoch, cost, lr;
        EpochStats eval;
        bool diverged = false, done = false;
    };
    const std::vector<Run>& runs() const { return m_runs; }

  private:
    ScheduleSpec m_spec;
    std::vector<Run> m_runs;
    size_t m_current = 0;
    std::unique_ptr<Trainer> m_trainer;
};

struct LrRangeSpec {
    Experiment base = courseMoons(1);
    double lrMin = 1e-5, lrMax = 10;
    int steps = 300;
    double smoothing = 0.98; // β of the moving average
};

class LrRangeStudy : public Study {
  public:
    explicit LrRangeStudy(LrRangeSpec spec); // throws ConfigError on a bad range
    bool advance() override;                 // one step at the next α
    double progress() const override;
    StudyReport report() const override;
    const std::vector<double>& lrs() const { return m_lr; }
    const std::vector<double>& smoothed() const { return m_smooth; }
    double suggested() const;     // where the smoothed loss falls fastest; NaN before 10 steps
    double lowestAt() const;      // the α of the lowest smoothed loss
    bool stoppedEarly() const { return m_stopped; }

  private:
    LrRangeSpec m_spec;
    std::unique_ptr<Trainer> m_trainer;
    std::vector<double> m_lr, m_raw, m_smooth;
    double m_avg = 0;
    bool m_stopped = false;
};

} // namespace dl
