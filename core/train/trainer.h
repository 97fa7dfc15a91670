// SPDX-License-Identifier: MIT
// Trains a 2-D classifier (Sequential + loss + optimizer) on a train/dev split, one mini-batch per step.
// It owns everything it trains; it does not know about threads or Qt (callers poll or run it in chunks).
// The steps are the one training loop's (train_loop.h) on the points' columns (batch_source.h).
#pragma once
#include "core/data/dataset.h"
#include "core/layers/registry.h"
#include "core/losses/loss.h"
#include "core/optim/optimizer.h"
#include "core/train/hyper.h"
#include "core/train/stats.h"
#include "core/train/train_loop.h"
#include "core/util/cancel.h"
#include "core/util/rng.h"

#include <functional>
#include <memory>

namespace dl {

class Trainer {
  public:
    // Builds the model from spec (outputs forced to 1 for two classes, K otherwise) and initialises it from
    // Rng(seed). Throws ConfigError on bad hyperparameters or an empty training set.
    Trainer(const ModelSpec& spec, const Hyperparams& h, Split data, std::uint32_t seed);
    Trainer(const Trainer&) = delete; // the loop's learner points at the model
    Trainer& operator=(const Trainer&) = delete;

    // One update on the next mini-batch (a fresh shuffle permutation each epoch; the last partial batch is
    // kept). On a NaN/Inf cost it makes no update and returns diverged = true.
    StepStats step();
    // Steps until `maxSteps` updates in total, a cancel request, or divergence. Calls onStep after every
    // step and onEpoch (when set) after every `epochEvalEvery`-th completed epoch. Returns the last stats.
    StepStats run(long maxSteps, const CancelFlag* cancel = nullptr);

    std::function<void(const StepStats&)> onStep;
    std::function<void(const EpochStats&)> onEpoch;
    long epochEvalEvery = 1;

    void setHyper(const Hyperparams& h); // between steps; optimizer state kept unless its kind changes
    const Hyperparams& hyper() const { return m_loop.hyper(); }
    void setData(Split data); // keeps the model; restarts the epoch
    const Split& data() const { return m_data; }
    const ModelSpec& spec() const { return m_spec; }

    EvalStats evaluate(const Dataset2D& d);
    EpochStats evaluateAll();
    // Logits (outputs, N) for points x (2, N), Eval mode. `outs` (optional) receives every layer's output.
    Tensor predict(const Tensor& x, std::vector<Tensor>* outs = nullptr);

    long steps() const { return m_loop.steps(); }
    long epochs() const { return m_loop.epochs(); }
    float currentLearningRate() const;
    // "Training stopped at step 120: the cost became NaN. Try a lower learning rate (now 10)."
    std::string divergenceMessage(const StepStats& s) const;

    Sequential& model() { return m_model; }
    Optimizer& optimizer() { return m_loop.optimizer(); }
    LossKind lossKind() const { return m_loss->kind(); }
    Rng& rng() { return m_rng; }

    // Everything a checkpoint needs beyond params/buffers/optimizer slots.
    struct Cursor {
        long step = 0, epoch = 0;
        int batchPos = 0;      // next row of the permutation
        std::vector<int> perm; // this epoch's shuffle (empty for full batch)
    };
    Cursor cursor() const;
    void setCursor(const Cursor& c);

  private:
    void rebuildTargets();

    ModelSpec m_spec;
    Split m_data;
    Rng m_rng;
    Sequential m_model;
    std::unique_ptr<LossT<float>> m_loss;
    SequentialLearner m_learner;
    TrainLoop m_loop;
    ColumnBatches m_batches; // the training points (2, N) with targets (outputs, N)
};

} // namespace dl
