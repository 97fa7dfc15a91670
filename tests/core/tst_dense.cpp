// SPDX-License-Identifier: MIT
// Dense: hand-computed forward/backward, gradient check, batch invariance, shape errors.
#include "core/layers/dense.h"
#include "core/util/threads.h"
#include "layer_check.h"

#include <omp.h>

class TstDense : public QObject {
    Q_OBJECT
  private slots:
    void handComputed()
    {
        // W = [[1, 2], [3, 4], [5, 6]], b = [0.5, -1, 0], two examples as columns: x1 = (1, -1), x2 = (2,
        // 0.5)
        dl::Dense d(2, 3);
        const float w[] = {1, 2, 3, 4, 5, 6};
        std::copy(w, w + 6, d.weight().value.data());
        d.bias().value[0] = 0.5f;
        d.bias().value[1] = -1.f;
        dl::Tensor x({2, 2});
        x[0] = 1;
        x[1] = 2; // row 0: feature 0 of both examples
        x[2] = -1;
        x[3] = 0.5; // row 1: feature 1
        const dl::Tensor y = d.forward(x, dl::Mode::Train);
        QCOMPARE(y.shape(), (dl::Shape{3, 2}));
        // z1 = W x1 + b = (1-2+0.5, 3-4-1, 5-6) = (-0.5, -2, -1); z2 = (2+1+0.5, 6+2-1, 10+3) = (3.5, 7, 13)
        const float expect[] = {-0.5f, 3.5f, -2.f, 7.f, -1.f, 13.f};
        for (int i = 0; i < 6; ++i) QCOMPARE(y[i], expect[i]);
        dl::Tensor dy({3, 2}, 1.f);
        const dl::Tensor dx = d.backward(dy);
        // dX = Wᵀ·1 = (1+3+5, 2+4+6) per example; dW = dY·Xᵀ = rows (1+2, -1+0.5); db = 2 per unit
        QCOMPARE(dx[0], 9.f);
        QCOMPARE(dx[2], 12.f);
        QCOMPARE(d.weight().grad[0], 3.f);
        QCOMPARE(d.weight().grad[1], -0.5f);
        QCOMPARE(d.bias().grad[2], 2.f);
        d.backward(dy); // grads accumulate (+=)
        QCOMPARE(d.bias().grad[2], 4.f);
    }
    void gradientCheck_data()
    {
        QTest::addColumn<int>("din");
        QTest::addColumn<int>("dout");
        QTest::addColumn<int>("n");
        QTest::newRow("2->4 small path") << 2 << 4 << 7;
        QTest::newRow("4->1") << 4 << 1 << 5;
        QTest::newRow("40->30 gemm path") << 40 << 30 << 6;
    }
    void gradientCheck()
    {
        QFETCH(int, din);
        QFETCH(int, dout);
        QFETCH(int, n);
        dl::Rng rng(1);
        dl::DenseT<double> d(din, dout);
        d.weight().value = dltest::randomTensor({dout, din}, rng);
        d.bias().value = dltest::randomTensor({dout}, rng);
        dltest::checkLayerGradients(d, dltest::randomTensor({din, n}, rng));
    }
    void batchInvariance()
    {
        dl::Rng rng(2);
        dl::DenseT<double> d(40, 30);
        d.weight().value = dltest::randomTensor({30, 40}, rng);
        const dl::TensorD x = dltest::randomTensor({40, 5}, rng);
        const dl::TensorD y = d.forward(x, dl::Mode::Eval);
        dl::TensorD one({40, 1});
        for (int k = 0; k < 40; ++k) one[k] = x[k * 5 + 3];
        const dl::TensorD y1 = d.forward(one, dl::Mode::Eval);
        for (int o = 0; o < 30; ++o) QVERIFY(std::abs(y1[o] - y[o * 5 + 3]) < 1e-12);
    }
    void smallGemmsRunOnOneBlasThreadAndGiveTheCountBack()
    {
        // 300×200 on 64 examples (3.8 M multiply-adds, under dl::smallGemmMacs()): forward and backward
        // run their GEMMs on one BLAS thread (core/util/threads.h) and leave the caller's count as it was;
        // the values are the product's (against a plain Eigen product in double precision).
        QVERIFY(300L * 200 * 64 < dl::smallGemmMacs());
        const int before = omp_get_max_threads();
        omp_set_num_threads(2);
        dl::Rng rng(5);
        dl::DenseT<float> d(200, 300);
        d.setNeedInputGrad(true);
        d.weight().value = dl::Tensor::uninitialized({300, 200});
        for (size_t i = 0; i < d.weight().value.size(); ++i) d.weight().value[i] = rng.uniform(-1.f, 1.f);
        dl::Tensor x = dl::Tensor::uninitialized({200, 64});
        for (size_t i = 0; i < x.size(); ++i) x[i] = rng.uniform(-1.f, 1.f);
        const dl::Tensor y = d.forward(x, dl::Mode::Train);
        QCOMPARE(omp_get_max_threads(), 2);
        const Eigen::MatrixXd want = d.weight().value.mat().cast<double>() * x.mat().cast<double>();
        QVERIFY((y.mat().cast<double>() - want).cwiseAbs().maxCoeff() < 1e-3);
        const dl::Tensor dx = d.backward(y);
        QCOMPARE(omp_get_max_threads(), 2);
        const Eigen::MatrixXd wantDx = d.weight().value.mat().cast<double>().transpose() * want;
        QVERIFY((dx.mat().cast<double>() - wantDx).cwiseAbs().maxCoeff() <
                1e-2 * wantDx.cwiseAbs().maxCoeff());
        omp_set_num_threads(before);
    }
    void shapeErrorNamesLayer()
    {
        dl::Dense d(3, 2);
        try {
            d.forward(dl::Tensor({4, 1}), dl::Mode::Eval);
            QFAIL("no exception");
        } catch (const dl::ShapeError& e) {
            QVERIFY2(QString(e.what()).contains("Dense 3→2 expects (3, N)"), e.what());
        }
    }
};

QTEST_APPLESS_MAIN(TstDense)
#include "tst_dense.moc"
