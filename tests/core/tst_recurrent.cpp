// SPDX-License-Identifier: MIT
// The sequence core (COURSE.md §11): each cell against the course's formulas written out by hand for one
// step; every parameter, the input and the carried state of each cell gradient-checked in double against
// central differences, over several steps and sequences; the stacked character model checked the same way;
// the vocabulary on UTF-8 (Chinese included); the batches of both corpus modes; sampling.
#include "core/seq/char_trainer.h"
#include "core/train/gradcheck.h"

#include <QtTest>
#include <cmath>
#include <set>
#include <tuple>

namespace {

using dl::ColMat;

double sig(double z)
{
    return 1 / (1 + std::exp(-z));
}

ColMat<double> randomMat(int r, int c, dl::Rng& rng)
{
    ColMat<double> m(r, c);
    for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = rng.normal();
    return m;
}

double relDiff(const dl::TensorD& a, const dl::TensorD& b)
{
    return (a.arr() - b.arr()).matrix().norm() / (a.arr().matrix().norm() + b.arr().matrix().norm() + 1e-300);
}

dl::TensorD asTensor(const ColMat<double>& m)
{
    dl::TensorD t({static_cast<int>(m.size())});
    for (Eigen::Index i = 0; i < m.size(); ++i) t[static_cast<size_t>(i)] = m.data()[i];
    return t;
}

} // namespace

class TstRecurrent : public QObject {
    Q_OBJECT
  private slots:
    // n = 1, one input, one step: the course's formulas with numbers.
    void oneStepByHand_data()
    {
        QTest::addColumn<int>("cell");
        QTest::newRow("rnn") << int(dl::CellKind::RNN);
        QTest::newRow("gru") << int(dl::CellKind::GRU);
        QTest::newRow("lstm") << int(dl::CellKind::LSTM);
    }
    void oneStepByHand()
    {
        QFETCH(int, cell);
        const auto kind = static_cast<dl::CellKind>(cell);
        dl::RecurrentT<double> r(kind, 1, 1);
        const int G = dl::gateCount(kind);
        // gate g's row: [w_a, w_x] = [0.5 − 0.2 g, 1 + 0.3 g], bias 0.1 g
        for (int g = 0; g < G; ++g) {
            r.weight().value[static_cast<size_t>(2 * g)] = 0.5 - 0.2 * g;
            r.weight().value[static_cast<size_t>(2 * g + 1)] = 1 + 0.3 * g;
            r.bias().value[static_cast<size_t>(g)] = 0.1 * g;
        }
        const double a0 = 0.3, c0 = -0.4, x = 0.7;
        ColMat<double> X(1, 1), s0(r.stateRows(), 1);
        X(0, 0) = x;
        s0(0, 0) = a0;
        if (kind == dl::CellKind::LSTM) s0(1, 0) = c0;
        r.forward(X, 1, 1, s0);
        auto pre = [&](int g, double aIn) { return (0.5 - 0.2 * g) * aIn + (1 + 0.3 * g) * x + 0.1 * g; };
        double a = 0, c = 0;
        if (kind == dl::CellKind::RNN) {
            a = std::tanh(pre(0, a0)); // a = tanh(Waa a⟨0⟩ + Wax x + ba)
        } else if (kind == dl::CellKind::GRU) {
            const double u = sig(pre(1, a0)), rr = sig(pre(2, a0));
            const double ct = std::tanh(pre(0, rr * a0)); // c̃ = tanh(Wc [Γr c⟨0⟩, x] + bc)
            a = u * ct + (1 - u) * a0;
        } else {
            const double ct = std::tanh(pre(0, a0)), u = sig(pre(1, a0)), f = sig(pre(2, a0)), o = sig(pre(3, a0));
            c = u * ct + f * c0;
            a = o * std::tanh(c);
        }
        QVERIFY(std::abs(r.outputs()(0, 0) - a) < 1e-15);
        if (kind == dl::CellKind::LSTM) QVERIFY(std::abs(r.finalState()(1, 0) - c) < 1e-15);
        // step() (sampling) computes the same.
        ColMat<double> zx, st = s0;
        r.inputPart(X, zx);
        r.step(zx, st);
        QVERIFY(std::abs(st(0, 0) - a) < 1e-15);
    }

    // L = Σ_t Σ a⟨t⟩ ⊙ R + Σ finalState ⊙ Q: dW, db, dX and the path through every step, in double.
    // B = 1 with T > 4 takes the one-sequence path (small_gemv.h) and T = 3 Eigen's products; a zero start
    // state (empty s0) skips the first step's recurrent product.
    void gradientCheck_data()
    {
        QTest::addColumn<int>("cell");
        QTest::addColumn<bool>("ids");
        QTest::addColumn<int>("T");
        QTest::addColumn<int>("B");
        QTest::addColumn<bool>("zeroStart");
        for (int k = 0; k < 3; ++k)
            for (bool ids : {false, true})
                for (auto [T, B, zero] : {std::tuple{5, 2, false}, {5, 1, false}, {5, 1, true}, {3, 1, true}, {5, 2, true}})
                    QTest::newRow(qPrintable(QString("%1%2 T%3 B%4%5")
                                                 .arg(dl::cellName(dl::CellKind(k)), ids ? " ids" : "")
                                                 .arg(T)
                                                 .arg(B)
                                                 .arg(zero ? " zero start" : "")))
                        << k << ids << T << B << zero;
    }
    void gradientCheck()
    {
        QFETCH(int, cell);
        QFETCH(bool, ids);
        QFETCH(int, T);
        QFETCH(int, B);
        QFETCH(bool, zeroStart);
        const auto kind = static_cast<dl::CellKind>(cell);
        const int in = 4, n = 3;
        dl::Rng rng(11);
        dl::RecurrentT<double> r(kind, in, n);
        r.init(rng, 0.6);
        for (size_t i = 0; i < r.bias().value.size(); ++i) r.bias().value[i] = 0.3 * rng.normal();
        ColMat<double> X = randomMat(in, T * B, rng), s0 = randomMat(r.stateRows(), B, rng) * 0.5;
        if (zeroStart) s0.resize(0, 0);
        std::vector<int> symbols(static_cast<size_t>(T * B));
        for (size_t j = 0; j < symbols.size(); ++j) symbols[j] = j % 4 == 3 ? -1 : rng.uniformInt(0, in - 1);
        const ColMat<double> R = randomMat(n, T * B, rng);
        auto cost = [&] {
            if (ids)
                r.forwardIds(symbols, T, B, s0);
            else
                r.forward(X, T, B, s0);
            return (r.outputs().array() * R.array()).sum();
        };
        cost();
        for (auto* p : r.params()) p->grad.setZero();
        ColMat<double> dX;
        r.backward(R, ids ? nullptr : &dX);
        for (auto* p : r.params()) {
            const dl::TensorD analytic = p->grad;
            const dl::TensorD numeric = dl::numericGradient(p->value, cost);
            const double d = relDiff(analytic, numeric);
            QVERIFY2(d < 1e-7, qPrintable(QString("%1: %2").arg(QString::fromStdString(p->name)).arg(d)));
        }
        if (!ids) {
            dl::TensorD xs = asTensor(X);
            const dl::TensorD numeric = dl::numericGradient(xs, [&] {
                for (Eigen::Index i = 0; i < X.size(); ++i) X.data()[i] = xs[static_cast<size_t>(i)];
                return cost();
            });
            QVERIFY2(relDiff(asTensor(dX), numeric) < 1e-7, "dX");
        }
        // The total ∂L/∂a⟨t⟩ grows from the top step only through the recurrence: at the last step it is R.
        QVERIFY((r.stateGradients().rightCols(B) - R.rightCols(B)).norm() < 1e-12);
    }

    // The character model: two stacked layers, padded targets, a carried start state: every parameter;
    // with dropout between the layers and below the softmax (Zaremba et al. 2014), the masks held fixed.
    void charModelGradientCheck_data()
    {
        QTest::addColumn<int>("cell");
        QTest::addColumn<bool>("dropout");
        QTest::addColumn<int>("T");
        QTest::addColumn<int>("B");
        for (bool drop : {false, true})
            for (auto [T, B] : {std::pair{4, 3}, {6, 1}}) // B = 1: the course's one name per step
                for (int k = 0; k < 3; ++k)
                    QTest::newRow(qPrintable(QString("%1%2 T%3 B%4")
                                                 .arg(dl::cellName(dl::CellKind(k)), drop ? " dropout" : "")
                                                 .arg(T)
                                                 .arg(B)))
                        << k << drop << T << B;
    }
    void charModelGradientCheck()
    {
        QFETCH(int, cell);
        QFETCH(bool, dropout);
        QFETCH(int, T);
        QFETCH(int, B);
        const auto kind = static_cast<dl::CellKind>(cell);
        const int V = 6;
        dl::CharModelT<double> m({kind, V, 5, 2});
        dl::Rng rng(5);
        m.init(rng, 0.5);
        if (dropout) m.setDropout(0.6f, 9), m.holdMasks(true);
        std::vector<int> x(static_cast<size_t>(T * B)), y(x.size());
        for (size_t j = 0; j < x.size(); ++j) {
            x[j] = j < size_t(B) ? -1 : rng.uniformInt(0, V - 1);
            y[j] = j % 5 == 4 ? -1 : rng.uniformInt(0, V - 1); // some positions carry no loss
        }
        dl::CharModelT<double>::State start;
        for (int l = 0; l < 2; ++l) start.push_back(randomMat(m.layer(l).stateRows(), B, rng) * 0.3);
        auto cost = [&] { return m.forward(x, y, T, B, start); };
        cost();
        for (auto* p : m.params()) p->grad.setZero();
        m.backward();
        for (auto* p : m.params()) {
            const dl::TensorD analytic = p->grad;
            const double d = relDiff(analytic, dl::numericGradient(p->value, cost));
            QVERIFY2(d < 1e-7, qPrintable(QString("%1: %2").arg(QString::fromStdString(p->name)).arg(d)));
        }
    }

    // One sequence (B = 1, its own product path) computes what the same sequence does inside a batch: the
    // outputs, and the gradients (the batch holds it twice: twice the gradient).
    void oneSequenceMatchesBatched_data()
    {
        QTest::addColumn<int>("cell");
        for (int k = 0; k < 3; ++k) QTest::newRow(dl::cellName(dl::CellKind(k))) << k;
    }
    void oneSequenceMatchesBatched()
    {
        QFETCH(int, cell);
        const int in = 5, n = 7, T = 9;
        dl::Rng rng(3);
        dl::RecurrentT<double> one(dl::CellKind(cell), in, n), two(dl::CellKind(cell), in, n);
        one.init(rng, 0.5);
        for (size_t i = 0; i < one.bias().value.size(); ++i) one.bias().value[i] = 0.3 * rng.normal();
        two.weight().value = one.weight().value;
        two.bias().value = one.bias().value;
        const ColMat<double> X = randomMat(in, T, rng), R = randomMat(n, T, rng);
        ColMat<double> X2(in, 2 * T), R2(n, 2 * T);
        for (int t = 0; t < T; ++t) X2.col(2 * t) = X2.col(2 * t + 1) = X.col(t), R2.col(2 * t) = R2.col(2 * t + 1) = R.col(t);
        one.forward(X, T, 1, {});
        two.forward(X2, T, 2, {});
        for (int t = 0; t < T; ++t) QVERIFY((one.outputs().col(t) - two.outputs().col(2 * t + 1)).norm() < 1e-13);
        for (auto* p : one.params()) p->grad.setZero();
        for (auto* p : two.params()) p->grad.setZero();
        ColMat<double> dX, dX2;
        one.backward(R, &dX);
        two.backward(R2, &dX2);
        for (auto [p1, p2] : {std::pair{&one.weight(), &two.weight()}, {&one.bias(), &two.bias()}})
            QVERIFY((p1->grad.arr() * 2 - p2->grad.arr()).matrix().norm() < 1e-12 * p1->grad.arr().matrix().norm());
        for (int t = 0; t < T; ++t) QVERIFY((dX.col(t) - dX2.col(2 * t)).norm() < 1e-13);
    }

    // Dropout acts in Train mode only: Eval is repeatable and equals keep = 1; each Train forward draws new
    // masks (held masks repeat); about keep_prob of the units survive (inverted: the expectation is kept).
    void dropoutTrainOnly()
    {
        const int V = 5, T = 6, B = 4;
        dl::CharModelT<double> m({dl::CellKind::LSTM, V, 40, 2});
        dl::Rng rng(2);
        m.init(rng, 0.3);
        std::vector<int> x(static_cast<size_t>(T * B)), y(x.size());
        for (size_t j = 0; j < x.size(); ++j) x[j] = rng.uniformInt(0, V - 1), y[j] = rng.uniformInt(0, V - 1);
        const double plain = m.forward(x, y, T, B, {}, dl::Mode::Train);
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, m.setDropout(0.f, 1));
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, m.setDropout(1.5f, 1));
        m.setDropout(0.5f, 4);
        QCOMPARE(m.forward(x, y, T, B, {}, dl::Mode::Eval), plain);
        const double a = m.forward(x, y, T, B, {}, dl::Mode::Train);
        const double b = m.forward(x, y, T, B, {}, dl::Mode::Train);
        QVERIFY(a != plain && b != a);
        m.holdMasks(true);
        const double c = m.forward(x, y, T, B, {}, dl::Mode::Train);
        QCOMPARE(m.forward(x, y, T, B, {}, dl::Mode::Train), c);
        // Averaged over many draws, what the model predicts stays Eval's (inverted dropout: E[d / keep] = 1).
        m.holdMasks(false);
        dl::CharModelT<double> e({dl::CellKind::LSTM, V, 40, 1});
        dl::Rng r2(3);
        e.init(r2, 0.3);
        e.forward(x, y, T, B, {}, dl::Mode::Eval);
        const ColMat<double> p0 = e.probabilities();
        e.setDropout(0.5f, 8);
        ColMat<double> mean = ColMat<double>::Zero(p0.rows(), p0.cols());
        const int draws = 400;
        double oneDraw = 0;
        for (int i = 0; i < draws; ++i) {
            e.forward(x, y, T, B, {}, dl::Mode::Train);
            mean += e.probabilities() / draws;
            oneDraw = std::max(oneDraw, (e.probabilities() - p0).cwiseAbs().maxCoeff());
        }
        qInfo("one draw differs by up to %.4f, the mean of %d by %.4f", oneDraw, draws, (mean - p0).cwiseAbs().maxCoeff());
        QVERIFY2((mean - p0).cwiseAbs().maxCoeff() < oneDraw / 4, "dropout changed what the model predicts on average");
    }

    void vocabularyReadsUtf8()
    {
        const std::u32string text = dl::decodeUtf8("梯度下降\nabca\n", "notes.md");
        QCOMPARE(text.size(), size_t(10));
        const dl::CharVocab v = dl::CharVocab::fromText(text, 256);
        QCOMPARE(v.size(), 8); // \n a b c 梯 度 下 降, code-point order
        QCOMPARE(v.newline(), 0);
        QCOMPARE(v.id(U'a'), 1);
        QCOMPARE(v.label(v.id(U'梯')), std::string("梯"));
        QCOMPARE(dl::encodeUtf8(v.decode(v.encode(text))), std::string("梯度下降\nabca\n"));
        // Capped: the most frequent kept, the rest one <unk>.
        const dl::CharVocab small = dl::CharVocab::fromText(text, 3);
        QCOMPARE(small.size(), 3);
        QVERIFY(small.hasUnk());
        QCOMPARE(small.id(U'a'), 1);
        QCOMPARE(small.id(U'梯'), small.unk());
        QCOMPARE(small.label(small.unk()), std::string("<unk>"));
        for (const char* bad : {"ab\xff", "\xc0\xaf", "\xed\xa0\x80", "x\xe6\xa2"}) {
            try {
                dl::decodeUtf8(bad, "bad.txt");
                QFAIL(bad);
            } catch (const dl::FormatError& e) {
                QVERIFY2(QString(e.what()).startsWith("bad.txt: byte "), e.what());
            }
        }
    }

    void linesBatchesAreTheCoursesXandY()
    {
        const dl::CharCorpus c = dl::makeCorpus("Ab\nc\n\nabc\n", "d.txt", dl::CorpusMode::Lines, true);
        QCOMPARE(int(c.trainLines.size()), 3);
        QCOMPARE(c.vocab.size(), 4); // \n a b c
        dl::CharBatches b(c, 25, 1);
        dl::Rng rng(1);
        std::set<int> lengths;
        for (int i = 0; i < 3; ++i) {
            const dl::Batch batch = b.next(rng);
            const int T = batch.x->dim(0);
            lengths.insert(T);
            QCOMPARE((*batch.x)[0], -1.f); // x⟨1⟩ = 0
            for (int t = 1; t < T; ++t) QCOMPARE((*batch.x)[size_t(t)], (*batch.y)[size_t(t - 1)]);
            QCOMPARE((*batch.y)[size_t(T - 1)], 0.f); // '\n' ends the name
            QVERIFY(!batch.carry); // each name from a = 0
            QCOMPARE(batch.endsEpoch, i == 2);
            b.commit(batch);
        }
        QCOMPARE(lengths, (std::set<int>{2, 3, 4}));
    }

    void textBatchesCarryAcrossWindows()
    {
        const dl::CharCorpus c = dl::makeCorpus("abcdefghijklmnopqrstuvwxyz", "t.txt", dl::CorpusMode::Text, false, 256, 0);
        dl::CharBatches b(c, 4, 2); // tracks a..m and n..z, windows of 4
        QCOMPARE(b.windowsPerPass(), 3);
        dl::Rng rng(1);
        const dl::Batch first = b.next(rng);
        QVERIFY(!first.carry);
        QCOMPARE((*first.x)[0], float(c.vocab.id(U'a')));
        QCOMPARE((*first.x)[1], float(c.vocab.id(U'n')));
        QCOMPARE((*first.y)[0], float(c.vocab.id(U'b')));
        b.commit(first);
        const dl::Batch second = b.next(rng);
        QVERIFY(second.carry);
        QCOMPARE((*second.x)[0], float(c.vocab.id(U'e')));
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::CharBatches(c, 20, 2));
    }

    // The course's run on a few names: the loss falls, samples end with the end token or at the cap, a seed
    // repeats them, and a low temperature draws the most likely characters.
    void trainsAndSamples()
    {
        std::string names;
        for (const char* n : {"aurasaurus", "brachiosaurus", "tyrannosaurus", "stegosaurus", "velociraptor",
                              "triceratops", "ankylosaurus", "diplodocus"})
            names += std::string(n) + "\n";
        for (dl::CellKind kind : {dl::CellKind::RNN, dl::CellKind::GRU, dl::CellKind::LSTM}) {
            dl::CharRunSpec s = dl::courseDinosaurRun();
            s.cell = kind;
            s.hidden = 24;
            s.hyper.opt.kind = dl::OptKind::Adam;
            s.hyper.lr = 0.01f;
            dl::CharTrainer t(dl::makeCorpus(names, "n.txt", dl::CorpusMode::Lines, false), s);
            double first = 0, last = 0;
            for (int i = 0; i < 1500; ++i) {
                const dl::StepStats st = t.step();
                QVERIFY(!st.diverged);
                (i < 50 ? first : last) += t.lastLossPerChar();
            }
            first /= 50, last /= 1450;
            QVERIFY2(last < 0.5 * first, qPrintable(QString("%1: %2 → %3").arg(dl::cellName(kind)).arg(first).arg(last)));
            dl::SampleOptions o;
            const auto a = t.sample(5, o);
            for (const auto& x : a) QVERIFY(x.size() <= 50);
            o.temperature = 0.05;
            const auto cold = t.sample(3, o);
            QCOMPARE(cold[0], cold[1]); // nearly argmax: the same name each time
        }
    }
};

QTEST_APPLESS_MAIN(TstRecurrent)
#include "tst_recurrent.moc"
