// SPDX-License-Identifier: MIT
#include "core/train/image_trainer.h"

#include "core/train/image_models.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace dl {

Tensor oneHot(const std::vector<int>& labels, int classes)
{
    const int n = static_cast<int>(labels.size());
    Tensor t({classes, n});
    for (int i = 0; i < n; ++i) t[static_cast<size_t>(labels[i]) * n + i] = 1.f;
    return t;
}

ImageTrainer::ImageTrainer(const std::string& model, const Hyperparams& h, ImageSet train, ImageSet dev,
                           std::uint32_t seed)
    : m_hyper(h), m_train(std::move(train)), m_dev(std::move(dev)), m_rng(seed)
{
    validate(h);
    if (m_train.size() == 0) throw ConfigError("the training set is empty");
    const Shape& s = m_train.images.shape();
    m_model = buildImageModel(model, s[1], s[2], s[3], m_train.classes, m_rng);
    m_model.setInputGradNeeded(false);
    m_params = m_model.params();
    m_loss = makeLoss<float>(LossKind::SoftmaxCrossEntropy);
    m_opt = makeOptimizer(h.opt, m_params);
}

void ImageTrainer::setAugmentation(const AugmentPipeline& p)
{
    m_aug = p;
    const bool needPca =
        std::any_of(p.ops.begin(), p.ops.end(), [](const AugmentOp& o) { return o.kind == "pca"; });
    if (needPca && m_train.images.dim(1) == 3) m_pca = pcaColorBasis(m_train.images);
}

int ImageTrainer::stepsPerEpoch() const
{
    const int b = m_hyper.batch <= 0 ? m_train.size() : std::min(m_hyper.batch, m_train.size());
    return (m_train.size() + b - 1) / b;
}

StepStats ImageTrainer::step()
{
    const int n = m_train.size();
    const int b = m_hyper.batch <= 0 ? n : std::min(m_hyper.batch, n);
    if (m_pos == 0) m_perm = m_rng.permutation(n); // COURSE.md §4: one shuffle per epoch
    const int count = std::min(b, n - m_pos);
    const std::vector<int> idx(m_perm.begin() + m_pos, m_perm.begin() + m_pos + count);
    ImageSet batch = subsetImages(m_train, idx);
    augmentBatch(batch.images, m_aug, m_rng, &m_pca);
    StepStats s;
    s.lr = decayedLearningRate(m_hyper.lr, m_hyper.decay, m_epoch);
    const Tensor z = m_model.forward(batch.images, Mode::Train);
    LossResultT<float> r = m_loss->compute(z, oneHot(batch.labels, m_train.classes));
    s.cost = r.value + l2Penalty(m_params, m_hyper.l2, count);
    s.step = m_step;
    s.epoch = m_epoch;
    if (!std::isfinite(s.cost)) {
        s.diverged = true;
        return s;
    }
    m_model.backward(r.dpred);
    addL2Grad(m_params, m_hyper.l2, count);
    if (m_hyper.clipValue > 0.f) clipByValue(m_params, m_hyper.clipValue);
    if (m_hyper.clipNorm > 0.f) clipByNorm(m_params, m_hyper.clipNorm);
    m_opt->step(m_params, s.lr);
    for (Param* p : m_params) p->grad.setZero();
    s.step = ++m_step;
    m_pos += count;
    if (m_pos >= n) {
        m_pos = 0;
        ++m_epoch;
    }
    s.epoch = m_epoch;
    return s;
}

StepStats ImageTrainer::runEpoch(const CancelFlag* cancel)
{
    StepStats s;
    const long target = m_epoch + 1;
    while (m_epoch < target) {
        if (cancel && cancel->requested()) break;
        s = step();
        if (onStep) onStep(s);
        if (s.diverged) break;
    }
    return s;
}

EvalStats ImageTrainer::evaluate(const ImageSet& set, std::vector<int>* predicted)
{
    EvalStats e;
    e.count = set.size();
    if (set.size() == 0) return e;
    if (predicted) predicted->clear();
    double cost = 0;
    int correct = 0;
    const int chunk = 500;
    for (int b = 0; b < set.size(); b += chunk) {
        const int count = std::min(chunk, set.size() - b);
        std::vector<int> idx(static_cast<size_t>(count));
        for (int i = 0; i < count; ++i) idx[static_cast<size_t>(i)] = b + i;
        const ImageSet part = subsetImages(set, idx);
        const Tensor z = m_model.forward(part.images, Mode::Eval);
        cost += double(m_loss->compute(z, oneHot(part.labels, set.classes)).value) * count;
        const int k = z.dim(0);
        for (int i = 0; i < count; ++i) {
            int best = 0;
            for (int c = 1; c < k; ++c)
                if (z[static_cast<size_t>(c) * count + i] > z[static_cast<size_t>(best) * count + i])
                    best = c;
            correct += best == part.labels[static_cast<size_t>(i)];
            if (predicted) predicted->push_back(best);
        }
    }
    e.cost = static_cast<float>(cost / set.size());
    e.accuracy = static_cast<float>(correct) / static_cast<float>(set.size());
    return e;
}

Metrics ImageTrainer::metrics(const ImageSet& s)
{
    std::vector<int> predicted;
    evaluate(s, &predicted);
    return computeMetrics(s.labels, predicted, s.classes);
}

} // namespace dl
