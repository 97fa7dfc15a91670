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

Trainer::Trainer(const ModelSpec& spec, const Hyperparams& h, Split data, std::uint32_t seed)
    : m_spec(spec), m_hyper(h), m_data(std::move(data)), m_rng(seed)
{
    validate(h);
    if (m_data.train.size() == 0)
        throw ConfigError("the training set is empty; add points or lower the dev share");
    m_spec.inputs = 2;
    m_spec.outputs = outputsFor(m_data.train.classes);
    m_spec.keepProb = std::min(m_spec.keepProb, h.keepProb);
    m_model = buildModel<float>(m_spec, m_rng);
    m_params = m_model.params();
    m_loss =
        makeLoss<float>(m_spec.outputs == 1 ? LossKind::BinaryCrossEntropy : LossKind::SoftmaxCrossEntropy);
    m_opt = makeOptimizer(h.opt, m_params);
    setHyper(h);
    rebuildTargets();
}

void Trainer::rebuildTargets()
{
    m_trainX = featureTensor(m_data.train);
    m_trainY = targetTensor(m_data.train, m_spec.outputs);
}

void Trainer::setData(Split data)
{
    if (data.train.size() == 0)
        throw ConfigError("the training set is empty; add points or lower the dev share");
    if (outputsFor(data.train.classes) != m_spec.outputs)
        throw ConfigError("the new data has a different number of classes; reset the network");
    m_data = std::move(data);
    rebuildTargets();
    m_pos = 0;
    m_perm.clear();
}

void Trainer::setHyper(const Hyperparams& h)
{
    validate(h);
    if (h.opt.kind != m_opt->kind())
        m_opt = makeOptimizer(h.opt, m_params);
    else
        m_opt->setConfig(h.opt);
    for (size_t i = 0; i < m_model.size(); ++i)
        if (auto* d = dynamic_cast<Dropout*>(&m_model.layer(i))) d->setKeepProb(h.keepProb);
    if (h.batch != m_hyper.batch) { // a new batch size starts a new pass
        m_pos = 0;
        m_perm.clear();
    }
    m_hyper = h;
}

float Trainer::currentLearningRate() const
{
    return decayedLearningRate(m_hyper.lr, m_hyper.decay, m_epoch);
}

void Trainer::gatherBatch(int begin, int count)
{
    const int k = m_trainY.dim(0), n = m_trainY.dim(1);
    m_batchX.resize({2, count});
    m_batchY.resize({k, count});
    for (int c = 0; c < count; ++c) {
        const int i = m_perm[begin + c];
        m_batchX[c] = m_trainX[i];
        m_batchX[count + c] = m_trainX[n + i];
        for (int r = 0; r < k; ++r)
            m_batchY[static_cast<size_t>(r) * count + c] = m_trainY[static_cast<size_t>(r) * n + i];
    }
}

// Forward (Train mode), J = loss + λ/(2m)Σ||W||², backward, dW += λ/m·W. Returns J.
float Trainer::lossAndGrad(const Tensor& x, const Tensor& y, int m)
{
    Tensor z = m_model.forward(x, Mode::Train);
    LossResultT<float> r = m_loss->compute(z, y);
    const float cost = r.value + l2Penalty(m_params, m_hyper.l2, m);
    if (!std::isfinite(cost)) return cost;
    m_model.backward(r.dpred);
    addL2Grad(m_params, m_hyper.l2, m);
    return cost;
}

StepStats Trainer::step()
{
    adaptThreads(); // one thread while other programs keep the cores busy (util/threads.h)
    const int n = m_data.train.size();
    const bool full = m_hyper.batch <= 0 || m_hyper.batch >= n;
    StepStats s;
    s.lr = currentLearningRate();
    float cost;
    int count = n;
    if (full) {
        cost = lossAndGrad(m_trainX, m_trainY, n);
    } else {
        if (m_pos == 0 || m_perm.size() != static_cast<size_t>(n)) { // COURSE.md §4: one shuffle per epoch
            m_perm = m_rng.permutation(n);
            m_pos = 0;
        }
        count = std::min(m_hyper.batch, n - m_pos);
        gatherBatch(m_pos, count);
        cost = lossAndGrad(m_batchX, m_batchY, count);
    }
    s.cost = cost;
    if (!std::isfinite(cost)) {
        m_model.zeroGrad();
        s.diverged = true;
        s.step = m_step;
        s.epoch = m_epoch;
        return s;
    }
    if (m_hyper.clipValue > 0.f) clipByValue(m_params, m_hyper.clipValue);
    if (m_hyper.clipNorm > 0.f) clipByNorm(m_params, m_hyper.clipNorm);
    m_opt->step(m_params, s.lr);
    for (Param* p : m_params) p->grad.setZero();
    ++m_step;
    m_pos += count;
    if (full || m_pos >= n) {
        m_pos = 0;
        ++m_epoch;
        if (onEpoch && m_epoch % std::max(1L, epochEvalEvery) == 0) onEpoch(evaluateAll());
    }
    s.step = m_step;
    s.epoch = m_epoch;
    return s;
}

StepStats Trainer::run(long maxSteps, const CancelFlag* cancel)
{
    StepStats s;
    s.step = m_step;
    s.epoch = m_epoch;
    while (m_step < maxSteps) {
        if (cancel && cancel->requested()) break;
        s = step();
        if (onStep) onStep(s);
        if (s.diverged) break;
    }
    return s;
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
        m_loss->compute(z, targetTensor(d, m_spec.outputs)).value + l2Penalty(m_params, m_hyper.l2, d.size());
    e.accuracy = accuracy(z, d.label);
    return e;
}

EpochStats Trainer::evaluateAll()
{
    EpochStats e;
    e.epoch = m_epoch;
    e.step = m_step;
    e.train = evaluate(m_data.train);
    e.dev = evaluate(m_data.dev);
    return e;
}

void Trainer::setCursor(const Cursor& c)
{
    if (!c.perm.empty() && c.perm.size() != static_cast<size_t>(m_data.train.size()))
        throw FormatError("the saved shuffle does not match the training set size");
    m_step = c.step;
    m_epoch = c.epoch;
    m_pos = c.batchPos;
    m_perm = c.perm;
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
