// SPDX-License-Identifier: MIT
// Initialisation in depth (core/dynamics/init_study.h): the per-layer spreads by hand on a 2-2-1 network
// with set weights, and the claims on the default network (10 ReLU layers of 16, GD α 0.01) on moons
// (1 000 steps) and on Fashion-MNIST's pixels (300 images, 500 steps): zeros stay at chance, ×10 explodes, He
// beats random ×0.01; the spreads' trend per
// initialisation — ×0.01 shrinks the activations by more than 10× a layer and its gradients vanish, ×10 grows
// them by more than 10× a layer, He keeps them within a factor of 0.6–1.25 a layer and its gradients within
// 10× of each other, Xavier (made for tanh) shrinks ReLU activations faster than He.
#include "core/data/dataset.h"
#include "core/dynamics/init_study.h"
#include "core/train/trainer.h"
#include "core/util/error.h"
#include "tests/require_files.h"

#include <QtTest>
#include <cmath>

namespace {

double stdOf(std::vector<double> v)
{
    double m = 0, s = 0;
    for (double x : v) m += x;
    m /= double(v.size());
    for (double x : v) s += (x - m) * (x - m);
    return std::sqrt(s / double(v.size()));
}

double perLayer(const std::vector<double>& s) // the geometric mean ratio of consecutive layers
{
    return std::pow(s.back() / s.front(), 1.0 / double(s.size() - 1));
}

} // namespace

class TstInitStudy : public QObject {
    Q_OBJECT
    // The claims on a finished study of the five inits at depth 10: zeros and ×0.01 at `chance`
    // (the majority class's share; at most `atMost`), ×10 diverged or no better, He at least `margin` above
    // ×0.01; the spreads' trend per init at step 0 (see the top of the file).
    static void checkClaims(dl::InitStudy& study, double chance, double atMost, double margin)
    {
        while (study.advance()) {
        }
        QCOMPARE(study.progress(), 1.0);
        const auto& o = study.outcomes();
        QCOMPARE(o.size(), size_t(5));
        auto of = [&](dl::Init i) -> const dl::InitOutcome& {
            for (const dl::InitOutcome& x : o)
                if (x.init == i) return x;
            throw std::runtime_error("missing");
        };
        const auto &zeros = of(dl::Init::Zeros), &small = of(dl::Init::Small), &large = of(dl::Init::Large);
        const auto &xavier = of(dl::Init::Xavier), &he = of(dl::Init::He);
        qInfo("train accuracy: zeros %.3f, ×0.01 %.3f, ×10 %s, Xavier %.3f, He %.3f", zeros.trainAccuracy,
              small.trainAccuracy, large.diverged ? "diverged" : qPrintable(QString::number(large.trainAccuracy)),
              xavier.trainAccuracy, he.trainAccuracy);
        QVERIFY(zeros.trainAccuracy >= chance - 0.01 && zeros.trainAccuracy <= atMost);
        QVERIFY(small.trainAccuracy <= atMost);
        QVERIFY(large.diverged || large.trainAccuracy <= atMost + 0.05);
        QVERIFY(he.trainAccuracy >= small.trainAccuracy + margin);
        QCOMPARE(he.start.activation.size(), size_t(10));
        for (size_t l = 1; l < 10; ++l) {
            QVERIFY(small.start.activation[l] < 0.1 * small.start.activation[l - 1]);
            QVERIFY(large.start.activation[l] > 10 * large.start.activation[l - 1]);
        }
        qInfo("activation spread a layer: ×0.01 %.3g, ×10 %.3g, Xavier %.3g, He %.3g", perLayer(small.start.activation),
              perLayer(large.start.activation), perLayer(xavier.start.activation), perLayer(he.start.activation));
        QVERIFY(perLayer(he.start.activation) > 0.6 && perLayer(he.start.activation) < 1.25);
        QVERIFY(perLayer(xavier.start.activation) < perLayer(he.start.activation));
        // the histograms show it: ×0.01's last layer sits about 15 decades left of its first (0.1 a layer…
        // the mean log10|a| per layer), ×10's about 9 to the right; He's stay within a decade
        auto meanLog = [](const dl::LayerSpreads& s, size_t l) {
            double m = 0, w = 0;
            for (int b = 0; b < dl::kHistBins; ++b) {
                const double c = s.histogram[l][size_t(b)];
                m += c * (dl::kHistLo + (b + 0.5) * dl::kHistStep), w += c;
            }
            return m / w;
        };
        QVERIFY(meanLog(small.start, 9) < meanLog(small.start, 0) - 8);
        QVERIFY(meanLog(large.start, 9) > meanLog(large.start, 0) + 5);
        QVERIFY(std::abs(meanLog(he.start, 9) - meanLog(he.start, 0)) < 1);
        const auto [lo, hi] = std::minmax_element(he.start.gradient.begin(), he.start.gradient.end());
        QVERIFY(*lo > 0 && *hi < 10 * *lo);
        for (double g : small.start.gradient) QVERIFY(g < 1e-10);
        for (double g : large.start.gradient) QVERIFY(g > 1e6);
        for (double a : zeros.start.activation) QCOMPARE(a, 0.0);
    }

  private slots:
    void spreadsByHand()
    {
        // x₁ = (1, 0) label 1, x₂ = (0, 1) label 0; W₁ = [[1, −1], [0.5, 2]], b₁ = 0, ReLU; W₂ = [1, −1], b₂ = 0,
        // sigmoid + cross-entropy (mean over the 2 points).
        dl::Dataset2D d;
        d.add(1, 0, 1), d.add(0, 1, 0);
        dl::ModelSpec ms;
        ms.hidden = {2};
        ms.activation = dl::Act::ReLU;
        dl::Hyperparams h;
        h.lr = 0.1f;
        dl::Trainer t(ms, h, dl::Split{d, {}}, 1);
        const std::vector<dl::Param*> p = t.model().params();
        const float w1[4] = {1, -1, 0.5f, 2}, w2[2] = {1, -1};
        for (int i = 0; i < 4; ++i) p[0]->value[size_t(i)] = w1[i];
        p[1]->value.setZero();
        for (int i = 0; i < 2; ++i) p[2]->value[size_t(i)] = w2[i];
        p[3]->value.setZero();
        const dl::LayerSpreads s = dl::measureSpreads(t);
        QCOMPARE(s.activation.size(), size_t(1));
        // Z₁ = W₁X: x₁ → (1, 0.5), x₂ → (−1, 2); A₁ = ReLU: (1, 0.5), (0, 2).
        QVERIFY(std::abs(s.activation[0] - stdOf({1, 0.5, 0, 2})) < 1e-6);
        // the log histogram: one zero in four; log10 1 = 0, log10 0.5 = −0.30, log10 2 = 0.30 → bins of
        // width 0.5 from −20: 0 and 0.30 in bin 40, −0.30 in bin 39
        QCOMPARE(s.zeros[0], 0.25);
        QCOMPARE(s.histogram[0].size(), size_t(dl::kHistBins));
        QCOMPARE(s.histogram[0][40], 0.5);
        QCOMPARE(s.histogram[0][39], 0.25);
        // z₂ = W₂A₁: x₁ 0.5, x₂ −2; dz₂ = (σ(z₂) − y)/2; dA₁ = W₂ᵀdz₂; dZ₁ = dA₁ ⊙ (Z₁ > 0); dW₁ = dZ₁Xᵀ.
        auto sig = [](double z) { return 1 / (1 + std::exp(-z)); };
        const double g1 = (sig(0.5) - 1) / 2, g2 = sig(-2) / 2;
        // x₁: dZ₁ = (g1, −g1) (both units on); x₂: (0, −g2 · (−1)) … unit 0 off (z = −1), unit 1 on: −1·g2.
        const double dW[4] = {g1 * 1, 0, -g1 * 1, -g2 * 1}; // rows: units; columns: x, y
        QVERIFY2(std::abs(s.gradient[0] - stdOf({dW[0], dW[1], dW[2], dW[3]})) < 1e-6,
                 qPrintable(QString("%1 vs %2").arg(s.gradient[0]).arg(stdOf({dW[0], dW[1], dW[2], dW[3]}))));
        // dL/dW's: one zero in four (dW[1]), the others in their bins, all of them counted
        QCOMPARE(s.gradientZeros[0], 0.25);
        double counted = s.gradientZeros[0];
        for (double c : s.gradientHistogram[0]) counted += c;
        QVERIFY(std::abs(counted - 1) < 1e-12);
        QVERIFY(s.gradientHistogram[0][size_t(std::floor((std::log10(std::abs(dW[3])) + 20) / 0.5))] > 0);
        for (dl::Param* q : t.model().params()) QCOMPARE(q->grad.mat().cwiseAbs().maxCoeff(), 0.f); // left clean
    }

    void depthTenClaims()
    {
        dl::InitStudySpec spec;
        spec.steps = 1000; // the lab's default is 2 000; 1 000 already shows it, in half the CI time
        dl::InitStudy study{spec};
        checkClaims(study, 0.5, 0.55, 0.3);
        const dl::StudyReport r = study.report();
        QCOMPARE(r.panels.size(), size_t(6)); // step 0, after (and now), the live histograms: of activations and dL/dW
        QCOMPARE(r.table.size(), size_t(6));
        QVERIFY(QString::fromStdString(r.note).contains("10 hidden layers of 16 ReLU units on moons (300 points)"));
    }

    void fashionMnistClaims()
    {
        // The same network on Fashion-MNIST's pixels: 784 inputs, 10 softmax outputs, its first 300 test
        // images, 500 steps. Zeros and ×0.01 stay at the majority class's share (13 % of those 300), ×10
        // explodes, He learns (67 % here).
        DL_NEEDS_FILES(QStringList{QString(dl::kFashionMnistDir) + "/t10k-images-idx3-ubyte.gz"},
                       "Debian's dataset-fashion-mnist, installed by scripts/setup.sh");
        dl::InitStudySpec spec;
        spec.dataset = "fashion-mnist", spec.examples = 300, spec.steps = 500;
        dl::InitStudy study{spec};
        checkClaims(study, 0.13, 0.14, 0.3);
        QVERIFY(QString::fromStdString(study.report().note).contains("Fashion-MNIST (its first 300 test images, 784 pixels"));
        spec.fashionDir = "/nonexistent/fashion";
        try {
            dl::InitStudy missing{spec};
            QFAIL("no error");
        } catch (const dl::IoError& e) {
            QVERIFY2(QString(e.what()).contains("dataset-fashion-mnist"), e.what());
        }
    }

    void badSettingsAreOneSentence()
    {
        auto fails = [](auto change, const char* says) {
            dl::InitStudySpec s;
            change(s);
            try {
                dl::InitStudy study(s);
                QFAIL("no error");
            } catch (const dl::ConfigError& e) {
                QVERIFY2(QString(e.what()).contains(says), e.what());
            }
        };
        fails([](dl::InitStudySpec& s) { s.depth = 0; }, "depth");
        fails([](dl::InitStudySpec& s) { s.width = 9999; }, "width");
        fails([](dl::InitStudySpec& s) { s.inits.clear(); }, "at least one");
        fails([](dl::InitStudySpec& s) { s.hyper.lr = -1; }, "learning rate");
    }
};

QTEST_APPLESS_MAIN(TstInitStudy)
#include "tst_init_study.moc"
