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
    : m_hyper(h), m_train(std::move(train)), m_dev(std::move(dev)), m_rng(seed)
{
    if (!m_train || !m_dev) throw ConfigError("the training or dev set is missing");
    init(presetLayers(model, *m_train));
}

ImageTrainer::ImageTrainer(const std::vector<LayerSpec>& layers, const Hyperparams& h, SharedImageSet train,
                           SharedImageSet dev, std::uint32_t seed)
    : m_hyper(h), m_train(std::move(train)), m_dev(std::move(dev)), m_rng(seed)
{
    init(layers);
}

void ImageTrainer::init(const std::vector<LayerSpec>& layers)
{
    validate(m_hyper);
    if (!m_train || !m_dev) throw ConfigError("the training or dev set is missing");
    if (m_train->size() == 0) throw ConfigError("the training set is empty");
    m_layers = layers;
    const Shape& s = m_train->images.shape();
    m_model = buildImageModel(layers, s[1], s[2], s[3], m_rng);
    m_loss = makeLoss<float>(LossKind::SoftmaxCrossEntropy);
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
    m_params.clear();
    for (size_t i = static_cast<size_t>(m_frozen); i < m_model.size(); ++i)
        for (Param* p : m_model.layer(i).params()) m_params.push_back(p);
    m_opt = makeOptimizer(m_hyper.opt, m_params);
}

void ImageTrainer::setFrozen(int n, bool precompute)
{
    if (n < 0 || n >= static_cast<int>(m_model.size()))
        throw ConfigError("can freeze 0 to " + std::to_string(m_model.size() - 1) + " layers, not " +
                          std::to_string(n));
    m_frozen = n;
    m_trainFeat = Tensor();
    rebuildOptimizer();
    if (!precompute || n == 0 || !m_aug.empty()) return;
    // COURSE.md §7: the frozen layers are a fixed function; run them once over the training set.
    const int total = m_train->size(), chunk = 500;
    for (int b = 0; b < total; b += chunk) {
        const int count = std::min(chunk, total - b);
        std::vector<int> idx(static_cast<size_t>(count));
        for (int i = 0; i < count; ++i) idx[static_cast<size_t>(i)] = b + i;
        const Tensor part = m_model.forwardRange(gather(m_train->images, idx), Mode::Eval, 0, size_t(n));
        if (b == 0) {
            Shape fs = part.shape();
            fs[batchAxis(fs)] = total;
            m_trainFeat = Tensor::uninitialized(fs);
        }
        if (batchAxis(part.shape()) == 1) { // (D, N) row-major: the chunk is a block of columns
            m_trainFeat.mat().middleCols(b, count) = part.mat();
            continue;
        }
        const size_t per = part.size() / static_cast<size_t>(count);
        std::memcpy(m_trainFeat.data() + size_t(b) * per, part.data(), part.size() * sizeof(float));
    }
}

void ImageTrainer::setHyper(const Hyperparams& h)
{
    validate(h);
    const bool sameOpt = h.opt.kind == m_hyper.opt.kind && h.opt.beta1 == m_hyper.opt.beta1 &&
                         h.opt.beta2 == m_hyper.opt.beta2 && h.opt.beta == m_hyper.opt.beta;
    m_hyper = h;
    if (sameOpt)
        m_opt->setConfig(h.opt);
    else
        rebuildOptimizer();
}

// Copies the images `idx` of a batch into a new batch of idx.size() images: rows of an (N, C, H, W) batch,
// columns of a (D, N) feature batch (the output of Flatten or Dense; both row-major, tensor.h).
Tensor ImageTrainer::gather(const Tensor& from, const std::vector<int>& idx) const
{
    Shape s = from.shape();
    const size_t axis = batchAxis(s);
    s[axis] = static_cast<int>(idx.size());
    Tensor out = Tensor::uninitialized(s);
    if (axis == 1) {
        out.mat() = from.mat()(Eigen::all, idx);
        return out;
    }
    const size_t per = from.size() / static_cast<size_t>(from.dim(0));
    for (size_t i = 0; i < idx.size(); ++i)
        std::memcpy(out.data() + i * per, from.data() + size_t(idx[i]) * per, per * sizeof(float));
    return out;
}

void ImageTrainer::setAugmentation(const AugmentPipeline& p)
{
    m_aug = p;
    const bool needPca =
        std::any_of(p.ops.begin(), p.ops.end(), [](const AugmentOp& o) { return o.kind == "pca"; });
    if (needPca && m_train->images.dim(1) == 3) m_pca = pcaColorBasis(m_train->images);
}

void ImageTrainer::setProgress(long step, long epoch, int position, std::vector<int> order)
{
    const int n = m_train->size();
    if (step < 0 || epoch < 0 || position < 0 || position >= std::max(1, n))
        throw ConfigError("the training position (step " + std::to_string(step) + ", epoch " +
                          std::to_string(epoch) + ", image " + std::to_string(position) +
                          ") is out of range");
    if (position > 0) {
        std::vector<char> seen(static_cast<size_t>(n), 0);
        bool ok = order.size() == static_cast<size_t>(n);
        for (size_t i = 0; ok && i < order.size(); ++i) {
            ok = order[i] >= 0 && order[i] < n && !seen[static_cast<size_t>(order[i])];
            if (ok) seen[static_cast<size_t>(order[i])] = 1;
        }
        if (!ok)
            throw ConfigError("the epoch's order is not a shuffle of the " + std::to_string(n) +
                              " training images");
        m_perm = std::move(order);
    }
    m_step = step, m_epoch = epoch, m_pos = position;
}

int ImageTrainer::stepsPerEpoch() const
{
    const int b = m_hyper.batch <= 0 ? m_train->size() : std::min(m_hyper.batch, m_train->size());
    return (m_train->size() + b - 1) / b;
}

StepStats ImageTrainer::step()
{
    adaptThreads(); // one thread while other programs keep the cores busy (util/threads.h)
    const int n = m_train->size();
    const int b = m_hyper.batch <= 0 ? n : std::min(m_hyper.batch, n);
    if (m_pos == 0) m_perm = m_rng.permutation(n); // COURSE.md §4: one shuffle per epoch
    const int count = std::min(b, n - m_pos);
    const std::vector<int> idx(m_perm.begin() + m_pos, m_perm.begin() + m_pos + count);
    std::vector<int> labels(idx.size());
    for (size_t i = 0; i < idx.size(); ++i) labels[i] = m_train->labels[static_cast<size_t>(idx[i])];
    StepStats s;
    s.lr = decayedLearningRate(m_hyper.lr, m_hyper.decay, m_epoch);
    const size_t all = m_model.size(), first = static_cast<size_t>(m_frozen);
    Tensor z;
    if (precomputed()) {
        z = m_model.forwardRange(gather(m_trainFeat, idx), Mode::Train, first, all);
    } else {
        Tensor images = gather(m_train->images, idx);
        augmentBatch(images, m_aug, m_rng, &m_pca);
        if (first > 0) images = m_model.forwardRange(images, Mode::Eval, 0, first);
        z = m_model.forwardRange(images, Mode::Train, first, all);
    }
    LossResultT<float> r = m_loss->compute(z, oneHot(labels, m_train->classes));
    s.cost = r.value + l2Penalty(m_params, m_hyper.l2, count);
    s.step = m_step;
    s.epoch = m_epoch;
    if (!std::isfinite(s.cost)) {
        s.diverged = true;
        return s;
    }
    m_model.backward(r.dpred);
    if (onGradients) onGradients();
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
        const Tensor z = m_model.forward(gather(set.images, idx), Mode::Eval);
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
