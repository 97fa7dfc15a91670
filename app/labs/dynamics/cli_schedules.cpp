// SPDX-License-Identifier: MIT
// dlcli schedules and dlcli lrfind: the training-dynamics lab's learning-rate studies headless
// (core/dynamics/schedules.h). schedules: one run per schedule from the same weights, per epoch the cost and
// the α the trainer used (COURSE.md §4 "Learning-rate decay"); lrfind: the α range test (Smith 2017), α
// growing exponentially over one short run, the suggested α. Both on the course's moons setup by default.
#include "app/labs/dynamics/cli.h"

#include "app/cli/experiment_args.h"
#include "core/dynamics/schedules.h"
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
             "", 0, lrfind}};
}
