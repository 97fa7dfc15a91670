// SPDX-License-Identifier: MIT
#include "core/dynamics/init_study.h"

#include "core/data/dataset.h"
#include "core/data/synthetic.h"
#include "core/layers/activation.h"
#include "core/losses/loss.h"
#include "core/train/trainer.h"
#include "core/util/error.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace dl {

namespace {

constexpr long kStepsPerPiece = 100;

double stdDev(const float* v, size_t n)
{
    if (n == 0) return 0;
    double mean = 0, sq = 0;
    for (size_t i = 0; i < n; ++i) mean += v[i];
    mean /= double(n);
    for (size_t i = 0; i < n; ++i) sq += (v[i] - mean) * (v[i] - mean);
    return std::sqrt(sq / double(n));
}

std::string fmt(double v, const char* f = "%.3g")
{
    char buf[32];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

std::vector<double> logHistogram(const float* v, size_t n, double& zeros)
{
    std::vector<double> h(size_t(kHistBins), 0.0);
    size_t z = 0;
    for (size_t i = 0; i < n; ++i) {
        if (v[i] == 0.f || !std::isfinite(v[i])) {
            z += v[i] == 0.f;
            continue;
        }
        const int b = int(std::floor((std::log10(std::abs(double(v[i]))) - kHistLo) / kHistStep));
        h[size_t(std::clamp(b, 0, kHistBins - 1))] += 1;
    }
    for (double& c : h) c /= double(std::max<size_t>(1, n));
    zeros = double(z) / double(std::max<size_t>(1, n));
    return h;
}

// Per layer, the histogram of log10|value| of the first, the last and every few layers between (at most six).
StudyPanel histogramPanel(const std::string& title, const char* x, const std::vector<std::vector<double>>& h,
                          const std::vector<double>& zeros)
{
    StudyPanel p{title, x, "share of the layer", false, {}};
    const size_t layers = h.size();
    const size_t stride = std::max<size_t>(1, (layers + 4) / 5);
    std::vector<size_t> shown;
    for (size_t l = 0; l < layers; l += stride) shown.push_back(l);
    if (layers > 0 && shown.back() != layers - 1) shown.push_back(layers - 1);
    for (size_t l : shown) {
        const std::string dead = zeros[l] > 0.005 ? " (" + fmt(100 * zeros[l], "%.0f") + " % zeros)" : "";
        StudyCurve c{"layer " + std::to_string(l + 1) + dead, {}, {}};
        for (int b = 0; b < kHistBins; ++b) c.x.push_back(kHistLo + (b + 0.5) * kHistStep), c.y.push_back(h[l][size_t(b)]);
        p.curves.push_back(c);
    }
    return p;
}

StudyCurve layerCurve(const std::string& name, const std::vector<double>& perLayer)
{
    StudyCurve c{name, {}, {}};
    for (size_t l = 0; l < perLayer.size(); ++l) c.x.push_back(double(l + 1)), c.y.push_back(perLayer[l]);
    return c;
}

} // namespace

InitStudySpec::InitStudySpec()
{
    hyper.lr = 0.01f;
    hyper.opt.kind = OptKind::GD;
    hyper.batch = 64;
}

LayerSpreads measureSpreads(Trainer& t)
{
    const Dataset2D& d = t.data().train;
    const Tensor x = featureTensor(d);
    Sequential& m = t.model();
    std::vector<Tensor> outs;
    const Tensor pred = m.forwardAll(x, Mode::Train, outs);
    const auto loss = makeLoss<float>(t.lossKind());
    const LossResultT<float> r = loss->compute(pred, targetTensor(d, pred.dim(0)));
    m.zeroGrad();
    m.backward(r.dpred);
    LayerSpreads s;
    // A hidden layer's activations: the output of an activation layer that a later Dense reads; its
    // gradient: dL/dW of the Dense before it.
    size_t lastDense = m.size();
    for (size_t i = 0; i < m.size(); ++i) {
        const std::string_view type = m.layer(i).type();
        if (type == "Dense") {
            lastDense = i;
            continue;
        }
        bool later = false;
        for (size_t j = i + 1; j < m.size(); ++j) later = later || m.layer(j).type() == "Dense";
        if (!later || lastDense == m.size() || type == "BatchNorm" || type == "Dropout") continue;
        s.activation.push_back(stdDev(outs[i].data(), outs[i].size()));
        double zeros = 0;
        s.histogram.push_back(logHistogram(outs[i].data(), outs[i].size(), zeros));
        s.zeros.push_back(zeros);
        const Tensor& g = m.layer(lastDense).params()[0]->grad; // the weight, before the bias
        s.gradient.push_back(stdDev(g.data(), g.size()));
        s.gradientHistogram.push_back(logHistogram(g.data(), g.size(), zeros));
        s.gradientZeros.push_back(zeros);
    }
    m.zeroGrad();
    return s;
}

InitStudy::InitStudy(const InitStudySpec& s) : m_spec(s)
{
    if (s.depth < 1 || s.depth > 50) throw ConfigError("the depth must be between 1 and 50 hidden layers");
    if (s.width < 1 || s.width > 512) throw ConfigError("the width must be between 1 and 512 units");
    if (s.steps < 0 || s.steps > 1'000'000) throw ConfigError("the steps must be between 0 and 1 000 000");
    if (s.inits.empty()) throw ConfigError("choose at least one initialisation");
    validate(s.hyper);
}

InitStudy::~InitStudy() = default;

bool InitStudy::advance()
{
    if (!m_trainer) {
        if (m_next >= m_spec.inits.size()) return false;
        ModelSpec ms;
        ms.hidden.assign(size_t(m_spec.depth), m_spec.width);
        ms.activation = m_spec.activation;
        ms.init = m_spec.inits[m_next];
        ms.batchNorm = m_spec.batchNorm;
        DatasetSpec ds;
        ds.kind = m_spec.dataset;
        ds.seed = m_spec.seed;
        const Dataset2D all = makeSynthetic(ds);
        m_trainer = std::make_unique<Trainer>(ms, m_spec.hyper, splitDataset(all, 0, m_spec.seed), m_spec.seed);
        m_current = InitOutcome{};
        m_current.init = ms.init;
        m_current.start = m_current.now = measureSpreads(*m_trainer);
        m_current.firstCost = m_trainer->evaluate(m_trainer->data().train).cost;
        return true;
    }
    const long target = std::min(m_spec.steps, m_trainer->steps() + kStepsPerPiece);
    StepStats last;
    while (m_trainer->steps() < target && !last.diverged) last = m_trainer->step();
    if (last.diverged) m_current.diverged = true;
    if (!m_current.diverged) m_current.now = measureSpreads(*m_trainer), m_current.nowStep = m_trainer->steps();
    if (m_trainer->steps() >= m_spec.steps || m_current.diverged) {
        const EvalStats e = m_trainer->evaluate(m_trainer->data().train);
        m_current.trainAccuracy = e.accuracy, m_current.lastCost = e.cost;
        if (!m_current.diverged) m_current.end = m_current.now;
        m_done.push_back(m_current);
        m_trainer.reset();
        ++m_next;
    }
    return m_next < m_spec.inits.size() || m_trainer;
}

double InitStudy::progress() const
{
    const double per = 1.0 / double(m_spec.inits.size());
    const double within = m_trainer && m_spec.steps > 0 ? double(m_trainer->steps()) / double(m_spec.steps) : 0;
    return std::min(1.0, per * (double(m_done.size()) + within));
}

StudyReport InitStudy::report() const
{
    StudyReport r;
    r.title = "Initialisation in depth";
    StudyPanel act{"activations at step 0", "hidden layer", "std of the activations", true, {}};
    StudyPanel grad{"weight gradients at step 0", "hidden layer", "std of dL/dW", true, {}};
    StudyPanel after{"activations after training (dashed: now)", "hidden layer", "std of the activations", true, {}};
    StudyPanel gradAfter{"weight gradients after training (dashed: now)", "hidden layer", "std of dL/dW", true, {}};
    r.table.push_back({"initialisation", "train accuracy", "cost at step 0", "cost after", "activation std, layer 1 → last (step 0)"});
    for (const InitOutcome& o : m_done) {
        act.curves.push_back(layerCurve(initName(o.init), o.start.activation));
        grad.curves.push_back(layerCurve(initName(o.init), o.start.gradient));
        after.curves.push_back(layerCurve(initName(o.init), o.end.activation));
        gradAfter.curves.push_back(layerCurve(initName(o.init), o.end.gradient));
        const std::vector<double>& s = o.start.activation;
        r.table.push_back({initName(o.init), o.diverged ? "diverged" : fmt(100 * o.trainAccuracy, "%.1f %%"),
                           fmt(o.firstCost), o.diverged ? "—" : fmt(o.lastCost),
                           s.empty() ? "" : fmt(s.front()) + " → " + fmt(s.back())});
    }
    // live: the init in training (or the last one done): its spreads now, dashed, and per layer the histograms
    // of log10|a| and log10|dL/dW|
    const InitOutcome* live = m_trainer ? &m_current : (m_done.empty() ? nullptr : &m_done.back());
    StudyPanel hist{"histogram of the activations per layer", "log₁₀ |activation|", "share of the layer", false, {}};
    StudyPanel gradHist{"histogram of dL/dW per layer", "log₁₀ |dL/dW|", "share of the layer", false, {}};
    if (live) {
        const LayerSpreads& s = m_trainer ? live->now : (live->diverged ? live->start : live->end);
        const std::string at = std::string(initName(live->init)) + ", step " +
                               std::to_string(m_trainer ? live->nowStep : (live->diverged ? 0 : m_spec.steps));
        if (m_trainer) {
            StudyCurve e = layerCurve(std::string(initName(live->init)) + " (now)", s.activation);
            StudyCurve g = layerCurve(std::string(initName(live->init)) + " (now)", s.gradient);
            e.dashed = g.dashed = true;
            e.colour = g.colour = int(m_done.size());
            after.curves.push_back(e), gradAfter.curves.push_back(g);
        }
        hist = histogramPanel("activations per layer: " + at, "log₁₀ |activation|", s.histogram, s.zeros);
        gradHist = histogramPanel("dL/dW per layer: " + at, "log₁₀ |dL/dW|", s.gradientHistogram, s.gradientZeros);
    }
    r.panels = {act, grad, after, gradAfter, hist, gradHist};
    char note[400];
    std::snprintf(note, sizeof note,
                  "%d hidden layers of %d %s units%s on %s (300 points, all trained on), %ld steps of %s (α %g, "
                  "batch %d) per initialisation from the same seed. ",
                  m_spec.depth, m_spec.width, actName(m_spec.activation), m_spec.batchNorm ? " with batch norm" : "",
                  m_spec.dataset.c_str(), m_spec.steps, optName(m_spec.hyper.opt.kind), double(m_spec.hyper.lr),
                  m_spec.hyper.batch);
    r.note = note;
    r.note += m_spec.batchNorm
                  ? "Batch norm rescales every layer's pre-activations: the spreads stay level whatever the scale "
                    "of the weights, and only zeros (every unit the same) is left with nothing to learn."
                  : "Zeros: every unit the same, nothing to learn; ×0.01: the activations and gradients vanish "
                    "layer after layer; ×10: they explode; He keeps ReLU activations about level (Xavier, made for "
                    "tanh, halves their variance a layer).";
    return r;
}

} // namespace dl
