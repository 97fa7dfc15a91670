// SPDX-License-Identifier: MIT
#include "core/dynamics/init_study.h"

#include "core/data/dataset.h"
#include "core/data/synthetic.h"
#include "core/layers/activation.h"
#include "core/losses/loss.h"
#include "core/train/batch_source.h"
#include "core/train/image_trainer.h"
#include "core/train/train_loop.h"
#include "core/train/trainer.h"
#include "core/util/error.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace dl {

// The examples as columns (COURSE.md §1: X is (n_x, m)), their targets and labels.
struct InitData {
    Tensor x, y;
    std::vector<int> labels;
    int classes = 2;
    std::string about; // "moons (300 points)"
};

// One initialisation in training: the 2-D trainer's recipe (trainer.cpp) on any columns — Rng(seed) draws
// the weights, then the batch order; one sigmoid output for two classes, K softmax outputs otherwise.
struct InitRun {
    Rng rng;
    Sequential model;
    std::unique_ptr<LossT<float>> loss;
    SequentialLearner learner;
    TrainLoop loop;
    ColumnBatches batches;
    InitRun(const ModelSpec& ms, const Hyperparams& h, const InitData& d, std::uint32_t seed)
        : rng(seed), model(buildModel<float>(ms, rng)),
          loss(makeLoss<float>(ms.outputs == 1 ? LossKind::BinaryCrossEntropy : LossKind::SoftmaxCrossEntropy)),
          learner(model, *loss), loop(model.params(), h), batches(d.x, d.y, h.batch)
    {
    }
    EvalStats evaluate(const InitData& d)
    {
        const Tensor z = model.forward(d.x, Mode::Eval);
        EvalStats e;
        e.count = int(d.labels.size());
        e.cost = loss->compute(z, d.y).value;
        e.accuracy = accuracy(z, d.labels);
        return e;
    }
};

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

static std::shared_ptr<const InitData> loadInitData(const InitStudySpec& s)
{
    auto d = std::make_shared<InitData>();
    if (s.dataset != "fashion-mnist") {
        DatasetSpec ds;
        ds.kind = s.dataset;
        ds.seed = s.seed;
        const Split split = splitDataset(makeSynthetic(ds), 0, s.seed); // the 2-D trainer's order
        d->classes = split.train.classes;
        d->x = featureTensor(split.train);
        d->y = targetTensor(split.train, d->classes <= 2 ? 1 : d->classes);
        d->labels = split.train.label;
        d->about = s.dataset + " (" + std::to_string(split.train.size()) + " points)";
        return d;
    }
    const ImageSet test = loadFashionMnist(s.fashionDir, false);
    const int n = std::min(s.examples, test.size());
    const int pixels = int(test.images.size() / size_t(test.size()));
    d->x = Tensor({pixels, n});
    for (int i = 0; i < n; ++i) // image i (row-major pixels) becomes column i
        for (int p = 0; p < pixels; ++p) d->x[size_t(p) * size_t(n) + size_t(i)] = test.images[size_t(i) * size_t(pixels) + size_t(p)];
    d->labels.assign(test.labels.begin(), test.labels.begin() + n);
    d->classes = test.classes;
    d->y = oneHot(d->labels, d->classes);
    d->about = "Fashion-MNIST (its first " + std::to_string(n) + " test images, " + std::to_string(pixels) +
               " pixels each, 10 classes)";
    return d;
}

InitStudySpec::InitStudySpec()
{
    hyper.lr = 0.01f;
    hyper.opt.kind = OptKind::GD;
    hyper.batch = 64;
}

LayerSpreads measureSpreads(Trainer& t)
{
    const Dataset2D& d = t.data().train;
    return measureSpreads(t.model(), *makeLoss<float>(t.lossKind()), featureTensor(d),
                          targetTensor(d, t.spec().outputs));
}

LayerSpreads measureSpreads(Sequential& m, const LossT<float>& loss, const Tensor& x, const Tensor& y)
{
    std::vector<Tensor> outs;
    const Tensor pred = m.forwardAll(x, Mode::Train, outs);
    const LossResultT<float> r = loss.compute(pred, y);
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
    if (s.dataset == "fashion-mnist" && (s.examples < 10 || s.examples > 10'000))
        throw ConfigError("the Fashion-MNIST examples must be between 10 and 10 000");
    validate(s.hyper);
    m_data = loadInitData(s); // ConfigError for an unknown 2-D set, IoError without Fashion-MNIST
}

InitStudy::~InitStudy() = default;

bool InitStudy::advance()
{
    const InitData& d = *m_data;
    if (!m_run) {
        if (m_next >= m_spec.inits.size()) return false;
        ModelSpec ms;
        ms.inputs = d.x.dim(0);
        ms.outputs = d.classes <= 2 ? 1 : d.classes;
        ms.hidden.assign(size_t(m_spec.depth), m_spec.width);
        ms.activation = m_spec.activation;
        ms.init = m_spec.inits[m_next];
        ms.batchNorm = m_spec.batchNorm;
        m_run = std::make_unique<InitRun>(ms, m_spec.hyper, d, m_spec.seed);
        m_current = InitOutcome{};
        m_current.init = ms.init;
        m_current.start = m_current.now = measureSpreads(m_run->model, *m_run->loss, d.x, d.y);
        m_current.firstCost = m_run->evaluate(d).cost;
        return true;
    }
    TrainLoop& loop = m_run->loop;
    const long target = std::min(m_spec.steps, loop.steps() + kStepsPerPiece);
    StepStats last;
    while (loop.steps() < target && !last.diverged) last = loop.step(m_run->batches, m_run->learner, m_run->rng);
    if (last.diverged) m_current.diverged = true;
    if (!m_current.diverged)
        m_current.now = measureSpreads(m_run->model, *m_run->loss, d.x, d.y), m_current.nowStep = loop.steps();
    if (loop.steps() >= m_spec.steps || m_current.diverged) {
        const EvalStats e = m_run->evaluate(d);
        m_current.trainAccuracy = e.accuracy, m_current.lastCost = e.cost;
        if (!m_current.diverged) m_current.end = m_current.now;
        m_done.push_back(m_current);
        m_run.reset();
        ++m_next;
    }
    return m_next < m_spec.inits.size() || m_run;
}

double InitStudy::progress() const
{
    const double per = 1.0 / double(m_spec.inits.size());
    const double within = m_run && m_spec.steps > 0 ? double(m_run->loop.steps()) / double(m_spec.steps) : 0;
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
    const InitOutcome* live = m_run ? &m_current : (m_done.empty() ? nullptr : &m_done.back());
    StudyPanel hist{"histogram of the activations per layer", "log₁₀ |activation|", "share of the layer", false, {}};
    StudyPanel gradHist{"histogram of dL/dW per layer", "log₁₀ |dL/dW|", "share of the layer", false, {}};
    if (live) {
        const LayerSpreads& s = m_run ? live->now : (live->diverged ? live->start : live->end);
        const std::string at = std::string(initName(live->init)) + ", step " +
                               std::to_string(m_run ? live->nowStep : (live->diverged ? 0 : m_spec.steps));
        if (m_run) {
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
    char note[512];
    std::snprintf(note, sizeof note,
                  "%d hidden layers of %d %s units%s on %s, all trained on, %ld steps of %s (α %g, "
                  "batch %d) per initialisation from the same seed. ",
                  m_spec.depth, m_spec.width, actName(m_spec.activation), m_spec.batchNorm ? " with batch norm" : "",
                  m_data->about.c_str(), m_spec.steps, optName(m_spec.hyper.opt.kind), double(m_spec.hyper.lr),
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
