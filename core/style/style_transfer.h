// SPDX-License-Identifier: MIT
// Neural style transfer (COURSE.md §10; Gatys et al. 2016): the generated image's pixels are the parameters,
// optimised by Adam (Kingma & Ba 2015; COURSE.md §4) or L-BFGS (Nocedal 1980, two-loop recursion; Nocedal &
// Wright, "Numerical Optimization", Alg. 7.4) with the pixels kept in [0, 1] after every update. One step()
// is one cost evaluation (a forward and a backward of the extractor), so runs of both optimisers cost the
// same per iteration. Weights, layers and optimiser may change between steps (pause, change β, continue).
#pragma once
#include "core/optim/optimizer.h"
#include "core/style/style_cost.h"
#include "core/util/json.h"
#include "core/util/rng.h"

#include <deque>

namespace dl {

enum class StyleInit { ContentNoise, Content, Noise };
enum class StyleOptimizer { Adam, Lbfgs };

struct StyleSettings {
    StyleWeights weights;
    StyleInit init = StyleInit::ContentNoise;
    double noise = 0.25; // ContentNoise: x = clamp(C + noise·U(−1, 1)) per pixel and channel
    StyleOptimizer optimizer = StyleOptimizer::Lbfgs;
    double learningRate = 1; // L-BFGS: first trial step of each line search; Adam: α (pixels in [0, 1])
    std::uint32_t seed = 1;
};

// Tiny Darknet (MODELS.md §3) from <modelsDir>/tiny-darknet/tiny.cfg + tiny.weights, BN folded by the
// darknet loader of the detection lab, cut after layer kStyleLastLayer (the last leaky conv before the
// 1000-class layer). Throws IoError/FormatError with one sentence saying what is missing or broken.
constexpr int kStyleLastLayer = 18;
FeatureChain loadStyleExtractor(const std::string& modelsDir);

// Settings as JSON (the lab's run file, `dlcli style --replay`) and back; FormatError for bad values.
Json styleSettingsJson(const StyleSettings& s);
StyleSettings styleSettingsFromJson(const Json& j);
// The Style lab's saved run (Save run…, `dlcli style --replay`): the two photos, the output size, the
// iterations, the settings it started with and each change with the iteration it applies before.
struct StyleRun {
    std::string content, style;
    int size = 320, iterations = 200;
    StyleSettings settings;
    std::vector<std::pair<int, StyleSettings>> changes;
};
// Its JSON declares "format": kStyleRunFormat (files of earlier builds have no "format" and still read).
// Throws FormatError with one sentence naming `name` ("run.json is not a readable run file (…); save the
// run again from the Style lab.").
constexpr const char* kStyleRunFormat = "dl-visual-lab style run";
StyleRun parseStyleRun(const std::string& text, const std::string& name);
// "0:0.2,2:0.2" ⇄ style layers; ConfigError for bad text.
std::vector<StyleLayer> parseStyleLayers(const std::string& text);
std::string styleLayersText(const std::vector<StyleLayer>& layers);

// A sensible learning rate for each optimiser (the GUI's default when switching).
double defaultLearningRate(StyleOptimizer o);
const char* initName(StyleInit i);           // "content+noise", "content", "noise"
const char* optimizerName(StyleOptimizer o); // "adam", "lbfgs"
// The inverses of the two names above; ConfigError "init must be …, not "x"" for anything else.
StyleInit parseStyleInit(const std::string& name);
StyleOptimizer parseStyleOptimizer(const std::string& name);

class StyleTransfer {
  public:
    // content, style: (1, 3, H, W) in [0, 1], the same size. Throws ConfigError for bad settings.
    StyleTransfer(FeatureChain chain, const Tensor& content, const Tensor& style, const StyleSettings& s);
    // Between steps. New weights keep the image; L-BFGS forgets its curvature pairs (J changed).
    void setWeights(const StyleWeights& w);
    void setOptimizer(StyleOptimizer o, double learningRate);
    const StyleSettings& settings() const { return m_s; }

    // One evaluation of J and dJ/dx, then the optimiser's move. Returns the costs of the current image
    // (for L-BFGS the last accepted point, so the curve never rises).
    StyleCosts step();
    const Tensor& image() const { return m_x; } // (1, 3, H, W) in [0, 1]
    int iterations() const { return m_evals; }
    StyleProblem& problem() { return m_problem; }

  private:
    StyleCosts stepAdam();
    StyleCosts stepLbfgs();
    void lbfgsDirection(); // m_dir = −H·g by the two-loop recursion
    void lbfgsTrial();     // m_trial = clamp(x + t·dir)
    StyleProblem m_problem;
    StyleSettings m_s;
    Param m_pix; // the pixels being optimised: value (1, 3, H, W) in [0, 1], grad dJ/dx
    Tensor& m_x = m_pix.value;
    Tensor& m_grad = m_pix.grad;
    int m_evals = 0;
    std::unique_ptr<Optimizer> m_adam; // the one Adam of core/optim, on the pixels; null until used

    // L-BFGS
    bool m_haveX = false;
    StyleCosts m_fx;            // costs at the accepted point
    Eigen::VectorXf m_g, m_dir; // gradient there, search direction
    Tensor m_trial;
    double m_t = 1; // current trial step
    std::deque<Eigen::VectorXf> m_sHist, m_yHist;
};

} // namespace dl
