// SPDX-License-Identifier: MIT
// Softmax: the course's reference example (COURSE.md §1) to 1e-6, stability, gradient check. L2Normalize
// (the triplet embedding's last layer): a hand-computed case, a zero column, gradient check.
#include "core/layers/registry.h"
#include "core/layers/softmax.h"
#include "layer_check.h"

class TstSoftmax : public QObject {
    Q_OBJECT
  private slots:
    void courseExample()
    {
        // softmax([[9,2,5,0,0],[7,5,0,0,0]]) per example; examples are columns here, so the input is its
        // transpose.
        const float in[2][5] = {{9, 2, 5, 0, 0}, {7, 5, 0, 0, 0}};
        const double expect[2][5] = {
            {9.80897665e-01, 8.94462891e-04, 1.79657674e-02, 1.21052389e-04, 1.21052389e-04},
            {8.78679856e-01, 1.18916387e-01, 8.01252314e-04, 8.01252314e-04, 8.01252314e-04}};
        dl::Tensor z({5, 2});
        for (int e = 0; e < 2; ++e)
            for (int k = 0; k < 5; ++k) z[k * 2 + e] = in[e][k];
        dl::Softmax s;
        const dl::Tensor p = s.forward(z, dl::Mode::Eval);
        for (int e = 0; e < 2; ++e)
            for (int k = 0; k < 5; ++k) QVERIFY(std::abs(p[k * 2 + e] - expect[e][k]) < 1e-6);
    }
    void stableForHugeLogits()
    {
        dl::Tensor z({2, 1});
        z[0] = 1000;
        z[1] = 999;
        dl::Softmax s;
        const dl::Tensor p = s.forward(z, dl::Mode::Eval);
        QVERIFY(std::abs(p[0] - 0.7310586f) < 1e-6);
        QVERIFY(std::isfinite(p[1]));
    }
    void gradientCheck()
    {
        dl::Rng rng(3);
        dl::SoftmaxT<double> s;
        dltest::checkLayerGradients(s, dltest::randomTensor({4, 6}, rng));
    }
    void l2NormalizeByHand()
    {
        // Columns (3, 4) and (0, 0): (3, 4)/5 = (0.6, 0.8); a zero column stays zero (no NaN).
        dl::Tensor x({2, 2});
        x[0] = 3, x[2] = 4, x[1] = 0, x[3] = 0;
        auto layer = dl::makeLayer<float>({"L2Normalize"});
        const dl::Tensor y = layer->forward(x, dl::Mode::Train);
        QCOMPARE(y[0], 0.6f);
        QCOMPARE(y[2], 0.8f);
        QCOMPARE(y[1], 0.f);
        QCOMPARE(y[3], 0.f);
        // dy = (1, 0) on the first column: dx = (dy − y(y·dy))/‖x‖ = ((1, 0) − 0.6·(0.6, 0.8))/5
        //    = (0.64, −0.48)/5 = (0.128, −0.096).
        dl::Tensor dy({2, 2});
        dy[0] = 1;
        const dl::Tensor dx = layer->backward(dy);
        QVERIFY(std::abs(dx[0] - 0.128f) < 1e-6f);
        QVERIFY(std::abs(dx[2] + 0.096f) < 1e-6f);
        QVERIFY_THROWS_EXCEPTION(dl::ShapeError, layer->forward(dl::Tensor({1, 2, 2, 2}), dl::Mode::Eval));
    }
    void l2NormalizeGradientCheck()
    {
        dl::Rng rng(5);
        dl::L2NormalizeT<double> n;
        dltest::checkLayerGradients(n, dltest::randomTensor({5, 4}, rng));
    }
};

QTEST_APPLESS_MAIN(TstSoftmax)
#include "tst_softmax.moc"
