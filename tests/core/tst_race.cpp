// SPDX-License-Identifier: MIT
// The training-dynamics lab's loss surfaces and optimiser race (core/dynamics): every surface's gradient
// against central differences in double and zero at its minimum; three steps of GD, Momentum, RMSprop and
// Adam replayed by hand from the course's update rules (COURSE.md §4), and of the extras Nesterov (Sutskever
// et al. 2013, in the course's averaged form) and AdamW (Loshchilov & Hutter 2019); on the ill-conditioned valley the
// measured per-step contraction of GD and Momentum against each method's iteration-matrix spectral radius
// (Polyak 1964; Goh, "Why Momentum Really Works", Distill 2017) at GD's largest stable α and at an α where GD
// diverges and Momentum still converges; the same noisy race twice; bad settings as one sentence.
#include "core/dynamics/race.h"
#include "core/util/error.h"

#include <QtTest>
#include <cmath>
#include <complex>

namespace {

// The spectral radius of Momentum's iteration (x, v) → (x − αv′, v′ = βv + (1 − β)λx) on one eigen-direction
// λ of the Hessian: M = [[1 − α(1 − β)λ, −αβ], [(1 − β)λ, β]].
double momentumRadius(double alpha, double beta, double lambda)
{
    const double a = 1 - alpha * (1 - beta) * lambda, b = -alpha * beta, c = (1 - beta) * lambda, d = beta;
    const double tr = a + d, det = a * d - b * c;
    const std::complex<double> root = std::sqrt(std::complex<double>(tr * tr / 4 - det));
    return std::max(std::abs(tr / 2 + root), std::abs(tr / 2 - root));
}

// The mean contraction of the distance to the minimum (the origin) per step between steps k0 and k1.
double measuredRate(const dl::RacerState& s, size_t k0, size_t k1)
{
    const double d0 = std::hypot(s.pathX[k0], s.pathY[k0]), d1 = std::hypot(s.pathX[k1], s.pathY[k1]);
    return std::pow(d1 / d0, 1.0 / double(k1 - k0));
}

dl::RacerSpec racer(dl::OptKind k, float lr)
{
    dl::RacerSpec s;
    s.opt.kind = k;
    s.lr = lr;
    return s;
}

} // namespace

class TstRace : public QObject {
    Q_OBJECT
  private slots:
    void surfacesGradientsAndMinima()
    {
        for (dl::SurfaceKind k : dl::allSurfaces()) {
            dl::Surface f;
            f.kind = k;
            f.kappa = 7;
            const dl::SurfaceView v = f.view();
            QCOMPARE(dl::parseSurface(dl::surfaceName(k)), k);
            const double pts[][2] = {{v.startX, v.startY}, {0.3, -0.7}, {-1.1, 0.4}, {1.7, 1.3}};
            for (const auto& p : pts) {
                double gx, gy;
                f.gradient(p[0], p[1], gx, gy);
                const double h = 1e-6;
                const double nx = (f.value(p[0] + h, p[1]) - f.value(p[0] - h, p[1])) / (2 * h);
                const double ny = (f.value(p[0], p[1] + h) - f.value(p[0], p[1] - h)) / (2 * h);
                QVERIFY2(std::abs(gx - nx) <= 1e-6 * (1 + std::abs(nx)) && std::abs(gy - ny) <= 1e-6 * (1 + std::abs(ny)),
                         qPrintable(QString("%1 at %2,%3: %4,%5 vs %6,%7").arg(dl::surfaceName(k)).arg(p[0]).arg(p[1])
                                        .arg(gx).arg(gy).arg(nx).arg(ny)));
            }
            double gx, gy;
            f.gradient(v.minX, v.minY, gx, gy);
            QVERIFY2(std::abs(gx) < 1e-12 && std::abs(gy) < 1e-12, dl::surfaceName(k));
            QVERIFY(v.x0 < v.minX && v.minX < v.x1 && v.y0 < v.minY && v.minY < v.y1);
            QVERIFY(f.value(v.startX, v.startY) > f.value(v.minX, v.minY));
        }
        // By hand: the valley ½(x² + κy²) at (2, 1), κ = 7: f = 2 + 3.5, ∇f = (2, 7); Rosenbrock at (−1.5, 2):
        // (2.5)² + 100·(−0.25)² = 12.5.
        dl::Surface valley;
        valley.kappa = 7;
        QCOMPARE(valley.value(2, 1), 5.5);
        dl::Surface rosen;
        rosen.kind = dl::SurfaceKind::Rosenbrock;
        QCOMPARE(rosen.value(-1.5, 2), 12.5);
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::parseSurface("himmelblau"));
    }

    void logisticSurfaceByHand()
    {
        // Four examples x = 0, 1, 2, 3 with labels 0, 1, 0, 1: at (w, b) = (0, 0) every a = ½, so L = log 2 and
        // ∇ = (mean((a − y)x), mean(a − y)) = ((0 − 1 + 1 − 3)/2/4·… ) = (−0.25, 0) (COURSE.md §1 dz = a − y).
        dl::Surface f;
        f.kind = dl::SurfaceKind::Logistic;
        f.data = dl::makeLogisticData({0, 1, 2, 3}, {0, 1, 0, 1}, "by hand");
        QVERIFY(std::abs(f.value(0, 0) - std::log(2.0)) < 1e-15);
        double gw, gb;
        f.gradient(0, 0, gw, gb);
        QVERIFY(std::abs(gw - (-0.25)) < 1e-15 && std::abs(gb) < 1e-15);
        // Newton's minimum: the gradient vanishes there
        f.gradient(f.data->minW, f.data->minB, gw, gb);
        QVERIFY(std::abs(gw) < 1e-12 && std::abs(gb) < 1e-12);
        QVERIFY(f.data->minW > 0); // larger x, more often 1
        // separable classes have no minimum: one sentence
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::makeLogisticData({0, 1, 2, 3}, {0, 0, 1, 1}, "separable"));
        // Fashion-MNIST's sneakers against ankle boots (the lab's surface): about 2000 examples, a finite minimum
        const auto d = dl::fashionLogistic();
        QCOMPARE(d->x.size(), size_t(2000));
        QVERIFY(d->minW > 10 && d->minB < 0); // boots have more ink; the input is not normalised: a long valley
    }

    void threeStepsByHand()
    {
        // The valley with κ = 10 from (−2, 1), α = 0.05, the course's defaults (β 0.9, β₁ 0.9, β₂ 0.999,
        // ε 1e-8): each optimiser's three steps in double against the race's (float, the app's own optimisers).
        dl::Surface f;
        f.kappa = 10;
        // The constants as the optimisers hold them (floats: 1 − 0.999f is 1.3e-5 off 0.001, enough to move
        // RMSprop's first step by 1e-5).
        const double alpha = double(0.05f), beta = double(0.9f), b1 = double(0.9f), b2 = double(0.999f), eps = double(1e-8f);
        const double lambda = double(0.01f);
        for (dl::OptKind k : {dl::OptKind::GD, dl::OptKind::Momentum, dl::OptKind::RMSprop, dl::OptKind::Adam,
                              dl::OptKind::Nesterov, dl::OptKind::AdamW}) {
            dl::Race race(f, -2, 1, {racer(k, float(alpha))});
            double w[2] = {-2, 1}, v[2] = {0, 0}, s[2] = {0, 0};
            for (int t = 1; t <= 3; ++t) {
                const double g[2] = {w[0], f.kappa * w[1]};
                for (int a = 0; a < 2; ++a) {
                    switch (k) {
                    case dl::OptKind::GD: // W −= α dW
                        w[a] -= alpha * g[a];
                        break;
                    case dl::OptKind::Momentum: // v = βv + (1 − β)dW, W −= αv
                        v[a] = beta * v[a] + (1 - beta) * g[a], w[a] -= alpha * v[a];
                        break;
                    case dl::OptKind::RMSprop: // s = β₂s + (1 − β₂)dW², W −= α dW / (√s + ε)
                        s[a] = b2 * s[a] + (1 - b2) * g[a] * g[a], w[a] -= alpha * g[a] / (std::sqrt(s[a]) + eps);
                        break;
                    case dl::OptKind::Adam: // both, bias-corrected with t from 1
                        v[a] = b1 * v[a] + (1 - b1) * g[a], s[a] = b2 * s[a] + (1 - b2) * g[a] * g[a];
                        w[a] -= alpha * (v[a] / (1 - std::pow(b1, t))) / (std::sqrt(s[a] / (1 - std::pow(b2, t))) + eps);
                        break;
                    case dl::OptKind::Nesterov: // v = βv + (1 − β)dW, W −= α(βv + (1 − β)dW)
                        v[a] = beta * v[a] + (1 - beta) * g[a], w[a] -= alpha * (beta * v[a] + (1 - beta) * g[a]);
                        break;
                    case dl::OptKind::AdamW: // Adam's step and −αλW, λ from the weight before the step
                        v[a] = b1 * v[a] + (1 - b1) * g[a], s[a] = b2 * s[a] + (1 - b2) * g[a] * g[a];
                        w[a] -= alpha * ((v[a] / (1 - std::pow(b1, t))) / (std::sqrt(s[a] / (1 - std::pow(b2, t))) + eps) +
                                         lambda * w[a]);
                        break;
                    }
                }
                race.step();
                const dl::RacerState& st = race.state(0);
                QVERIFY2(std::abs(st.x - w[0]) < 1e-5 && std::abs(st.y - w[1]) < 1e-5,
                         qPrintable(QString("%1 step %2: (%3, %4) vs (%5, %6)").arg(dl::optName(k)).arg(t)
                                        .arg(st.x).arg(st.y).arg(w[0]).arg(w[1])));
                QVERIFY(std::abs(st.loss - f.value(st.x, st.y)) < 1e-12);
                if (k != dl::OptKind::GD && k != dl::OptKind::RMSprop)
                    QVERIFY(std::abs(st.first[1] - v[1]) < 1e-4 * (1 + std::abs(v[1])));
                if (k == dl::OptKind::RMSprop || k == dl::OptKind::Adam || k == dl::OptKind::AdamW)
                    QVERIFY(std::abs(st.second[1] - s[1]) < 1e-4 * (1 + std::abs(s[1])));
            }
            QCOMPARE(race.state(0).pathX.size(), size_t(4)); // the start and three steps
        }
    }

    void contractionMatchesTheSpectralRadius()
    {
        // The valley's Hessian is diag(1, κ): GD contracts each direction by |1 − αλ| a step, so at best by
        // ρ = max(|1 − α|, |1 − ακ|); it is stable for α < 2/κ. Momentum (the course's form) by the largest
        // |eigenvalue| of its 2 × 2 iteration per direction. κ = 10, β = 0.9.
        dl::Surface f;
        f.kappa = 10;
        const double beta = 0.9;
        struct Case {
            double alpha;
            bool gdConverges;
        };
        for (const Case c : {Case{0.99 * 2 / f.kappa, true}, Case{3 / f.kappa, false}}) {
            dl::Race race(f, -2, 1, {racer(dl::OptKind::GD, float(c.alpha)), racer(dl::OptKind::Momentum, float(c.alpha))});
            for (int t = 0; t < 120; ++t) race.step();
            const double gdRho = std::max(std::abs(1 - c.alpha), std::abs(1 - c.alpha * f.kappa));
            const double mRho = std::max(momentumRadius(c.alpha, beta, 1), momentumRadius(c.alpha, beta, f.kappa));
            // GD from a third of its path on (the dominant direction has taken over) to step 60, or to where a
            // divergent run left the plane (|y| > 1e6 after about 20 doublings).
            const size_t end = std::min<size_t>(60, race.state(0).pathX.size() - 1);
            const double gd = measuredRate(race.state(0), end / 3, end);
            const double m = measuredRate(race.state(1), 20, 120);
            qInfo("α %.3f: GD measured %.4f, ρ %.4f; Momentum measured %.4f, ρ %.4f", c.alpha, gd, gdRho, m, mRho);
            QVERIFY2(std::abs(gd / gdRho - 1) < 0.05, qPrintable(QString::number(gd)));
            QVERIFY2(std::abs(m / mRho - 1) < 0.05, qPrintable(QString::number(m)));
            QCOMPARE(gdRho < 1, c.gdConverges);
            QVERIFY(mRho < 1); // Momentum converges at both
        }
    }

    void noisyRaceIsReproducibleAndBadSettingsAreOneSentence()
    {
        dl::Surface f;
        f.kind = dl::SurfaceKind::Rosenbrock;
        auto run = [&] {
            dl::Race r(f, -1.5, 2, {racer(dl::OptKind::Adam, 0.05f), racer(dl::OptKind::GD, 0.001f)}, 0.5, 7);
            for (int t = 0; t < 50; ++t) r.step();
            return std::pair{r.state(0).pathX, r.state(1).pathY};
        };
        QCOMPARE(run(), run());
        // GD with a large α on Rosenbrock leaves the plane: marked, and it stops there.
        dl::Race wild(f, -1.5, 2, {racer(dl::OptKind::GD, 0.1f)});
        for (int t = 0; t < 50; ++t) wild.step();
        QVERIFY(wild.state(0).diverged);
        QVERIFY(wild.state(0).pathX.size() < 51);
        auto fails = [&](auto make, const char* says) {
            try {
                make();
                QFAIL("no error");
            } catch (const dl::ConfigError& e) {
                QVERIFY2(QString(e.what()).contains(says), e.what());
            }
        };
        fails([&] { dl::Race r(f, 0, 0, {}); }, "at least one optimiser");
        fails([&] { dl::Race r(f, 0, 0, {racer(dl::OptKind::GD, 0)}); }, "learning rate");
        fails([&] { dl::Race r(f, NAN, 0, {racer(dl::OptKind::GD, 0.1f)}); }, "two numbers");
        fails([&] { dl::Race r(f, 0, 0, {racer(dl::OptKind::GD, 0.1f)}, -1); }, "noise");
        fails([&] { dl::parseOptList("gd,adam,gd"); }, "twice");
        fails([&] { dl::parseOptList("gd,nadam"); }, "unknown optimizer");
        QCOMPARE(dl::parseOptList("nesterov,adamw"), (std::vector<dl::OptKind>{dl::OptKind::Nesterov, dl::OptKind::AdamW}));
        dl::Race r(f, 0, 0, {racer(dl::OptKind::Adam, 0.1f)});
        dl::RacerSpec s = racer(dl::OptKind::Adam, 0.2f);
        s.opt.beta1 = 1;
        fails([&] { r.setSpec(0, s); }, "β");
        fails([&] { r.setSpec(0, racer(dl::OptKind::GD, 0.2f)); }, "keeps its optimiser");
    }
};

QTEST_APPLESS_MAIN(TstRace)
#include "tst_race.moc"
