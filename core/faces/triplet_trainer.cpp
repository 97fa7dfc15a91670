// SPDX-License-Identifier: MIT
#include "core/faces/triplet_trainer.h"

#include "core/layers/layer_list.h"
#include "core/train/image_models.h"
#include "core/util/error.h"
#include "core/util/threads.h"

#include <algorithm>
#include <cstdlib>
#include <set>

namespace dl {

std::string defaultEmbeddingLayers(int dim)
{
    return "conv 16 k=3 p=1\nrelu\nmaxpool 2\nconv 32 k=3 p=1\nrelu\nmaxpool 2\nflatten\ndense 128\nrelu\n"
           "dense " +
           std::to_string(dim) + "\nl2norm\n";
}

std::vector<int> parseClassList(const std::string& text)
{
    std::vector<int> out;
    size_t at = 0;
    while (at <= text.size()) {
        const size_t comma = std::min(text.find(',', at), text.size());
        std::string item = text.substr(at, comma - at);
        item.erase(0, item.find_first_not_of(' '));
        item.erase(item.find_last_not_of(' ') + 1);
        char* end = nullptr;
        const long v = item.empty() ? -1 : std::strtol(item.c_str(), &end, 10);
        if (v < 0 || v > 100000 || *end != '\0')
            throw ConfigError("write the held-out classes as numbers separated by commas, like 7,8,9, not \"" + text + "\"");
        out.push_back(int(v));
        at = comma + 1;
    }
    return out;
}

Hyperparams defaultTripletHyper()
{
    Hyperparams h;
    h.lr = 0.001f;
    h.opt.kind = OptKind::Adam;
    h.batch = 64;
    return h;
}

namespace {

void checkSetup(const TripletSetup& s, int classes)
{
    if (s.dim < 2 || s.dim > 256) throw ConfigError("the embedding size must be between 2 and 256");
    if (!(s.margin > 0.f && s.margin <= 4.f))
        throw ConfigError("the margin α must be in (0, 4]: the embedding is on the unit sphere, where "
                          "squared distances lie in [0, 4]");
    std::set<int> held;
    for (int c : s.heldOut) {
        if (c < 0 || c >= classes)
            throw ConfigError("held-out class " + std::to_string(c) + " is not one of the set's classes 0–" +
                              std::to_string(classes - 1));
        if (!held.insert(c).second) throw ConfigError("held-out class " + std::to_string(c) + " is listed twice");
    }
    if (held.size() < 2) throw ConfigError("hold out at least two classes: one-shot needs a choice");
    if (classes - int(held.size()) < 2)
        throw ConfigError("train on at least two classes: a triplet needs a negative of another class");
    if (s.perClass < 0 || s.heldOutPerClass < 0)
        throw ConfigError("the images per class must be 0 (all) or more");
}

bool isHeldOut(const TripletSetup& s, int label)
{
    return std::find(s.heldOut.begin(), s.heldOut.end(), label) != s.heldOut.end();
}

// The trained classes' images of `train` (at most perClass of each, the first ones in the set's order).
SharedImageSet trainedPart(const ImageSet& train, const TripletSetup& s)
{
    std::vector<int> idx, count(size_t(train.classes), 0);
    for (int i = 0; i < train.size(); ++i) {
        const int c = train.labels[size_t(i)];
        if (isHeldOut(s, c) || (s.perClass > 0 && count[size_t(c)] >= s.perClass)) continue;
        ++count[size_t(c)];
        idx.push_back(i);
    }
    return share(subsetImages(train, idx));
}

// The held-out classes' images of `test` (at most heldOutPerClass of each, the first ones in the set's order).
ImageSet heldOutPart(const ImageSet& test, const TripletSetup& s)
{
    std::vector<int> idx, count(size_t(std::max(test.classes, *std::max_element(s.heldOut.begin(), s.heldOut.end()) + 1)), 0);
    for (int i = 0; i < test.size(); ++i) {
        const int c = test.labels[size_t(i)];
        if (!isHeldOut(s, c) || (s.heldOutPerClass > 0 && count[size_t(c)] >= s.heldOutPerClass)) continue;
        ++count[size_t(c)];
        idx.push_back(i);
    }
    ImageSet out = subsetImages(test, idx);
    if (out.size() < 2 * int(s.heldOut.size()))
        throw ConfigError("the test images hold fewer than two images of each held-out class");
    return out;
}

Sequential buildEmbedding(const ImageSet& train, const TripletSetup& s, Rng& rng)
{
    if (train.images.rank() != 4 || train.size() == 0) throw ConfigError("the training set has no images");
    const int c = train.images.dim(1), h = train.images.dim(2), w = train.images.dim(3);
    const std::string text = s.layers.empty() ? defaultEmbeddingLayers(s.dim) : s.layers;
    const std::vector<LayerSpec> specs = parseLayerList(text, c, h, w, s.dim, LayerListEnd::Embedding);
    return buildImageModel(specs, c, h, w, rng);
}

} // namespace

TripletTrainer::TripletTrainer(const ImageSet& train, const ImageSet& test, const TripletSetup& setup,
                               const Hyperparams& h)
    : m_setup((checkSetup(setup, train.classes), setup)), m_train(trainedPart(train, setup)),
      m_heldOut(heldOutPart(test, setup)), m_rng(setup.seed), m_model(buildEmbedding(*m_train, setup, m_rng)),
      m_learner(std::make_unique<TripletLearner>(m_model, setup.margin, setup.mining, setup.seed + 1)),
      m_loop(m_model.params(), h), m_batches(m_train, h.batch)
{
}

void TripletTrainer::setMargin(float margin)
{
    TripletSetup s = m_setup;
    s.margin = margin;
    checkSetup(s, m_train->classes);
    m_setup.margin = margin;
    m_learner->setMargin(margin);
}

StepStats TripletTrainer::step()
{
    StepStats s = m_loop.step(m_batches, *m_learner, m_rng);
    if (onStep) onStep(s);
    return s;
}

StepStats TripletTrainer::runEpoch(const CancelFlag* cancel)
{
    const long epoch = m_loop.epochs();
    StepStats s;
    while (m_loop.epochs() == epoch) {
        if (cancel && cancel->requested()) break;
        s = step();
        if (s.diverged) break;
    }
    return s;
}

Tensor TripletTrainer::embed(const Tensor& images, const CancelFlag* cancel)
{
    adaptThreads();
    DL_CHECK(images.rank() == 4, "embed: images must be (N, C, H, W)");
    const int n = images.dim(0);
    Tensor out({m_setup.dim, n});
    constexpr int kChunk = 256;
    std::vector<int> idx;
    for (int b = 0; b < n; b += kChunk) {
        if (cancel && cancel->requested()) break;
        const int count = std::min(kChunk, n - b);
        idx.resize(size_t(count));
        for (int i = 0; i < count; ++i) idx[size_t(i)] = b + i;
        out.mat().middleCols(b, count) = m_model.forward(gatherExamples(images, idx), Mode::Eval).mat();
    }
    return out;
}

const Tensor& TripletTrainer::heldOutEncodings(const CancelFlag* cancel)
{
    if (m_heldOutFStep != m_loop.steps()) {
        m_heldOutF = embed(m_heldOut.images, cancel);
        m_heldOutFStep = cancel && cancel->requested() ? -1 : m_loop.steps();
    }
    return m_heldOutF;
}

OneShotResult TripletTrainer::oneShot(int draws, const CancelFlag* cancel)
{
    const Tensor& f = heldOutEncodings(cancel);
    const std::vector<int>& labels = m_heldOut.labels;
    std::vector<std::vector<int>> byClass(m_setup.heldOut.size());
    for (int i = 0; i < m_heldOut.size(); ++i)
        for (size_t k = 0; k < m_setup.heldOut.size(); ++k)
            if (labels[size_t(i)] == m_setup.heldOut[k]) byClass[k].push_back(i);
    OneShotResult r;
    r.chance = 1.f / float(byClass.size());
    Rng rng(m_setup.seed + 7); // the same enrolments every call
    double sum = 0;
    for (int d = 0; d < draws; ++d) {
        std::vector<int> enrolled;
        for (const auto& members : byClass) enrolled.push_back(members[size_t(rng.uniformInt(0, int(members.size()) - 1))]);
        int correct = 0, queries = 0;
        for (int i = 0; i < m_heldOut.size(); ++i) {
            if (std::find(enrolled.begin(), enrolled.end(), i) != enrolled.end()) continue;
            size_t best = 0;
            float bestD = 0;
            for (size_t k = 0; k < enrolled.size(); ++k) { // COURSE.md §9: the nearest encoding names it
                const float dist = (f.mat().col(i) - f.mat().col(enrolled[k])).squaredNorm();
                if (k == 0 || dist < bestD) bestD = dist, best = k;
            }
            correct += labels[size_t(i)] == m_setup.heldOut[best];
            ++queries;
        }
        sum += double(correct) / std::max(1, queries);
        r.queries = queries;
        ++r.draws;
    }
    r.accuracy = r.draws ? float(sum / r.draws) : 0.f;
    return r;
}

namespace {

// Balanced pairs (half same class, half different) of the columns of f by label: features |fᵢ − fⱼ| (D, M)
// and targets 1 (same) / 0 (different) (1, M).
void pairFeatures(const Tensor& f, const std::vector<int>& labels, int pairs, Rng& rng, Tensor& x, Tensor& y)
{
    std::vector<std::vector<int>> byClass;
    std::vector<int> classOf;
    for (size_t i = 0; i < labels.size(); ++i) {
        auto it = std::find(classOf.begin(), classOf.end(), labels[i]);
        if (it == classOf.end()) classOf.push_back(labels[i]), byClass.emplace_back();
        byClass[size_t(std::find(classOf.begin(), classOf.end(), labels[i]) - classOf.begin())].push_back(int(i));
    }
    const int k = int(byClass.size());
    x = Tensor({f.dim(0), pairs});
    y = Tensor({1, pairs});
    auto pick = [&](int c) { return byClass[size_t(c)][size_t(rng.uniformInt(0, int(byClass[size_t(c)].size()) - 1))]; };
    for (int m = 0; m < pairs; ++m) {
        const bool same = m % 2 == 0;
        const int ca = rng.uniformInt(0, k - 1);
        int cb = ca;
        if (!same) cb = (ca + rng.uniformInt(1, k - 1)) % k;
        const int a = pick(ca);
        int b = pick(cb);
        for (int tries = 0; same && b == a && tries < 8; ++tries) b = pick(cb);
        x.mat().col(m) = (f.mat().col(a) - f.mat().col(b)).cwiseAbs();
        y[size_t(m)] = same ? 1.f : 0.f;
    }
}

} // namespace

float TripletTrainer::pairClassifierAccuracy(int pairs, const CancelFlag* cancel)
{
    Rng rng(m_setup.seed + 11);
    // The trained classes' encodings: up to 300 images of each.
    std::vector<int> idx, count(size_t(m_train->classes), 0);
    for (int i = 0; i < m_train->size(); ++i)
        if (count[size_t(m_train->labels[size_t(i)])]++ < 300) idx.push_back(i);
    std::vector<int> trainLabels;
    for (int i : idx) trainLabels.push_back(m_train->labels[size_t(i)]);
    const Tensor ftrain = embed(gatherExamples(m_train->images, idx), cancel);
    const Tensor& fheld = heldOutEncodings(cancel);
    if (cancel && cancel->requested()) return 0.f;
    Tensor x, y, xt, yt;
    pairFeatures(ftrain, trainLabels, pairs, rng, x, y);
    pairFeatures(fheld, m_heldOut.labels, pairs / 2, rng, xt, yt);
    // A logistic unit (COURSE.md §1) on the shared loop: Dense D→1, sigmoid + cross-entropy.
    ModelSpec spec;
    spec.inputs = m_setup.dim;
    spec.hidden = {};
    spec.outputs = 1;
    Sequential logistic = buildModel<float>(spec, rng);
    auto loss = makeLoss<float>(LossKind::BinaryCrossEntropy);
    SequentialLearner learner(logistic, *loss);
    Hyperparams h;
    h.lr = 0.05f, h.opt.kind = OptKind::Adam, h.batch = 128;
    TrainLoop loop(logistic.params(), h);
    ColumnBatches batches(x, y, h.batch);
    loop.run(batches, learner, rng, [&] { return loop.epochs() < 30; }, cancel);
    const Tensor z = logistic.forward(xt, Mode::Eval);
    int correct = 0;
    for (int m = 0; m < z.dim(1); ++m) correct += (z[size_t(m)] > 0.f) == (yt[size_t(m)] > 0.5f);
    return float(correct) / float(std::max(1, z.dim(1)));
}

} // namespace dl
