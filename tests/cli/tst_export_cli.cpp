// SPDX-License-Identifier: MIT
// dlcli export: a LeNet-5 trained by dlcli train-images and saved as .dlm, exported to ONNX and run by OpenCV
// DNN on 1 000 Fashion-MNIST test pictures — its outputs equal ours (the saved model's forward) to 1e-4 and
// its accuracy is ours; a Playground checkpoint (.dlck) the same on a grid of points; bad calls one sentence.
#include "core/data/image_set.h"
#include "core/train/checkpoint.h"
#include "core/train/image_model_file.h"
#include "tests/require_files.h"
#include "tests/run_cli.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <opencv2/dnn.hpp>

class TstExportCli : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    static dltest::CliResult run(const QStringList& args) { return dltest::runCli(DLCLI_PATH, args, 300000); }

private slots:
    void leNet5ThroughOpenCv()
    {
        DL_NEEDS_FILES(QStringList{QString(dl::kFashionMnistDir) + "/t10k-images-idx3-ubyte.gz"},
                       "Debian's dataset-fashion-mnist, installed by scripts/setup.sh");
        const QString dlm = m_dir.filePath("lenet.dlm"), onnx = m_dir.filePath("lenet.onnx");
        dltest::CliResult r = run({"train-images", "--model", "lenet5", "--epochs", "1", "--limit", "2000", "--save",
                                   dlm, "--quiet"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = run({"export", dlm, "--onnx", onnx, "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject j = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(j["model"].toString(), QString("Images lab model"));
        QVERIFY(j["bytes"].toInt() > 200000); // 61 706 parameters of 4 bytes
        // Ours: the saved network's evaluation forward on the first 1 000 test pictures.
        dl::Sequential net = dl::loadImageNet(dl::readImageModel(dlm.toStdString()));
        const dl::ImageSet test = dl::loadFashionMnist(dl::kFashionMnistDir, false);
        const int n = 1000;
        dl::Tensor x({n, 1, 28, 28});
        std::copy(test.images.data(), test.images.data() + x.size(), x.data());
        const dl::Tensor ours = net.forward(x, dl::Mode::Eval); // (10, N)
        cv::dnn::Net cvNet = cv::dnn::readNetFromONNX(onnx.toStdString());
        const int dims[] = {n, 1, 28, 28};
        cvNet.setInput(cv::Mat(4, dims, CV_32F, x.data()));
        const cv::Mat theirs = cvNet.forward(); // (N, 10)
        QCOMPARE(int(theirs.total()), 10 * n);
        double gap = 0;
        int oursRight = 0, theirsRight = 0;
        for (int i = 0; i < n; ++i) {
            int a = 0, b = 0;
            for (int k = 0; k < 10; ++k) {
                const float o = ours[size_t(k) * n + size_t(i)], t = theirs.ptr<float>(i)[k];
                gap = std::max(gap, double(std::abs(o - t)));
                if (o > ours[size_t(a) * n + size_t(i)]) a = k;
                if (t > theirs.ptr<float>(i)[b]) b = k;
            }
            oursRight += a == test.labels[size_t(i)], theirsRight += b == test.labels[size_t(i)];
        }
        qInfo("largest difference %.3g; accuracy ours %.3f, OpenCV's %.3f", gap, oursRight / double(n), theirsRight / double(n));
        QVERIFY2(gap < 1e-4, qPrintable(QString::number(gap)));
        QCOMPARE(theirsRight, oursRight);
        QVERIFY(oursRight > 600); // trained: well above the 10 % of chance
    }
    void playgroundCheckpoint()
    {
        const QString ck = m_dir.filePath("moons.dlck"), onnx = m_dir.filePath("moons.onnx");
        dltest::CliResult r = run({"train2d", "--dataset", "moons", "--iterations", "300", "--save", ck, "--quiet"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = run({"export", ck, "--onnx", onnx});
        QVERIFY2(r.exitCode == 0 && r.out.contains("the Playground model, input (N, 2)"), r.out.constData());
        std::unique_ptr<dl::Trainer> t = dl::loadCheckpoint(ck.toStdString());
        const int n = 121;
        dl::Tensor grid({2, n});
        cv::Mat rows(n, 2, CV_32F);
        for (int i = 0; i < n; ++i) {
            grid[size_t(i)] = rows.at<float>(i, 0) = -1.5f + 0.3f * float(i % 11);
            grid[size_t(n + i)] = rows.at<float>(i, 1) = -1.5f + 0.3f * float(i / 11);
        }
        const dl::Tensor ours = t->model().forward(grid, dl::Mode::Eval);
        cv::dnn::Net cvNet = cv::dnn::readNetFromONNX(onnx.toStdString());
        cvNet.setInput(rows);
        const cv::Mat theirs = cvNet.forward();
        QCOMPARE(theirs.total(), ours.size());
        for (int i = 0; i < n; ++i) QVERIFY(std::abs(ours[size_t(i)] - theirs.ptr<float>()[i]) < 1e-4f);
    }
    void badCallsOneSentence()
    {
        dltest::CliResult r = run({"export", m_dir.filePath("notes.txt"), "--onnx", m_dir.filePath("x.onnx")});
        QVERIFY2(r.exitCode == 2 && r.err.contains("is neither a Playground checkpoint (.dlck) nor an Images lab model (.dlm)"),
                 r.err.constData());
        r = run({"export", m_dir.filePath("m.dlm")});
        QVERIFY2(r.exitCode == 2 && r.err.contains("say where the ONNX file goes: --onnx OUT.onnx"), r.err.constData());
        QFile junk(m_dir.filePath("junk.dlm"));
        QVERIFY(junk.open(QIODevice::WriteOnly) && junk.write("not a model") > 0);
        junk.close();
        r = run({"export", junk.fileName(), "--onnx", m_dir.filePath("y.onnx")});
        QVERIFY2(r.exitCode == 1 && r.err.startsWith("dlcli: error: ") && r.err.count('\n') == 1, r.err.constData());
        QVERIFY(!QFile::exists(m_dir.filePath("y.onnx")));
    }
};

QTEST_GUILESS_MAIN(TstExportCli)
#include "tst_export_cli.moc"
