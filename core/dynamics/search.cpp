// SPDX-License-Identifier: MIT
#include "core/dynamics/search.h"

#include "core/util/error.h"
#include "core/util/rng.h"
#include "core/util/run_pool.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <sstream>

namespace dl {

const char* searchScaleName(SearchScale s)
{
    switch (s) {
    case SearchScale::Linear:
        return "lin";
    case SearchScale::Log:
        return "log";
    case SearchScale::OneMinusLog:
        return "one-minus-log";
    }
    return "?";
}

const std::vector<std::string>& searchParamNames()
{
    static const std::vector<std::string> names{"lr", "beta", "beta1", "beta2", "l2", "keep-prob", "hidden"};
    return names;
}

std::string searchParamTitle(const std::string& name)
{
    if (name == "lr") return "learning rate α";
    if (name == "beta") return "β (momentum, RMSprop)";
    if (name == "beta1") return "Adam β₁";
    if (name == "beta2") return "Adam β₂";
    if (name == "l2") return "L2 λ";
    if (name == "keep-prob") return "dropout keep_prob";
    if (name == "hidden") return "units of the first hidden layer";
    return name;
}

namespace {

std::string fmt(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

double number(const std::string& s, const std::string& where)
{
    char* end = nullptr;
    const double d = std::strtod(s.c_str(), &end);
    if (s.empty() || *end != '\0' || !std::isfinite(d))
        throw ConfigError("\"" + s + "\" in \"" + where + "\" is not a number");
    return d;
}

std::vector<std::string> split(const std::string& s, char sep)
{
    std::vector<std::string> parts;
    std::stringstream ss(s);
    for (std::string p; std::getline(ss, p, sep);) {
        const size_t a = p.find_first_not_of(" \t"), b = p.find_last_not_of(" \t");
        parts.push_back(a == std::string::npos ? std::string() : p.substr(a, b - a + 1));
    }
    return parts;
}

} // namespace

void validate(const SearchParam& p)
{
    const std::string where = p.name + ":" + searchScaleName(p.scale) + ":" + fmt(p.lo) + ":" + fmt(p.hi);
    if (std::find(searchParamNames().begin(), searchParamNames().end(), p.name) == searchParamNames().end())
        throw ConfigError("cannot search \"" + p.name + "\"; use lr, beta, beta1, beta2, l2, keep-prob or hidden");
    if (!(p.lo < p.hi)) throw ConfigError("the range in \"" + where + "\" must go from a lower to a higher value");
    if (p.scale == SearchScale::Log && p.lo <= 0)
        throw ConfigError("a log range needs positive ends (\"" + where + "\"); use lin to include 0");
    if (p.scale == SearchScale::OneMinusLog && p.hi >= 1)
        throw ConfigError("a one-minus-log range must stay below 1 (\"" + where + "\")");
    // the range's width on its own scale: too narrow for doubles (1 − 1e-99 is 1) leaves nothing to sample
    const double width = p.scale == SearchScale::Linear ? p.hi - p.lo
                         : p.scale == SearchScale::Log  ? std::log10(p.hi) - std::log10(p.lo)
                                                        : std::log10(1 - p.lo) - std::log10(1 - p.hi);
    if (!(width > 0) || !std::isfinite(width))
        throw ConfigError("the range in \"" + where + "\" is too narrow to sample on a " + searchScaleName(p.scale) +
                          " scale; widen it");
    const bool fraction = p.name == "beta" || p.name == "beta1" || p.name == "beta2";
    if (fraction && (p.lo < 0 || p.hi >= 1)) throw ConfigError("β must lie in [0, 1) (\"" + where + "\")");
    if (p.name == "keep-prob" && (p.lo <= 0 || p.hi > 1))
        throw ConfigError("keep_prob must lie in (0, 1] (\"" + where + "\")");
    if (p.name == "lr" && (p.lo <= 0 || p.hi > 100)) throw ConfigError("α must lie in (0, 100] (\"" + where + "\")");
    if (p.name == "l2" && (p.lo < 0 || p.hi > 1000)) throw ConfigError("λ must lie in [0, 1000] (\"" + where + "\")");
    if (p.name == "hidden" && (p.lo < 1 || p.hi > 4096))
        throw ConfigError("hidden units must lie in [1, 4096] (\"" + where + "\")");
}

std::vector<SearchParam> parseSearchParams(const std::string& text)
{
    std::vector<SearchParam> params;
    for (const std::string& part : split(text, ',')) {
        if (part.empty()) continue;
        const std::vector<std::string> f = split(part, ':');
        if (f.size() != 4)
            throw ConfigError("\"" + part + "\" should be NAME:SCALE:LOW:HIGH, e.g. lr:log:1e-4:1");
        SearchParam p;
        p.name = f[0];
        if (f[1] == "lin" || f[1] == "linear")
            p.scale = SearchScale::Linear;
        else if (f[1] == "log")
            p.scale = SearchScale::Log;
        else if (f[1] == "one-minus-log")
            p.scale = SearchScale::OneMinusLog;
        else
            throw ConfigError("scale \"" + f[1] + "\" in \"" + part + "\" is not lin, log or one-minus-log");
        p.lo = number(f[2], part);
        p.hi = number(f[3], part);
        validate(p);
        for (const SearchParam& q : params)
            if (q.name == p.name) throw ConfigError("\"" + p.name + "\" is searched twice");
        params.push_back(p);
    }
    if (params.empty()) throw ConfigError("name at least one setting to search, e.g. lr:log:1e-4:1");
    if (params.size() > 6) throw ConfigError("search at most 6 settings at once");
    return params;
}

std::string formatSearchParams(const std::vector<SearchParam>& params)
{
    std::string s;
    for (const SearchParam& p : params)
        s += (s.empty() ? "" : ",") + p.name + ":" + searchScaleName(p.scale) + ":" + fmt(p.lo) + ":" + fmt(p.hi);
    return s;
}

// COURSE.md §5: r = log10 α uniform; for β, r = log10(1 − β) uniform.
double toUnit(const SearchParam& p, double v)
{
    switch (p.scale) {
    case SearchScale::Linear:
        return (v - p.lo) / (p.hi - p.lo);
    case SearchScale::Log:
        return (std::log10(v) - std::log10(p.lo)) / (std::log10(p.hi) - std::log10(p.lo));
    case SearchScale::OneMinusLog:
        return (std::log10(1 - v) - std::log10(1 - p.lo)) / (std::log10(1 - p.hi) - std::log10(1 - p.lo));
    }
    return 0;
}

double fromUnit(const SearchParam& p, double u)
{
    switch (p.scale) {
    case SearchScale::Linear:
        return p.lo + u * (p.hi - p.lo);
    case SearchScale::Log:
        return std::pow(10.0, std::log10(p.lo) + u * (std::log10(p.hi) - std::log10(p.lo)));
    case SearchScale::OneMinusLog:
        return 1 - std::pow(10.0, std::log10(1 - p.lo) + u * (std::log10(1 - p.hi) - std::log10(1 - p.lo)));
    }
    return p.lo;
}

double roundedValue(const SearchParam& p, double v)
{
    return p.name == "hidden" ? std::round(v) : v;
}

void applySearchValue(Experiment& e, const std::string& name, double v)
{
    OptimizerConfig& o = e.hyper.opt;
    const bool beta = o.kind == OptKind::Momentum || o.kind == OptKind::Nesterov || o.kind == OptKind::RMSprop;
    const bool adam = o.kind == OptKind::Adam || o.kind == OptKind::AdamW;
    if (name == "lr") {
        e.hyper.lr = float(v);
    } else if (name == "beta") {
        if (!beta)
            throw ConfigError(std::string("β has no effect with ") + optName(o.kind) +
                              "; choose momentum, nesterov or rmsprop (Adam's are beta1 and beta2)");
        o.beta = float(v);
    } else if (name == "beta1" || name == "beta2") {
        if (!adam) throw ConfigError(name + " has no effect with " + optName(o.kind) + "; choose adam or adamw");
        (name == "beta1" ? o.beta1 : o.beta2) = float(v);
    } else if (name == "l2") {
        e.hyper.l2 = float(v);
    } else if (name == "keep-prob") {
        e.hyper.keepProb = e.network.keepProb = float(v);
    } else if (name == "hidden") {
        if (e.network.hidden.empty()) throw ConfigError("the network has no hidden layer to size; give --hidden");
        e.network.hidden[0] = int(std::lround(v));
    } else {
        throw ConfigError("cannot search \"" + name + "\"");
    }
}

void checkSearchApplies(const Experiment& base, const std::vector<SearchParam>& params)
{
    Experiment e = base;
    for (const SearchParam& p : params) applySearchValue(e, p.name, p.lo);
}

std::vector<std::vector<double>> randomPoints(const std::vector<SearchParam>& params, int n, std::uint32_t seed)
{
    Rng rng(seed);
    std::vector<std::vector<double>> pts(size_t(std::max(0, n)));
    for (auto& pt : pts)
        for (const SearchParam& p : params)
            pt.push_back(roundedValue(p, fromUnit(p, std::uniform_real_distribution<double>(0, 1)(rng.engine()))));
    return pts;
}

std::vector<std::vector<double>> gridPoints(const std::vector<SearchParam>& params, int budget)
{
    const size_t d = params.size();
    if (d == 0 || budget < 1) return {};
    std::vector<int> k(d, std::max(1, int(std::floor(std::pow(double(budget), 1.0 / double(d)) + 1e-9))));
    auto product = [&] {
        long p = 1;
        for (int v : k) p *= v;
        return p;
    };
    while (product() > budget) --k[0]; // floating-point slack
    for (bool grown = true; grown;) {  // one more value per axis while the budget allows
        grown = false;
        for (size_t i = 0; i < d; ++i) {
            ++k[i];
            if (product() <= budget) {
                grown = true;
            } else {
                --k[i];
            }
        }
    }
    std::vector<std::vector<double>> pts;
    std::vector<int> idx(d, 0);
    for (long n = product(); n > 0; --n) {
        std::vector<double> pt;
        for (size_t i = 0; i < d; ++i)
            pt.push_back(roundedValue(params[i], fromUnit(params[i], k[i] == 1 ? 0.5 : double(idx[i]) / (k[i] - 1))));
        pts.push_back(pt);
        for (size_t i = d; i-- > 0;) { // odometer, last axis fastest
            if (++idx[i] < k[i]) break;
            idx[i] = 0;
        }
    }
    return pts;
}

int bestTrial(const std::vector<SearchTrial>& trials)
{
    int best = -1;
    for (size_t i = 0; i < trials.size(); ++i) {
        const SearchTrial& t = trials[i];
        if (!t.error.empty() || t.diverged || !std::isfinite(t.dev.cost)) continue;
        if (best < 0) {
            best = int(i);
            continue;
        }
        const SearchTrial& b = trials[size_t(best)];
        if (t.dev.accuracy != b.dev.accuracy ? t.dev.accuracy > b.dev.accuracy
            : t.dev.cost != b.dev.cost      ? t.dev.cost < b.dev.cost
                                             : t.id < b.id)
            best = int(i);
    }
    return best;
}

std::vector<SearchParam> zoomedRanges(const std::vector<SearchParam>& current, const std::vector<SearchTrial>& trials,
                                      int keep)
{
    std::vector<const SearchTrial*> ok;
    for (const SearchTrial& t : trials)
        if (t.error.empty() && !t.diverged && std::isfinite(t.dev.cost)) ok.push_back(&t);
    if (ok.empty()) return current;
    std::stable_sort(ok.begin(), ok.end(), [](const SearchTrial* a, const SearchTrial* b) {
        if (a->dev.cost != b->dev.cost) return a->dev.cost < b->dev.cost;
        return a->id < b->id;
    });
    ok.resize(std::min(ok.size(), size_t(std::max(1, keep))));
    std::vector<SearchParam> next = current;
    for (size_t i = 0; i < current.size(); ++i) {
        double u0 = 1, u1 = 0;
        for (const SearchTrial* t : ok) {
            const double u = std::clamp(toUnit(current[i], t->values[i]), 0.0, 1.0);
            u0 = std::min(u0, u), u1 = std::max(u1, u);
        }
        u0 = std::max(0.0, u0 - 0.1), u1 = std::min(1.0, u1 + 0.1);
        const double a = fromUnit(current[i], u0), b = fromUnit(current[i], u1);
        next[i].lo = std::min(a, b), next[i].hi = std::max(a, b);
        if (next[i].name == "hidden" && next[i].hi - next[i].lo < 1) next[i].hi = next[i].lo + 1;
    }
    return next;
}

void runTrials(const Experiment& base, const std::vector<SearchParam>& params,
               const std::vector<std::vector<double>>& points, int round, int firstId, long iterations,
               const CancelFlag* cancel, const std::function<void(const SearchTrial&)>& onTrial, int workers)
{
    std::mutex mutex;
    runPool(
        int(points.size()),
        [&](int i) {
            SearchTrial t;
            t.id = firstId + i, t.round = round, t.values = points[size_t(i)];
            const auto t0 = std::chrono::steady_clock::now();
            try {
                Experiment e = base;
                e.changes.clear();
                for (size_t k = 0; k < params.size(); ++k) applySearchValue(e, params[k].name, t.values[k]);
                validate(e.hyper);
                auto trainer = makeTrainer(e);
                t.diverged = trainer->run(iterations, cancel).diverged;
                if (cancel && cancel->requested()) return; // cut short: not a result
                const EpochStats ev = trainer->evaluateAll();
                t.train = ev.train, t.dev = ev.dev;
            } catch (const Error& err) {
                t.error = err.what();
            }
            t.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            std::lock_guard lock(mutex);
            if (onTrial) onTrial(t);
        },
        cancel, workers);
}

int roundSize(int trials, int rounds, int round)
{
    const int each = trials / std::max(1, rounds);
    return round < rounds ? each : trials - each * (rounds - 1);
}

void validate(const SearchPlan& plan)
{
    if (plan.trials < 1 || plan.trials > 10000) throw ConfigError("the budget must be between 1 and 10000 trials");
    if (plan.rounds < 1 || plan.rounds > plan.trials)
        throw ConfigError("rounds must be between 1 and the number of trials");
    if (plan.iterations < 1) throw ConfigError("each trial needs at least one step");
    checkSearchApplies(plan.base, plan.params);
}

SearchSession::SearchSession(SearchPlan plan) : m_plan(std::move(plan)), m_ranges(m_plan.params)
{
    validate(m_plan);
    for (int r = 1; r <= m_plan.rounds; ++r) m_rounds.push_back({false, roundSize(m_plan.trials, m_plan.rounds, r)});
    if (m_plan.grid) m_rounds.push_back({true, m_plan.trials});
}

int SearchSession::trialsPlanned() const
{
    int n = 0;
    for (const Round& r : m_rounds) n += r.grid ? int(gridPoints(m_plan.params, r.trials).size()) : r.trials;
    return n;
}

bool SearchSession::runNext(const CancelFlag* cancel, const std::function<void(const SearchTrial&)>& onTrial)
{
    if (done() || (cancel && cancel->requested())) return false;
    const Round round = m_rounds[m_next];
    std::vector<SearchTrial> got;
    const auto keep = [&](const SearchTrial& t) {
        got.push_back(t);
        if (onTrial) onTrial(t);
    };
    if (round.grid) {
        const auto pts = gridPoints(m_plan.params, round.trials);
        runTrials(m_plan.base, m_plan.params, pts, 0, m_nextId, m_plan.iterations, cancel, keep, m_plan.workers);
        m_nextId += int(pts.size());
        m_out.grid.insert(m_out.grid.end(), got.begin(), got.end());
    } else {
        ++m_random;
        m_out.ranges.push_back(m_ranges);
        const auto pts = randomPoints(m_ranges, round.trials, m_plan.base.seed * 7919u + std::uint32_t(m_random));
        runTrials(m_plan.base, m_ranges, pts, m_random, m_nextId, m_plan.iterations, cancel, keep, m_plan.workers);
        m_nextId += int(pts.size());
        m_out.random.insert(m_out.random.end(), got.begin(), got.end());
        m_ranges = zoomedRanges(m_ranges, got, std::max(3, int(got.size()) / 4));
    }
    ++m_next;
    return true;
}

void SearchSession::zoomIn(int trials)
{
    if (trials < 1 || trials > 10000) throw ConfigError("a round needs between 1 and 10000 trials");
    // the best quarter of every random trial so far, inside the ranges of the last round
    const std::vector<SearchParam>& last = m_out.ranges.empty() ? m_plan.params : m_out.ranges.back();
    m_ranges = zoomedRanges(last, m_out.random, std::max(3, int(m_out.random.size()) / 4));
    m_rounds.insert(m_rounds.begin() + std::ptrdiff_t(m_next), Round{false, trials});
}

SearchOutcome runSearch(const SearchPlan& plan, const CancelFlag* cancel,
                        const std::function<void(const SearchTrial&)>& onTrial)
{
    SearchSession session(plan);
    while (session.runNext(cancel, onTrial)) {
    }
    return session.outcome();
}

static Json trialJson(const std::vector<SearchParam>& params, const SearchTrial& t)
{
    Json j = Json::object(), v = Json::object();
    for (size_t k = 0; k < params.size() && k < t.values.size(); ++k) v.set(params[k].name, t.values[k]);
    j.set("id", t.id).set("round", t.round).set("values", v);
    j.set("train_accuracy", double(t.train.accuracy)).set("dev_accuracy", double(t.dev.accuracy));
    j.set("dev_cost", double(t.dev.cost)).set("diverged", t.diverged).set("seconds", t.seconds);
    if (!t.error.empty()) j.set("error", t.error);
    return j;
}

Json toJson(const SearchPlan& plan, const SearchOutcome& out, bool cancelled, double seconds)
{
    const auto sorted = [](std::vector<SearchTrial> t) { // finishing order depends on the cores: by id
        std::sort(t.begin(), t.end(), [](const SearchTrial& a, const SearchTrial& b) { return a.id < b.id; });
        return t;
    };
    const std::vector<SearchTrial> random = sorted(out.random), grid = sorted(out.grid);
    Json trials = Json::array(), gridJson = Json::array(), ranges = Json::array();
    for (const auto& t : random) trials.push(trialJson(plan.params, t));
    for (const auto& t : grid) gridJson.push(trialJson(plan.params, t));
    for (const auto& r : out.ranges) ranges.push(formatSearchParams(r));
    Json j = Json::object();
    j.set("trials", trials).set("ranges", ranges).set("seconds", seconds).set("cancelled", cancelled);
    j.set("iterations", plan.iterations);
    const int best = bestTrial(random), gridBest = bestTrial(grid);
    if (best >= 0) j.set("best", trialJson(plan.params, random[size_t(best)]));
    if (plan.grid) j.set("grid", gridJson);
    if (gridBest >= 0) j.set("grid_best", trialJson(plan.params, grid[size_t(gridBest)]));
    return j;
}

} // namespace dl
