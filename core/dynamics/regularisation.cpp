// SPDX-License-Identifier: MIT
#include "core/dynamics/regularisation.h"

#include "core/data/synthetic.h"
#include "core/util/error.h"

#include <cmath>
#include <cstdio>

namespace dl {

double weightNorm(Trainer& t)
{
    double sum = 0;
    for (ParamT<float>* p : t.model().params())
        if (p->decay) sum += double(p->value.arr().template cast<double>().square().sum());
    return std::sqrt(sum);
}

RegularisationStudy::RegularisationStudy(RegularisationSpec spec) : m_spec(std::move(spec))
{
    if (m_spec.steps < 1 || m_spec.steps > 10000000) throw ConfigError("train between 1 and 1e7 steps");
    if (!(m_spec.keepProb > 0 && m_spec.keepProb <= 1)) throw ConfigError("keep_prob must lie in (0, 1]");
    if (!(m_spec.lambda >= 0)) throw ConfigError("λ must be 0 or more");
    if (m_spec.hidden.empty()) throw ConfigError("give the network at least one hidden layer");
    if (m_spec.every < 1) m_spec.every = 1;
    DatasetSpec d;
    d.kind = m_spec.dataset, d.count = m_spec.count, d.noise = m_spec.noise, d.seed = m_spec.seed;
    d.devRatio = m_spec.devRatio;
    m_data = splitDataset(makeSynthetic(d), m_spec.devRatio, m_spec.seed);
    const char* names[] = {"no regularisation", "L2", "dropout"};
    for (size_t i = 0; i < 3; ++i) {
        Experiment e;
        e.seed = m_spec.seed;
        e.data = m_data;
        e.network.hidden = m_spec.hidden;
        e.network.activation = m_spec.activation;
        e.network.init = m_spec.activation == Act::ReLU ? Init::He : Init::Xavier;
        e.hyper.lr = m_spec.lr;
        e.hyper.batch = m_spec.batch;
        if (i == 1) e.hyper.l2 = m_spec.lambda;
        if (i == 2) e.network.keepProb = e.hyper.keepProb = m_spec.keepProb;
        m_trainers[i] = makeTrainer(e);
        if (i == 2) { // dropout layers draw from the generator as they are built: start from the same weights
            const auto from = m_trainers[0]->model().params();
            const auto to = m_trainers[i]->model().params();
            if (from.size() != to.size()) throw ConfigError("internal: the dropout network's parameters differ");
            for (size_t k = 0; k < to.size(); ++k) to[k]->value = from[k]->value;
        }
        char name[64];
        if (i == 0) std::snprintf(name, sizeof name, "%s", names[i]);
        if (i == 1) std::snprintf(name, sizeof name, "L2, λ = %g", double(m_spec.lambda));
        if (i == 2) std::snprintf(name, sizeof name, "dropout, keep_prob = %g", double(m_spec.keepProb));
        m_tracks[i].name = name;
        record(i);
    }
}

void RegularisationStudy::record(size_t i)
{
    Trainer& t = *m_trainers[i];
    Track& k = m_tracks[i];
    k.eval = t.evaluateAll();
    k.step.push_back(double(m_step));
    k.trainAcc.push_back(100.0 * k.eval.train.accuracy);
    k.devAcc.push_back(100.0 * k.eval.dev.accuracy);
    k.weightNorm.push_back(weightNorm(t));
    const long mapEvery = std::max<long>(m_spec.every, m_spec.steps / 20); // the maps twenty times a run
    if (m_step % mapEvery == 0 || m_step >= m_spec.steps || k.grid.res == 0)
        k.grid = decisionGrid(t, dataBounds(m_data), m_spec.gridRes);
}

bool RegularisationStudy::advance()
{
    if (m_step >= m_spec.steps) return false;
    ++m_step;
    for (size_t i = 0; i < 3; ++i) {
        if (m_tracks[i].diverged) continue;
        if (m_trainers[i]->step().diverged) m_tracks[i].diverged = true;
        if (m_step % m_spec.every == 0 || m_step == m_spec.steps) record(i);
    }
    return m_step < m_spec.steps;
}

double RegularisationStudy::progress() const
{
    return double(m_step) / double(m_spec.steps);
}

StudyReport RegularisationStudy::report() const
{
    StudyReport r;
    r.title = "Regularisation: the same over-fitting network three ways";
    StudyPanel acc{"train (solid) and dev (dashed) accuracy", "step", "accuracy %", false, {}};
    StudyPanel norm{"the weights' norm ‖W‖", "step", "‖W‖ (Frobenius)", false, {}};
    r.table.push_back({"network", "train accuracy", "dev accuracy", "train − dev", "‖W‖"});
    for (int i = 0; i < 3; ++i) {
        const Track& k = m_tracks[size_t(i)];
        acc.curves.push_back({k.name + ": train", k.step, k.trainAcc, i, false});
        acc.curves.push_back({k.name + ": dev", k.step, k.devAcc, i, true});
        norm.curves.push_back({k.name, k.step, k.weightNorm, i, false});
        char a[32], b[32], g[32], w[32];
        std::snprintf(a, sizeof a, "%.1f %%", k.trainAcc.back());
        std::snprintf(b, sizeof b, "%.1f %%", k.devAcc.back());
        std::snprintf(g, sizeof g, "%+.1f", k.trainAcc.back() - k.devAcc.back());
        std::snprintf(w, sizeof w, "%.3g", k.weightNorm.back());
        r.table.push_back({k.name, a, k.diverged ? "diverged" : b, g, w});
        r.maps.push_back({k.name, k.grid, m_data});
    }
    r.panels = {acc, norm};
    char note[400];
    std::snprintf(note, sizeof note,
                  "%d %s points (noise %.2f), half held out as dev; hidden layers of %d units; %ld steps of GD at α "
                  "%g from the same weights. ",
                  m_spec.count, m_spec.dataset.c_str(), double(m_spec.noise), m_spec.hidden.front(), m_spec.steps,
                  double(m_spec.lr));
    r.note = std::string(note) +
             "Unregularised, the boundary bends round single noisy points: train accuracy climbs, dev does not "
             "follow. L2 (COURSE.md §3: J + λ/2m·Σ‖W‖²) keeps ‖W‖ small and the boundary smooth; dropout trains "
             "thinned networks, so no unit can rely on another.";
    return r;
}

} // namespace dl
