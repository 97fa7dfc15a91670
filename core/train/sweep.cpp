// SPDX-License-Identifier: MIT
#include "core/train/sweep.h"

#include "core/util/run_pool.h"

#include <mutex>
#include <optional>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace dl {

const std::vector<SweepParam>& sweepParams()
{
    static const std::vector<SweepParam> all{
        SweepParam::HiddenUnits, SweepParam::LearningRate, SweepParam::Optimizer, SweepParam::Init,
        SweepParam::L2,          SweepParam::KeepProb,     SweepParam::BatchSize};
    return all;
}

const char* sweepParamName(SweepParam p)
{
    switch (p) {
    case SweepParam::HiddenUnits:
        return "hidden";
    case SweepParam::LearningRate:
        return "lr";
    case SweepParam::Optimizer:
        return "optimizer";
    case SweepParam::Init:
        return "init";
    case SweepParam::L2:
        return "l2";
    case SweepParam::KeepProb:
        return "keep-prob";
    case SweepParam::BatchSize:
        return "batch";
    }
    return "?";
}

const char* sweepParamTitle(SweepParam p)
{
    switch (p) {
    case SweepParam::HiddenUnits:
        return "hidden units (one layer)";
    case SweepParam::LearningRate:
        return "learning rate α";
    case SweepParam::Optimizer:
        return "optimizer";
    case SweepParam::Init:
        return "initialisation";
    case SweepParam::L2:
        return "L2 λ";
    case SweepParam::KeepProb:
        return "dropout keep_prob";
    case SweepParam::BatchSize:
        return "mini-batch size";
    }
    return "?";
}

SweepParam parseSweepParam(const std::string& s)
{
    for (SweepParam p : sweepParams())
        if (s == sweepParamName(p)) return p;
    throw ConfigError("cannot vary \"" + s + "\"; use hidden, lr, optimizer, init, l2, keep-prob or batch");
}

// COURSE.md: §2 hidden sizes, §1 learning rates, §4 optimisers, §3 initialisation, L2 λ = 0.7 and
// keep_prob = 0.86 from the regularisation lab, mini-batch sizes 2^k.
std::string defaultSweepValues(SweepParam p)
{
    switch (p) {
    case SweepParam::HiddenUnits:
        return "1,2,3,4,5,20,50";
    case SweepParam::LearningRate:
        return "0.01,0.001,0.0001";
    case SweepParam::Optimizer:
        return "gd,momentum,adam";
    case SweepParam::Init:
        return "zeros,large,he";
    case SweepParam::L2:
        return "0,0.7";
    case SweepParam::KeepProb:
        return "1,0.86";
    case SweepParam::BatchSize:
        return "0,64,16";
    }
    return "";
}

static double number(const std::string& v, const char* what)
{
    char* end = nullptr;
    const double d = std::strtod(v.c_str(), &end);
    if (v.empty() || *end != '\0' || !std::isfinite(d))
        throw ConfigError(std::string(what) + " \"" + v + "\" is not a number");
    return d;
}

static std::string fmt(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

std::vector<SweepRun> sweepRuns(const Experiment& base, SweepParam p, const std::string& values)
{
    std::vector<SweepRun> runs;
    std::stringstream ss(values);
    std::string v;
    while (std::getline(ss, v, ',')) {
        const size_t a = v.find_first_not_of(" \t"), b = v.find_last_not_of(" \t");
        if (a == std::string::npos) continue;
        v = v.substr(a, b - a + 1);
        SweepRun r{v, base};
        Experiment& e = r.experiment;
        e.changes.clear();
        switch (p) {
        case SweepParam::HiddenUnits: {
            const double u = number(v, "hidden size");
            if (u < 0 || u > 4096 || u != std::floor(u))
                throw ConfigError("hidden size \"" + v + "\" must be a whole number up to 4096");
            e.network.hidden = u > 0 ? std::vector<int>{int(u)} : std::vector<int>{};
            r.label = u == 1 ? "1 unit" : fmt(u) + " units";
            break;
        }
        case SweepParam::LearningRate:
            e.hyper.lr = float(number(v, "learning rate"));
            r.label = "α = " + fmt(e.hyper.lr);
            break;
        case SweepParam::Optimizer:
            e.hyper.opt.kind = parseOpt(v);
            break;
        case SweepParam::Init:
            e.network.init = parseInit(v);
            break;
        case SweepParam::L2:
            e.hyper.l2 = float(number(v, "L2 λ"));
            r.label = "λ = " + fmt(e.hyper.l2);
            break;
        case SweepParam::KeepProb:
            e.hyper.keepProb = e.network.keepProb = float(number(v, "keep_prob"));
            r.label = "keep_prob = " + fmt(e.hyper.keepProb);
            break;
        case SweepParam::BatchSize: {
            const double bs = number(v, "batch size");
            if (bs < 0 || bs != std::floor(bs))
                throw ConfigError("batch size \"" + v + "\" must be a whole number (0 = full batch)");
            e.hyper.batch = int(bs);
            r.label = bs == 0 ? "full batch" : "batch " + fmt(bs);
            break;
        }
        }
        validate(e.hyper);
        runs.push_back(std::move(r));
    }
    if (runs.empty()) throw ConfigError("give at least one value to compare");
    if (runs.size() > 16) throw ConfigError("compare at most 16 values at once");
    return runs;
}

namespace {

SweepResult trainRun(const SweepRun& run, long iterations, int gridRes, int curvePoints, const CancelFlag* cancel)
{
    SweepResult r;
    r.label = run.label;
    const long window = std::max(1L, iterations / std::max(1, curvePoints));
    try {
        auto t = makeTrainer(run.experiment);
        double sum = 0;
        long n = 0;
        t->onStep = [&](const StepStats& s) {
            if (!std::isfinite(s.cost)) return;
            sum += s.cost;
            if (++n == window || s.step == iterations) {
                r.curve.emplace_back(s.step, float(sum / double(n)));
                sum = 0;
                n = 0;
            }
        };
        r.diverged = t->run(iterations, cancel).diverged;
        t->onStep = nullptr;
        r.eval = t->evaluateAll();
        r.grid = decisionGrid(*t, dataBounds(t->data()), gridRes);
    } catch (const Error& err) {
        r.error = err.what();
    }
    return r;
}

} // namespace

void runSweep(const std::vector<SweepRun>& runs, long iterations, int gridRes, int curvePoints,
              const CancelFlag* cancel, const std::function<void(const SweepResult&)>& onResult)
{
    std::vector<std::optional<SweepResult>> done(runs.size());
    size_t reported = 0; // results before this index have gone to onResult
    std::mutex mutex;
    runPool(
        static_cast<int>(runs.size()),
        [&](int i) {
            const SweepRun& run = runs[size_t(i)];
            SweepResult r = trainRun(run, run.iterations > 0 ? run.iterations : iterations, gridRes, curvePoints, cancel);
            std::lock_guard lock(mutex);
            if (cancel && cancel->requested()) return;
            done[size_t(i)] = std::move(r);
            for (; reported < done.size() && done[reported]; ++reported) onResult(*done[reported]);
        },
        cancel);
}

} // namespace dl
