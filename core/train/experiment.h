// SPDX-License-Identifier: MIT
// An experiment: data, network, hyperparameters and every hyperparameter change during the run, as one
// small JSON file. Replaying it (GUI File ▸ Open, `dlcli train2d --experiment`) reproduces the same numbers.
#pragma once
#include "core/data/synthetic.h"
#include "core/train/trainer.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dl {

constexpr const char* kExperimentFormat = "dl-visual-lab experiment"; // its JSON's "format"

struct HyperChange {
    long step = 0;             // applied when the trainer had done `step` updates (before update step+1)
    Hyperparams hyper;         // all values after the change
    std::string what;          // "α 1.2 → 0.3", for display
    std::optional<Split> data; // set when the user edited the points at that step (the model is kept)
};

struct Experiment {
    DatasetSpec dataset;              // the recipe (for display and Regenerate)
    std::string source = "synthetic"; // or the CSV file name the points came from
    bool edited = false;              // points were added or removed by hand
    Split data;                       // the exact points used
    ModelSpec network;
    Hyperparams hyper;      // at step 0
    std::uint32_t seed = 1; // trainer seed (initialisation, shuffles, dropout)
    long steps = 0;         // updates in the recorded run
    std::vector<HyperChange> changes;
    std::optional<EpochStats> result; // evaluation after `steps`, when recorded
};

constexpr int kExperimentVersion = 1;

Json toJson(const Experiment& e);
Experiment experimentFromJson(const Json& j, const std::string& name);
void saveExperiment(const Experiment& e, const std::string& path); // temporary file + rename
Experiment loadExperiment(const std::string& path); // throws FormatError/IoError naming the file

std::unique_ptr<Trainer> makeTrainer(const Experiment& e);
// Steps `t` until it has done `toStep` updates, applying e.changes (data, then hyperparameters) at their
// steps. Stops early on a cancel request or divergence; returns the last StepStats.
StepStats replay(Trainer& t, const Experiment& e, long toStep, const CancelFlag* cancel = nullptr);

} // namespace dl
