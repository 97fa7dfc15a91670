// SPDX-License-Identifier: MIT
// Initialisation in depth (issue 15; COURSE.md §3 "Initialization"): the same deep MLP (depth hidden layers of
// `width` units, ReLU by default) on the same data — a 2-D set or Fashion-MNIST's pixels —, initialised with zeros, random ×0.01, ×10, Xavier and
// He in turn. For each: at step 0, per hidden layer, the standard deviation of its activations over a batch
// and of its weight gradient dL/dW — vanishing (shrinking layer after layer) and exploding made visible —; then
// the same training (one seed: the same batches) and its train accuracy; and the spreads again after it.
// A study (core/train/study.h): the lab runs it in pieces on its worker, dlcli initstudy in a loop. Qt-free.
#pragma once
#include "core/data/image_set.h"
#include "core/layers/registry.h"
#include "core/layers/sequential.h"
#include "core/losses/loss.h"
#include "core/tensor/init.h"
#include "core/train/hyper.h"
#include "core/train/study.h"

#include <memory>
#include <string>
#include <vector>

namespace dl {

class Trainer;
struct InitData;
struct InitRun;

struct InitStudySpec {
    // A syntheticKinds() name (300 points) or "fashion-mnist": the first `examples` of its test images, 784
    // pixels in [0, 1] each (COURSE.md §1), 10 classes. All trained on (the course reports train accuracy).
    std::string dataset = "moons";
    int examples = 1000;                          // Fashion-MNIST only: 10 … 10 000
    std::string fashionDir = kFashionMnistDir;    // where dataset-fashion-mnist put it
    int depth = 10, width = 16;    // hidden layers and units each
    Act activation = Act::ReLU;
    bool batchNorm = false;
    std::vector<Init> inits{Init::Zeros, Init::Small, Init::Large, Init::Xavier, Init::He};
    long steps = 2000; // per init; mini-batches of `hyper.batch`
    Hyperparams hyper; // GD, α 0.01, batch 64 unless set
    std::uint32_t seed = 1;
    InitStudySpec();
};

// The histogram of a layer's activations (or weight gradients) on a log scale: bins of log10|a| from kHistLo
// to kHistHi, each kHistStep wide (values beyond go to the end bins), as fractions of all its values; exact
// zeros (dead ReLUs, zeros init) counted apart. Vanishing shifts a layer's histogram left, exploding right.
constexpr double kHistLo = -20, kHistHi = 14, kHistStep = 0.5;
constexpr int kHistBins = int((kHistHi - kHistLo) / kHistStep);

struct LayerSpreads {
    std::vector<double> activation; // per hidden layer: std of its activations over the probe batch
    std::vector<double> gradient;   // per hidden layer: std of dL/dW of the dense layer feeding it
    std::vector<std::vector<double>> histogram; // per hidden layer: kHistBins fractions of log10|a|
    std::vector<double> zeros;                  // per hidden layer: the fraction of activations exactly 0
    std::vector<std::vector<double>> gradientHistogram; // the same of its dL/dW
    std::vector<double> gradientZeros;
};

struct InitOutcome {
    Init init;
    LayerSpreads start, end;  // at step 0 and after the training
    LayerSpreads now;         // during the training: at `nowStep` (every piece of the study)
    long nowStep = 0;
    double trainAccuracy = 0; // after the training (the course reports train accuracy)
    double firstCost = 0, lastCost = 0;
    bool diverged = false;
};

// The spreads of `m` on examples x (D, N) with targets y (one forward in training mode and one backward
// through `loss`, no update; the gradients are left zero): what the lab draws per layer.
LayerSpreads measureSpreads(Sequential& m, const LossT<float>& loss, const Tensor& x, const Tensor& y);
LayerSpreads measureSpreads(Trainer& t); // on its whole training set

class InitStudy : public Study {
  public:
    // ConfigError for a depth, width, steps or examples out of range; IoError/FormatError naming the file when
    // Fashion-MNIST is asked for and cannot be read.
    explicit InitStudy(const InitStudySpec& s);
    ~InitStudy() override;
    bool advance() override; // the next init's step-0 spreads, or the next 100 of its training steps (and
                             // the spreads and histograms then: the live panels)
    double progress() const override;
    StudyReport report() const override;
    const std::vector<InitOutcome>& outcomes() const { return m_done; }

  private:
    InitStudySpec m_spec;
    std::vector<InitOutcome> m_done;
    std::shared_ptr<const InitData> m_data; // read once, every init trains on it
    std::unique_ptr<InitRun> m_run;         // the init being trained
    InitOutcome m_current;
    size_t m_next = 0; // index into m_spec.inits of the next init to start
};

} // namespace dl
