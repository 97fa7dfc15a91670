// SPDX-License-Identifier: MIT
// Image probes: histogram by hand, feature maps and probabilities, Grad-CAM against its closed form on a
// global-average-pool net (where it equals CAM, Zhou et al. 2016), saliency of softmax regression = |w|.
#include "core/layers/layer_list.h"
#include "core/train/image_models.h"
#include "core/train/image_probe.h"

#include <QtTest>

class TstImageProbe : public QObject {
    Q_OBJECT
  private slots:
    void histogramByHand()
    {
        const float v[] = {0, 1, 2, 3};
        const dl::Histogram h = dl::histogram(v, 4, 2);
        QCOMPARE(h.counts, (std::vector<int>{2, 2}));
        QCOMPARE(h.mean, 1.5f);
        QCOMPARE(h.lo, 0.f);
        QCOMPARE(h.hi, 3.f);
        QVERIFY(std::abs(h.stddev - std::sqrt(1.25f)) < 1e-6f);
        QCOMPARE(dl::histogram(v, 0).n, size_t(0));
    }
    void featureMapsAndProbabilities()
    {
        dl::Rng rng(2);
        dl::Sequential m = dl::buildImageModel("cnn-bn", 1, 28, 28, 10, rng);
        dl::Tensor img({1, 1, 28, 28});
        for (size_t i = 0; i < img.size(); ++i) img[i] = rng.uniform();
        std::vector<float> p;
        const auto maps = dl::featureMaps(m, img, &p);
        QCOMPARE(int(maps.size()), 8); // conv, bn, relu, pool twice; Flatten onwards is not image-shaped
        QCOMPARE(maps[0].c, 32);
        QCOMPARE(maps[0].h, 28);
        QCOMPARE(maps[3].h, 14);
        QCOMPARE(int(maps[0].values.size()), 32 * 28 * 28);
        QCOMPARE(int(p.size()), 10);
        float s = 0;
        for (float x : p) s += x;
        QVERIFY(std::abs(s - 1.f) < 1e-5f);
    }
    void gradCamIsCamOnGapNet()
    {
        dl::Rng rng(3);
        const auto layers = dl::parseLayerList("conv 3 k=3 p=1\nrelu\ngap\ndense 2\n", 1, 6, 5, 2);
        dl::Sequential m = dl::buildImageModel(layers, 1, 6, 5, rng);
        dl::Tensor img({1, 1, 6, 5});
        for (size_t i = 0; i < img.size(); ++i) img[i] = rng.normal();
        std::vector<dl::Tensor> outs;
        m.forwardAll(img, dl::Mode::Eval, outs);
        const dl::Tensor& a = outs[1];              // ReLU output (1, 3, 6, 5)
        const dl::Tensor& w = m.params()[2]->value; // dense weight (2, 3)
        for (int cls = 0; cls < 2; ++cls) {
            const dl::HeatMap h = dl::gradCam(m, img, cls, 1);
            QCOMPARE(h.h, 6);
            QCOMPARE(h.w, 5);
            std::vector<float> cam(30, 0.f);
            float hi = 0;
            for (int p = 0; p < 30; ++p) {
                for (int k = 0; k < 3; ++k) cam[p] += w[size_t(cls) * 3 + k] * a[size_t(k) * 30 + p];
                cam[p] = std::max(0.f, cam[p]);
                hi = std::max(hi, cam[p]);
            }
            for (int p = 0; p < 30; ++p)
                QVERIFY(std::abs(h.values[p] - (hi > 0 ? cam[p] / hi : 0.f)) < 1e-5f);
        }
        for (dl::Param* p : m.params()) QVERIFY(p->grad.arr().abs().maxCoeff() == 0.f); // left clean
        QCOMPARE(dl::gradCam(m, img, 0).layer, std::string("relu2")); // default: last image-shaped output
    }
    void saliencyOfSoftmaxRegressionIsTheWeights()
    {
        dl::Rng rng(5);
        dl::Sequential m = dl::buildImageModel("logreg", 1, 4, 4, 3, rng);
        dl::Tensor img({1, 1, 4, 4}, 0.5f);
        const dl::HeatMap h = dl::gradCam(m, img, 2);
        QCOMPARE(h.layer, std::string("input"));
        const dl::Tensor& w = m.params()[0]->value; // (3, 16)
        float hi = 0;
        for (int p = 0; p < 16; ++p) hi = std::max(hi, std::abs(w[32 + p]));
        for (int p = 0; p < 16; ++p) QVERIFY(std::abs(h.values[p] - std::abs(w[32 + p]) / hi) < 1e-5f);
    }
    void frozenLeavesBatchNormStatistics()
    {
        dl::Rng rng(6);
        dl::Sequential m = dl::buildImageModel("cnn-bn", 1, 28, 28, 10, rng);
        const std::vector<float> before = m.buffers()[0]->toVector();
        dl::gradCam(m, dl::Tensor({1, 1, 28, 28}, 0.3f), 4);
        QCOMPARE(m.buffers()[0]->toVector(), before);
    }
};

QTEST_APPLESS_MAIN(TstImageProbe)
#include "tst_image_probe.moc"
