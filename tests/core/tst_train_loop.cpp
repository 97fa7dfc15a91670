// SPDX-License-Identifier: MIT
// The one training loop with what the next labs need from it: a training set that grows between rounds
// (labelling), state carried from one batch to the next with truncated backpropagation (COURSE.md §12),
// batches built from the model's own outputs (in-batch triplet mining, COURSE.md §9), and the one
// divergence rule. The learners here are tiny hand-written models, so every number can be checked.
#include "core/train/batch_source.h"
#include "core/train/train_loop.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <set>

namespace {

dl::Hyperparams gd(float lr)
{
    dl::Hyperparams h;
    h.lr = lr;
    h.opt.kind = dl::OptKind::GD;
    return h;
}

dl::Param scalar(const char* name, float v)
{
    dl::Param p;
    p.name = name;
    p.value = dl::Tensor({1, 1});
    p.value[0] = v;
    p.grad = dl::Tensor({1, 1});
    return p;
}

// ŷ = w·x, J = 1/(2m) Σ (ŷ − y)²; records the x of every batch it is given.
struct LineLearner : dl::Learner {
    dl::Param w = scalar("w", 0.f);
    std::vector<std::vector<float>> seen;
    const dl::Batch* last = nullptr;
    float forward(const dl::Batch& b) override
    {
        last = &b;
        seen.emplace_back(b.x->data(), b.x->data() + b.count);
        double j = 0;
        for (int i = 0; i < b.count; ++i) j += std::pow(w.value[0] * (*b.x)[size_t(i)] - (*b.y)[size_t(i)], 2);
        return static_cast<float>(j / (2.0 * b.count));
    }
    void backward() override // dJ/dw = 1/m Σ (w·x − y)·x
    {
        double g = 0;
        for (int i = 0; i < last->count; ++i) {
            const float x = (*last->x)[size_t(i)];
            g += (w.value[0] * x - (*last->y)[size_t(i)]) * x;
        }
        w.grad[0] += static_cast<float>(g / last->count);
    }
};

dl::Tensor row(std::vector<float> v)
{
    dl::Tensor t({1, static_cast<int>(v.size())});
    for (size_t i = 0; i < v.size(); ++i) t[i] = v[i];
    return t;
}

// One long sequence cut into windows of T steps: x_t is the input, y_t = x_{t−1} the target (the model must
// remember one step back, across window boundaries too). The first window of each pass starts fresh.
struct Windows : dl::BatchSource {
    std::vector<float> seq;
    int T = 4, pos = 0;
    dl::Tensor x, y;
    dl::Batch next(dl::Rng&) override
    {
        x.resize({1, T});
        y.resize({1, T});
        for (int t = 0; t < T; ++t) {
            x[size_t(t)] = seq[size_t(pos + t)];
            y[size_t(t)] = pos + t > 0 ? seq[size_t(pos + t - 1)] : 0.f;
        }
        dl::Batch b;
        b.x = &x, b.y = &y, b.count = T, b.carry = pos > 0;
        b.endsEpoch = pos + T >= static_cast<int>(seq.size());
        return b;
    }
    void commit(const dl::Batch& b) override { pos = b.endsEpoch ? 0 : pos + T; }
    int size() const override { return static_cast<int>(seq.size()); }
};

// h_t = tanh(a·h_{t−1} + u·x_t), ŷ_t = v·h_t, J = 1/(2T) Σ (ŷ_t − y_t)². The state h carries to the next
// window when the batch says carry, as a constant: backpropagation stops at the window's start (TBPTT).
struct ScalarRnn : dl::Learner {
    dl::Param a = scalar("a", 0.5f), u = scalar("u", 0.8f), v = scalar("v", 0.3f);
    float carried = 0.f;            // h at the end of the last trained window
    std::vector<float> startStates; // h_0 of every window trained
    std::vector<float> h, xs, ys;
    float h0 = 0.f;
    float forward(const dl::Batch& b) override
    {
        h0 = b.carry ? carried : 0.f;
        startStates.push_back(h0);
        const int T = b.count;
        h.assign(size_t(T), 0.f);
        xs.assign(b.x->data(), b.x->data() + T);
        ys.assign(b.y->data(), b.y->data() + T);
        double j = 0;
        float prev = h0;
        for (int t = 0; t < T; ++t) {
            prev = h[size_t(t)] = std::tanh(a.value[0] * prev + u.value[0] * xs[size_t(t)]);
            j += std::pow(v.value[0] * prev - ys[size_t(t)], 2);
        }
        carried = prev;
        return static_cast<float>(j / (2.0 * T));
    }
    void backward() override // backpropagation through the window's time steps, h_0 held fixed
    {
        const int T = static_cast<int>(h.size());
        float dh = 0.f;
        for (int t = T - 1; t >= 0; --t) {
            const float e = (v.value[0] * h[size_t(t)] - ys[size_t(t)]) / float(T);
            v.grad[0] += e * h[size_t(t)];
            dh += e * v.value[0];
            const float dz = dh * (1.f - h[size_t(t)] * h[size_t(t)]);
            const float hp = t > 0 ? h[size_t(t - 1)] : h0;
            a.grad[0] += dz * hp;
            u.grad[0] += dz * xs[size_t(t)];
            dh = dz * a.value[0];
        }
    }
};

// Embeddings e = W·x (2 × 2). Triplet loss (Schroff et al. 2015, COURSE.md §9):
// J = 1/m Σ max(0, ‖e_a − e_p‖² − ‖e_a − e_n‖² + margin). The batch holds anchors, positives and
// negatives as consecutive column blocks (2, 3m).
struct Embedder : dl::Learner {
    dl::Param W;
    float margin = 0.5f;
    dl::Tensor e, x;
    int m = 0;
    Embedder()
    {
        W.name = "W";
        W.value = dl::Tensor({2, 2});
        W.value[0] = 1.f, W.value[1] = 0.f, W.value[2] = 0.f, W.value[3] = 0.05f;
        W.grad = dl::Tensor({2, 2});
    }
    dl::Tensor embed(const dl::Tensor& in) const
    {
        dl::Tensor out({2, in.dim(1)});
        out.mat() = W.value.mat() * in.mat();
        return out;
    }
    static float dist2(const dl::Tensor& t, int i, int j)
    {
        return static_cast<float>((t.mat().col(i) - t.mat().col(j)).squaredNorm());
    }
    float forward(const dl::Batch& b) override
    {
        x = *b.x;
        m = b.count;
        e = embed(x);
        double j = 0;
        for (int i = 0; i < m; ++i) j += std::max(0.f, dist2(e, i, m + i) - dist2(e, i, 2 * m + i) + margin);
        return static_cast<float>(j / m);
    }
    void backward() override
    {
        dl::Tensor de({2, 3 * m});
        for (int i = 0; i < m; ++i) {
            if (dist2(e, i, m + i) - dist2(e, i, 2 * m + i) + margin <= 0.f) continue;
            const Eigen::Vector2f ap = e.mat().col(i) - e.mat().col(m + i);
            const Eigen::Vector2f an = e.mat().col(i) - e.mat().col(2 * m + i);
            de.mat().col(i) += 2.f * (ap - an) / float(m);
            de.mat().col(m + i) += -2.f * ap / float(m);
            de.mat().col(2 * m + i) += 2.f * an / float(m);
        }
        W.grad.mat() += de.mat() * x.mat().transpose();
    }
};

// Points of two identities that differ only in their second coordinate (the first is noise). For each
// anchor of identity 0 the source picks, among all points of identity 1, the one nearest to the anchor in
// the model's current embedding: the hardest negative (in-batch mining).
struct MinedTriplets : dl::BatchSource {
    const Embedder* model = nullptr;
    dl::Tensor points; // (2, 2k): identity 0 first, then identity 1
    int k = 0;
    std::vector<int> chosen; // negatives of the last batch
    dl::Tensor x;
    dl::Batch next(dl::Rng&) override
    {
        const dl::Tensor e = model->embed(points);
        x.resize({2, 3 * k});
        chosen.assign(size_t(k), -1);
        for (int i = 0; i < k; ++i) {
            int best = k;
            for (int n = k; n < 2 * k; ++n)
                if (Embedder::dist2(e, i, n) < Embedder::dist2(e, i, best)) best = n;
            chosen[size_t(i)] = best;
            x.mat().col(i) = points.mat().col(i);
            x.mat().col(k + i) = points.mat().col((i + 1) % k); // another point of the same identity
            x.mat().col(2 * k + i) = points.mat().col(best);
        }
        dl::Batch b;
        b.x = &x, b.count = k, b.endsEpoch = true;
        return b;
    }
    void commit(const dl::Batch&) override {}
    int size() const override { return 2 * k; }
};

} // namespace

class TstTrainLoop : public QObject {
    Q_OBJECT
  private slots:
    void gdStepByHand()
    {
        // x = (1, 2), y = (2, 4), w = 0: J = (4 + 16)/4 = 5, dJ/dw = −(2 + 8)/2 = −5, w ← 0 − 0.1·(−5) = 0.5.
        LineLearner l;
        dl::ColumnBatches src(row({1, 2}), row({2, 4}), 0);
        dl::TrainLoop loop({&l.w}, gd(0.1f));
        dl::Rng rng(1);
        const dl::StepStats s = loop.step(src, l, rng);
        QCOMPARE(s.cost, 5.f);
        QCOMPARE(l.w.value[0], 0.5f);
        QCOMPARE(l.w.grad[0], 0.f); // zeroed after the update
        QCOMPARE(s.step, 1L);
        QCOMPARE(s.epoch, 1L); // the full batch is a pass
    }

    void growingTrainingSet()
    {
        // Ten examples in batches of 4 (4, 4, 2), then ten more are labelled: the next pass covers all 20
        // exactly once, and the step count, epoch count and optimizer go on.
        LineLearner l;
        std::vector<float> xs(10), ys(10);
        for (int i = 0; i < 10; ++i) xs[size_t(i)] = float(i), ys[size_t(i)] = 2.f * float(i);
        dl::ColumnBatches src(row(xs), row(ys), 4);
        dl::Hyperparams h = gd(0.001f);
        h.opt.kind = dl::OptKind::Adam;
        dl::TrainLoop loop({&l.w}, h);
        dl::Rng rng(3);
        loop.run(src, l, rng, [&] { return loop.epochs() < 1; });
        QCOMPARE(loop.steps(), 3L);
        std::multiset<float> first;
        for (const auto& b : l.seen) first.insert(b.begin(), b.end());
        QCOMPARE(first.size(), size_t(10));
        QCOMPARE(std::set<float>(first.begin(), first.end()).size(), size_t(10));

        std::vector<float> more(10), moreY(10);
        for (int i = 0; i < 10; ++i) more[size_t(i)] = float(10 + i), moreY[size_t(i)] = 2.f * float(10 + i);
        src.append(row(more), row(moreY));
        QCOMPARE(src.size(), 20);
        l.seen.clear();
        loop.run(src, l, rng, [&] { return loop.epochs() < 2; });
        QCOMPARE(loop.steps(), 8L); // 3 + ⌈20/4⌉
        QCOMPARE(loop.optimizer().steps(), 8L);
        std::multiset<float> second;
        for (const auto& b : l.seen) second.insert(b.begin(), b.end());
        QCOMPARE(second.size(), size_t(20));
        QCOMPARE(std::set<float>(second.begin(), second.end()).size(), size_t(20));
        QCOMPARE(*second.rbegin(), 19.f);
    }

    void carriedStateTruncatedBackprop()
    {
        Windows src;
        for (int i = 0; i < 12; ++i) src.seq.push_back(std::sin(0.7f * float(i)));
        ScalarRnn rnn;
        dl::TrainLoop loop({&rnn.a, &rnn.u, &rnn.v}, gd(0.5f));
        std::vector<float> ends;
        loop.onGradients = [&] { ends.push_back(rnn.carried); };
        dl::Rng rng(1);
        loop.run(src, rnn, rng, [&] { return loop.epochs() < 2; });
        // Three windows a pass: each starts from the state the previous one ended with, and a pass starts at 0.
        QCOMPARE(loop.steps(), 6L);
        QCOMPARE(rnn.startStates.size(), size_t(6));
        for (size_t i = 0; i < 6; ++i) {
            if (i % 3 == 0)
                QCOMPARE(rnn.startStates[i], 0.f);
            else
                QCOMPARE(rnn.startStates[i], ends[i - 1]);
        }
        QVERIFY(rnn.startStates[1] != 0.f);

        // The gradient the learner gives is the window's cost differentiated with h_0 a constant: compare
        // with central differences of J(θ) on the second window at its carried h_0 (double-precision J).
        src.pos = 4;
        rnn.carried = ends[0];
        const dl::Batch b = src.next(rng);
        const float h0 = rnn.carried;
        rnn.forward(b);
        rnn.backward();
        for (dl::Param* p : {&rnn.a, &rnn.u, &rnn.v}) {
            const float g = p->grad[0], keep = p->value[0], eps = 1e-3f;
            p->value[0] = keep + eps;
            rnn.carried = h0;
            const double jp = rnn.forward(b);
            p->value[0] = keep - eps;
            rnn.carried = h0;
            const double jm = rnn.forward(b);
            p->value[0] = keep;
            const double numeric = (jp - jm) / (2.0 * eps);
            QVERIFY2(std::abs(numeric - g) < 1e-3 * std::max(1.0, std::abs(numeric)),
                     qPrintable(QString::fromStdString(p->name) + QString(": %1 vs %2").arg(g).arg(numeric)));
        }
    }

    void inBatchTripletMining()
    {
        // Identity 0 at y = 0, identity 1 at y = 1; x is noise. At first W squashes y (0.05), so the
        // hardest negative of each anchor is the identity-1 point nearest in x. Training makes W weigh y
        // and the cost falls to 0 (every triplet satisfies the margin).
        Embedder model;
        MinedTriplets src;
        src.model = &model;
        src.k = 4;
        src.points = dl::Tensor({2, 8});
        const float xs[8] = {0.f, 1.f, 2.f, 3.f, 2.9f, 0.1f, 1.1f, 2.1f};
        for (int i = 0; i < 8; ++i) src.points.mat()(0, i) = xs[i], src.points.mat()(1, i) = i < 4 ? 0.f : 1.f;
        dl::TrainLoop loop({&model.W}, gd(0.05f));
        dl::Rng rng(1);
        const dl::StepStats first = loop.step(src, model, rng);
        QCOMPARE(src.chosen, (std::vector<int>{5, 6, 7, 4})); // nearest in x: 0.1, 1.1, 2.1, 2.9
        QVERIFY(first.cost > 0.f);
        dl::StepStats s = first;
        for (int i = 0; i < 400 && s.cost > 0.f; ++i) s = loop.step(src, model, rng);
        QCOMPARE(s.cost, 0.f);
        QVERIFY(std::abs(model.W.value.mat()(1, 1)) > 0.05f); // it learned to look at y
    }

    void divergenceMakesNoUpdate()
    {
        // One rule: a NaN cost makes no update and the source stays on the same batch.
        struct NanLearner : LineLearner {
            bool nan = true;
            float forward(const dl::Batch& b) override
            {
                const float j = LineLearner::forward(b);
                return nan ? std::numeric_limits<float>::quiet_NaN() : j;
            }
        } l;
        dl::ColumnBatches src(row({1, 2, 3, 4, 5, 6}), row({1, 2, 3, 4, 5, 6}), 2);
        dl::TrainLoop loop({&l.w}, gd(0.1f));
        dl::Rng rng(5);
        const dl::StepStats s = loop.step(src, l, rng);
        QVERIFY(s.diverged);
        QCOMPARE(s.step, 0L);
        QCOMPARE(loop.steps(), 0L);
        QCOMPARE(l.w.value[0], 0.f);
        QCOMPARE(src.order().position(), 0);
        l.nan = false;
        loop.step(src, l, rng);
        QCOMPARE(l.seen[1], l.seen[0]); // the batch that diverged is the one trained next
        QCOMPARE(src.order().position(), 2);
        QCOMPARE(std::string(dl::divergenceMessage(s)).substr(0, 44),
                 std::string("Training stopped at step 1: the cost became "));
    }

    void badProgressIsRefused()
    {
        dl::EpochOrder o;
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, o.set(4, 2, {0, 1, 1, 3}));
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, o.set(4, 5, {0, 1, 2, 3}));
        o.set(4, 2, {3, 2, 1, 0});
        QCOMPARE(o.position(), 2);
    }
};

QTEST_GUILESS_MAIN(TstTrainLoop)
#include "tst_train_loop.moc"
