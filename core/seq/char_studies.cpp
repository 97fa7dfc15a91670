// SPDX-License-Identifier: MIT
#include "core/seq/char_studies.h"

#include "core/util/error.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace dl {

namespace {
std::string format(const char* f, double v)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}
// A per-step series in buckets of k steps (k = 10 here: 1 500 steps read as 150 points), each the bucket's
// largest value (gradient norms: a spike stays visible) or its mean (losses), at the bucket's last step.
StudyCurve bucketed(const std::string& name, const std::vector<double>& y, size_t k, bool largest)
{
    StudyCurve c{name, {}, {}};
    for (size_t i = 0; i < y.size(); i += k) {
        const size_t end = std::min(y.size(), i + k);
        double v = largest ? y[i] : 0;
        for (size_t j = i; j < end; ++j) v = largest ? std::max(v, y[j]) : v + y[j];
        c.x.push_back(static_cast<double>(end));
        c.y.push_back(largest ? v : v / static_cast<double>(end - i));
    }
    return c;
}
double tailMean(const std::vector<double>& v, size_t n)
{
    const size_t k = std::min(n, v.size());
    double sum = 0;
    for (size_t i = v.size() - k; i < v.size(); ++i) sum += v[i];
    return k ? sum / static_cast<double>(k) : 0;
}
} // namespace

CharRunSpec ClippingSpec::explodingRun()
{
    CharRunSpec r = courseDinosaurRun();
    r.hyper.lr = 0.05f;
    r.initScale = 0.3f;
    return r;
}

ClippingStudy::ClippingStudy(const CharCorpus& corpus, const ClippingSpec& s) : m_spec(s)
{
    if (s.steps < 1) throw ConfigError("the clipping study needs at least one step");
    if (!(s.clipValue > 0)) throw ConfigError("the clipping study needs a clipping value above 0");
    for (int i = 0; i < 2; ++i) {
        CharRunSpec r = s.run;
        r.hyper.clipNorm = 0;
        r.hyper.clipValue = i ? s.clipValue : 0.f;
        m_t[i] = std::make_unique<CharTrainer>(corpus, r);
        CharTrainer* t = m_t[i].get();
        float* last = &m_last[i];
        t->loop().onGradients = [t, last] { *last = gradientNorm(t->loop().params()); };
    }
}

bool ClippingStudy::advance()
{
    if (m_step >= m_spec.steps) return false;
    ++m_step;
    for (int i = 0; i < 2; ++i) {
        if (m_diverged[i]) continue;
        const StepStats s = m_t[i]->step();
        if (s.diverged) {
            m_diverged[i] = m_step;
            continue;
        }
        m_norm[i].push_back(m_last[i]);
        m_loss[i].push_back(m_t[i]->lastLossPerChar());
    }
    return m_step < m_spec.steps;
}

double ClippingStudy::progress() const
{
    return static_cast<double>(m_step) / m_spec.steps;
}

StudyReport ClippingStudy::report() const
{
    StudyReport r;
    r.title = "Exploding gradients: the same run without and with clipping";
    const std::string clipped = "clip ±" + format("%g", m_spec.clipValue);
    StudyPanel norms{"Gradient norm before clipping (largest of every 10 steps)", "step", "‖∂J/∂θ‖", true, {}};
    StudyPanel loss{"Loss per character (mean of every 10 steps)", "step", "nats", false, {}};
    const char* names[2] = {"no clipping", clipped.c_str()};
    r.table.push_back({"run", "steps", "largest ‖∂J/∂θ‖", "loss/char, last 100 steps", "diverged at"});
    for (int i = 0; i < 2; ++i) {
        norms.curves.push_back(bucketed(names[i], m_norm[i], 10, true));
        loss.curves.push_back(bucketed(names[i], m_loss[i], 10, false));
        const double most = m_norm[i].empty() ? 0 : *std::max_element(m_norm[i].begin(), m_norm[i].end());
        r.table.push_back({names[i], std::to_string(m_norm[i].size()), format("%.3g", most),
                           m_loss[i].empty() ? "–" : format("%.3f", tailMean(m_loss[i], 100)),
                           m_diverged[i] ? "step " + std::to_string(m_diverged[i]) : "–"});
    }
    r.panels.push_back(std::move(norms));
    r.panels.push_back(std::move(loss));
    const CharRunSpec& s = m_spec.run;
    r.note = cellLabel(s.cell) + ", hidden " + std::to_string(s.hidden) + ", " +
             (s.hyper.opt.kind == OptKind::Adam ? "Adam" : "gradient descent") + " at α " +
             format("%g", s.hyper.lr) + ", weights ~ N(0, " + format("%g", s.initScale) + "²); a uniform guess costs " +
             format("%.2f", std::log(static_cast<double>(m_t[0]->vocab().size()))) + " nats per character." +
             (m_diverged[0] ? " Without clipping the loss became NaN at step " + std::to_string(m_diverged[0]) + "."
                            : std::string());
    return r;
}

CellRaceStudy::CellRaceStudy(const CharCorpus& corpus, const CellRaceSpec& s) : m_spec(s)
{
    if (s.cells.empty() || s.steps < 1 || s.evalEvery < 1)
        throw ConfigError("the cell comparison needs a cell and at least one step");
    for (CellKind c : s.cells) {
        CharRunSpec r = s.run;
        r.cell = c;
        m_t.push_back(std::make_unique<CharTrainer>(corpus, r));
        m_dev.push_back({cellLabel(c), {0}, {m_t.back()->devLoss()}});
        m_seconds.push_back(0);
    }
}

double CellRaceStudy::epochs(const CharTrainer& t) const
{
    const CharCorpus& c = t.corpus();
    return c.mode == CorpusMode::Lines ? static_cast<double>(t.sequencesTrained()) / c.trainLines.size()
                                       : static_cast<double>(t.charactersTrained()) / c.trainText.size();
}

bool CellRaceStudy::advance()
{
    if (m_step >= m_spec.steps) return false;
    ++m_step;
    for (size_t i = 0; i < m_t.size(); ++i) {
        const auto start = std::chrono::steady_clock::now();
        const StepStats s = m_t[i]->step();
        m_seconds[i] += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (s.diverged) throw Error(divergenceMessage(s));
        if (m_step % m_spec.evalEvery == 0 || m_step == m_spec.steps) {
            m_dev[i].x.push_back(epochs(*m_t[i]));
            m_dev[i].y.push_back(m_t[i]->devLoss());
        }
    }
    return m_step < m_spec.steps;
}

double CellRaceStudy::progress() const
{
    return static_cast<double>(m_step) / m_spec.steps;
}

StudyReport CellRaceStudy::report() const
{
    StudyReport r;
    r.title = "GRU against LSTM: the same corpus, settings and steps";
    r.panels.push_back({"Dev loss against epochs", "epochs", "nats per character", false, m_dev});
    r.table.push_back({"cell", "parameters", "s per epoch", "chars/s", "memory (MB)", "dev loss"});
    const int slots = m_spec.run.hyper.opt.kind == OptKind::Adam ? 2 : m_spec.run.hyper.opt.kind == OptKind::GD ? 0 : 1;
    for (size_t i = 0; i < m_t.size(); ++i) {
        const CharModel& m = m_t[i]->model();
        size_t bytes = m.paramCount() * sizeof(float) * (2 + slots); // values, gradients, optimiser moments
        for (int l = 0; l < m.spec().depth; ++l) bytes += m.layer(l).workingBytes();
        const double ep = epochs(*m_t[i]);
        const double chars = static_cast<double>(m_t[i]->charactersTrained());
        r.table.push_back({m_dev[i].name, std::to_string(m.paramCount()),
                           ep > 0 ? format("%.2f", m_seconds[i] / ep) : "–",
                           m_seconds[i] > 0 ? format("%.0f", chars / m_seconds[i]) : "–",
                           format("%.2f", bytes / 1048576.0), format("%.3f", m_dev[i].y.back())});
    }
    const CharRunSpec& s = m_spec.run;
    r.note = "Hidden " + std::to_string(s.hidden) + ", " + std::to_string(s.depth) + " layer(s), window " +
             std::to_string(s.seq) + ", batch " + std::to_string(s.batch) + ", " + std::to_string(m_step) +
             " steps each, timed one step at a time in turns (the dev loss's time not counted). Memory: weights, "
             "gradients, optimiser moments and the activations kept for backpropagation.";
    return r;
}

} // namespace dl
