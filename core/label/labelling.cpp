// SPDX-License-Identifier: MIT
#include "core/label/labelling.h"

#include "core/data/dataset.h"
#include "core/layers/registry.h"
#include "core/losses/loss.h"
#include "core/train/batch_source.h"
#include "core/train/image_trainer.h"
#include "core/train/train_loop.h"
#include "core/util/cancel.h"
#include "core/util/error.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace dl {

namespace {

const char* const kNames[] = {"random", "least-confident", "margin", "entropy", "committee", "self-training", "weak"};

// Column i of x (pixels, n) appended to `out` (rows, m).
Tensor gather(const Tensor& x, const std::vector<int>& idx)
{
    const size_t rows = size_t(x.dim(0)), n = size_t(x.dim(1)), m = idx.size();
    Tensor out({int(rows), int(m)});
    for (size_t r = 0; r < rows; ++r)
        for (size_t j = 0; j < m; ++j) out[r * m + j] = x[r * n + size_t(idx[j])];
    return out;
}

// Softmax of each column of logits (K, n), in place (COURSE.md §4, softmax).
void softmaxColumns(Tensor& z)
{
    const size_t k = size_t(z.dim(0)), n = size_t(z.dim(1));
    for (size_t j = 0; j < n; ++j) {
        float top = z[j];
        for (size_t c = 1; c < k; ++c) top = std::max(top, z[c * n + j]);
        double sum = 0;
        for (size_t c = 0; c < k; ++c) sum += (z[c * n + j] = std::exp(z[c * n + j] - top));
        for (size_t c = 0; c < k; ++c) z[c * n + j] = float(z[c * n + j] / sum);
    }
}

// Mean class probabilities over the columns of p (classes, n).
std::vector<double> meanProbabilities(const Tensor& p)
{
    const size_t k = size_t(p.dim(0)), n = size_t(p.dim(1));
    std::vector<double> mean(k, 0.0);
    for (size_t c = 0; c < k; ++c) {
        for (size_t j = 0; j < n; ++j) mean[c] += p[c * n + j];
        mean[c] /= double(std::max<size_t>(1, n));
    }
    return mean;
}

} // namespace

// A model trained on the current training set: the registry's MLP (or softmax regression), Adam, the shared
// loop; its initial weights and batch order from `seed`.
struct LabelSession::Model {
    Rng rng;
    Sequential net;
    std::unique_ptr<LossT<float>> loss;
    int classes;
    Model(const LabelSpec& s, const LabelData& d, std::uint32_t seed) : rng(seed), classes(d.classes)
    {
        ModelSpec ms;
        ms.inputs = d.pixels(), ms.outputs = d.classes, ms.hidden = s.hidden;
        ms.activation = Act::ReLU, ms.init = ms.hidden.empty() ? Init::Zeros : Init::He;
        net = buildModel<float>(ms, rng);
        loss = makeLoss<float>(LossKind::SoftmaxCrossEntropy);
    }
    void fit(const LabelSpec& s, const Tensor& x, const std::vector<int>& y, const CancelFlag* cancel)
    {
        Hyperparams h;
        h.lr = s.lr, h.opt.kind = OptKind::Adam, h.batch = s.miniBatch;
        SequentialLearner learner(net, *loss);
        TrainLoop loop(net.params(), h);
        ColumnBatches batches(x, oneHot(y, classes), h.batch);
        const long steps = long(s.epochs) * ((x.dim(1) + s.miniBatch - 1) / s.miniBatch);
        for (long i = 0; i < steps; ++i) {
            if (cancel && cancel->requested()) throw Cancelled();
            loop.step(batches, learner, rng);
        }
    }
    std::vector<float> shift; // subtracted from each class's logit (matchPoolPrior)
    Tensor probabilities(const Tensor& x)
    {
        Tensor z = net.forward(x, Mode::Eval);
        const size_t n = size_t(z.dim(1));
        for (size_t c = 0; c < shift.size(); ++c)
            for (size_t j = 0; j < n; ++j) z[c * n + j] -= shift[c];
        softmaxColumns(z);
        return z;
    }
    // Weak votes cover a few classes, so a model trained on them learns those classes' share of its training
    // set as a prior and claims their neighbours' pictures. The prior is put back (Saerens, Latinne &
    // Decaestecker 2002, "Adjusting the outputs of a classifier to new a priori probabilities"): each class's
    // logit is shifted by log(mean p_c / target_c) until the model's mean probabilities over the unlabelled
    // pool equal `target`, the seed model's (trained on equal counts a class); no hidden label is used.
    void matchPoolPrior(const Tensor& poolX, const std::vector<double>& target)
    {
        shift.assign(target.size(), 0.f);
        for (int it = 0; it < 10; ++it) {
            const std::vector<double> mean = meanProbabilities(probabilities(poolX));
            for (size_t c = 0; c < target.size(); ++c)
                shift[c] += float(std::log(std::max(mean[c], 1e-12) / std::max(target[c], 1e-12)));
        }
    }
};

double queryScore(Strategy s, const std::vector<float>& p)
{
    float first = 0, second = 0;
    double entropy = 0;
    for (float v : p) {
        if (v > first) second = first, first = v;
        else if (v > second) second = v;
        if (v > 0) entropy -= v * std::log(double(v));
    }
    if (s == Strategy::LeastConfident) return 1.0 - first;
    if (s == Strategy::Margin) return -(double(first) - second);
    return entropy;
}

const char* strategyName(Strategy s)
{
    return kNames[int(s)];
}

std::optional<Strategy> strategyFromName(const std::string& name)
{
    for (int i = 0; i < 7; ++i)
        if (name == kNames[i]) return Strategy(i);
    return std::nullopt;
}

std::vector<Strategy> allStrategies()
{
    return {Strategy::Random,    Strategy::LeastConfident, Strategy::Margin, Strategy::Entropy,
            Strategy::Committee, Strategy::SelfTraining,   Strategy::Weak};
}

LabelSession::LabelSession(const LabelSpec& s, std::shared_ptr<const LabelData> data)
    : m_spec(s), m_data(std::move(data)), m_annotators(s.annotators, m_data->classes, s.seed), m_rng(s.seed)
{
    const LabelData& d = *m_data;
    if (d.classes < 2 || d.poolSize() < 1) throw ConfigError("labelling needs at least two classes and one picture");
    const bool person = d.poolTruth[0] < 0; // loadPicturePool: a person answers, no seed is drawn
    if (!person && (s.labelledPerClass < 1 || s.labelledPerClass * d.classes > d.poolSize() / 2))
        throw ConfigError("the seed must hold 1 to " + std::to_string(d.poolSize() / 2 / d.classes) +
                          " labelled images a class (half the pool at most)");
    if (s.rounds < 0 || s.rounds > 1000) throw ConfigError("the rounds must be between 0 and 1 000");
    if (!person && (s.batch < 1 || s.batch > d.poolSize())) throw ConfigError("a round buys 1 to " + std::to_string(d.poolSize()) + " labels");
    if (s.committee < 2 || s.committee > 15) throw ConfigError("a committee has 2 to 15 models");
    if (!(s.threshold > 0 && s.threshold <= 1)) throw ConfigError("the self-training threshold must be in (0, 1]");
    if (s.epochs < 1 || s.epochs > 1000) throw ConfigError("the epochs must be between 1 and 1 000");
    if (s.miniBatch < 1 || !(s.lr > 0)) throw ConfigError("the mini-batch and the learning rate must be positive");
    if (s.weakPerClass < 0) throw ConfigError("the weak labels a class must be 0 (all) or more");
    if (s.strategy == Strategy::Weak) {
        m_rules = parseRules(s.rules, d.classNames, s.rulesName);
        if (m_rules.empty()) throw ConfigError("the weak strategy needs rules (--rules FILE, one a line)");
    }
    // The inputs centred on the pool's mean picture (COURSE.md §2, normalising inputs): a pool whose classes
    // differ in overall brightness is otherwise learned through the bias alone, which Adam moves one α a step
    // while the 784 weights move together.
    const size_t px = size_t(d.poolX.dim(0)), n = size_t(d.poolSize());
    std::vector<float> mean(px, 0.f);
    for (size_t p = 0; p < px; ++p) {
        double sum = 0;
        for (size_t j = 0; j < n; ++j) sum += d.poolX[p * n + j];
        mean[p] = float(sum / double(n));
    }
    m_poolX = d.poolX, m_testX = d.testX;
    for (Tensor* t : {&m_poolX, &m_testX}) {
        const size_t m = t->size() / std::max<size_t>(1, px);
        for (size_t p = 0; p < px && m > 0; ++p)
            for (size_t j = 0; j < m; ++j) (*t)[p * m + j] -= mean[p];
    }
    m_label.assign(size_t(d.poolSize()), -1);
    m_human.assign(size_t(d.poolSize()), 0);
    m_pseudo.assign(size_t(d.poolSize()), 0);
}

LabelSession::~LabelSession() = default;

void LabelSession::train(const CancelFlag* cancel)
{
    const LabelData& d = *m_data;
    std::vector<int> idx, y;
    for (int i = 0; i < d.poolSize(); ++i)
        if (m_label[size_t(i)] >= 0) idx.push_back(i), y.push_back(m_label[size_t(i)]);
    Model m(m_spec, d, m_spec.seed);
    m.fit(m_spec, gather(m_poolX, idx), y, cancel);
    if (!m_poolPrior.empty()) m.matchPoolPrior(m_poolX, m_poolPrior);
    if (!d.testLabels.empty()) m_testAccuracy = accuracy(m.probabilities(m_testX), d.testLabels);
    m_poolProb = m.probabilities(m_poolX);
}

std::vector<int> LabelSession::wanted(int n, const CancelFlag* cancel)
{
    return query(size_t(std::max(0, n)), cancel);
}

int LabelSession::guess(int item) const
{
    if (!hasModel() || item < 0 || item >= m_data->poolSize()) return -1;
    const size_t k = size_t(m_data->classes), n = size_t(m_data->poolSize());
    size_t best = 0;
    for (size_t c = 1; c < k; ++c)
        if (m_poolProb[c * n + size_t(item)] > m_poolProb[best * n + size_t(item)]) best = c;
    return int(best);
}

void LabelSession::answer(int item, int label)
{
    if (item < 0 || item >= m_data->poolSize() || label < 0 || label >= m_data->classes)
        throw ConfigError("no such picture or class to label");
    if (hasModel()) m_agreed.push_back(guess(item) == label);
    m_label[size_t(item)] = label, m_human[size_t(item)] = 1, m_pseudo[size_t(item)] = 0;
    ++m_bought;
}

bool LabelSession::retrain(const CancelFlag* cancel)
{
    std::vector<char> seen(size_t(m_data->classes), 0);
    int classes = 0;
    for (size_t i = 0; i < m_label.size(); ++i)
        if (m_human[i] && !seen[size_t(m_label[i])]) seen[size_t(m_label[i])] = 1, ++classes;
    if (classes < 2) return false;
    train(cancel);
    return true;
}

std::vector<int> LabelSession::query(size_t want, const CancelFlag* cancel)
{
    const LabelData& d = *m_data;
    std::vector<int> candidates;
    for (int i = 0; i < d.poolSize(); ++i)
        if (!m_human[size_t(i)]) candidates.push_back(i);
    const size_t n = std::min(candidates.size(), want);
    const Strategy s = m_spec.strategy;
    if (s == Strategy::Random || s == Strategy::SelfTraining || s == Strategy::Weak || !hasModel()) {
        std::shuffle(candidates.begin(), candidates.end(), m_rng.engine());
        candidates.resize(n);
        return candidates;
    }
    std::vector<double> score(size_t(d.poolSize()), 0.0);
    if (s == Strategy::Committee) { // vote entropy over models trained on bootstrap samples (Seung et al. 1992)
        std::vector<int> train;
        for (int i = 0; i < d.poolSize(); ++i)
            if (m_label[size_t(i)] >= 0) train.push_back(i);
        std::vector<std::vector<int>> votes(size_t(d.poolSize()), std::vector<int>(size_t(d.classes), 0));
        for (int k = 0; k < m_spec.committee; ++k) {
            std::vector<int> sample, y;
            for (size_t j = 0; j < train.size(); ++j) {
                const int i = train[size_t(m_rng.uniformInt(0, int(train.size()) - 1))];
                sample.push_back(i), y.push_back(m_label[size_t(i)]);
            }
            Model m(m_spec, d, m_spec.seed + 1000u * std::uint32_t(k + 1));
                    m.fit(m_spec, gather(m_poolX, sample), y, cancel);
            const std::vector<int> said = predictedClasses(m.probabilities(m_poolX));
            for (int i : candidates) votes[size_t(i)][size_t(said[size_t(i)])]++;
        }
        for (int i : candidates)
            for (int v : votes[size_t(i)])
                if (v) score[size_t(i)] -= double(v) / m_spec.committee * std::log(double(v) / m_spec.committee);
    } else {
        const size_t k = size_t(d.classes), pool = size_t(d.poolSize());
        std::vector<float> p(k);
        for (int i : candidates) {
            for (size_t c = 0; c < k; ++c) p[c] = m_poolProb[c * pool + size_t(i)];
            score[size_t(i)] = queryScore(s, p);
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(), [&](int a, int b) { return score[size_t(a)] > score[size_t(b)]; });
    candidates.resize(n);
    return candidates;
}

void LabelSession::addPseudoLabels(LabelRound& r)
{
    const LabelData& d = *m_data;
    const size_t n = size_t(d.poolSize()), k = size_t(d.classes);
    for (size_t i = 0; i < n; ++i) {
        if (m_label[i] >= 0) continue;
        size_t best = 0;
        for (size_t c = 1; c < k; ++c)
            if (m_poolProb[c * n + i] > m_poolProb[best * n + i]) best = c;
        if (m_poolProb[best * n + i] < m_spec.threshold) continue;
        m_label[i] = int(best), m_pseudo[i] = 1;
        ++r.pseudoAdded, r.pseudoWrong += int(best) != d.poolTruth[i];
    }
}

void LabelSession::record()
{
    const LabelData& d = *m_data;
    LabelRound r;
    r.labelsBought = m_bought, r.testAccuracy = m_testAccuracy;
    int right = 0;
    for (int i = 0; i < d.poolSize(); ++i) {
        r.labelsUsed += m_human[size_t(i)];
        right += m_human[size_t(i)] && m_label[size_t(i)] == d.poolTruth[size_t(i)];
        r.weakUsed += !m_human[size_t(i)] && !m_pseudo[size_t(i)] && m_label[size_t(i)] >= 0;
    }
    r.labelAccuracy = r.labelsUsed ? double(right) / r.labelsUsed : 1;
    if (m_spec.strategy == Strategy::SelfTraining) addPseudoLabels(r); // they join the next round's training
    for (char p : m_pseudo) r.pseudoTotal += p;
    m_rounds.push_back(r);
}

bool LabelSession::step(const CancelFlag* cancel)
{
    if (done()) return false;
    const LabelData& d = *m_data;
    if (d.poolTruth[0] < 0) throw ConfigError("these pictures have no hidden labels to simulate annotators: answer them");
    if (m_rounds.empty()) { // the seed: labelledPerClass true labels of each class
        std::vector<int> order = m_rng.permutation(d.poolSize()), perClass(size_t(d.classes), 0), known;
        for (int i : order)
            if (perClass[size_t(d.poolTruth[size_t(i)])]++ < m_spec.labelledPerClass)
                m_label[size_t(i)] = d.poolTruth[size_t(i)], m_human[size_t(i)] = 1, ++m_bought, known.push_back(d.poolTruth[size_t(i)]);
        m_bought += m_annotators.screen(known);
        train(cancel);
        m_seedOnly = m_testAccuracy;
        if (m_spec.strategy == Strategy::Weak) {
            m_weak = applyRules(m_rules, d, &m_poolProb);
            m_poolPrior = meanProbabilities(m_poolProb);
            std::vector<int> taken(size_t(d.classes), 0);
            for (int i : m_rng.permutation(d.poolSize())) {
                const int w = m_weak->label[size_t(i)];
                if (m_human[size_t(i)] || w < 0 || (m_spec.weakPerClass > 0 && taken[size_t(w)] >= m_spec.weakPerClass)) continue;
                m_label[size_t(i)] = w, ++taken[size_t(w)];
            }
            train(cancel);
        }
        record();
        return !done();
    }
    m_lastQueried = query(size_t(m_spec.batch), cancel);
    const std::vector<int> guess = predictedClasses(m_poolProb);
    for (int i : m_lastQueried) {
        m_label[size_t(i)] = m_annotators.label(d.poolTruth[size_t(i)], guess[size_t(i)], m_bought);
        m_human[size_t(i)] = 1, m_pseudo[size_t(i)] = 0;
    }
    train(cancel);
    record();
    return !done();
}

} // namespace dl
