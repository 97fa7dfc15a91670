// SPDX-License-Identifier: MIT
#include "core/train/image_trainer.h"

#include "core/layers/softmax.h"
#include "core/train/image_models.h"
#include "core/util/threads.h"

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

static std::vector<LayerSpec> presetLayers(const std::string& model, const ImageSet& train)
{
    if (train.size() == 0) throw ConfigError("the training set is empty");
    const Shape& s = train.images.shape();
    return imageModelLayers(model, s[1], s[2], s[3], train.classes);
}

ImageTrainer::ImageTrainer(const std::string& model, const Hyperparams& h, SharedImageSet train,
                           SharedImageSet dev, std::uint32_t seed)
    : m_train(std::move(train)), m_dev(std::move(dev)), m_rng(seed), m_loop({}, h), m_batches(m_train, h.batch)
{
    if (!m_train || !m_dev) throw ConfigError("the training or dev set is missing");
    init(presetLayers(model, *m_train));
}

ImageTrainer::ImageTrainer(const std::vector<LayerSpec>& layers, const Hyperparams& h, SharedImageSet train,
                           SharedImageSet dev, std::uint32_t seed)
    : m_train(std::move(train)), m_dev(std::move(dev)), m_rng(seed), m_loop({}, h), m_batches(m_train, h.batch)
{
    init(layers);
}

void ImageTrainer::init(const std::vector<LayerSpec>& layers)
{
    if (!m_train || !m_dev) throw ConfigError("the training or dev set is missing");
    if (m_train->size() == 0) throw ConfigError("the training set is empty");
    m_layers = layers;
    const Shape& s = m_train->images.shape();
    m_model = buildImageModel(layers, s[1], s[2], s[3], m_rng);
    m_loss = makeLoss<float>(LossKind::SoftmaxCrossEntropy);
    m_learner = std::make_unique<SequentialLearner>(m_model, *m_loss);
    m_loop.onGradients = [this] {
        if (onGradients) onGradients();
    };
    m_loop.onStep = [this](const StepStats& s) {
        if (onStep) onStep(s);
    };
    rebuildOptimizer();
}

void ImageTrainer::applyBackwardSettings()
{
    m_model.setInputGradNeeded(false);
    m_model.setBackwardStart(static_cast<size_t>(m_frozen));
}

void ImageTrainer::rebuildOptimizer()
{
    applyBackwardSettings();
    std::vector<Param*> params;
    for (size_t i = static_cast<size_t>(m_frozen); i < m_model.size(); ++i)
        for (Param* p : m_model.layer(i).params()) params.push_back(p);
    m_loop.setParams(std::move(params));
    m_learner->setFrozen(static_cast<size_t>(m_frozen));
}

void ImageTrainer::setFrozen(int n, bool precompute)
{
    if (n < 0 || n >= static_cast<int>(m_model.size()))
        throw ConfigError("can freeze 0 to " + std::to_string(m_model.size() - 1) + " layers, not " +
                          std::to_string(n));
    m_frozen = n;
    m_batches.setFeatures(Tensor(), 0);
    rebuildOptimizer();
    if (!precompute || n == 0 || !augmentation().empty()) return;
    // COURSE.md §7: the frozen layers are a fixed function; run them once over the training set.
    const int total = m_train->size(), chunk = 500;
    Tensor features;
    for (int b = 0; b < total; b += chunk) {
        const int count = std::min(chunk, total - b);
        std::vector<int> idx(static_cast<size_t>(count));
        for (int i = 0; i < count; ++i) idx[static_cast<size_t>(i)] = b + i;
        const Tensor part = m_model.forwardRange(gatherExamples(m_train->images, idx), Mode::Eval, 0, size_t(n));
        if (b == 0) {
            Shape fs = part.shape();
            fs[exampleAxis(fs)] = total;
            features = Tensor::uninitialized(fs);
        }
        if (exampleAxis(part.shape()) == 1) { // (D, N) row-major: the chunk is a block of columns
            features.mat().middleCols(b, count) = part.mat();
            continue;
        }
        const size_t per = part.size() / static_cast<size_t>(count);
        std::memcpy(features.data() + size_t(b) * per, part.data(), part.size() * sizeof(float));
    }
    m_batches.setFeatures(std::move(features), n);
}

void ImageTrainer::setHyper(const Hyperparams& h)
{
    m_loop.setHyper(h);
    m_batches.setBatch(h.batch);
}

void ImageTrainer::setAugmentation(const AugmentPipeline& p)
{
    m_batches.setAugmentation(p);
}

void ImageTrainer::setProgress(long step, long epoch, int position, std::vector<int> order)
{
    m_loop.setProgress(step, epoch);
    m_batches.order().set(m_train->size(), position, std::move(order));
}

int ImageTrainer::stepsPerEpoch() const
{
    const int b = hyper().batch <= 0 ? m_train->size() : std::min(hyper().batch, m_train->size());
    return (m_train->size() + b - 1) / b;
}

StepStats ImageTrainer::step()
{
    return m_loop.step(m_batches, *m_learner, m_rng);
}

StepStats ImageTrainer::runEpoch(const CancelFlag* cancel)
{
    const long target = epochs() + 1;
    return m_loop.run(m_batches, *m_learner, m_rng, [&] { return epochs() < target; }, cancel);
}

EvalStats ImageTrainer::evaluate(const ImageSet& set, std::vector<int>* predicted, std::vector<float>* probs,
                                 const CancelFlag* cancel)
{
    adaptThreads(); // one thread while other programs keep the cores busy (util/threads.h)
    EvalStats e;
    e.count = set.size();
    if (set.size() == 0) return e;
    if (predicted) predicted->clear();
    if (probs) probs->clear();
    double cost = 0;
    int correct = 0;
    // Chunks of kEvalChunk images: the activations of a chunk stay small enough (a few MB per layer) to be
    // reused from the heap chunk after chunk instead of being fresh pages each time (issue 11: 500-image
    // chunks spent a quarter of the time in page faults).
    const int chunk = kEvalChunk;
    std::vector<int> idx;
    std::vector<int> labels;
    for (int b = 0; b < set.size(); b += chunk) {
        if (cancel && cancel->requested()) break;
        const int count = std::min(chunk, set.size() - b);
        idx.resize(static_cast<size_t>(count));
        for (int i = 0; i < count; ++i) idx[static_cast<size_t>(i)] = b + i;
        labels.assign(set.labels.begin() + b, set.labels.begin() + b + count);
        const Tensor z = m_model.forward(gatherExamples(set.images, idx), Mode::Eval);
        const LossResultT<float> r = m_loss->compute(z, oneHot(labels, set.classes));
        cost += double(r.value) * count;
        const int k = z.dim(0);
        Tensor p;
        if (probs) softmaxColumns(z, p); // (K, count)
        for (int i = 0; i < count; ++i) {
            if (probs)
                for (int c = 0; c < k; ++c) probs->push_back(p[size_t(c) * count + i]);
            int best = 0;
            for (int c = 1; c < k; ++c)
                if (z[static_cast<size_t>(c) * count + i] > z[static_cast<size_t>(best) * count + i])
                    best = c;
            correct += best == labels[static_cast<size_t>(i)];
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
