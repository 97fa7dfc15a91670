// SPDX-License-Identifier: MIT
// Random search, coarse to fine, and the grid it is compared with (COURSE.md §5 "Tuning": random rather
// than grid; sample α on a log scale, r ∈ [−4, 0], α = 10^r; β through 1 − β on a log scale; zoom into
// the region of the best points and sample it more densely). Each trial trains one 2-D experiment with the
// searched values set; every trial uses the base experiment's seed, so all start from the same weights
// (when the shape is the same) and see the same batch order. Trials run on the shared run pool
// (core/util/run_pool.h): one trial per core, each single-threaded. Qt-free.
#pragma once
#include "core/train/experiment.h"
#include "core/util/cancel.h"
#include "core/util/json.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace dl {

// How a range is sampled: Linear (uniform in [lo, hi]), Log (10^r, r uniform in [log lo, log hi]),
// OneMinusLog (1 − 10^r, r uniform in [log(1 − hi), log(1 − lo)]: β from 0.9 to 0.999 as evenly in
// "averaging over 10 … 1000 values" as the course asks).
enum class SearchScale { Linear, Log, OneMinusLog };
const char* searchScaleName(SearchScale s); // "lin", "log", "one-minus-log"

struct SearchParam {
    std::string name; // lr, beta, beta1, beta2, l2, keep-prob, hidden (units of the first hidden layer)
    SearchScale scale = SearchScale::Log;
    double lo = 0, hi = 1;
    bool operator==(const SearchParam&) const = default;
};
const std::vector<std::string>& searchParamNames();
std::string searchParamTitle(const std::string& name); // "learning rate α", "β (momentum, RMSprop)", ...
// "lr:log:1e-4:1,beta:one-minus-log:0.9:0.999" (scale "lin", "log" or "one-minus-log"); throws ConfigError
// naming the part that is wrong (unknown name, bad scale, lo ≥ hi, a log range that is not positive…).
std::vector<SearchParam> parseSearchParams(const std::string& text);
std::string formatSearchParams(const std::vector<SearchParam>& params); // parseSearchParams' inverse
void validate(const SearchParam& p); // throws ConfigError as parseSearchParams does

// The position of v in p's range in p's sampling scale: 0 at lo, 1 at hi (the axes of the plots).
double toUnit(const SearchParam& p, double v);
double fromUnit(const SearchParam& p, double u);
// The value as the experiment holds it (hidden units are rounded to whole numbers).
double roundedValue(const SearchParam& p, double v);
// Sets the searched setting in e; throws ConfigError when it has no effect there (β with GD or Adam…).
void applySearchValue(Experiment& e, const std::string& name, double v);
void checkSearchApplies(const Experiment& base, const std::vector<SearchParam>& params);

// n points drawn uniformly in each parameter's scale, from the generator seeded with `seed`.
std::vector<std::vector<double>> randomPoints(const std::vector<SearchParam>& params, int n, std::uint32_t seed);
// A grid of at most `budget` points: as many values per axis as the budget allows, the axes as even as it
// allows (30 over two parameters: 6 × 5), the values evenly spaced in each scale, ends included.
std::vector<std::vector<double>> gridPoints(const std::vector<SearchParam>& params, int budget);

struct SearchTrial {
    int id = 0;     // 1, 2, … in the order the trials were planned
    int round = 0;  // 1, 2, … for random rounds; 0 for the grid
    std::vector<double> values; // one per parameter
    EvalStats train, dev;
    bool diverged = false;
    std::string error; // set when this trial could not be trained
    double seconds = 0;
};

// The trial with the best dev accuracy (ties: lower dev cost, then the earlier trial); −1 if none trained.
int bestTrial(const std::vector<SearchTrial>& trials);
// The next round's ranges: around the `keep` trials of `trials` (those of the current ranges) with the lowest
// dev cost — a smoother guide than dev accuracy on a small dev set, where many trials tie —, each range from
// the lowest to the highest of their values, widened on each side by a tenth of the current range (in its
// scale) and kept inside it: a narrower range, never a wider one.
std::vector<SearchParam> zoomedRanges(const std::vector<SearchParam>& current, const std::vector<SearchTrial>& trials,
                                      int keep);

// Trains one trial per point of `points` for `iterations` steps each (trial ids from firstId), on `workers`
// cores (0: as many as are free now); calls onTrial for each as it finishes (on a pool thread, one call at a
// time). Stops all runs at their next step when `cancel` is requested; trials cut short are not reported.
void runTrials(const Experiment& base, const std::vector<SearchParam>& params,
               const std::vector<std::vector<double>>& points, int round, int firstId, long iterations,
               const CancelFlag* cancel, const std::function<void(const SearchTrial&)>& onTrial, int workers = 0);

// The whole search the CLI and the tests run: `rounds` random rounds of trials/rounds trials each (the
// last takes what is left), each round inside the ranges the one before zoomed to (its quarter of lowest
// dev cost, at least 3 trials), then, when `grid` is set, the grid with the same budget.
struct SearchPlan {
    Experiment base;
    std::vector<SearchParam> params;
    int trials = 30;
    int rounds = 2;
    long iterations = 2000;
    bool grid = false;
    int workers = 0;
};
struct SearchOutcome {
    std::vector<SearchTrial> random, grid; // in finishing order
    std::vector<std::vector<SearchParam>> ranges; // of each random round
};
void validate(const SearchPlan& plan); // throws ConfigError: the budget, the rounds, a setting with no effect

// A search in steps, for the lab's worker and the CLI alike: runNext() runs the next planned round (random
// rounds first, each in the ranges the one before zoomed to, then the grid), and zoomIn() plans one more
// random round inside the region of the best trials so far ("zoom into the best region").
class SearchSession {
  public:
    explicit SearchSession(SearchPlan plan); // validates it (ConfigError)
    // Runs the next round; false when none was left. onTrial as runTrials; a cancel stops it part-way.
    bool runNext(const CancelFlag* cancel, const std::function<void(const SearchTrial&)>& onTrial);
    void zoomIn(int trials); // one more random round of `trials`, in zoomedRanges of every random trial
    bool done() const { return m_next >= m_rounds.size(); }
    int roundsPlanned() const { return int(m_rounds.size()); }
    int trialsPlanned() const;
    int trialsDone() const { return int(m_out.random.size() + m_out.grid.size()); }
    const std::vector<SearchParam>& ranges() const { return m_ranges; } // of the next random round
    const SearchOutcome& outcome() const { return m_out; }
    const SearchPlan& plan() const { return m_plan; }

  private:
    struct Round {
        bool grid;
        int trials;
    };
    SearchPlan m_plan;
    std::vector<Round> m_rounds;
    size_t m_next = 0;
    int m_nextId = 1, m_random = 0;
    std::vector<SearchParam> m_ranges;
    SearchOutcome m_out;
};
SearchOutcome runSearch(const SearchPlan& plan, const CancelFlag* cancel,
                        const std::function<void(const SearchTrial&)>& onTrial = nullptr);
// What dlcli search --json prints and a saved comparison holds: the trials (by id), the ranges of each
// random round, the best, and with a grid its trials and best.
Json toJson(const SearchPlan& plan, const SearchOutcome& out, bool cancelled, double seconds);
int roundSize(int trials, int rounds, int round); // trials of random round `round` (1-based)

} // namespace dl
