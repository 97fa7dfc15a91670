// SPDX-License-Identifier: MIT
// Style transfer core (issue 5, COURSE.md §10): hand-computed Gram / content / style costs and their
// gradients, max-pool and leaky routing to the pixels, a double-precision gradient check through a small
// darknet chain, settings and layer parsing, and — with Tiny Darknet present — the extractor against the
// darknet forward pass and the issue's run: dog.jpg in the style of scream.jpg at 320 px.
#include "core/models/darknet_net.h"
#include "core/models/model_files.h"
#include "core/models/photo.h"
#include "core/style/style_image.h"
#include "core/style/style_transfer.h"
#include "core/train/gradcheck.h"
#include "core/util/file.h"
#include "core/util/rng.h"
#include "tests/require_files.h"

#include <QDir>
#include <QFile>
#include <QtTest>
#include <cmath>

namespace {

// A 3-channel net whose layer 0 is the identity (1×1 conv, weights I, bias 0): layer 0's output is the image.
dl::DarknetNet identityNet(int h, int w, dl::DnAct act, bool pool)
{
    dl::DarknetNet net(3, h, w);
    net.addConv(3, 1, 1, 0, 1, false, act);
    dl::Conv2d& c = *net.layers()[0].conv;
    c.weight().value.arr().setZero();
    for (int i = 0; i < 3; ++i) c.weight().value[static_cast<size_t>(i * 3 + i)] = 1;
    c.bias().value.arr().setZero();
    if (pool) net.addMaxPool(2, 2, 1);
    return net;
}

dl::TensorD image(int h, int w, std::initializer_list<double> v)
{
    dl::TensorD t({1, 3, h, w});
    size_t i = 0;
    for (double x : v) t[i++] = x;
    return t;
}

// Conv/leaky/max-pool chain with random weights, as Tiny Darknet's layer kinds (3×3 and 1×1, pad = size/2).
dl::DarknetNet randomChain(int h, int w)
{
    dl::DarknetNet net(3, h, w);
    net.addConv(6, 3, 1, 1, 1, false, dl::DnAct::Leaky);  // 0
    net.addMaxPool(2, 2, 1);                              // 1
    net.addConv(4, 1, 1, 0, 1, false, dl::DnAct::Leaky);  // 2
    net.addConv(8, 3, 1, 1, 1, false, dl::DnAct::Leaky);  // 3
    net.addMaxPool(2, 2, 1);                              // 4
    net.addConv(5, 3, 1, 1, 1, false, dl::DnAct::Linear); // 5
    dl::Rng rng(11);
    for (auto& l : net.layers())
        if (l.conv) {
            for (size_t i = 0; i < l.conv->weight().value.size(); ++i)
                l.conv->weight().value[i] = rng.normal(0, 0.5f);
            for (size_t i = 0; i < l.conv->bias().value.size(); ++i)
                l.conv->bias().value[i] = rng.normal(0, 0.1f);
        }
    return net;
}

QString modelsRoot()
{
    const std::string d = dl::findModelsDir("", DL_SOURCE_DIR);
    return d.empty() ? QString(DL_SOURCE_DIR) + "/models" : QString::fromStdString(d);
}

std::string modelsDir()
{
    const std::string d = dl::findModelsDir("", DL_SOURCE_DIR);
    return QDir(QString::fromStdString(d + "/tiny-darknet")).exists() ? d : std::string();
}

const std::string kData = "/usr/share/darknet/data"; // Debian package darknet

} // namespace

class TstStyle : public QObject {
    Q_OBJECT
  private slots:
    void gramByHand()
    {
        dl::Tensor a({1, 2, 1, 2});
        a[0] = 1, a[1] = 2, a[2] = 3, a[3] = 4; // A = [[1, 2], [3, 4]]
        dl::RowMat<float> g;
        dl::gramMatrix(a, g);
        QCOMPARE(g(0, 0), 5.f);
        QCOMPARE(g(0, 1), 11.f);
        QCOMPARE(g(1, 0), 11.f);
        QCOMPARE(g(1, 1), 25.f);
    }

    // Layer 0 = the image (1×2 pixels, 3 channels). x = [[1,0],[0,1],[0,0]], S = [[1,1],[0,0],[0,0]],
    // C = all ones. G_G = diag(1,1,0), G_S = diag(2,0,0): Σ(G_S − G_G)² = 2, J_style[0] = 2/(4·3²·2²) = 1/72.
    // J_content = Σ(a_C − a_G)²/(4·3·1·2) = 4/24 = 1/6. With α = 2, β = 3, λ = 0.5: J = 1/3 + 1/48.
    // dJ/dx = α(a_G − a_C)/(2·6) + βλ/(3²·2²)·(G_G − G_S)·A.
    void costsAndGradientByHand()
    {
        dl::StyleProblemT<double> p(
            dl::FeatureChainT<double>::fromDarknet(identityNet(1, 2, dl::DnAct::Linear, false), 0));
        dl::StyleWeights w;
        w.contentLayer = 0;
        w.style = {{0, 0.5}};
        w.alpha = 2;
        w.beta = 3;
        p.setWeights(w);
        p.setImages(image(1, 2, {1, 1, 1, 1, 1, 1}), image(1, 2, {1, 1, 0, 0, 0, 0}));
        dl::TensorD grad;
        const dl::StyleCosts c = p.evaluate(image(1, 2, {1, 0, 0, 1, 0, 0}), &grad);
        QVERIFY(std::abs(c.content - 1.0 / 6) < 1e-12);
        QVERIFY(std::abs(c.perLayer[0] - 1.0 / 72) < 1e-12);
        QVERIFY(std::abs(c.style - 0.5 / 72) < 1e-12);
        QVERIFY(std::abs(c.total - (1.0 / 3 + 1.0 / 48)) < 1e-12);
        const double expect[6] = {-1.0 / 24, -1.0 / 6, -1.0 / 6, 1.0 / 24, -1.0 / 6, -1.0 / 6};
        for (int i = 0; i < 6; ++i)
            QVERIFY2(std::abs(grad[static_cast<size_t>(i)] - expect[i]) < 1e-12,
                     qPrintable(QString::number(i)));
    }

    // Leaky then a 2×2 max-pool on a 2×2 image, content target 0 at the pool (n = 3 values), α = 1:
    // channel 0 [[1, −2], [3, 0.5]]: the max 3 at (1, 0) gets 3/(2·3) = 0.5, the rest 0;
    // channel 1 [[−1, −4], [−2, −3]]: leaky → max −0.1 at (0, 0), dJ/dpool = −0.1/6, times the slope 0.1.
    void maxPoolAndLeakyRouteTheGradient()
    {
        dl::StyleProblemT<double> p(
            dl::FeatureChainT<double>::fromDarknet(identityNet(2, 2, dl::DnAct::Leaky, true), 1));
        dl::StyleWeights w;
        w.contentLayer = 1;
        w.style = {{0, 0}};
        w.alpha = 1;
        w.beta = 0;
        p.setWeights(w);
        const dl::TensorD zero({1, 3, 2, 2});
        p.setImages(zero, zero);
        dl::TensorD grad;
        p.evaluate(image(2, 2, {1, -2, 3, 0.5, -1, -4, -2, -3, 0, 0, 0, 0}), &grad);
        const double expect[12] = {0, 0, 0.5, 0, -0.1 * 0.1 / 6, 0, 0, 0, 0, 0, 0, 0};
        for (int i = 0; i < 12; ++i)
            QVERIFY2(std::abs(grad[static_cast<size_t>(i)] - expect[i]) < 1e-12,
                     qPrintable(QString::number(i)));
    }

    // Two-sided differences (COURSE.md §3) on every pixel of a 3×11×14 image through conv/leaky/max-pool,
    // content and three style layers (one of them the content layer too).
    void gradientCheck()
    {
        const int h = 11, w = 14;
        dl::StyleProblemT<double> p(dl::FeatureChainT<double>::fromDarknet(randomChain(h, w), 5));
        dl::StyleWeights sw;
        sw.contentLayer = 3;
        sw.style = {{0, 0.3}, {3, 0.5}, {5, 0.2}};
        sw.alpha = 1.5;
        sw.beta = 40;
        p.setWeights(sw);
        dl::Rng rng(3);
        auto random = [&] {
            dl::TensorD t({1, 3, h, w});
            for (size_t i = 0; i < t.size(); ++i) t[i] = rng.uniform();
            return t;
        };
        p.setImages(random(), random());
        dl::TensorD x = random(), grad;
        p.evaluate(x, &grad);
        const dl::TensorD numeric = dl::numericGradient(x, [&] { return p.evaluate(x, nullptr).total; });
        double num = 0, den = 0;
        for (size_t i = 0; i < x.size(); ++i) {
            const double approx = numeric[i];
            num += (approx - grad[i]) * (approx - grad[i]);
            den += approx * approx + grad[i] * grad[i];
        }
        const double diff = std::sqrt(num) / std::sqrt(den);
        qInfo("gradient check: difference %.3g over %zu pixels", diff, x.size());
        QVERIFY2(diff < 1e-7, qPrintable(QString::number(diff)));
    }

    void layerListsAndSettings()
    {
        const auto l = dl::parseStyleLayers("0:0.2,2:0.3,15");
        QCOMPARE(l.size(), size_t(3));
        QCOMPARE(l[1].layer, 2);
        QCOMPARE(l[1].weight, 0.3);
        QCOMPARE(l[2].weight, 1.0);
        QCOMPARE(QString::fromStdString(dl::styleLayersText(l)), QString("0:0.2,2:0.3,15:1"));
        for (const char* bad : {"", "a:1", "1:x", "2:-1", "3:0.1:2"}) {
            bool threw = false;
            try {
                dl::parseStyleLayers(bad);
            } catch (const dl::ConfigError&) {
                threw = true;
            }
            QVERIFY2(threw, bad);
        }
        dl::StyleSettings s;
        s.weights.beta = 123;
        s.weights.contentLayer = 10;
        s.optimizer = dl::StyleOptimizer::Adam;
        s.learningRate = 0.03;
        s.init = dl::StyleInit::Noise;
        const dl::StyleSettings back =
            dl::styleSettingsFromJson(dl::Json::parse(dl::styleSettingsJson(s).dump()));
        QCOMPARE(back.weights.beta, 123.0);
        QCOMPARE(back.weights.contentLayer, 10);
        QVERIFY(back.optimizer == dl::StyleOptimizer::Adam);
        QCOMPARE(back.learningRate, 0.03);
        QVERIFY(back.init == dl::StyleInit::Noise);
        // A layer outside the extractor is refused with its number.
        dl::StyleProblem p(dl::FeatureChain::fromDarknet(randomChain(11, 14), 5));
        dl::StyleWeights w;
        w.style = {{9, 1}};
        w.contentLayer = 0;
        try {
            p.setWeights(w);
            QFAIL("layer 9 accepted");
        } catch (const dl::ConfigError& e) {
            QVERIFY(QString(e.what()).contains("layer 9"));
        }
    }

    // Both optimisers lower J on the small chain, keep the pixels in [0, 1], and a change of β between steps
    // (pause, change, continue) keeps the image and re-weights the cost.
    void runFileValuesAreChecked_data()
    {
        QTest::addColumn<QString>("settings");
        QTest::addColumn<QString>("says");
        QTest::newRow("negative alpha") << R"("alpha": -1)"
                                        << "alpha is -1; α (the content weight) must be from 0";
        QTest::newRow("negative beta") << R"("beta": -10000)"
                                       << "beta is -10000; β (the style weight) must be from 0";
        QTest::newRow("noise above 1") << R"("noise": 3)"
                                       << "noise is 3; the noise amount must be from 0 to 1";
        QTest::newRow("zero learning rate") << R"("learning_rate": 0)"
                                            << "learning_rate is 0";
        QTest::newRow("huge content layer") << R"("content_layer": 1e300)"
                                            << "content_layer is 1e+300";
    }
    void runFileValuesAreChecked()
    {
        // A saved run whose numbers are out of range is one sentence naming the file and the value (issue
        // 11).
        QFETCH(QString, settings);
        QFETCH(QString, says);
        const std::string run =
            R"({"content": "c.jpg", "style": "s.jpg", "size": 96, "iterations": 5, "settings": {)" +
            settings.toStdString() + "}}";
        try {
            dl::parseStyleRun(run, "/x/run.json");
            QFAIL("no error");
        } catch (const dl::FormatError& e) {
            const QString m = QString::fromUtf8(e.what());
            QVERIFY2(m.startsWith("run.json is not a readable run file (") && m.contains(says) &&
                         m.endsWith("; save the run again from the Style lab."),
                     qPrintable(m));
        }
        const dl::StyleRun ok = dl::parseStyleRun(
            R"({"content": "c.jpg", "style": "s.jpg", "size": 96, "iterations": 5, "settings": {"beta": 10},
                "changes": [{"iteration": 2, "settings": {"alpha": 3}}]})",
            "run.json");
        QCOMPARE(ok.size, 96);
        QCOMPARE(ok.settings.weights.beta, 10.0);
        QCOMPARE(ok.changes.size(), size_t(1));
        QCOMPARE(ok.changes[0].second.weights.alpha, 3.0);
        QVERIFY_THROWS_EXCEPTION(dl::FormatError, dl::parseStyleRun(R"({"content": "c.jpg", "style": "s.jpg",
            "size": 1e12, "settings": {}})",
                                                                    "run.json"));
    }
    void optimisersDescendAndStayInRange()
    {
        for (auto opt : {dl::StyleOptimizer::Adam, dl::StyleOptimizer::Lbfgs}) {
            dl::Rng rng(5);
            dl::Tensor c({1, 3, 24, 32}), s({1, 3, 24, 32});
            for (size_t i = 0; i < c.size(); ++i) c[i] = rng.uniform(), s[i] = rng.uniform();
            dl::StyleSettings set;
            set.weights.contentLayer = 3;
            set.weights.style = {{0, 0.5}, {3, 0.5}};
            set.weights.beta = 100;
            set.optimizer = opt;
            set.learningRate = dl::defaultLearningRate(opt);
            dl::StyleTransfer st(dl::FeatureChain::fromDarknet(randomChain(24, 32), 5), c, s, set);
            const double first = st.step().total;
            double last = first;
            for (int i = 0; i < 60; ++i) last = st.step().total;
            QVERIFY2(last < 0.5 * first,
                     qPrintable(QString("%1: %2 -> %3").arg(dl::optimizerName(opt)).arg(first).arg(last)));
            QVERIFY(st.image().arr().minCoeff() >= 0 && st.image().arr().maxCoeff() <= 1);
            const dl::Tensor before = st.image();
            dl::StyleWeights w = set.weights;
            w.beta = 1000;
            st.setWeights(w);
            const dl::StyleCosts after = st.step();
            QVERIFY(std::abs(after.total - (after.content + 1000 * after.style)) < 1e-6 * after.total);
            if (opt ==
                dl::StyleOptimizer::Lbfgs) // the first L-BFGS step after a change re-evaluates in place
                QVERIFY(st.image().arr().isApprox(before.arr()));
        }
    }

    // β so large that float overflows: one sentence instead of a stalled or NaN image.
    void overflowSaysLowerBeta()
    {
        dl::Rng rng(2);
        dl::Tensor c({1, 3, 24, 32}), s({1, 3, 24, 32});
        for (size_t i = 0; i < c.size(); ++i) c[i] = rng.uniform(), s[i] = rng.uniform();
        dl::StyleSettings set;
        set.weights.contentLayer = 3;
        set.weights.style = {{0, 1}, {3, 1}};
        set.weights.beta = 1e45;
        dl::StyleTransfer st(dl::FeatureChain::fromDarknet(randomChain(24, 32), 5), c, s, set);
        try {
            st.step();
            QFAIL("no error");
        } catch (const dl::Error& e) {
            QVERIFY2(QString(e.what()).contains("lower β"), e.what());
        }
    }

    void missingModelSaysWhereToPutIt()
    {
        try {
            dl::loadStyleExtractor("/nonexistent-models");
            QFAIL("no error");
        } catch (const dl::IoError& e) {
            const QString m = e.what();
            // Which file, where it comes from (resources/models.manifest), the command that fetches it.
            QVERIFY2(m.contains("tiny.cfg") && m.contains("leggedrobotics/darknet_ros") &&
                         m.contains("scripts/fetch-models.sh"), qPrintable(m));
        }
    }

    // The copied chain computes what the darknet forward pass computes (that one is checked against OpenCV
    // in tst_darknet); any input size works (fully convolutional).
    void extractorMatchesDarknetForward()
    {
        DL_NEEDS_FILES((QStringList{modelsRoot() + "/tiny-darknet/tiny.weights"}), DL_FROM_SHARED_MODELS);
        const std::string models = modelsDir();
        const std::string cfg = models + "/tiny-darknet/tiny.cfg";
        dl::DarknetNet net = dl::DarknetNet::fromCfg(dl::readFile(cfg), cfg);
        net.loadWeights(dl::readFile(models + "/tiny-darknet/tiny.weights"), "tiny.weights");
        dl::FeatureChain chain = dl::loadStyleExtractor(models);
        QCOMPARE(chain.size(), dl::kStyleLastLayer + 1);
        const dl::Photo dog = dl::loadPhoto(kData + "/dog.jpg");
        const dl::Tensor x = dl::photoToPixels(dog, 224, 224, false);
        net.forward(x);
        chain.forward(x);
        for (int l : {0, 5, 12, 18}) {
            const float scale = net.output(l).arr().abs().maxCoeff();
            const float d = (net.output(l).arr() - chain.output(l).arr()).abs().maxCoeff();
            QVERIFY2(d <= 1e-5f * scale, qPrintable(QString("layer %1: %2 of %3").arg(l).arg(d).arg(scale)));
        }
        QVERIFY(chain.outputShape(12, 240, 320) == (dl::Shape{1, 256, 30, 40}));
    }

    // Issue 5, "must show": dog.jpg in the style of scream.jpg at 320 px, L-BFGS, α = 1, β = 1e4: the style
    // cost falls at least 20× within 200 iterations while the content cost stays small.
    void dogInTheStyleOfTheScream()
    {
        DL_NEEDS_FILES((QStringList{modelsRoot() + "/tiny-darknet/tiny.weights"}), DL_FROM_SHARED_MODELS);
        DL_NEEDS_FILES((QStringList{QString::fromStdString(kData + "/scream.jpg")}), DL_FROM_DARKNET_PKG);
        const std::string models = modelsDir();
        const dl::Photo dog = dl::loadPhoto(kData + "/dog.jpg"),
                        scream = dl::loadPhoto(kData + "/scream.jpg");
        const dl::ImageSize sz = dl::styleOutputSize(dog, 320);
        QCOMPARE(sz.width, 320);
        QCOMPARE(sz.height, 240);
        dl::StyleTransfer st(dl::loadStyleExtractor(models), dl::photoToPixels(dog, 320, 240, false),
                             dl::photoToPixels(scream, 320, 240, true), dl::StyleSettings{});
        const dl::StyleCosts first = st.step();
        dl::StyleCosts last;
        for (int i = 1; i < 200; ++i) last = st.step();
        qInfo("style cost %.4g -> %.4g (%.0fx), content %.4g -> %.4g", first.style, last.style,
              first.style / last.style, first.content, last.content);
        QVERIFY(first.style / last.style >= 20);
        // The content still counts: at the content layer the result is closer to the photo than the
        // painting itself is (J_content(C, S), the same cost with G = the painting).
        const dl::Tensor painting = dl::photoToPixels(scream, 320, 240, true);
        const double paintingContent = st.problem().evaluate(painting, nullptr).content;
        qInfo("content cost of the painting itself %.4g", paintingContent);
        QVERIFY2(last.content < 0.8 * paintingContent, // measured: 0.062 vs 0.091
                 qPrintable(QString("%1 vs the painting's %2").arg(last.content).arg(paintingContent)));
        QCOMPARE(st.iterations(), 200);
    }
};

QTEST_APPLESS_MAIN(TstStyle)
#include "tst_style.moc"
