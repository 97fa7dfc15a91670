// SPDX-License-Identifier: MIT
// The one training loop (COURSE.md §2–§4): take a batch from a BatchSource, forward and cost through a
// Learner, J += λ/(2m)Σ‖W‖², backward, dW += λ/m·W, clip, one optimizer update with the decayed learning
// rate. One divergence rule for every lab: a NaN/Inf cost makes no update, leaves the source on the same
// batch and reports diverged = true (the caller stops and says divergenceMessage()). The Playground's 2-D
// trainer and the Images trainer run on it; the sequence, faces and data labs plug in their own learners
// and sources (carried state, mined triplets, a training set that grows between rounds). No threads, no Qt.
#pragma once
#include "core/layers/sequential.h"
#include "core/losses/loss.h"
#include "core/optim/optimizer.h"
#include "core/train/batch_source.h"
#include "core/train/hyper.h"
#include "core/train/stats.h"
#include "core/util/cancel.h"

#include <functional>
#include <memory>

namespace dl {

// What a step needs from the model it trains.
class Learner {
  public:
    virtual ~Learner() = default;
    // Forward in Train mode on b: the data cost J (no L2). Keeps what backward needs.
    virtual float forward(const Batch& b) = 0;
    // dJ/dθ of the last forward into the parameters' grad.
    virtual void backward() = 0;
    // The update was made and the batch committed: a sequence model keeps the window's final state for the
    // next window (a diverged step is retried from the same start).
    virtual void commit() {}
};

// A Sequential and a loss as a Learner. Layers [0, frozen) run in Eval mode and get no gradient; a batch
// whose startLayer is `frozen` already holds their output (precomputed features).
class SequentialLearner : public Learner {
  public:
    SequentialLearner(Sequential& model, const LossT<float>& loss) : m_model(&model), m_loss(&loss) {}
    void setFrozen(size_t n) { m_frozen = n; }
    float forward(const Batch& b) override;
    void backward() override { m_model->backward(m_result.dpred); }

  private:
    Sequential* m_model;
    const LossT<float>* m_loss;
    size_t m_frozen = 0;
    LossResultT<float> m_result;
};

class TrainLoop {
  public:
    // The trained parameters and the hyperparameters (validated; ConfigError names the bad one).
    TrainLoop(std::vector<Param*> params, const Hyperparams& h);
    // One update on src's next batch, or none when the cost is not finite (diverged = true).
    StepStats step(BatchSource& src, Learner& learner, Rng& rng);
    // Steps while more() says so, stopping early at a cancel request or divergence; onStep after each.
    StepStats run(BatchSource& src, Learner& learner, Rng& rng, const std::function<bool()>& more,
                  const CancelFlag* cancel = nullptr);
    std::function<void(const StepStats&)> onStep; // run(): after each step
    std::function<void()> onGradients; // after backward, before L2/clipping/update: this step's dJ/dθ
    std::function<void()> onEpochEnd;  // inside step(), after the update that completed a pass

    // Live changes apply at the next step; another optimizer kind starts its state over, the same kind
    // keeps its moments (COURSE.md §6: they are running averages, valid under a new β).
    void setHyper(const Hyperparams& h);
    const Hyperparams& hyper() const { return m_hyper; }
    // Other parameters to train (a frozen prefix changed): the optimizer state starts over.
    void setParams(std::vector<Param*> params);
    const std::vector<Param*>& params() const { return m_params; }
    Optimizer& optimizer() { return *m_opt; }
    float learningRate() const; // α after decay at the current epoch (COURSE.md §6)

    long steps() const { return m_step; }
    long epochs() const { return m_epoch; }
    void setProgress(long step, long epoch);

  private:
    std::vector<Param*> m_params;
    Hyperparams m_hyper;
    std::unique_ptr<Optimizer> m_opt;
    long m_step = 0, m_epoch = 0;
};

} // namespace dl
