// SPDX-License-Identifier: MIT
// Transfer learning (COURSE.md §7; issue 11): a frozen prefix keeps its weights while the rest trains;
// training on precomputed prefix activations gives the same model as running the frozen prefix on every
// batch; a frozen model's .dlm reopens frozen and keeps training to the same weights as never stopping.
#include "core/layers/layer_list.h"
#include "core/train/image_model_file.h"
#include "core/train/image_trainer.h"
#include "image_fixtures.h"

#include <QTemporaryDir>
#include <QtTest>

namespace {

// conv, bn, relu, maxpool | flatten, dense, relu, dense: freezing 4 keeps the convolutional part fixed.
const char* kLayers = "conv 4 k=3 p=1\nbn\nrelu\nmaxpool 2\nflatten\ndense 16\nrelu\ndense 2\n";
constexpr int kFrozen = 4;

std::unique_ptr<dl::ImageTrainer> trainer(bool precompute, int frozen = kFrozen, int images = 64)
{
    dl::Hyperparams h;
    h.lr = 0.01f;
    h.opt.kind = dl::OptKind::Adam;
    h.batch = 16;
    auto t = std::make_unique<dl::ImageTrainer>(dl::parseLayerList(kLayers, 1, 12, 12, 2), h,
                                                dltest::bars(images, 12, 1), dltest::bars(16, 12, 2), 7);
    // Give the batch norm running averages that are not the defaults, so Eval mode matters.
    for (int s = 0; s < 3; ++s) t->step();
    t->setFrozen(frozen, precompute);
    return t;
}

std::vector<std::vector<float>> values(dl::ImageTrainer& t)
{
    std::vector<std::vector<float>> out;
    for (dl::Param* p : t.model().params()) out.push_back(p->value.toVector());
    for (dl::Tensor* b : t.model().buffers()) out.push_back(b->toVector());
    return out;
}

float maxDiff(const std::vector<float>& a, const std::vector<float>& b)
{
    float m = 0;
    for (size_t i = 0; i < a.size(); ++i) m = std::max(m, std::abs(a[i] - b[i]));
    return m;
}

} // namespace

class TstTransfer : public QObject {
    Q_OBJECT
  private slots:
    void frozenLayersKeepTheirWeights()
    {
        auto t = trainer(false);
        const auto before = values(*t);
        const size_t frozenParams = t->model().layer(0).params().size() + t->model().layer(1).params().size();
        for (int e = 0; e < 3; ++e) QVERIFY(!t->runEpoch().diverged);
        const auto after = values(*t);
        for (size_t i = 0; i < frozenParams; ++i) QCOMPARE(after[i], before[i]); // conv and bn: untouched
        for (size_t i = frozenParams; i < t->model().params().size(); ++i)
            QVERIFY2(maxDiff(after[i], before[i]) > 1e-4f, "a trained layer did not change");
        // the batch-norm running averages of the frozen part stay put too (Eval mode)
        const size_t params = t->model().params().size();
        for (size_t i = params; i < after.size(); ++i) QCOMPARE(after[i], before[i]);
    }
    void precomputedEqualsRunningThePrefix_data()
    {
        // The prefix's output is an image batch (N, C, H, W) up to the pooling and a feature batch (D, N)
        // from Flatten on (a frozen prefix through Flatten wrote past its buffer: fuzz_image_model).
        // 600 images: the prefix runs in chunks of 500, so the second chunk lands after the first.
        QTest::addColumn<int>("frozen");
        QTest::addColumn<int>("images");
        QTest::newRow("conv part (N, C, H, W)") << 4 << 64;
        QTest::newRow("conv part, two chunks") << 4 << 600;
        QTest::newRow("through flatten (D, N)") << 5 << 64;
        QTest::newRow("through flatten, two chunks") << 5 << 600;
        QTest::newRow("through the first dense (16, N)") << 6 << 64;
        QTest::newRow("all but the last dense") << 7 << 64;
    }
    void precomputedEqualsRunningThePrefix()
    {
        QFETCH(int, frozen);
        QFETCH(int, images);
        auto run = trainer(false, frozen, images), pre = trainer(true, frozen, images);
        QVERIFY(!run->precomputed());
        QVERIFY(pre->precomputed());
        for (int e = 0; e < 3; ++e) {
            const dl::StepStats a = run->runEpoch(), b = pre->runEpoch();
            QVERIFY(std::abs(a.cost - b.cost) <= 1e-5f * std::max(1.f, std::abs(a.cost)));
        }
        const auto va = values(*run), vb = values(*pre);
        for (size_t i = 0; i < va.size(); ++i)
            QVERIFY2(maxDiff(va[i], vb[i]) <= 1e-5f,
                     qPrintable(QString("tensor %1 differs by %2").arg(i).arg(maxDiff(va[i], vb[i]))));
        QCOMPARE(run->evaluate(run->dev()).accuracy, pre->evaluate(pre->dev()).accuracy);
    }
    void frozenModelFileRoundTrips_data()
    {
        QTest::addColumn<bool>("precompute");
        QTest::newRow("frozen") << false;
        QTest::newRow("frozen + precomputed") << true;
    }
    void frozenModelFileRoundTrips()
    {
        QFETCH(bool, precompute);
        QTemporaryDir dir;
        const std::string path = dir.filePath("frozen.dlm").toStdString();
        auto a = trainer(precompute);
        a->runEpoch();
        dl::saveImageModel(*a, dl::ImageSource{}, path);
        a->runEpoch();
        const dl::ImageModelFile f = dl::readImageModel(path);
        QCOMPARE(f.frozen, kFrozen);
        QCOMPARE(f.precompute, precompute);
        auto b = dl::restoreImageTrainer(f, dltest::bars(64, 12, 1), dltest::bars(16, 12, 2));
        QCOMPARE(b->frozen(), kFrozen);
        QCOMPARE(b->precomputed(), precompute);
        b->runEpoch();
        QCOMPARE(b->steps(), a->steps());
        QCOMPARE(values(*b), values(*a)); // bit-identical to never stopping
    }
    void freezingTooManyLayersIsRefused()
    {
        auto t = trainer(false, 0);
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, t->setFrozen(8, false));
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, t->setFrozen(-1, false));
    }
};

QTEST_APPLESS_MAIN(TstTransfer)
#include "tst_transfer.moc"
