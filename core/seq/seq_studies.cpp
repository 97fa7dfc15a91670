// SPDX-License-Identifier: MIT
#include "core/seq/seq_studies.h"

#include "core/util/error.h"

#include <algorithm>
#include <cstdio>

namespace dl {

namespace {
std::string fixed(double v, int digits)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}
} // namespace

// ---- long-range dependency: accuracy against T ----

LongRangeStudy::LongRangeStudy(const LongRangeSpec& s) : m_spec(s)
{
    if (s.cells.empty() || s.spans.empty()) throw ConfigError("the long-range study needs cells and spans");
    if (s.maxSteps < 1 || s.evalEvery < 1) throw ConfigError("the long-range study needs at least one step");
    if (s.seeds < 1 || s.seeds > 100) throw ConfigError("the long-range study needs 1 to 100 seeds a point");
    for (int span : s.spans) validate(SeqTaskSpec{SeqTaskKind::Remember, span});
    m_accuracy.assign(s.cells.size() * s.spans.size() * static_cast<size_t>(s.seeds), -1);
    m_steps.assign(m_accuracy.size(), 0);
}

bool LongRangeStudy::advance()
{
    if (m_next >= m_accuracy.size()) return false;
    if (!m_t) {
        SeqTaskRun r = m_spec.run;
        const size_t point = m_next / static_cast<size_t>(m_spec.seeds);
        r.cell = m_spec.cells[point / m_spec.spans.size()];
        r.task = {SeqTaskKind::Remember, m_spec.spans[point % m_spec.spans.size()]};
        r.seed += static_cast<std::uint32_t>(m_next % static_cast<size_t>(m_spec.seeds));
        m_t = std::make_unique<SeqTaskTrainer>(r);
        m_best = 0;
    }
    const StepStats s = m_t->step();
    const bool evaluate = s.diverged || m_t->steps() % m_spec.evalEvery == 0 || m_t->steps() >= m_spec.maxSteps;
    if (evaluate) {
        const double acc = m_t->accuracy();
        m_best = std::max(m_best, acc);
        if (s.diverged || acc >= m_spec.stopAt || m_t->steps() >= m_spec.maxSteps) {
            m_accuracy[m_next] = acc;
            m_steps[m_next] = m_t->steps();
            m_t.reset();
            ++m_next;
        }
    }
    return m_next < m_accuracy.size();
}

double LongRangeStudy::progress() const
{
    const double inRun = m_t ? static_cast<double>(m_t->steps()) / m_spec.maxSteps : 0;
    return (static_cast<double>(m_next) + inRun) / static_cast<double>(m_accuracy.size());
}

double LongRangeStudy::pointAccuracy(size_t cell, size_t span) const
{
    double sum = 0;
    for (int k = 0; k < m_spec.seeds; ++k) {
        const double a = m_accuracy[runIndex(cell, span, k)];
        if (a < 0) return -1;
        sum += a;
    }
    return sum / m_spec.seeds;
}

double LongRangeStudy::accuracy(CellKind cell, int span) const
{
    for (size_t c = 0; c < m_spec.cells.size(); ++c)
        for (size_t i = 0; i < m_spec.spans.size(); ++i)
            if (m_spec.cells[c] == cell && m_spec.spans[i] == span) return pointAccuracy(c, i);
    return -1;
}

StudyReport LongRangeStudy::report() const
{
    StudyReport r;
    r.title = "Long-range dependency: remember the first letter for T steps";
    StudyPanel p{"Held-out accuracy against T", "T (steps between the letter and the question)",
                 "accuracy (%)", false, {}};
    r.table.push_back({"cell", "T", "mean accuracy", "per seed", "steps"});
    for (size_t c = 0; c < m_spec.cells.size(); ++c) {
        StudyCurve curve{cellLabel(m_spec.cells[c]), {}, {}};
        for (size_t i = 0; i < m_spec.spans.size(); ++i) {
            const double mean = pointAccuracy(c, i);
            if (mean < 0) continue;
            curve.x.push_back(m_spec.spans[i]);
            curve.y.push_back(100 * mean);
            std::string each, steps;
            for (int k = 0; k < m_spec.seeds; ++k) {
                each += (k ? " " : "") + fixed(100 * m_accuracy[runIndex(c, i, k)], 0);
                steps += (k ? " " : "") + std::to_string(m_steps[runIndex(c, i, k)]);
            }
            r.table.push_back({curve.name, std::to_string(m_spec.spans[i]), fixed(100 * mean, 1) + " %", each, steps});
        }
        p.curves.push_back(std::move(curve));
    }
    r.panels.push_back(std::move(p));
    r.note = "Chance is 12.5 %. The sequence: a letter (a–h), T − 1 random letters of the same eight, then \"?\"; the "
             "answer is the first letter. A point is the mean of " + std::to_string(m_spec.seeds) +
             " seeds; each run trains on fresh examples (" + std::to_string(m_spec.run.batch) + " a step, at most " +
             std::to_string(m_spec.maxSteps) + " steps, stopping at " + fixed(100 * m_spec.stopAt, 0) +
             " %) and is scored on 512 held-out sequences. Gated cells start with their memory open (forget bias " +
             fixed(m_spec.run.forgetBias, 1) + ").";
    return r;
}

// ---- gradients through time ----

GradientFlowStudy::GradientFlowStudy(const GradientFlowSpec& s) : m_spec(s)
{
    if (s.cells.empty()) throw ConfigError("the gradient study needs at least one cell");
    if (s.trainSteps < 0) throw ConfigError("training steps before measuring cannot be negative");
    validate(s.run.task);
}

bool GradientFlowStudy::advance()
{
    if (m_norms.size() >= m_spec.cells.size()) return false;
    if (!m_t) {
        SeqTaskRun r = m_spec.run;
        r.cell = m_spec.cells[m_norms.size()];
        m_t = std::make_unique<SeqTaskTrainer>(r);
    }
    if (m_t->steps() < m_spec.trainSteps) {
        m_t->step();
        return true;
    }
    // One batch of fresh sequences, the loss at the last step only (the remember task): ∂L/∂a⟨t⟩ per step.
    Rng rng(m_spec.run.seed + 7);
    const SeqExamples e = makeTaskExamples(m_spec.run.task, m_spec.run.batch, rng);
    SeqNet& net = m_t->net();
    for (Param* p : net.params()) p->grad.setZero();
    net.forward(e.ids, e.targets, e.steps, e.batch);
    net.backward();
    const std::vector<double> byStep = net.stateGradientNorms();
    m_norms.emplace_back(byStep.rbegin(), byStep.rend()); // index = distance from the loss
    m_t.reset();
    return m_norms.size() < m_spec.cells.size();
}

double GradientFlowStudy::progress() const
{
    const double per = m_spec.trainSteps + 1.0;
    const double inRun = m_t ? static_cast<double>(m_t->steps()) / per : 0;
    return (static_cast<double>(m_norms.size()) + inRun) / static_cast<double>(m_spec.cells.size());
}

StudyReport GradientFlowStudy::report() const
{
    StudyReport r;
    r.title = "Gradients through time: ‖∂L/∂a⟨t⟩‖ with the loss at the last step";
    StudyPanel p{"Gradient norm against distance from the loss", "steps between t and the loss", "‖∂L/∂a⟨t⟩‖",
                 true, {}};
    r.table.push_back({"cell", "at the loss", "10 steps back", "all the way back", "ratio"});
    for (size_t c = 0; c < m_norms.size(); ++c) {
        StudyCurve curve{cellLabel(m_spec.cells[c]), {}, {}};
        const auto& n = m_norms[c];
        for (size_t d = 0; d < n.size(); ++d) curve.x.push_back(static_cast<double>(d)), curve.y.push_back(n[d]);
        const double back = n.size() > 10 ? n[10] : n.back();
        char ratio[32];
        std::snprintf(ratio, sizeof ratio, "%.2g", n.back() / std::max(n.front(), 1e-300));
        char a[32], b[32], e[32];
        std::snprintf(a, sizeof a, "%.3g", n.front()), std::snprintf(b, sizeof b, "%.3g", back);
        std::snprintf(e, sizeof e, "%.3g", n.back());
        r.table.push_back({curve.name, a, b, e, ratio});
        p.curves.push_back(std::move(curve));
    }
    r.panels.push_back(std::move(p));
    r.note = std::string("Measured ") +
             (m_spec.trainSteps ? "after " + std::to_string(m_spec.trainSteps) + " training steps"
                                : std::string("at initialisation")) +
             " on " + std::to_string(m_spec.run.batch) + " sequences of the remember task, T = " +
             std::to_string(m_spec.run.task.span) + ", hidden " + std::to_string(m_spec.run.hidden) +
             ". A plain RNN's gradient shrinks by a factor at every step back; the gated cells pass it on.";
    return r;
}

// ---- tasks side by side ----

TaskRaceSpec taggingRace(CellKind cell)
{
    TaskRaceSpec s;
    s.title = "Tagging: inside a closed pair of brackets? One-way against bidirectional";
    for (bool bi : {false, true}) {
        TaskRaceEntry e;
        e.run.task = {SeqTaskKind::Brackets, 24};
        e.run.cell = cell;
        e.run.bidirectional = bi;
        e.label = cellLabel(cell) + (bi ? ", bidirectional" : ", one-way");
        s.entries.push_back(e);
    }
    return s;
}

TaskRaceSpec classifyRace(int length)
{
    TaskRaceSpec s;
    s.title = "Classify a sequence: which of a, b, c occurs most often? (many-to-one)";
    for (CellKind c : {CellKind::RNN, CellKind::GRU, CellKind::LSTM}) {
        TaskRaceEntry e;
        e.run.task = {SeqTaskKind::Majority, length};
        e.run.cell = c;
        e.label = cellLabel(c);
        s.entries.push_back(e);
    }
    return s;
}

TaskRaceStudy::TaskRaceStudy(const TaskRaceSpec& s) : m_spec(s)
{
    if (s.entries.empty() || s.steps < 1 || s.evalEvery < 1)
        throw ConfigError("a task race needs at least one run and one step");
    for (const TaskRaceEntry& e : s.entries) {
        m_t.push_back(std::make_unique<SeqTaskTrainer>(e.run));
        m_curves.push_back({e.label, {0}, {100 * m_t.back()->accuracy()}});
        Rng rng(e.run.seed + 11);
        m_example.push_back(describeExample(e.run.task, makeTaskExamples(e.run.task, 1, rng), 0));
    }
}

bool TaskRaceStudy::advance()
{
    if (m_step >= m_spec.steps) return false;
    ++m_step;
    for (size_t i = 0; i < m_t.size(); ++i) {
        m_t[i]->step();
        if (m_step % m_spec.evalEvery == 0 || m_step == m_spec.steps) {
            m_curves[i].x.push_back(static_cast<double>(m_step));
            m_curves[i].y.push_back(100 * m_t[i]->accuracy());
        }
    }
    return m_step < m_spec.steps;
}

double TaskRaceStudy::progress() const
{
    return static_cast<double>(m_step) / m_spec.steps;
}

double TaskRaceStudy::finalAccuracy(size_t entry) const
{
    return m_curves.at(entry).y.back() / 100;
}

StudyReport TaskRaceStudy::report() const
{
    StudyReport r;
    r.title = m_spec.title;
    StudyPanel p{"Held-out accuracy", "training steps", "accuracy (%)", false, m_curves};
    r.panels.push_back(std::move(p));
    r.table.push_back({"run", "parameters", "accuracy", "example"});
    for (size_t i = 0; i < m_t.size(); ++i)
        r.table.push_back({m_curves[i].name, std::to_string(m_t[i]->net().paramCount()),
                           fixed(m_curves[i].y.back(), 1) + " %", m_example[i]});
    r.note = "Each step trains on " + std::to_string(m_spec.entries.front().run.batch) +
             " fresh sequences; accuracy over the targeted positions of 512 held-out ones.";
    return r;
}

} // namespace dl
