// SPDX-License-Identifier: MIT
#include "core/dynamics/race.h"

#include "core/util/error.h"

#include <cmath>
#include <sstream>

namespace dl {

namespace {

constexpr double kEdge = 1e6; // beyond this a racer has left any plane worth drawing

void checkSpec(const RacerSpec& s)
{
    if (!(s.lr > 0) || !std::isfinite(s.lr)) throw ConfigError("the learning rate α must be a number above 0");
    const OptimizerConfig& c = s.opt;
    for (float b : {c.beta, c.beta1, c.beta2})
        if (!(b >= 0 && b < 1)) throw ConfigError("β, β₁ and β₂ must be in [0, 1)");
    if (!(c.eps > 0)) throw ConfigError("ε must be above 0");
    if (!(c.weightDecay >= 0) || !std::isfinite(c.weightDecay)) throw ConfigError("the weight decay λ must be 0 or more");
}

} // namespace

Race::Race(const Surface& surface, double startX, double startY, std::vector<RacerSpec> racers, double noise,
           std::uint32_t seed)
    : m_surface(surface), m_noise(noise), m_rng(seed)
{
    if (racers.empty()) throw ConfigError("choose at least one optimiser to race");
    if (!std::isfinite(startX) || !std::isfinite(startY)) throw ConfigError("the start must be two numbers");
    if (!(noise >= 0) || !std::isfinite(noise)) throw ConfigError("the gradient noise σ must be 0 or more");
    if (!(surface.kappa >= 1) || !std::isfinite(surface.kappa))
        throw ConfigError("the valley's condition number κ must be at least 1");
    m_racers.reserve(racers.size());
    for (const RacerSpec& s : racers) {
        checkSpec(s);
        Racer r;
        r.spec = s;
        r.param.name = "point";
        r.param.value = Tensor({1, 2});
        r.param.grad = Tensor({1, 2});
        r.param.value[0] = static_cast<float>(startX), r.param.value[1] = static_cast<float>(startY);
        r.opt = makeOptimizer(s.opt, {&r.param});
        m_racers.push_back(std::move(r));
        record(m_racers.back());
    }
}

void Race::record(Racer& r)
{
    RacerState& st = r.state;
    st.x = r.param.value[0], st.y = r.param.value[1];
    st.loss = m_surface.value(st.x, st.y);
    st.pathX.push_back(st.x), st.pathY.push_back(st.y), st.losses.push_back(st.loss);
    // The optimiser's slots (optimizer.h: slotsPerParam × params, here one param): Momentum and Nesterov [v],
    // RMSprop [s], Adam and AdamW [v, s].
    const std::vector<Tensor>& m = r.opt->moments();
    const OptKind k = r.opt->kind();
    const bool adam = k == OptKind::Adam || k == OptKind::AdamW;
    const Tensor* v = k == OptKind::Momentum || k == OptKind::Nesterov || adam ? &m[0] : nullptr;
    const Tensor* s = k == OptKind::RMSprop ? &m[0] : adam ? &m[1] : nullptr;
    for (int a = 0; a < 2; ++a) {
        st.first[a] = v ? (*v)[size_t(a)] : 0.0;
        st.second[a] = s ? (*s)[size_t(a)] : 0.0;
    }
    if (!std::isfinite(st.x) || !std::isfinite(st.y) || !std::isfinite(st.loss) || std::fabs(st.x) > kEdge ||
        std::fabs(st.y) > kEdge)
        st.diverged = true;
}

void Race::step()
{
    for (Racer& r : m_racers) {
        if (r.state.diverged) continue;
        double gx, gy;
        m_surface.gradient(r.state.x, r.state.y, gx, gy);
        if (m_noise > 0) gx += m_noise * m_rng.normal(), gy += m_noise * m_rng.normal();
        r.param.grad[0] = static_cast<float>(gx), r.param.grad[1] = static_cast<float>(gy);
        r.opt->step({&r.param}, r.spec.lr);
        record(r);
    }
    ++m_steps;
}

void Race::setSpec(int i, const RacerSpec& s)
{
    checkSpec(s);
    Racer& r = m_racers.at(static_cast<size_t>(i));
    if (s.opt.kind != r.spec.opt.kind) throw ConfigError("a racer keeps its optimiser; start a new race to change it");
    r.spec = s;
    r.opt->setConfig(s.opt);
}

void Race::setNoise(double sigma)
{
    if (!(sigma >= 0) || !std::isfinite(sigma)) throw ConfigError("the gradient noise σ must be 0 or more");
    m_noise = sigma;
}

float suggestedLearningRate(SurfaceKind surface, OptKind k)
{
    // Per surface: GD and Momentum (the course's form moves as fast as GD at the same α once v has built up),
    // then RMSprop and Adam, whose steps are about α per axis whatever the gradient's size.
    const bool perAxis = k == OptKind::RMSprop || k == OptKind::Adam || k == OptKind::AdamW;
    switch (surface) {
    case SurfaceKind::Valley:
        return perAxis ? 0.05f : 0.1f;
    case SurfaceKind::Rosenbrock:
        return perAxis ? 0.02f : 0.001f;
    case SurfaceKind::Saddle:
        return perAxis ? 0.02f : 0.05f;
    case SurfaceKind::Beale:
        return perAxis ? 0.02f : 0.002f;
    case SurfaceKind::Plateau:
        return perAxis ? 0.05f : 0.5f;
    case SurfaceKind::Rastrigin:
        return perAxis ? 0.02f : 0.002f;
    case SurfaceKind::Logistic: // the Hessian's largest eigenvalue is about ¼·mean(x² + 1) ≈ 0.3: GD is stable to α ≈ 6
        return perAxis ? 0.2f : 2.f;
    }
    return 0.01f;
}

std::vector<OptKind> parseOptList(const std::string& list)
{
    std::vector<OptKind> out;
    std::stringstream in(list);
    std::string name;
    while (std::getline(in, name, ',')) {
        const OptKind k = parseOpt(name);
        for (OptKind o : out)
            if (o == k) throw ConfigError("optimizer \"" + name + "\" is listed twice");
        out.push_back(k);
    }
    if (out.empty()) throw ConfigError("choose at least one optimiser to race");
    return out;
}

RaceRun runRace(const Surface& surface, double x, double y, const std::vector<RacerSpec>& specs, double noise,
                std::uint32_t seed, long iterations, const CancelFlag* cancel)
{
    Race race(surface, x, y, specs, noise, seed);
    RaceRun r;
    r.surface = surface.kind, r.kappa = surface.kappa, r.startX = x, r.startY = y, r.noise = noise;
    const SurfaceView view = surface.view();
    r.minimumLoss = surface.value(view.minX, view.minY);
    r.reached.assign(specs.size(), -1);
    auto note = [&] {
        for (int i = 0; i < race.size(); ++i)
            if (r.reached[size_t(i)] < 0 && !race.state(i).diverged && race.state(i).loss - r.minimumLoss < 1e-3)
                r.reached[size_t(i)] = race.steps();
    };
    note();
    for (long t = 0; t < iterations && !(cancel && cancel->requested()); ++t) race.step(), note();
    r.steps = race.steps();
    for (int i = 0; i < race.size(); ++i) r.specs.push_back(race.spec(i)), r.states.push_back(race.state(i));
    return r;
}

Json toJson(const RaceRun& run)
{
    Json j = Json::object(), start = Json::array(), rows = Json::array();
    j.set("surface", surfaceName(run.surface)).set("kappa", run.kappa);
    start.push(run.startX), start.push(run.startY);
    j.set("start", std::move(start)).set("iterations", double(run.steps));
    j.set("noise", run.noise).set("minimum_loss", run.minimumLoss);
    for (size_t i = 0; i < run.specs.size(); ++i) {
        const RacerState& st = run.states[i];
        Json r = Json::object();
        r.set("optimizer", optName(run.specs[i].opt.kind)).set("lr", double(run.specs[i].lr));
        r.set("x", st.x).set("y", st.y).set("loss", st.loss).set("diverged", st.diverged);
        r.set("reached_minimum_at", double(run.reached[i]));
        rows.push(std::move(r));
    }
    return j.set("optimizers", std::move(rows));
}

} // namespace dl
