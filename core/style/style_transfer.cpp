// SPDX-License-Identifier: MIT
#include "core/style/style_transfer.h"

#include "core/models/darknet_net.h"
#include "core/models/model_files.h"
#include "core/models/model_manifest.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>

namespace dl {

namespace {
constexpr int kLbfgsMemory = 10; // curvature pairs kept (Nocedal & Wright suggest 3..20)
constexpr double kArmijo = 1e-4; // sufficient decrease c₁ (Nocedal & Wright §3.1)

Eigen::Map<Eigen::VectorXf> vec(Tensor& t)
{
    return {t.data(), static_cast<Eigen::Index>(t.size())};
}
} // namespace

FeatureChain loadStyleExtractor(const std::string& modelsDir)
{
    if (modelsDir.empty())
        throw IoError("no models folder found for the style extractor Tiny Darknet; " +
                      fetchAdvice("models/tiny-darknet/tiny.weights"));
    const std::filesystem::path dir = std::filesystem::path(modelsDir) / "tiny-darknet";
    const std::string cfgPath = (dir / "tiny.cfg").string(), wPath = (dir / "tiny.weights").string();
    const std::string cfg = readModelFile(cfgPath, "The style extractor Tiny Darknet (tiny.cfg)");
    const std::string weights = readModelFile(wPath, "The style extractor Tiny Darknet (tiny.weights)");
    DarknetNet net = DarknetNet::fromCfg(cfg, cfgPath);
    net.loadWeights(weights, wPath);
    if (static_cast<int>(net.layers().size()) <= kStyleLastLayer)
        throw FormatError(cfgPath + " has " + std::to_string(net.layers().size()) +
                          " layers; Tiny Darknet has 22.");
    return FeatureChain::fromDarknet(net, kStyleLastLayer);
}

std::vector<StyleLayer> parseStyleLayers(const std::string& text)
{
    std::vector<StyleLayer> out;
    std::stringstream ss(text);
    std::string item;
    while (std::getline(ss, item, ',')) {
        if (item.empty()) continue;
        StyleLayer l;
        const size_t colon = item.find(':');
        char* end = nullptr;
        const std::string idx = item.substr(0, colon);
        l.layer = static_cast<int>(std::strtol(idx.c_str(), &end, 10));
        bool ok = !idx.empty() && *end == '\0';
        l.weight = 1;
        if (colon != std::string::npos) {
            const std::string w = item.substr(colon + 1);
            l.weight = std::strtod(w.c_str(), &end);
            ok = ok && !w.empty() && *end == '\0' && std::isfinite(l.weight) && l.weight >= 0;
        }
        if (!ok)
            throw ConfigError("style layers are written LAYER:WEIGHT,… (e.g. 0:0.2,2:0.2); \"" + item +
                              "\" is not");
        out.push_back(l);
    }
    if (out.empty())
        throw ConfigError("choose at least one style layer (e.g. 0:0.2,2:0.2,5:0.2,10:0.2,15:0.2)");
    return out;
}

std::string styleLayersText(const std::vector<StyleLayer>& layers)
{
    std::string t;
    for (const StyleLayer& l : layers) {
        char buf[48];
        std::snprintf(buf, sizeof buf, "%s%d:%g", t.empty() ? "" : ",", l.layer, l.weight);
        t += buf;
    }
    return t;
}

Json styleSettingsJson(const StyleSettings& s)
{
    Json j = Json::object();
    j.set("content_layer", s.weights.contentLayer).set("style_layers", styleLayersText(s.weights.style));
    j.set("alpha", s.weights.alpha).set("beta", s.weights.beta);
    j.set("init", initName(s.init)).set("noise", s.noise);
    j.set("optimizer", optimizerName(s.optimizer)).set("learning_rate", s.learningRate);
    j.set("seed", static_cast<double>(s.seed));
    return j;
}

// A number of the run file that must lie in [lo, hi] (checked before any cast); FormatError otherwise.
static double inRange(const Json& j, const char* key, double fallback, double lo, double hi, const char* what)
{
    const double v = j.get(key, fallback);
    if (!(v >= lo && v <= hi))
        throw FormatError(std::string(key) + " is " + numberText(v) + "; " + what + " must be from " +
                          numberText(lo) + " to " + numberText(hi));
    return v;
}

StyleSettings styleSettingsFromJson(const Json& j)
{
    StyleSettings s;
    s.weights.contentLayer =
        static_cast<int>(inRange(j, "content_layer", 12.0, 0, 1000, "the content layer"));
    s.weights.style = parseStyleLayers(j.get("style_layers", styleLayersText(s.weights.style)));
    s.weights.alpha = inRange(j, "alpha", 1.0, 0, 1e30, "α (the content weight)");
    s.weights.beta = inRange(j, "beta", 1e4, 0, 1e30, "β (the style weight)");
    s.init = parseStyleInit(j.get("init", std::string("content+noise")));
    s.noise = inRange(j, "noise", 0.25, 0, 1, "the noise amount");
    s.optimizer = parseStyleOptimizer(j.get("optimizer", std::string("lbfgs")));
    s.learningRate =
        inRange(j, "learning_rate", defaultLearningRate(s.optimizer), 1e-12, 1e6, "the learning rate");
    s.seed = static_cast<std::uint32_t>(inRange(j, "seed", 1.0, 0, 4294967295.0, "the seed"));
    return s;
}

StyleRun parseStyleRun(const std::string& text, const std::string& name)
{
    try {
        const Json run = Json::parse(text);
        if (!run.isObject()) throw FormatError("it is not a JSON object");
        if (const std::string f = run.get("format", std::string(kStyleRunFormat)); f != kStyleRunFormat)
            throw FormatError("its format is \"" + f + "\", not \"" + kStyleRunFormat + "\"");
        StyleRun r;
        r.content = run.at("content").string("content");
        r.style = run.at("style").string("style");
        r.size = static_cast<int>(inRange(run, "size", 320.0, 32, 1600, "the output size"));
        r.iterations = static_cast<int>(inRange(run, "iterations", 200.0, 1, 100000, "the iterations"));
        r.settings = styleSettingsFromJson(run.at("settings"));
        if (const Json* ch = run.find("changes"))
            for (const Json& c : ch->elements())
                r.changes.emplace_back(
                    static_cast<int>(inRange(c, "iteration", 0, 0, 100000, "an iteration")),
                    styleSettingsFromJson(c.at("settings")));
        return r;
    } catch (const Error& e) {
        throw FormatError(std::filesystem::path(name).filename().string() + " is not a readable run file (" +
                          e.what() + "); save the run again from the Style lab.");
    }
}

StyleInit parseStyleInit(const std::string& name)
{
    for (StyleInit i : {StyleInit::ContentNoise, StyleInit::Content, StyleInit::Noise})
        if (name == initName(i)) return i;
    throw ConfigError("init must be content+noise, content or noise, not \"" + name + "\"");
}

StyleOptimizer parseStyleOptimizer(const std::string& name)
{
    for (StyleOptimizer o : {StyleOptimizer::Adam, StyleOptimizer::Lbfgs})
        if (name == optimizerName(o)) return o;
    throw ConfigError("optimizer must be adam or lbfgs, not \"" + name + "\"");
}

double defaultLearningRate(StyleOptimizer o)
{
    return o == StyleOptimizer::Lbfgs ? 1.0 : 0.02;
}

const char* initName(StyleInit i)
{
    switch (i) {
    case StyleInit::ContentNoise:
        return "content+noise";
    case StyleInit::Content:
        return "content";
    case StyleInit::Noise:
        return "noise";
    }
    return "?";
}

const char* optimizerName(StyleOptimizer o)
{
    return o == StyleOptimizer::Lbfgs ? "lbfgs" : "adam";
}

StyleTransfer::StyleTransfer(FeatureChain chain, const Tensor& content, const Tensor& style,
                             const StyleSettings& s)
    : m_problem(std::move(chain)), m_s(s)
{
    if (!(s.learningRate > 0) || !std::isfinite(s.learningRate))
        throw ConfigError("the learning rate must be a positive number");
    if (!(s.noise >= 0 && s.noise <= 1)) throw ConfigError("the noise amount must be between 0 and 1");
    m_problem.setWeights(s.weights);
    m_problem.setImages(content, style);
    // Starting point (COURSE.md §10: "starting from C plus noise").
    m_x = content;
    Rng rng(s.seed);
    if (s.init == StyleInit::Noise)
        for (size_t i = 0; i < m_x.size(); ++i) m_x[i] = rng.uniform();
    else if (s.init == StyleInit::ContentNoise)
        for (size_t i = 0; i < m_x.size(); ++i)
            m_x[i] = std::clamp(m_x[i] + static_cast<float>(s.noise) * rng.uniform(-1.f, 1.f), 0.f, 1.f);
}

void StyleTransfer::setWeights(const StyleWeights& w)
{
    m_problem.setWeights(w);
    m_s.weights = w;
    m_haveX = false; // J changed: re-evaluate at the current image and start a fresh L-BFGS memory
    m_sHist.clear();
    m_yHist.clear();
}

void StyleTransfer::setOptimizer(StyleOptimizer o, double learningRate)
{
    if (!(learningRate > 0) || !std::isfinite(learningRate))
        throw ConfigError("the learning rate must be a positive number");
    if (o != m_s.optimizer) {
        m_haveX = false;
        m_sHist.clear();
        m_yHist.clear();
        m_adam.reset();
    }
    m_s.optimizer = o;
    m_s.learningRate = learningRate;
}

StyleCosts StyleTransfer::step()
{
    ++m_evals;
    const StyleCosts c = m_s.optimizer == StyleOptimizer::Adam ? stepAdam() : stepLbfgs();
    // Float overflow (β or α far too large) leaves inf/NaN in the gradient; the optimiser would then stall
    // or spread NaN through the image. Say so instead.
    if (!std::isfinite(c.total) || !m_grad.arr().allFinite()) {
        char j[32];
        std::snprintf(j, sizeof j, "%.3g", c.total);
        throw Error("the cost or its gradient overflowed at iteration " + std::to_string(m_evals) +
                    " (J = " + j + "); lower β or α, then start again");
    }
    return c;
}

// Adam on the pixels (COURSE.md §4; core/optim/adam.h, β₁ 0.9, β₂ 0.999, ε 1e-8), then the pixels are
// clamped to [0, 1] (projected gradient).
StyleCosts StyleTransfer::stepAdam()
{
    const StyleCosts c = m_problem.evaluate(m_x, &m_grad);
    if (!m_adam) m_adam = makeOptimizer({.kind = OptKind::Adam}, {&m_pix});
    m_adam->step({&m_pix}, static_cast<float>(m_s.learningRate));
    m_x.arr() = m_x.arr().max(0.f).min(1.f);
    m_haveX = false;
    return c;
}

void StyleTransfer::lbfgsDirection()
{
    // Two-loop recursion (Nocedal & Wright Alg. 7.4), H₀ = (sᵀy / yᵀy) I.
    const Eigen::Index n = m_g.size();
    Eigen::VectorXf q = -m_g;
    const size_t k = m_sHist.size();
    std::vector<double> alpha(k), rho(k);
    for (size_t i = k; i-- > 0;) {
        rho[i] = 1.0 / static_cast<double>(m_yHist[i].dot(m_sHist[i]));
        alpha[i] = rho[i] * static_cast<double>(m_sHist[i].dot(q));
        q -= static_cast<float>(alpha[i]) * m_yHist[i];
    }
    if (k) q *= static_cast<float>(m_sHist.back().dot(m_yHist.back()) / m_yHist.back().squaredNorm());
    for (size_t i = 0; i < k; ++i) {
        const double beta = rho[i] * static_cast<double>(m_yHist[i].dot(q));
        q += static_cast<float>(alpha[i] - beta) * m_sHist[i];
    }
    m_dir = std::move(q);
    (void)n;
}

void StyleTransfer::lbfgsTrial()
{
    m_trial.resize(m_x.shape());
    vec(m_trial) = (vec(m_x) + static_cast<float>(m_t) * m_dir).cwiseMax(0.f).cwiseMin(1.f);
}

// L-BFGS with a backtracking (Armijo) line search on the box [0, 1]: each trial point is projected onto the
// box, and accepted when J(x_t) ≤ J(x) + c₁ gᵀ(x_t − x). Every trial is one evaluation = one step().
StyleCosts StyleTransfer::stepLbfgs()
{
    auto restart = [&] {
        m_sHist.clear();
        m_yHist.clear();
        m_dir = -m_g;
        // A gradient step that moves the most-changed pixel by 0.05·lr; later steps take their scale from
        // the curvature pairs (H₀ = sᵀy/yᵀy) and start at t = lr.
        m_t = m_s.learningRate * 0.05 / std::max(1e-30, static_cast<double>(m_g.cwiseAbs().maxCoeff()));
        lbfgsTrial();
    };
    if (!m_haveX) {
        m_fx = m_problem.evaluate(m_x, &m_grad);
        m_g = vec(m_grad);
        m_haveX = true;
        restart();
        return m_fx;
    }
    const StyleCosts ft = m_problem.evaluate(m_trial, &m_grad);
    const double decrease = static_cast<double>(m_g.dot(vec(m_trial) - vec(m_x)));
    if (std::isfinite(ft.total) && ft.total <= m_fx.total + kArmijo * decrease) {
        Eigen::VectorXf s = vec(m_trial) - vec(m_x);
        Eigen::VectorXf y = vec(m_grad) - m_g;
        const double sy = s.cast<double>().dot(y.cast<double>()), yy = y.cast<double>().squaredNorm();
        if (std::isfinite(sy) && std::isfinite(yy) && sy > 1e-10 * yy) { // curvature condition, else skip
            if (static_cast<int>(m_sHist.size()) == kLbfgsMemory) {
                m_sHist.pop_front();
                m_yHist.pop_front();
            }
            m_sHist.push_back(std::move(s));
            m_yHist.push_back(std::move(y));
        }
        std::swap(m_x, m_trial);
        m_fx = ft;
        m_g = vec(m_grad);
        if (m_sHist.empty()) { // no curvature known yet: a gradient step scaled as the first one
            restart();
            return m_fx;
        }
        lbfgsDirection();
        if (m_g.dot(m_dir) >= 0) { // not a descent direction: forget the curvature
            restart();
            return m_fx;
        }
        m_t = m_s.learningRate;
        lbfgsTrial();
        return m_fx;
    }
    m_t *= 0.5;                                                          // backtrack
    if (m_t * static_cast<double>(m_dir.cwiseAbs().maxCoeff()) < 1e-7) { // the step vanished: start over
        restart();
        return m_fx;
    }
    lbfgsTrial();
    return m_fx;
}

} // namespace dl
