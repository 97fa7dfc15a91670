// SPDX-License-Identifier: MIT
#include "core/train/trainer.h"

#include "core/layers/dropout.h"
#include "core/util/threads.h"

#include <cmath>
#include <cstdio>

namespace dl {

static int outputsFor(int classes)
{
    return classes <= 2 ? 1 : classes;
}

// The spec as trained: two inputs, one sigmoid output for two classes or K softmax outputs (COURSE.md §2).
static ModelSpec fittedSpec(ModelSpec spec, const Hyperparams& h, const Split& data)
{
    validate(h);
    if (data.train.size() == 0)
        throw ConfigError("the training set is empty; add points or lower the dev share");
    spec.inputs = 2;
    spec.outputs = outputsFor(data.train.classes);
    spec.keepProb = std::min(spec.keepProb, h.keepProb);
    return spec;
}

Trainer::Trainer(const ModelSpec& spec, const Hyperparams& h, Split data, std::uint32_t seed)
    : m_spec(fittedSpec(spec, h, data)), m_data(std::move(data)), m_rng(seed),
      m_model(buildModel<float>(m_spec, m_rng)),
      m_loss(makeLoss<float>(m_spec.outputs == 1 ? LossKind::BinaryCrossEntropy
                                                 : LossKind::SoftmaxCrossEntropy)),
      m_learner(m_model, *m_loss), m_loop(m_model.params(), h)
{
    m_loop.onStep = [this](const StepStats& s) {
        if (onStep) onStep(s);
    };
    m_loop.onEpochEnd = [this] {
        if (onEpoch && epochs() % std::max(1L, epochEvalEvery) == 0) onEpoch(evaluateAll());
    };
    setHyper(h);
    rebuildTargets();
}

void Trainer::rebuildTargets()
{
    m_batches.setData(featureTensor(m_data.train), targetTensor(m_data.train, m_spec.outputs));
}

void Trainer::setData(Split data)
{
    if (data.train.size() == 0)
        throw ConfigError("the training set is empty; add points or lower the dev share");
    if (outputsFor(data.train.classes) != m_spec.outputs)
        throw ConfigError("the new data has a different number of classes; reset the network");
    m_data = std::move(data);
    rebuildTargets(); // restarts the epoch
}

void Trainer::setHyper(const Hyperparams& h)
{
    m_loop.setHyper(h);
    for (size_t i = 0; i < m_model.size(); ++i)
        if (auto* d = dynamic_cast<Dropout*>(&m_model.layer(i))) d->setKeepProb(h.keepProb);
    m_batches.setBatch(h.batch); // a new batch size starts a new pass
}

float Trainer::currentLearningRate() const
{
    return m_loop.learningRate();
}

StepStats Trainer::step()
{
    return m_loop.step(m_batches, m_learner, m_rng);
}

StepStats Trainer::run(long maxSteps, const CancelFlag* cancel)
{
    return m_loop.run(m_batches, m_learner, m_rng, [&] { return steps() < maxSteps; }, cancel);
}

Tensor Trainer::predict(const Tensor& x, std::vector<Tensor>* outs)
{
    if (outs) return m_model.forwardAll(x, Mode::Eval, *outs);
    return m_model.forward(x, Mode::Eval);
}

EvalStats Trainer::evaluate(const Dataset2D& d)
{
    EvalStats e;
    e.count = d.size();
    if (d.size() == 0) return e;
    Tensor z = predict(featureTensor(d));
    e.cost =
        m_loss->compute(z, targetTensor(d, m_spec.outputs)).value + l2Penalty(m_loop.params(), hyper().l2, d.size());
    e.accuracy = accuracy(z, d.label);
    return e;
}

EpochStats Trainer::evaluateAll()
{
    EpochStats e;
    e.epoch = epochs();
    e.step = steps();
    e.train = evaluate(m_data.train);
    e.dev = evaluate(m_data.dev);
    return e;
}

Trainer::Cursor Trainer::cursor() const
{
    const EpochOrder& o = m_batches.order();
    return {steps(), epochs(), o.position(), o.position() > 0 ? o.order() : std::vector<int>()};
}

void Trainer::setCursor(const Cursor& c)
{
    const int n = m_data.train.size();
    if (!c.perm.empty() && c.perm.size() != static_cast<size_t>(n))
        throw FormatError("the saved shuffle does not match the training set size");
    m_loop.setProgress(c.step, c.epoch);
    m_batches.order().set(n, c.perm.empty() ? 0 : c.batchPos, c.perm);
}

std::string Trainer::divergenceMessage(const StepStats& s) const
{
    return dl::divergenceMessage(s);
}

std::string divergenceMessage(const StepStats& s)
{
    char buf[200];
    std::snprintf(buf, sizeof buf,
                  "Training stopped at step %ld: the cost became %s. Try a lower learning rate (now %.4g).",
                  s.step + 1, std::isnan(s.cost) ? "NaN" : "infinite", static_cast<double>(s.lr));
    return buf;
}

} // namespace dl
