// SPDX-License-Identifier: MIT
// dlcli schedules, lrfind and regularise: the training-dynamics lab's studies on 2-D data headless
// (core/dynamics/schedules.h, regularisation.h). schedules: one run per schedule from the same weights, per epoch the cost and
// the α the trainer used (COURSE.md §4 "Learning-rate decay"); lrfind: the α range test (Smith 2017), α
// growing exponentially over one short run, the suggested α. Both on the course's moons setup by default.
// regularise: one over-fitting network without regularisation, with L2 and with dropout (COURSE.md §3).
#include "app/labs/dynamics/cli.h"

#include "app/cli/experiment_args.h"
#include "core/dynamics/regularisation.h"
#include "core/dynamics/schedules.h"
#include "core/layers/registry.h"
#include "core/util/error.h"

namespace {

using dlcli::Args;
using dlcli::Kind;
using dlcli::UsageError;

dl::Experiment experiment(const Args& given, const char* lr)
{
    auto defaults = dlcli::courseMoonsDefaults();
    defaults.insert(defaults.end(), {{"optimizer", "gd"}, {"lr", lr}});
    return dlcli::experimentFromArgs(dlcli::withDefaults(given, defaults));
}

int schedules(const Args& a)
{
    dl::ScheduleSpec s;
    s.base = experiment(a, "0.1");
    s.epochs = long(a.num("epochs", 5000));
    try {
        s.schedules = dl::parseScheduleList(a.str("schedules", "none,step:1:1000"));
    } catch (const dl::ConfigError& e) {
        throw UsageError(std::string("--schedules: ") + e.what());
    }
    dl::ScheduleStudy study(s);
    return dlcli::runStudy(study, a, "schedules");
}

int lrfind(const Args& a)
{
    dl::LrRangeSpec s;
    s.base = experiment(a, "0.001");
    s.lrMin = a.num("lr-min", s.lrMin);
    s.lrMax = a.num("lr-max", s.lrMax);
    s.steps = int(a.num("steps", s.steps));
    dl::LrRangeStudy study(s);
    return dlcli::runStudy(study, a, "lrfind");
}

int regularise(const Args& a)
{
    dl::RegularisationSpec s;
    s.dataset = a.str("dataset", s.dataset);
    s.count = int(a.num("count", s.count));
    s.noise = float(a.num("noise", s.noise));
    s.hidden = dl::parseHidden(a.str("hidden", "40,40"));
    s.activation = dl::parseAct(a.str("activation", "relu"));
    s.lr = float(a.num("lr", s.lr));
    s.steps = long(a.num("steps", double(s.steps)));
    s.lambda = float(a.num("l2", s.lambda));
    s.keepProb = float(a.num("keep-prob", s.keepProb));
    s.seed = std::uint32_t(a.num("seed", 1));
    dl::RegularisationStudy study(s);
    return dlcli::runStudy(study, a, "regularise");
}

// The experiment options without those these studies set themselves.
std::vector<dlcli::Option> experimentOptions()
{
    std::vector<dlcli::Option> out;
    for (const dlcli::Option& o : dlcli::networkAndTraining())
        if (o.name != "iterations" && o.name != "epochs" && o.name.rfind("decay", 0) != 0) out.push_back(o);
    return out;
}

} // namespace

std::vector<dlcli::Command> scheduleCommands()
{
    return {{"schedules",
             "learning-rate schedules side by side (COURSE.md §4): one run per schedule from the same weights, per "
             "epoch the cost and the α used; the course's moons setup, GD, α₀ 0.1 by default",
             dlcli::join(experimentOptions(),
                         {{"schedules", Kind::Text,
                           "KIND[:RATE[:INTERVAL]],… with KIND none|inverse-time|exponential|step|inverse-sqrt|"
                           "staircase (none,step:1:1000: the course's fixed-interval decay)"},
                          {"epochs", Kind::Number, "passes over the training set per schedule (5000)"}}),
             "", 0, schedules},
            {"lrfind",
             "the α range test (Smith 2017): α grows exponentially over one short run; the loss against α and the "
             "suggested α; the course's moons setup, GD by default",
             dlcli::join(experimentOptions(), {{"lr-min", Kind::Number, "the first α (1e-5)"},
                                               {"lr-max", Kind::Number, "the last α (10)"},
                                               {"steps", Kind::Number, "steps, one mini-batch each (300)"}}),
             "", 0, lrfind},
            {"regularise",
             "one over-fitting network three ways (COURSE.md §3): without regularisation, with L2 and with dropout, "
             "from the same weights; train and dev accuracy and ‖W‖ over the steps",
             {{"dataset", Kind::Text, "flower|moons|circles|spiral|xor|blobs (moons)"},
              {"count", Kind::Number, "points, half of them dev (60)"},
              {"noise", Kind::Number, "noise of the points (0.35)"},
              {"hidden", Kind::Text, "hidden units per layer (40,40)"},
              {"activation", Kind::Text, "tanh|relu|leaky|sigmoid (relu)"},
              {"lr", Kind::Number, "learning rate α of full-batch GD (0.3)"},
              {"steps", Kind::Number, "steps (10000)"},
              {"l2", Kind::Number, "λ of the L2 network (0.7)"},
              {"keep-prob", Kind::Number, "keep_prob of the dropout network (0.86)"}},
             "", 0, regularise}};
}
