// SPDX-License-Identifier: MIT
// dlcli search: random search, coarse to fine, on a 2-D task (core/dynamics/search.h; COURSE.md §5). The
// course's moons setup by default (300 points, 5-2-1 ReLU, He, batch 64); --trials is the whole budget,
// spread over --rounds; --grid also runs a grid with the same budget. Prints every trial as it finishes and
// the best (with --json one object: trials, ranges, best, and the grid's). --save-best writes the best
// trial as an experiment file the Playground opens.
#include "app/labs/dynamics/cli.h"

#include "app/cli/experiment_args.h"
#include "core/dynamics/search.h"
#include "core/util/json.h"

#include <chrono>
#include <cstdio>
#include <iostream>

namespace {

using dlcli::Args;
using dlcli::Kind;
using dlcli::UsageError;

void printTrial(const std::vector<dl::SearchParam>& params, const dl::SearchTrial& t)
{
    if (t.round == 0)
        std::printf("%4d  grid ", t.id);
    else
        std::printf("%4d  r%-4d", t.id, t.round);
    for (size_t k = 0; k < params.size(); ++k) std::printf("  %s %-10.4g", params[k].name.c_str(), t.values[k]);
    if (!t.error.empty())
        std::printf("  %s\n", t.error.c_str());
    else
        std::printf("  train %5.1f %%  dev %5.1f %%%s\n", 100.0 * t.train.accuracy, 100.0 * t.dev.accuracy,
                    t.diverged ? "  (diverged)" : "");
    std::fflush(stdout);
}

int search(const Args& given)
{
    auto defaults = dlcli::courseMoonsDefaults();
    defaults.insert(defaults.end(), {{"optimizer", "momentum"}, {"lr", "0.01"}});
    const Args a = dlcli::withDefaults(given, defaults);
    dl::SearchPlan plan;
    plan.base = dlcli::experimentFromArgs(a);
    plan.params = dl::parseSearchParams(a.str("params", "lr:log:1e-4:1,beta:one-minus-log:0.9:0.999"));
    plan.trials = int(a.num("trials", 30));
    plan.rounds = int(a.num("rounds", 2));
    plan.grid = a.has("grid");
    plan.workers = int(a.num("workers", 0));
    if (plan.workers < 0 || plan.workers > 64) throw UsageError("--workers must be between 0 (all free cores) and 64");
    plan.iterations = a.has("epochs") ? long(a.num("epochs", 1)) * dlcli::stepsPerEpoch(plan.base)
                                      : long(a.num("iterations", 2000));
    if (plan.iterations < 1 || plan.iterations > 100000000) throw UsageError("--iterations must be between 1 and 1e8");
    dl::validate(plan);
    const bool json = a.has("json");
    if (!json)
        std::printf("%d trials in %d round(s)%s, %ld steps each, searching %s\n", plan.trials, plan.rounds,
                    plan.grid ? " and a grid of the same budget" : "", plan.iterations,
                    dl::formatSearchParams(plan.params).c_str());
    const auto t0 = std::chrono::steady_clock::now();
    const dl::SearchOutcome out = dl::runSearch(plan, &dlcli::cancelFlag(), [&](const dl::SearchTrial& t) {
        if (!json && !a.has("quiet")) printTrial(plan.params, t);
    });
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const int best = dl::bestTrial(out.random), gridBest = dl::bestTrial(out.grid);
    if (a.has("save-best") && best >= 0) {
        dl::Experiment e = plan.base;
        const dl::SearchTrial& t = out.random[size_t(best)];
        for (size_t k = 0; k < plan.params.size(); ++k) dl::applySearchValue(e, plan.params[k].name, t.values[k]);
        e.steps = plan.iterations;
        e.result = dl::EpochStats{};
        e.result->step = plan.iterations, e.result->train = t.train, e.result->dev = t.dev;
        dl::saveExperiment(e, a.str("save-best", ""));
    }
    const bool cancelled = dlcli::cancelFlag().requested();
    if (json) {
        std::cout << dl::toJson(plan, out, cancelled, seconds).dump() << std::endl;
    } else {
        if (cancelled) std::printf("Stopped by the user after %zu trials.\n", out.random.size() + out.grid.size());
        if (best >= 0) {
            std::printf("best random trial:  ");
            printTrial(plan.params, out.random[size_t(best)]);
        }
        if (gridBest >= 0) {
            std::printf("best grid trial:    ");
            printTrial(plan.params, out.grid[size_t(gridBest)]);
        }
        std::printf("%.2f s\n", seconds);
    }
    return best >= 0 ? 0 : 1;
}

} // namespace

dlcli::Command searchCommand()
{
    return {"search",
            "random search, coarse to fine, on a 2-D task (COURSE.md §5); the course's moons setup by default "
            "(moons, 5,2 ReLU, He, batch 64, momentum, 2000 steps a trial)",
            dlcli::join(dlcli::networkAndTraining(),
                        {{"params", Kind::Text,
                          "NAME:SCALE:LOW:HIGH,… with NAME lr|beta|beta1|beta2|l2|keep-prob|hidden and SCALE "
                          "lin|log|one-minus-log (lr:log:1e-4:1,beta:one-minus-log:0.9:0.999)"},
                         {"trials", Kind::Number, "the budget: trials in all rounds together (30)"},
                         {"rounds", Kind::Number, "rounds, each zoomed into the quarter of the one before with the lowest dev cost (2)"},
                         {"grid", Kind::Flag, "also run a grid with the same budget, for comparison"},
                         {"workers", Kind::Number, "trials at once, one core each (0: every free core)"},
                         {"save-best", Kind::Text, "save the best random trial as an experiment file"}}),
            "", 0, search};
}
