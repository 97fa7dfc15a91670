// SPDX-License-Identifier: MIT
#include "core/train/train_loop.h"

#include "core/util/threads.h"

#include <cmath>

namespace dl {

float SequentialLearner::forward(const Batch& b)
{
    const size_t all = m_model->size(), first = m_frozen, start = static_cast<size_t>(b.startLayer);
    Tensor z;
    if (start < first) {
        const Tensor h = m_model->forwardRange(*b.x, Mode::Eval, start, first);
        z = m_model->forwardRange(h, Mode::Train, first, all);
    } else {
        z = m_model->forwardRange(*b.x, Mode::Train, start, all);
    }
    m_result = m_loss->compute(z, *b.y);
    return m_result.value;
}

TrainLoop::TrainLoop(std::vector<Param*> params, const Hyperparams& h) : m_params(std::move(params)), m_hyper(h)
{
    validate(h);
    m_opt = makeOptimizer(h.opt, m_params);
}

void TrainLoop::setHyper(const Hyperparams& h)
{
    validate(h);
    if (h.opt.kind != m_opt->kind())
        m_opt = makeOptimizer(h.opt, m_params);
    else
        m_opt->setConfig(h.opt);
    m_hyper = h;
}

void TrainLoop::setParams(std::vector<Param*> params)
{
    m_params = std::move(params);
    m_opt = makeOptimizer(m_hyper.opt, m_params);
}

float TrainLoop::learningRate() const
{
    return decayedLearningRate(m_hyper.lr, m_hyper.decay, m_epoch);
}

void TrainLoop::setProgress(long step, long epoch)
{
    if (step < 0 || epoch < 0)
        throw ConfigError("the training position (step " + std::to_string(step) + ", epoch " +
                          std::to_string(epoch) + ") is out of range");
    m_step = step, m_epoch = epoch;
}

StepStats TrainLoop::step(BatchSource& src, Learner& learner, Rng& rng)
{
    adaptThreads(); // one thread while other programs keep the cores busy (util/threads.h)
    StepStats s;
    s.lr = learningRate();
    s.step = m_step;
    s.epoch = m_epoch;
    const Batch b = src.next(rng);
    // COURSE.md §3: J = data cost + λ/(2m) Σ‖W‖²_F.
    s.cost = learner.forward(b) + l2Penalty(m_params, m_hyper.l2, b.count);
    if (!std::isfinite(s.cost)) {
        s.diverged = true;
        return s;
    }
    learner.backward();
    if (onGradients) onGradients();
    addL2Grad(m_params, m_hyper.l2, b.count);
    float clipValue = m_hyper.clipValue; // by value first, then by norm
    if (m_hyper.clipNorm > 0.f) {
        if (clipValue > 0.f) clipByValue(m_params, clipValue);
        clipByNorm(m_params, m_hyper.clipNorm);
        clipValue = 0.f;
    }
    m_opt->stepAndClear(m_params, s.lr, clipValue);
    src.commit(b);
    learner.commit();
    s.step = ++m_step;
    s.epoch = m_epoch + (b.endsEpoch ? 1 : 0);
    if (b.endsEpoch) {
        ++m_epoch;
        if (onEpochEnd) onEpochEnd();
    }
    return s;
}

StepStats TrainLoop::run(BatchSource& src, Learner& learner, Rng& rng, const std::function<bool()>& more,
                         const CancelFlag* cancel)
{
    StepStats s;
    s.step = m_step;
    s.epoch = m_epoch;
    while (more()) {
        if (cancel && cancel->requested()) break;
        s = step(src, learner, rng);
        if (onStep) onStep(s);
        if (s.diverged) break;
    }
    return s;
}

} // namespace dl
