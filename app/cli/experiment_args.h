// SPDX-License-Identifier: MIT
// The options that describe a 2-D experiment (data, network, training, schedule) and the Experiment they
// give: one definition for every subcommand that trains on 2-D data (train2d, gradcheck, compare in the
// Playground's folder; search in the Dynamics lab's). Qt-free.
#pragma once
#include "app/cli/command.h"
#include "core/train/experiment.h"

namespace dlcli {

// --dataset … --batch-norm, --optimizer … --clip-norm and the decay options, in the usage text's order.
std::vector<Option> networkAndTraining();
// The experiment those options describe (defaults: the flower set, one layer of 4 tanh units, α 1.2, GD);
// a bad value throws ConfigError naming it.
dl::Experiment experimentFromArgs(const Args& a);
// `a` with `defaults` added for the options it lacks (a subcommand's own defaults, e.g. the course's moons).
Args withDefaults(Args a, const std::vector<std::pair<std::string, std::string>>& defaults);
// The course's optimisation lab (COURSE.md §4) as those defaults: moons, 5,2 ReLU, He, batch 64.
const std::vector<std::pair<std::string, std::string>>& courseMoonsDefaults();
// Mini-batch steps in one pass over the training set (COURSE.md §4: an epoch).
long stepsPerEpoch(const dl::Experiment& e);

} // namespace dlcli
