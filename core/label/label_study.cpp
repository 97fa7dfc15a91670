// SPDX-License-Identifier: MIT
#include "core/label/label_study.h"

#include "core/util/error.h"

#include <cmath>
#include <cstdio>

namespace dl {

namespace {

std::string fmt(double v, const char* f = "%.3f")
{
    char buf[32];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

// Mean and standard deviation of one value over a strategy's runs.
template <typename F>
void meanSd(const std::vector<const LabelSession*>& runs, F value, double& mean, double& sd)
{
    mean = sd = 0;
    for (const LabelSession* s : runs) mean += value(*s);
    mean /= double(runs.size());
    for (const LabelSession* s : runs) sd += (value(*s) - mean) * (value(*s) - mean);
    sd = runs.size() > 1 ? std::sqrt(sd / double(runs.size() - 1)) : 0;
}

// The table row of one strategy: its runs' last rounds.
std::vector<std::string> row(Strategy st, const std::vector<const LabelSession*>& runs)
{
    double acc = 0, sd = 0, bought = 0, bsd = 0, lacc = 0, lsd = 0;
    meanSd(runs, [](const LabelSession& s) { return s.rounds().back().testAccuracy; }, acc, sd);
    meanSd(runs, [](const LabelSession& s) { return double(s.rounds().back().labelsBought); }, bought, bsd);
    meanSd(runs, [](const LabelSession& s) { return s.rounds().back().labelAccuracy; }, lacc, lsd);
    std::string extra;
    if (st == Strategy::SelfTraining) {
        int added = 0, wrong = 0;
        for (const LabelSession* s : runs)
            for (const LabelRound& r : s->rounds()) added += r.pseudoAdded, wrong += r.pseudoWrong;
        extra = std::to_string(added) + " added, " + fmt(added ? 100.0 * (added - wrong) / added : 100, "%.1f") + " % right";
    } else if (st == Strategy::Weak && runs[0]->weak()) {
        extra = fmt(100 * runs[0]->weak()->coverage(), "%.1f") + " % covered, " + fmt(100 * runs[0]->weak()->accuracy(), "%.1f") +
                " % right; seed alone " + fmt(runs[0]->seedOnlyAccuracy());
    }
    return {strategyName(st), std::to_string(runs[0]->rounds().back().labelsUsed), fmt(acc),
            runs.size() > 1 ? "± " + fmt(sd) : "", fmt(bought, "%.0f"), fmt(lacc), extra};
}

} // namespace

LabelStudy::LabelStudy(LabelStudySpec spec) : LabelStudy(spec, std::make_shared<const LabelData>(loadLabelData(spec.data)))
{
}

LabelStudy::LabelStudy(LabelStudySpec spec, std::shared_ptr<const LabelData> data) : m_spec(std::move(spec)), m_data(std::move(data))
{
    if (m_spec.strategies.empty()) throw ConfigError("choose at least one strategy");
    if (m_spec.seeds < 1 || m_spec.seeds > 20) throw ConfigError("the seeds must be between 1 and 20");
    for (Strategy st : m_spec.strategies)
        for (int k = 0; k < m_spec.seeds; ++k) {
            LabelSpec s = m_spec.base;
            s.strategy = st, s.seed = m_spec.base.seed + std::uint32_t(k);
            m_sessions.push_back(std::make_unique<LabelSession>(s, m_data));
        }
}

LabelStudy::~LabelStudy() = default;

bool LabelStudy::advance()
{
    // Round-robin: every run's round r before any run's round r + 1, so the curves grow together.
    for (size_t tried = 0; tried < m_sessions.size(); ++tried) {
        LabelSession& s = *m_sessions[m_next];
        m_next = (m_next + 1) % m_sessions.size();
        if (s.done()) continue;
        s.step();
        break;
    }
    for (const auto& s : m_sessions)
        if (!s->done()) return true;
    return false;
}

double LabelStudy::progress() const
{
    double done = 0;
    for (const auto& s : m_sessions) done += double(s->rounds().size()) / double(s->spec().rounds + 1);
    return done / double(m_sessions.size());
}

StudyReport LabelStudy::report() const
{
    StudyReport r;
    r.title = "Labelling strategies";
    StudyPanel acc{"test accuracy against labels used", "labels used", "test accuracy", false, {}};
    StudyPanel cost{"labels bought against labels used", "labels used", "labels bought", false, {}};
    r.table.push_back({"strategy", "labels used", "test accuracy", "spread (sd)", "labels bought", "label accuracy", ""});
    for (size_t k = 0; k < m_spec.strategies.size(); ++k) {
        std::vector<const LabelSession*> runs;
        size_t rounds = SIZE_MAX;
        for (int j = 0; j < m_spec.seeds; ++j) {
            runs.push_back(m_sessions[k * size_t(m_spec.seeds) + size_t(j)].get());
            rounds = std::min(rounds, runs.back()->rounds().size());
        }
        StudyCurve a{strategyName(m_spec.strategies[k]), {}, {}}, b = a;
        a.colour = b.colour = int(k);
        for (size_t i = 0; i < rounds; ++i) { // the mean over the seeds of the rounds all have run
            double y = 0, bought = 0;
            for (const LabelSession* s : runs) y += s->rounds()[i].testAccuracy, bought += s->rounds()[i].labelsBought;
            a.x.push_back(runs[0]->rounds()[i].labelsUsed), a.y.push_back(y / double(runs.size()));
            b.x.push_back(runs[0]->rounds()[i].labelsUsed), b.y.push_back(bought / double(runs.size()));
        }
        acc.curves.push_back(a), cost.curves.push_back(b);
        if (rounds > 0 && rounds != SIZE_MAX) r.table.push_back(row(m_spec.strategies[k], runs));
    }
    r.panels = {acc, cost};
    const LabelSpec& b = m_spec.base;
    r.note = "Fashion-MNIST with its labels hidden: a pool of " + std::to_string(m_data->poolSize()) + " images, " +
             std::to_string(b.labelledPerClass) + " labelled a class to start, " + std::to_string(b.rounds) + " rounds of " +
             std::to_string(b.batch) + " labels, " + std::to_string(m_data->testLabels.size()) + " test images; " +
             (m_spec.seeds > 1 ? "the mean of " + std::to_string(m_spec.seeds) + " seeds." : "one seed.");
    return r;
}

} // namespace dl
