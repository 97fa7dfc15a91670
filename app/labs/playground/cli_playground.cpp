// SPDX-License-Identifier: MIT
// The Playground lab headless (COURSE.md §1-4): train2d, gradcheck and compare on 2-D data.
#include "app/labs/playground/cli.h"

#include "app/cli/experiment_args.h"

#include "core/data/synthetic.h"
#include "core/train/checkpoint.h"
#include "core/train/experiment.h"
#include "core/train/gradcheck.h"
#include "core/train/sweep.h"

#include <chrono>
#include <cstdio>
#include <iostream>

namespace {

using dlcli::Args;
using dlcli::Kind;
using dlcli::UsageError;

int train2d(const Args& a)
{
    const bool json = a.has("json"), quiet = a.has("quiet");
    std::ostream& log = json ? std::cerr : std::cout;
    dl::Experiment e;
    std::unique_ptr<dl::Trainer> t;
    long target;
    if (a.has("experiment")) {
        e = dl::loadExperiment(a.str("experiment", ""));
        t = dl::makeTrainer(e);
        target = e.steps;
    } else if (a.has("resume")) {
        t = dl::loadCheckpoint(a.str("resume", ""));
        e.data = t->data();
        e.network = t->spec();
        e.hyper = t->hyper();
        target = static_cast<long>(a.num("iterations", 10000));
    } else {
        e = dlcli::experimentFromArgs(a);
        t = dl::makeTrainer(e);
        target = a.has("epochs") ? static_cast<long>(a.num("epochs", 1)) * dlcli::stepsPerEpoch(e)
                                 : static_cast<long>(a.num("iterations", 10000));
        e.steps = target;
    }
    if (target < 0 || target > 100000000) throw UsageError("--iterations must be between 0 and 1e8");
    const long every = std::max(1L, target / 10);
    t->onStep = [&](const dl::StepStats& s) {
        if (!quiet && (s.step % every == 0 || s.diverged)) {
            char buf[96];
            std::snprintf(buf, sizeof buf, "step %8ld  epoch %7ld  cost %.6f  lr %.4g\n", s.step, s.epoch,
                          static_cast<double>(s.cost), static_cast<double>(s.lr));
            log << buf;
        }
    };
    const auto t0 = std::chrono::steady_clock::now();
    const dl::StepStats last = dl::replay(*t, e, target, &dlcli::cancelFlag());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const dl::EpochStats ev = t->evaluateAll();
    if (a.has("save")) dl::saveCheckpoint(*t, a.str("save", ""));
    if (a.has("save-experiment")) {
        e.steps = t->steps();
        e.result = ev;
        dl::saveExperiment(e, a.str("save-experiment", ""));
    }
    std::string message;
    if (last.diverged)
        message = t->divergenceMessage(last);
    else if (dlcli::cancelFlag().requested())
        message = "Stopped by the user at step " + std::to_string(t->steps()) + ".";
    if (json) {
        dl::Json j = dl::Json::object();
        j.set("train_accuracy", static_cast<double>(ev.train.accuracy));
        j.set("dev_accuracy", static_cast<double>(ev.dev.accuracy));
        j.set("cost", static_cast<double>(ev.train.cost));
        j.set("dev_cost", static_cast<double>(ev.dev.cost));
        j.set("last_batch_cost", static_cast<double>(last.cost));
        j.set("iterations", t->steps());
        j.set("epochs", t->epochs());
        j.set("seconds", seconds);
        j.set("diverged", last.diverged);
        j.set("train_count", ev.train.count);
        j.set("dev_count", ev.dev.count);
        j.set("parameters", static_cast<double>(t->model().paramCount()));
        if (!message.empty()) j.set("message", message);
        if (e.result) {
            const bool same = e.result->train.cost == ev.train.cost &&
                              e.result->train.accuracy == ev.train.accuracy &&
                              e.result->dev.accuracy == ev.dev.accuracy;
            j.set("matches_saved_result", same);
        }
        std::cout << j.dump() << std::endl;
    } else {
        if (!message.empty()) std::cout << message << "\n";
        char buf[200];
        std::snprintf(buf, sizeof buf,
                      "train accuracy %.2f%%  dev accuracy %.2f%%  cost %.6f  (%ld steps in %.3f s)\n",
                      100.0 * ev.train.accuracy, 100.0 * ev.dev.accuracy, static_cast<double>(ev.train.cost),
                      t->steps(), seconds);
        std::cout << buf;
    }
    return last.diverged ? 3 : 0;
}

int gradcheck(const Args& a)
{
    dl::Experiment e = dlcli::experimentFromArgs(a);
    if (!a.has("init")) e.network.init = dl::Init::Xavier; // non-trivial gradients in every layer
    auto t = dl::makeTrainer(e);
    const long warm = static_cast<long>(a.num("iterations", 0));
    if (warm > 0) t->run(warm);
    const dl::Tensor x = dl::featureTensor(e.data.train);
    const dl::Tensor y = dl::targetTensor(e.data.train, t->spec().outputs);
    const dl::GradCheckReport r =
        dl::gradientCheck(t->spec(), t->model(), x, y, t->lossKind(), e.hyper.l2, a.num("epsilon", 1e-6));
    if (a.has("json")) {
        dl::Json layers = dl::Json::array();
        for (const auto& l : r.layers) {
            dl::Json j = dl::Json::object();
            j.set("layer", l.layer).set("what", l.what).set("parameters", static_cast<double>(l.count));
            j.set("difference", l.difference).set("passed", l.difference < 1e-7);
            layers.push(j);
        }
        dl::Json j = dl::Json::object();
        j.set("layers", layers).set("overall", r.overall).set("worst", r.worst).set("passed", r.passed());
        std::cout << j.dump() << std::endl;
    } else {
        for (const auto& l : r.layers) {
            char buf[160];
            std::snprintf(buf, sizeof buf, "%-8s %-16s %5zu params  difference %.3e  %s\n", l.layer.c_str(),
                          l.what.c_str(), l.count, l.difference, l.difference < 1e-7 ? "ok" : "FAIL");
            std::cout << buf;
        }
        std::printf("overall difference %.3e: %s\n", r.overall, r.passed() ? "passed" : "FAILED");
    }
    return r.passed() ? 0 : 1;
}

int compare(const Args& a, const std::string& defaultParam)
{
    const dl::Experiment e = dlcli::experimentFromArgs(a);
    const dl::SweepParam param = dl::parseSweepParam(a.str("vary", defaultParam));
    const std::string values = a.str("values", a.str("sizes", dl::defaultSweepValues(param)));
    const long iterations = static_cast<long>(a.num("iterations", 10000));
    std::vector<dl::SweepRun> runs = dl::sweepRuns(e, param, values);
    dl::Json rows = dl::Json::array();
    bool failed = false;
    const auto onResult = [&](const dl::SweepResult& r) {
        failed = failed || !r.error.empty();
        if (a.has("json")) {
            dl::Json j = dl::Json::object();
            j.set("label", r.label).set("train_accuracy", static_cast<double>(r.eval.train.accuracy));
            j.set("dev_accuracy", static_cast<double>(r.eval.dev.accuracy))
                .set("cost", static_cast<double>(r.eval.train.cost));
            j.set("diverged", r.diverged);
            j.set("iterations", r.curve.empty() ? 0L : r.curve.back().first); // the steps it trained
            if (!r.error.empty()) j.set("error", r.error);
            rows.push(j);
        } else if (!r.error.empty()) {
            std::printf("%-18s %s\n", r.label.c_str(), r.error.c_str());
        } else {
            std::printf("%-18s train %5.1f %%  dev %5.1f %%  cost %.4f%s\n", r.label.c_str(),
                        100.0 * r.eval.train.accuracy, 100.0 * r.eval.dev.accuracy,
                        static_cast<double>(r.eval.train.cost), r.diverged ? "  (diverged)" : "");
        }
    };
    if (!a.has("epochs")) {
        dl::runSweep(runs, iterations, 2, 10, &dlcli::cancelFlag(), onResult);
    } else { // passes over the data: each run its own step count (the batch size may be what varies)
        const long epochs = static_cast<long>(a.num("epochs", 1));
        if (epochs < 1 || epochs > 1000000) throw UsageError("--epochs must be between 1 and 1e6");
        for (dl::SweepRun& run : runs) run.iterations = epochs * dlcli::stepsPerEpoch(run.experiment);
        dl::runSweep(runs, 0, 2, 10, &dlcli::cancelFlag(), onResult);
    }
    if (a.has("json")) std::cout << rows.dump() << std::endl;
    return failed ? 1 : 0;
}

const std::vector<dlcli::Option> kFiles = {
    {"experiment", Kind::Text, "replay a saved experiment (other options ignored)"},
    {"save-experiment", Kind::Text, "save the run as an experiment file"},
    {"save", Kind::Text, "save a checkpoint (.dlck)"},
    {"resume", Kind::Text, "continue training a checkpoint to --iterations"},
};

} // namespace

std::vector<dlcli::Command> playgroundCommands()
{
    return {
        {"train2d", "train a 2-D classifier (the Playground lab, headless)",
         dlcli::join(dlcli::networkAndTraining(), kFiles), "", 0, train2d},
        {"gradcheck", "gradient check of the network on the data; exit 0 when every layer < 1e-7",
         dlcli::join(dlcli::networkAndTraining(),
                     {{"epsilon", Kind::Number, "step of the numeric derivative (1e-6)"}}),
         "", 0, gradcheck},
        {"compare",
         "one run per value, all else equal (COURSE.md §1-4); default values are the course's (hidden: "
         "1,2,3,4,5,20,50; lr: 0.01,0.001,0.0001; ...)",
         dlcli::join(dlcli::networkAndTraining(),
                     {{"vary", Kind::Text, "hidden|lr|optimizer|init|l2|keep-prob|batch (hidden)"},
                      {"values", Kind::Text, "comma-separated values of --vary (the course's)"},
                      {"sizes", Kind::Text, "the same as --values (older name)"}}),
         "", 0,
         [](const Args& a) {
             return compare(a, "hidden");
         }},
    };
}
