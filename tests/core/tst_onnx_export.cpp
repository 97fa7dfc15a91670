// SPDX-License-Identifier: MIT
// ONNX export (core/export): the protobuf encodings of the spec's own examples by hand; a 3→2 dense layer
// whose file is read back by OpenCV DNN and gives the hand-computed numbers; then OpenCV DNN (the oracle)
// against our forward in Mode::Eval, to 1e-4, for a Playground MLP with batch norm, dropout and every
// activation, and for the Images lab's presets — LeNet-5 on 200 Fashion-MNIST test pictures, cnn-bn,
// resnet-small (residual blocks with projections) — with batch-norm running averages that are not 0 and 1;
// darknet-padded pooling and a wrong input shape refused in one sentence.
#include "core/data/image_set.h"
#include "core/export/onnx_export.h"
#include "core/export/protobuf.h"
#include "core/export/seq_onnx_export.h"
#include "core/layers/pool2d.h"
#include "core/layers/registry.h"
#include "core/train/image_models.h"
#include "core/util/error.h"
#include "tests/require_files.h"

#include <QtTest>
#include <opencv2/dnn.hpp>

namespace {

// OpenCV DNN's output for `input` (N, ...) given as a blob.
cv::Mat opencvForward(const std::string& onnx, const cv::Mat& input)
{
    cv::dnn::Net net = cv::dnn::readNetFromONNX(onnx.data(), onnx.size());
    net.setInput(input);
    return net.forward().clone();
}

// Every batch-norm layer's running averages set to seeded values (μ in ±0.5, σ² in [0.5, 1.5]), γ and β too,
// so that the exported graph must carry them.
void randomiseNorms(dl::Sequential& net, dl::Rng& rng)
{
    for (dl::Tensor* b : net.buffers())
        for (size_t i = 0; i < b->size(); ++i) (*b)[i] = rng.uniform(-0.5f, 0.5f);
    for (size_t l = 0; l < net.size(); ++l) {
        auto bufs = net.layer(l).buffers();
        for (size_t k = 1; k < bufs.size(); k += 2) // (μ, σ²) pairs: the variances
            for (size_t i = 0; i < bufs[k]->size(); ++i) (*bufs[k])[i] = rng.uniform(0.5f, 1.5f);
    }
    for (dl::Param* p : net.params())
        if (p->name.find("gamma") != std::string::npos || p->name.find("beta") != std::string::npos)
            for (size_t i = 0; i < p->value.size(); ++i) p->value[i] = rng.uniform(0.5f, 1.5f);
}

// Largest |ours − OpenCV's| over an image batch x (N, C, H, W); ours is (K, N), OpenCV's (N, K).
double imageGap(dl::Sequential& net, const dl::Tensor& x, int c, int h, int w)
{
    const std::string onnx = dl::onnxModelBytes(net, {c, h, w}, "test");
    const dl::Tensor ours = net.forward(x, dl::Mode::Eval);
    const int n = x.shape()[0], k = ours.shape()[0];
    const int dims[] = {n, c, h, w};
    const cv::Mat theirs = opencvForward(onnx, cv::Mat(4, dims, CV_32F, const_cast<float*>(x.data())));
    if (theirs.total() != static_cast<size_t>(n) * static_cast<size_t>(k)) return 1e9;
    double gap = 0;
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < k; ++j)
            gap = std::max(gap, std::abs(double(ours[size_t(j) * size_t(n) + size_t(i)]) - theirs.ptr<float>()[i * k + j]));
    return gap;
}

} // namespace

class TstOnnxExport : public QObject {
    Q_OBJECT
private slots:
    void protobufByHand()
    {
        dl::pb::Message m; // protobuf.dev "Encoding": field 1 = 150 is 08 96 01; a string "testing" in field 2
        m.varintField(1, 150);
        m.bytesField(2, "testing");
        m.floatField(3, 1.0f); // key 0x1D, then 1.0f little-endian: 00 00 80 3F
        QCOMPARE(QByteArray::fromStdString(m.bytes()).toHex(), QByteArray("089601120774657374696e671d0000803f"));
        dl::pb::Message big;
        big.int64Field(1, 300); // 300 = 0b10_0101100: AC 02
        QCOMPARE(QByteArray::fromStdString(big.bytes()).toHex(), QByteArray("08ac02"));
    }
    void denseByHand()
    {
        dl::Rng rng(1);
        dl::Sequential net;
        net.add(dl::makeLayer<float>({"Dense", 3, 2}), "dense1");
        const float w[] = {1, 2, 3, -1, 0, 0.5f}, b[] = {0.5f, -2};
        std::copy(w, w + 6, net.params()[0]->value.data());
        std::copy(b, b + 2, net.params()[1]->value.data());
        // x = (1, 1, 2): W x + b = (1+2+6+0.5, -1+0+1-2) = (9.5, -2)
        float x[] = {1, 1, 2};
        const cv::Mat y = opencvForward(dl::onnxModelBytes(net, {3}, ""), cv::Mat(1, 3, CV_32F, x));
        QCOMPARE(y.total(), size_t(2));
        QCOMPARE(y.ptr<float>()[0], 9.5f);
        QCOMPARE(y.ptr<float>()[1], -2.f);
    }
    void playgroundMlp()
    {
        dl::Rng rng(3);
        dl::Sequential net;
        const std::vector<dl::LayerSpec> specs = {{"Dense", 2, 8}, {"BatchNorm", 8}, {"Tanh"}, {"Dense", 8, 6},
                                                  {"ReLU"}, {"Dropout"}, {"Dense", 6, 5}, {"Sigmoid"},
                                                  {"Dense", 5, 4}, {"LeakyReLU"}, {"Dense", 4, 3}, {"Softmax"}};
        for (size_t i = 0; i < specs.size(); ++i) {
            dl::LayerSpec s = specs[i];
            if (s.type == "Dropout") s.keepProb = 0.7f;
            net.add(dl::makeLayer<float>(s), "l" + std::to_string(i + 1));
        }
        for (dl::Param* p : net.params())
            for (size_t i = 0; i < p->value.size(); ++i) p->value[i] = rng.normal(0.f, 1.f);
        randomiseNorms(net, rng);
        const int n = 50;
        dl::Tensor x({2, n});
        for (size_t i = 0; i < x.size(); ++i) x[i] = rng.uniform(-2.f, 2.f);
        const dl::Tensor ours = net.forward(x, dl::Mode::Eval);
        cv::Mat rows(n, 2, CV_32F);
        for (int i = 0; i < n; ++i)
            for (int f = 0; f < 2; ++f) rows.at<float>(i, f) = x[size_t(f) * n + size_t(i)];
        const cv::Mat theirs = opencvForward(dl::onnxModelBytes(net, {2}, ""), rows);
        QCOMPARE(int(theirs.total()), 3 * n);
        double gap = 0;
        for (int i = 0; i < n; ++i)
            for (int k = 0; k < 3; ++k) gap = std::max(gap, std::abs(double(ours[size_t(k) * n + size_t(i)]) - theirs.at<float>(i, k)));
        QVERIFY2(gap < 1e-5, qPrintable(QString::number(gap)));
    }
    void leNet5OnFashionTestPictures()
    {
        DL_NEEDS_FILES(QStringList{QString(dl::kFashionMnistDir) + "/t10k-images-idx3-ubyte.gz"},
                       "Debian's dataset-fashion-mnist, installed by scripts/setup.sh");
        const dl::ImageSet test = dl::loadFashionMnist(dl::kFashionMnistDir, false);
        const int n = 200;
        dl::Tensor x({n, 1, 28, 28});
        std::copy(test.images.data(), test.images.data() + x.size(), x.data());
        dl::Rng rng(5);
        dl::Sequential net = dl::buildImageModel("lenet5", 1, 28, 28, 10, rng);
        const double gap = imageGap(net, x, 1, 28, 28);
        qInfo("largest difference %.3g", gap);
        QVERIFY2(gap < 1e-4, qPrintable(QString::number(gap)));
    }
    void presetsWithNormsAndResiduals_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::newRow("cnn-bn") << "cnn-bn";
        QTest::newRow("resnet-small") << "resnet-small";
        QTest::newRow("mlp") << "mlp";
    }
    void presetsWithNormsAndResiduals()
    {
        QFETCH(QString, preset);
        dl::Rng rng(7);
        dl::Sequential net = dl::buildImageModel(preset.toStdString(), 3, 16, 16, 10, rng);
        randomiseNorms(net, rng);
        dl::Tensor x({6, 3, 16, 16});
        for (size_t i = 0; i < x.size(); ++i) x[i] = rng.uniform(0.f, 1.f);
        const double gap = imageGap(net, x, 3, 16, 16);
        qInfo("largest difference %.3g", gap);
        QVERIFY2(gap < 1e-4, qPrintable(QString::number(gap)));
    }
    void refusals()
    {
        dl::Sequential net;
        net.add(std::make_unique<dl::Pool2d>(dl::PoolKind::Max, 2, 1, 1, dl::PoolPad::Darknet), "pool1");
        net.add(dl::makeLayer<float>({"Flatten"}), "flatten");
        try {
            dl::onnxModelBytes(net, {1, 4, 4}, "");
            QFAIL("no error");
        } catch (const dl::ConfigError& e) {
            QCOMPARE(QString(e.what()), QString("pool1 pools with darknet's padding, which ONNX's pooling has no attribute for"));
        }
        dl::Rng rng(1);
        dl::Sequential lenet = dl::buildImageModel("lenet5", 1, 28, 28, 10, rng);
        QVERIFY_THROWS_EXCEPTION(dl::ShapeError, dl::onnxModelBytes(lenet, {3, 28, 28}, ""));
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::onnxModelBytes(lenet, {28, 28}, ""));
    }

    // The Sequence lab's models unrolled (issue 17): every cell kind, two stacked layers, weights large enough
    // that every gate is far from linear; T = 6 steps of N = 3 sequences (the first input the zero vector, as
    // the course starts), OpenCV DNN's y_1 … y_6 against our step() one character at a time.
    void sequenceModelsUnrolled_data()
    {
        QTest::addColumn<int>("cell");
        QTest::newRow("rnn") << int(dl::CellKind::RNN);
        QTest::newRow("gru") << int(dl::CellKind::GRU);
        QTest::newRow("lstm") << int(dl::CellKind::LSTM);
    }
    void sequenceModelsUnrolled()
    {
        QFETCH(int, cell);
        dl::CharModelSpec spec;
        spec.cell = dl::CellKind(cell), spec.vocab = 7, spec.hidden = 5, spec.depth = 2;
        dl::CharModel m(spec);
        dl::Rng rng(3);
        m.init(rng, 0.8f);
        for (dl::Param* p : m.params()) // biases too: the gates must not sit at σ(0)
            for (size_t i = 0; i < p->value.size(); ++i) p->value[i] += rng.uniform(-0.3f, 0.3f);
        const int T = 6, N = 3, V = spec.vocab;
        const std::string onnx = dl::charModelOnnxBytes(m, T, "test");
        cv::dnn::Net net = cv::dnn::readNetFromONNX(onnx.data(), onnx.size());
        std::vector<int> ids(static_cast<size_t>(T * N)); // ids[t·N + b]; −1 at t = 0 (the zero vector)
        for (int t = 0; t < T; ++t)
            for (int b = 0; b < N; ++b) ids[size_t(t * N + b)] = t == 0 ? -1 : int(rng.uniform(0.f, float(V) - 0.01f));
        std::vector<cv::Mat> inputs;
        std::vector<cv::String> outNames;
        for (int t = 0; t < T; ++t) {
            cv::Mat x = cv::Mat::zeros(N, V, CV_32F);
            for (int b = 0; b < N; ++b)
                if (ids[size_t(t * N + b)] >= 0) x.at<float>(b, ids[size_t(t * N + b)]) = 1;
            inputs.push_back(x);
            net.setInput(inputs.back(), "x_" + std::to_string(t + 1));
            outNames.push_back("y_" + std::to_string(t + 1));
        }
        std::vector<cv::Mat> outs;
        net.forward(outs, outNames);
        QCOMPARE(int(outs.size()), T);
        double gap = 0, spread = 0;
        for (int b = 0; b < N; ++b) {
            dl::CharModel::State state;
            for (int t = 0; t < T; ++t) {
                const Eigen::VectorXf ours = m.step(ids[size_t(t * N + b)], state);
                for (int v = 0; v < V; ++v) {
                    gap = std::max(gap, std::abs(double(ours[v]) - outs[size_t(t)].ptr<float>(b)[v]));
                    spread = std::max(spread, std::abs(double(ours[v])));
                }
            }
        }
        QVERIFY2(gap < 1e-5, qPrintable(QString("largest difference %1").arg(gap)));
        QVERIFY(spread > 0.1); // the logits are not all near zero
        QVERIFY_THROWS_EXCEPTION(dl::ConfigError, dl::charModelOnnxBytes(m, 0, ""));
    }
};

QTEST_GUILESS_MAIN(TstOnnxExport)
#include "tst_onnx_export.moc"
