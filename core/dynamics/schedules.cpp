// SPDX-License-Identifier: MIT
#include "core/dynamics/schedules.h"

#include "core/data/synthetic.h"
#include "core/util/error.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace dl {

namespace {

std::string fmt(double v, const char* f = "%.4g")
{
    char buf[48];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

} // namespace

Experiment courseMoons(std::uint32_t seed, float devRatio, float lr)
{
    Experiment e;
    e.seed = seed;
    e.dataset.kind = "moons";
    e.dataset.seed = seed;
    e.dataset.devRatio = devRatio;
    e.data = splitDataset(makeSynthetic(e.dataset), devRatio, seed);
    e.network.hidden = {5, 2};
    e.network.activation = Act::ReLU;
    e.network.init = Init::He;
    e.hyper.batch = 64;
    e.hyper.opt.kind = OptKind::GD;
    e.hyper.lr = lr;
    return e;
}

// COURSE.md §4 "Learning-rate decay", each with its formula as the schedule's label.
std::string scheduleLabel(const DecayConfig& d)
{
    const std::string r = fmt(d.rate), n = std::to_string(d.interval);
    switch (d.kind) {
    case Decay::None:
        return "none: α₀";
    case Decay::InverseTime:
        return "inverse-time: α₀/(1 + " + r + "·e)";
    case Decay::Exponential:
        return "exponential: α₀·" + r + "^e";
    case Decay::Step:
        return "fixed interval: α₀/(1 + " + r + "·⌊e/" + n + "⌋)";
    case Decay::InverseSqrt:
        return "inverse-sqrt: α₀·" + r + "/√(e+1)";
    case Decay::Staircase:
        return "staircase: α₀·" + r + "^⌊e/" + n + "⌋";
    }
    return "?";
}

static std::vector<DecayConfig> schedulesOf(const ScheduleSpec& s)
{
    if (!s.schedules.empty()) return s.schedules;
    return {DecayConfig{}, DecayConfig{Decay::Step, 1.f, 1000}}; // the course's lab: decay_rate 1, interval 1000
}

StudyReport schedulePreview(const ScheduleSpec& spec)
{
    StudyReport r;
    r.title = "Learning-rate schedules: α against the epoch";
    r.stacked = true;
    StudyPanel cost{"mean mini-batch cost per epoch", "epoch", "cost", true, {}};
    StudyPanel lr{"α the trainer used (before training: the formula)", "epoch", "α", true, {}};
    const long every = std::max(1L, spec.epochs / std::max(1, spec.curvePoints));
    for (const DecayConfig& d : schedulesOf(spec)) {
        StudyCurve c{scheduleLabel(d), {}, {}};
        for (long e = 0; e < spec.epochs; e += every)
            c.x.push_back(double(e)), c.y.push_back(decayedLearningRate(spec.base.hyper.lr, d, e));
        lr.curves.push_back(c);
        cost.curves.push_back({scheduleLabel(d), {}, {}});
    }
    r.panels = {cost, lr};
    r.note = "Press Run to train once per schedule from the same initial weights and batch order.";
    return r;
}

ScheduleStudy::ScheduleStudy(ScheduleSpec spec) : m_spec(std::move(spec))
{
    if (m_spec.epochs < 1 || m_spec.epochs > 10000000) throw ConfigError("train between 1 and 1e7 epochs");
    m_spec.schedules = schedulesOf(m_spec);
    if (m_spec.schedules.size() > 6) throw ConfigError("compare at most 6 schedules at once");
    for (const DecayConfig& d : m_spec.schedules) {
        Hyperparams h = m_spec.base.hyper;
        h.decay = d;
        validate(h);
    }
    m_runs.resize(m_spec.schedules.size());
}

bool ScheduleStudy::advance()
{
    if (m_current >= m_runs.size()) return false;
    Run& run = m_runs[m_current];
    if (!m_trainer) {
        Experiment e = m_spec.base;
        e.hyper.decay = m_spec.schedules[m_current];
        m_trainer = makeTrainer(e);
    }
    // one epoch: the steps until the trainer's epoch count moves on
    const long epoch = m_trainer->epochs();
    double sum = 0;
    int n = 0;
    float lr = 0;
    while (m_trainer->epochs() == epoch) {
        const StepStats s = m_trainer->step();
        if (s.diverged) {
            run.diverged = true;
            break;
        }
        sum += s.cost, ++n, lr = s.lr;
    }
    if (n > 0) run.epoch.push_back(double(epoch)), run.cost.push_back(sum / n), run.lr.push_back(lr);
    if (run.diverged || m_trainer->epochs() >= m_spec.epochs) {
        run.eval = m_trainer->evaluateAll();
        run.done = true;
        m_trainer.reset();
        ++m_current;
    }
    return m_current < m_runs.size();
}

double ScheduleStudy::progress() const
{
    const double per = 1.0 / double(std::max<size_t>(1, m_runs.size()));
    const double within = m_current < m_runs.size() ? double(m_runs[m_current].epoch.size()) / double(m_spec.epochs) : 0;
    return std::min(1.0, per * (double(m_current) + within));
}

StudyReport ScheduleStudy::report() const
{
    StudyReport r = schedulePreview(m_spec);
    r.panels[1].title = "α the trainer used, per epoch";
    const size_t every = size_t(std::max(1L, m_spec.epochs / std::max(1, m_spec.curvePoints)));
    r.table.push_back({"schedule", "α at the last epoch", "train accuracy", "dev accuracy", "final cost"});
    for (size_t i = 0; i < m_runs.size(); ++i) {
        const Run& run = m_runs[i];
        StudyCurve& cost = r.panels[0].curves[i];
        StudyCurve& lr = r.panels[1].curves[i];
        lr.x.clear(), lr.y.clear();
        for (size_t k = 0; k < run.epoch.size(); k += every) {
            cost.x.push_back(run.epoch[k]), cost.y.push_back(run.cost[k]);
            lr.x.push_back(run.epoch[k]), lr.y.push_back(run.lr[k]);
        }
        if (i > m_current || (!run.done && run.epoch.empty())) { // not started: the formula, dotted in the table
            r.panels[1].curves[i] = schedulePreview(m_spec).panels[1].curves[i];
            r.table.push_back({scheduleLabel(m_spec.schedules[i]), "", "", "", ""});
            continue;
        }
        r.table.push_back({scheduleLabel(m_spec.schedules[i]), run.lr.empty() ? "" : fmt(run.lr.back()),
                           run.done && !run.diverged ? fmt(100 * run.eval.train.accuracy, "%.1f %%") : run.diverged ? "diverged" : "",
                           run.done && !run.diverged ? fmt(100 * run.eval.dev.accuracy, "%.1f %%") : "",
                           run.cost.empty() ? "" : fmt(run.cost.back())});
    }
    r.note = "Each schedule trains " + std::to_string(m_spec.epochs) + " epochs of " +
             optName(m_spec.base.hyper.opt.kind) + " from α₀ = " + fmt(m_spec.base.hyper.lr) + " (batch " +
             std::to_string(m_spec.base.hyper.batch) +
             ") from the same initial weights and batch order. The lower plot is the α each step used, "
             "read from the trainer, not the formula: a large α early covers ground, a small α late lets the "
             "mini-batch noise settle near the minimum.";
    return r;
}

LrRangeStudy::LrRangeStudy(LrRangeSpec spec) : m_spec(std::move(spec))
{
    if (!(m_spec.lrMin > 0) || !(m_spec.lrMax > m_spec.lrMin) || m_spec.lrMax > 1e4)
        throw ConfigError("the α range must go from a positive α to a larger one (at most 1e4)");
    if (m_spec.steps < 20 || m_spec.steps > 100000) throw ConfigError("the range test needs between 20 and 100000 steps");
    if (!(m_spec.smoothing >= 0 && m_spec.smoothing < 1)) throw ConfigError("the smoothing β must lie in [0, 1)");
    m_trainer = makeTrainer(m_spec.base);
}

bool LrRangeStudy::advance()
{
    const int k = int(m_lr.size());
    if (k >= m_spec.steps || m_stopped) return false;
    // α_k = lrMin·(lrMax/lrMin)^(k/(N−1)): evenly spaced on a log axis
    const double lr = m_spec.lrMin * std::pow(m_spec.lrMax / m_spec.lrMin, double(k) / double(m_spec.steps - 1));
    Hyperparams h = m_trainer->hyper();
    h.lr = float(lr);
    h.decay = {};
    m_trainer->setHyper(h);
    const StepStats s = m_trainer->step();
    if (s.diverged || !std::isfinite(s.cost)) {
        m_stopped = true;
        return false;
    }
    // bias-corrected exponential moving average (Kingma & Ba 2015 §3, as Adam's moments)
    m_avg = m_spec.smoothing * m_avg + (1 - m_spec.smoothing) * s.cost;
    const double smooth = m_avg / (1 - std::pow(m_spec.smoothing, k + 1));
    m_lr.push_back(lr), m_raw.push_back(s.cost), m_smooth.push_back(smooth);
    const double lowest = *std::min_element(m_smooth.begin(), m_smooth.end());
    if (k > 10 && smooth > 4 * lowest) m_stopped = true; // the loss has blown up: the rest says nothing
    return !m_stopped && k + 1 < m_spec.steps;
}

double LrRangeStudy::progress() const
{
    return m_stopped ? 1.0 : double(m_lr.size()) / double(m_spec.steps);
}

double LrRangeStudy::lowestAt() const
{
    if (m_smooth.empty()) return NAN;
    return m_lr[size_t(std::min_element(m_smooth.begin(), m_smooth.end()) - m_smooth.begin())];
}

// The steepest fall of the smoothed loss per unit of log α, over a window of a twentieth of the run, before
// the lowest point.
double LrRangeStudy::suggested() const
{
    const size_t n = m_smooth.size();
    if (n < 10) return NAN;
    const size_t low = size_t(std::min_element(m_smooth.begin(), m_smooth.end()) - m_smooth.begin());
    const size_t w = std::max<size_t>(2, size_t(m_spec.steps) / 20);
    double best = 0, at = NAN;
    for (size_t i = w; i + w <= low && i + w < n; ++i) {
        const double slope = (m_smooth[i + w] - m_smooth[i - w]) / (std::log(m_lr[i + w]) - std::log(m_lr[i - w]));
        if (slope < best) best = slope, at = m_lr[i];
    }
    return std::isfinite(at) ? at : lowestAt() / 10;
}

StudyReport LrRangeStudy::report() const
{
    StudyReport r;
    r.title = "α range test";
    StudyPanel p{"loss as α grows (one step per α)", "α (log scale)", "mini-batch loss", false, {}};
    p.logX = true;
    StudyCurve smooth{"smoothed loss", m_lr, m_smooth}, raw{"mini-batch loss", m_lr, m_raw};
    p.curves = {smooth, raw};
    const double s = suggested();
    if (std::isfinite(s) && !m_smooth.empty()) {
        const auto [lo, hi] = std::minmax_element(m_raw.begin(), m_raw.end()); // across the whole plot
        p.curves.push_back({"suggested α = " + fmt(s, "%.3g"), {s, s}, {*lo, *hi}});
    }
    r.panels = {p};
    r.table.push_back({"suggested α (steepest fall)", "α at the lowest loss", "lowest loss / 10 rule", "steps run"});
    r.table.push_back({fmt(s, "%.3g"), fmt(lowestAt(), "%.3g"), fmt(lowestAt() / 10, "%.3g"), std::to_string(m_lr.size())});
    r.note = "α grows exponentially from " + fmt(m_spec.lrMin, "%g") + " to " + fmt(m_spec.lrMax, "%g") + " over " +
             std::to_string(m_spec.steps) + " mini-batches of " + optName(m_spec.base.hyper.opt.kind) +
             " (Smith 2017). Too small: the loss barely moves; too large: it blows up" +
             (m_stopped ? " (the run stopped there)" : "") +
             ". Train at the α where it falls fastest, about a tenth of where it is lowest.";
    return r;
}

} // namespace dl
