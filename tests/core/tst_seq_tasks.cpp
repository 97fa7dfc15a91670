// SPDX-License-Identifier: MIT
// The notes' other architectures and the Sequence lab's experiments (COURSE.md §11): the bidirectional
// network by hand (two steps, both directions, the softmax and the loss), every parameter of every cell in
// one-way and bidirectional, one and two layers, many-to-one and per-step targets gradient-checked in
// double; the synthetic tasks' examples against their definitions (bracket tags by hand); and the studies on
// small budgets: the long-range claim (RNN behind LSTM at T = 50), vanishing gradients, bidirectional tagging,
// clipping, GRU vs LSTM parameter counts.
#include "core/seq/char_studies.h"
#include "core/seq/seq_studies.h"
#include "core/seq/unit_features.h"
#include "core/train/gradcheck.h"

#include <QtTest>
#include <cmath>

namespace {

double relDiff(const dl::TensorD& a, const dl::TensorD& b)
{
    return (a.arr() - b.arr()).matrix().norm() / (a.arr().matrix().norm() + b.arr().matrix().norm() + 1e-300);
}

dl::CharCorpus tinyNames()
{
    std::string text;
    for (const char* n : {"aachenosaurus", "abelisaurus", "brachiosaurus", "allosaurus", "diplodocus",
                          "stegosaurus", "triceratops", "velociraptor", "ankylosaurus", "iguanodon"})
        for (int k = 0; k < 3; ++k) text += std::string(n) + "\n";
    return dl::makeCorpus(text, "names", dl::CorpusMode::Lines, true);
}

} // namespace

class TstSeqTasks : public QObject {
    Q_OBJECT
  private slots:
    // RNN, n = 1, one symbol; forwards x = [1, 0] (id 0, then the zero vector), backwards the reverse.
    void bidirectionalByHand()
    {
        dl::SeqNetT<double> net({dl::CellKind::RNN, 1, 1, 2, 1, true});
        auto p = net.params(); // fwd W, b; bwd W, b; Wy, by
        QCOMPARE(p.size(), size_t(6));
        p[0]->value[0] = 0.5, p[0]->value[1] = 1.0;  // forwards [w_a, w_x]
        p[2]->value[0] = -0.4, p[2]->value[1] = 0.8; // backwards
        p[1]->value[0] = p[3]->value[0] = 0;
        const double Wy[2][2] = {{1, 2}, {-1, 0.5}}, by[2] = {0, 0.3};
        for (int r = 0; r < 2; ++r)
            for (int c = 0; c < 2; ++c) p[4]->value[static_cast<size_t>(r * 2 + c)] = Wy[r][c]; // row-major (C, 2n)
        p[5]->value[0] = by[0], p[5]->value[1] = by[1];
        const double J = net.forward({0, -1}, {1, 0}, 2, 1);
        // a→⟨1⟩ = tanh(1), a→⟨2⟩ = tanh(0.5 a→⟨1⟩); backwards from the end: a←⟨2⟩ = tanh(0) = 0,
        // a←⟨1⟩ = tanh(−0.4·0 + 0.8). ŷ⟨t⟩ = softmax(Wy [a→⟨t⟩, a←⟨t⟩] + by).
        const double f1 = std::tanh(1.0), f2 = std::tanh(0.5 * f1), b1 = std::tanh(0.8), b2 = 0;
        const double h[2][2] = {{f1, b1}, {f2, b2}};
        double expectJ = 0;
        for (int t = 0; t < 2; ++t) {
            double z[2];
            for (int k = 0; k < 2; ++k) z[k] = Wy[k][0] * h[t][0] + Wy[k][1] * h[t][1] + by[k];
            const double p1 = 1 / (1 + std::exp(z[0] - z[1]));
            QVERIFY(std::abs(net.probabilities()(1, t) - p1) < 1e-14);
            expectJ -= std::log(t == 0 ? p1 : 1 - p1);
        }
        QVERIFY(std::abs(J - expectJ / 2) < 1e-14);
        QCOMPARE(net.counted(), 2);
    }

    void gradientCheck_data()
    {
        QTest::addColumn<int>("cell");
        QTest::addColumn<bool>("bi");
        QTest::addColumn<int>("depth");
        QTest::addColumn<bool>("lastOnly");
        for (int k = 0; k < 3; ++k)
            for (bool bi : {false, true})
                for (int depth : {1, 2})
                    for (bool last : {false, true})
                        QTest::newRow(qPrintable(QString("%1 %2 depth %3 %4")
                                                     .arg(dl::cellName(dl::CellKind(k)), bi ? "bi" : "one-way")
                                                     .arg(depth)
                                                     .arg(last ? "many-to-one" : "tagging")))
                            << k << bi << depth << last;
    }
    void gradientCheck()
    {
        QFETCH(int, cell);
        QFETCH(bool, bi);
        QFETCH(int, depth);
        QFETCH(bool, lastOnly);
        dl::SeqNetT<double> net({dl::CellKind(cell), 5, 4, 3, depth, bi});
        dl::Rng rng(5);
        net.init(rng, 0.7, 0.5);
        const int T = 4, B = 2;
        std::vector<int> x(T * B), y(T * B, -1);
        for (int j = 0; j < T * B; ++j) {
            x[static_cast<size_t>(j)] = j == 3 ? -1 : rng.uniformInt(0, 4);
            if (!lastOnly || j >= (T - 1) * B) y[static_cast<size_t>(j)] = rng.uniformInt(0, 2);
        }
        auto cost = [&] { return net.forward(x, y, T, B); };
        cost();
        for (auto* p : net.params()) p->grad.setZero();
        net.backward();
        for (auto* p : net.params()) {
            const double d = relDiff(p->grad, dl::numericGradient(p->value, cost));
            QVERIFY2(d < 1e-7, qPrintable(QString("%1: %2").arg(QString::fromStdString(p->name)).arg(d)));
        }
    }

    // Features by hand, and the correlation of units built from them: +1, −1, 0 for a constant unit.
    void unitFeaturesByHand()
    {
        const std::u32string text = U"ab \"cd\" e\nfg";
        QCOMPARE(dl::textFeature(text, dl::TextFeature::Vowel),
                 (std::vector<double>{1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0}));
        QCOMPARE(dl::textFeature(text, dl::TextFeature::InsideQuotes),
                 (std::vector<double>{0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0}));
        QCOMPARE(dl::textFeature(text, dl::TextFeature::LinePosition),
                 (std::vector<double>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1}));
        QCOMPARE(dl::textFeature(text, dl::TextFeature::Space),
                 (std::vector<double>{0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0}));
        const std::vector<double> f = dl::textFeature(text, dl::TextFeature::LinePosition);
        std::vector<std::vector<float>> hidden;
        for (double v : f) hidden.push_back({0.5f, static_cast<float>(-0.1 * v), static_cast<float>(0.2 * v + 1)});
        const std::vector<double> r = dl::unitCorrelations(hidden, f);
        QCOMPARE(r.size(), size_t(3));
        QCOMPARE(r[0], 0.0);
        QVERIFY(std::abs(r[1] + 1) < 1e-6 && std::abs(r[2] - 1) < 1e-6);
        QVERIFY(dl::strongestUnit(r) == 1 || dl::strongestUnit(r) == 2);
        QCOMPARE(dl::strongestUnit({}), -1);
    }

    void reverseRoundTrip()
    {
        const std::vector<int> ids{1, 2, 3, 4, 5, 6}; // T = 3, B = 2
        QCOMPARE(dl::reverseSteps(ids, 3, 2), (std::vector<int>{5, 6, 3, 4, 1, 2}));
        QCOMPARE(dl::reverseSteps(dl::reverseSteps(ids, 3, 2), 3, 2), ids);
    }

    // "a(b(cd)e)(f": the first "(" is replaced by the second, whose pair holds c, d; the last never closes.
    void bracketTagsByHand()
    {
        const std::string text = "a(b(cd)e)(f", sym = dl::taskSymbols(dl::SeqTaskKind::Brackets);
        std::vector<int> ids;
        for (char c : text) ids.push_back(static_cast<int>(sym.find(c)));
        QCOMPARE(dl::bracketTags(ids), (std::vector<int>{0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0}));
    }

    void examplesFollowTheirDefinitions()
    {
        dl::Rng rng(3);
        const dl::SeqTaskSpec remember{dl::SeqTaskKind::Remember, 12};
        dl::SeqExamples e = dl::makeTaskExamples(remember, 16, rng);
        QCOMPARE(e.steps, 13);
        for (int b = 0; b < 16; ++b) {
            QCOMPARE(e.ids[static_cast<size_t>(12 * 16 + b)], 8);                               // "?"
            QCOMPARE(e.targets[static_cast<size_t>(12 * 16 + b)], e.ids[static_cast<size_t>(b)]); // the first
            for (int t = 0; t < 12; ++t) QCOMPARE(e.targets[static_cast<size_t>(t * 16 + b)], -1);
        }
        const dl::SeqTaskSpec majority{dl::SeqTaskKind::Majority, 9};
        e = dl::makeTaskExamples(majority, 16, rng);
        for (int b = 0; b < 16; ++b) {
            int count[3] = {0, 0, 0};
            for (int t = 0; t < 9; ++t) ++count[e.ids[static_cast<size_t>(t * 16 + b)]];
            const int y = e.targets[static_cast<size_t>(8 * 16 + b)];
            for (int k = 0; k < 3; ++k)
                if (k != y) QVERIFY(count[y] > count[k]);
        }
        const dl::SeqTaskSpec brackets{dl::SeqTaskKind::Brackets, 20};
        e = dl::makeTaskExamples(brackets, 8, rng);
        for (int b = 0; b < 8; ++b) {
            std::vector<int> ids, tags;
            for (int t = 0; t < 20; ++t)
                ids.push_back(e.ids[static_cast<size_t>(t * 8 + b)]), tags.push_back(e.targets[static_cast<size_t>(t * 8 + b)]);
            QCOMPARE(tags, dl::bracketTags(ids));
        }
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::makeTaskExamples({dl::SeqTaskKind::Remember, 0}, 1, rng));
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::parseTask("copy"));
    }

    // The claim on a small budget: LSTM and GRU ≥ 95 % at T = 20, RNN ≥ 95 % at T = 5 and at least 20
    // points behind LSTM at T = 50 (the gated cells' points the mean of three seeds, the RNN's of nine: its
    // runs at T = 50 are bimodal — a seed latches, 100 %, or stalls — so three seeds' mean swung from 35 % to
    // 84 % between builds and seeds; nine seeds' means ran 41–68 % over seeds 1–24 in the Release build).
    void longRangeClaim()
    {
        using dl::CellKind;
        // Only the points the claim names, each its own study (the full grid is `dlcli seqstudy`'s), on the
        // small budget CI affords under ASan: at most 1 000 steps a run, the gated cells' memory opened wider
        // (forget bias 5: the LSTM learns T = 50 in 500–600 steps instead of 1 200–1 700 at 3).
        auto run = [](std::vector<CellKind> cells, std::vector<int> spans, int seeds = 3) {
            dl::LongRangeSpec s;
            s.cells = std::move(cells), s.spans = std::move(spans);
            s.seeds = seeds;
            s.maxSteps = 1000;
            s.run.forgetBias = 5;
            auto study = std::make_unique<dl::LongRangeStudy>(s);
            while (study->advance()) {
            }
            return study;
        };
        const auto rnn = run({CellKind::RNN}, {5, 50}, 9);
        const auto gated = run({CellKind::GRU, CellKind::LSTM}, {20});
        const auto lstm = run({CellKind::LSTM}, {50});
        const double rnn5 = rnn->accuracy(CellKind::RNN, 5), rnn50 = rnn->accuracy(CellKind::RNN, 50);
        const double gru20 = gated->accuracy(CellKind::GRU, 20), lstm20 = gated->accuracy(CellKind::LSTM, 20);
        const double lstm50 = lstm->accuracy(CellKind::LSTM, 50);
        qInfo("RNN T=5 %.3f, T=50 %.3f; GRU T=20 %.3f; LSTM T=20 %.3f, T=50 %.3f", rnn5, rnn50, gru20, lstm20, lstm50);
        QVERIFY(rnn5 >= 0.95);
        QVERIFY(gru20 >= 0.95 && lstm20 >= 0.95);
        QVERIFY(lstm50 - rnn50 >= 0.20);
        const dl::StudyReport r = rnn->report();
        QCOMPARE(r.panels.size(), size_t(1));
        QCOMPARE(r.panels[0].curves.size(), size_t(1));
        QCOMPARE(r.panels[0].curves[0].x, (std::vector<double>{5, 50}));
        QCOMPARE(r.table.size(), size_t(1 + 2));
        QCOMPARE(gated->accuracy(CellKind::RNN, 20), -1.0); // not in that study
    }

    // At initialisation the plain RNN's ‖∂L/∂a⟨t⟩‖ 50 steps back is a vanishing fraction of its value at the
    // loss; the gated cells keep orders of magnitude more.
    void gradientsVanishInThePlainRnn()
    {
        dl::GradientFlowStudy study{dl::GradientFlowSpec{}};
        while (study.advance()) {
        }
        const auto& n = study.norms();
        QCOMPARE(n.size(), size_t(3));
        QCOMPARE(n[0].size(), size_t(51)); // distances 0..50
        const double rnn = n[0].back() / n[0].front(), gru = n[1].back() / n[1].front(),
                     lstm = n[2].back() / n[2].front();
        qInfo("ratio 50 steps back: RNN %.3g, GRU %.3g, LSTM %.3g", rnn, gru, lstm);
        QVERIFY(rnn < 1e-5);
        QVERIFY(gru > 100 * rnn && lstm > 100 * rnn);
        for (size_t d = 1; d < n[0].size(); ++d) QVERIFY(n[0][d] < n[0][d - 1]); // shrinks at every step back
    }

    // Whether a bracket closes lies ahead: the bidirectional network tags almost perfectly, the one-way cannot.
    void bidirectionalWinsTagging()
    {
        dl::TaskRaceSpec s = dl::taggingRace(dl::CellKind::LSTM);
        s.steps = 400;
        dl::TaskRaceStudy study(s);
        while (study.advance()) {
        }
        const double one = study.finalAccuracy(0), bi = study.finalAccuracy(1);
        qInfo("tagging: one-way %.3f, bidirectional %.3f", one, bi);
        QVERIFY(bi >= 0.97);
        QVERIFY(bi - one >= 0.05);
    }

    // The same run without and with clipping: the clipped run's gradient never exceeds what the unclipped one
    // reaches, and the report names both.
    void clippingStudy()
    {
        dl::ClippingSpec s;
        s.steps = 300;
        dl::ClippingStudy study(tinyNames(), s);
        while (study.advance()) {
        }
        QVERIFY(!study.gradientNorms(1).empty());
        const double most0 = study.divergedAt(0) ? INFINITY
                                                 : *std::max_element(study.gradientNorms(0).begin(), study.gradientNorms(0).end());
        qInfo("largest gradient norm: without clipping %.3g (diverged at %ld), with %.3g", most0, study.divergedAt(0),
              *std::max_element(study.gradientNorms(1).begin(), study.gradientNorms(1).end()));
        QCOMPARE(study.divergedAt(1), 0L);
        const dl::StudyReport r = study.report();
        QCOMPARE(r.panels.size(), size_t(2));
        QVERIFY(r.panels[0].logY);
        QCOMPARE(r.panels[0].curves[1].name, std::string("clip ±5"));
    }

    // GRU vs LSTM: the parameter counts of the notes' cells, 3 and 4 gates: G·n·(n + V) + G·n + V·n + V.
    void cellRaceCountsAndTimes()
    {
        const dl::CharCorpus c = tinyNames();
        dl::CellRaceSpec s;
        s.steps = 30, s.evalEvery = 10;
        s.run.hidden = 8;
        dl::CellRaceStudy study(c, s);
        while (study.advance()) {
        }
        const int V = c.vocab.size(), n = 8;
        const dl::StudyReport r = study.report();
        QCOMPARE(r.table.size(), size_t(3));
        QCOMPARE(r.table[1][0], std::string("GRU"));
        QCOMPARE(r.table[1][1], std::to_string(3 * n * (n + V) + 3 * n + V * n + V));
        QCOMPARE(r.table[2][1], std::to_string(4 * n * (n + V) + 4 * n + V * n + V));
        QVERIFY(study.seconds(0) > 0 && study.seconds(1) > 0);
        QCOMPARE(r.panels[0].curves[0].x.size(), size_t(4)); // at 0 and every 10 steps
        QVERIFY(std::isfinite(study.devLoss(0)) && std::isfinite(study.devLoss(1)));
    }
};

QTEST_APPLESS_MAIN(TstSeqTasks)
#include "tst_seq_tasks.moc"
