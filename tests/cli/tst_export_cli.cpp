// SPDX-License-Identifier: MIT
// dlcli export: a LeNet-5 trained by dlcli train-images and saved as .dlm, exported to ONNX and run by OpenCV
// DNN on 1 000 Fashion-MNIST test pictures — its outputs equal ours (the saved model's forward) to 1e-4 and
// its accuracy is ours; a Playground checkpoint (.dlck) the same on a grid of points; bad calls one sentence.
// The PyTorch experiment (Debian's python3-torch): model.py's forward equals ours to 1e-4 on 200 test pictures,
// train.py continues one epoch from the weights and the optimizer's state and lands within 1.5 points of ours
// continuing the same epoch (one epoch's shuffle alone moves it by ±1) and not below the exported accuracy;
// torchrun runs it in two processes (gloo); the Playground's experiment keeps its dev accuracy.
#include "core/data/image_set.h"
#include "core/export/npz.h"
#include "core/train/checkpoint.h"
#include "core/train/image_model_file.h"
#include "tests/require_files.h"
#include "tests/run_cli.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <opencv2/dnn.hpp>

namespace {

const char* const kTorch = "/usr/lib/python3/dist-packages/torch/__init__.py";
const char* const kPython = "/usr/bin/python3"; // Debian's, with python3-torch (not a virtualenv's)

// The accuracy of the last JSON line a training run printed.
double lastAccuracy(const QByteArray& out)
{
    const QList<QByteArray> lines = out.trimmed().split('\n');
    return QJsonDocument::fromJson(lines.last().mid(lines.last().indexOf('{'))).object()["test_accuracy"].toDouble(-1);
}

bool writeBytes(const QString& path, const std::string& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes.data(), qint64(bytes.size())) == qint64(bytes.size());
}

} // namespace

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
    void pytorchLeNet5()
    {
        DL_NEEDS_FILES((QStringList{QString(dl::kFashionMnistDir) + "/t10k-images-idx3-ubyte.gz", kTorch}),
                       "Debian's dataset-fashion-mnist and python3-torch, installed by scripts/setup.sh");
        const QString dlm = m_dir.filePath("le.dlm"), dir = m_dir.filePath("torch");
        dltest::CliResult r = run({"train-images", "--model", "lenet5", "--epochs", "2", "--limit", "5000", "--save",
                                   dlm, "--quiet", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const double exported = QJsonDocument::fromJson(r.out).object()["test_accuracy"].toDouble();
        r = run({"export", dlm, "--pytorch", dir});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        for (const char* f : {"model.py", "train.py", "weights.npz", "optimizer.npz", "experiment.json", "data.npz"})
            QVERIFY2(QFile::exists(dir + "/" + f), f);
        // model.py's forward against ours on 200 test pictures.
        dl::Sequential net = dl::loadImageNet(dl::readImageModel(dlm.toStdString()));
        const dl::ImageSet test = dl::loadFashionMnist(dl::kFashionMnistDir, false);
        const int n = 200;
        dl::NpyArray x, y;
        x.name = "x", x.shape = {n, 1, 28, 28}, x.f32.assign(test.images.data(), test.images.data() + n * 784);
        dl::Tensor xt({n, 1, 28, 28});
        std::copy(x.f32.begin(), x.f32.end(), xt.data());
        const dl::Tensor ours = net.forward(xt, dl::Mode::Eval); // (10, N): as rows (N, 10)
        y.name = "y", y.shape = {n, 10};
        for (int i = 0; i < n; ++i)
            for (int k = 0; k < 10; ++k) y.f32.push_back(ours[size_t(k) * n + size_t(i)]);
        QVERIFY(writeBytes(dir + "/x.npy", dl::npyBytes(x)) && writeBytes(dir + "/y.npy", dl::npyBytes(y)));
        const QString check = "import sys; sys.path.insert(0, '" + dir + "'); import model, numpy as np, torch; "
                              "m = model.load().eval(); out = m(torch.from_numpy(np.load('" + dir + "/x.npy'))); "
                              "print(float(abs(out.detach().numpy() - np.load('" + dir + "/y.npy')).max()))";
        r = dltest::runCli(kPython, {"-c", check}, 120000);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const double gap = r.out.trimmed().toDouble();
        qInfo("model.py against ours: largest difference %.3g", gap);
        QVERIFY2(gap < 1e-4, r.out.constData());
        // One more epoch in PyTorch and in the lab, from the same weights and optimizer state.
        r = dltest::runCli(kPython, {dir + "/train.py", "--epochs", "1", "--seed", "1"}, 300000);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const double torchAcc = lastAccuracy(r.out);
        r = run({"train-images", "--resume", dlm, "--epochs", "1", "--quiet", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const double oursAcc = QJsonDocument::fromJson(r.out).object()["test_accuracy"].toDouble();
        qInfo("exported %.4f; one more epoch: PyTorch %.4f, ours %.4f", exported, torchAcc, oursAcc);
        QVERIFY2(std::abs(torchAcc - oursAcc) <= 0.005 && torchAcc >= exported - 0.005, // the issue: ± 0.5 pt
                 qPrintable(QString("exported %1, PyTorch %2, ours %3").arg(exported).arg(torchAcc).arg(oursAcc)));
        // Two processes, DistributedDataParallel over gloo (torchrun's flags: train.py's comment).
        r = dltest::runCli("/usr/bin/torchrun", {"--redirects", "1", "--tee", "1", "--nproc_per_node", "2",
                                                 dir + "/train.py", "--epochs", "1"}, 300000);
        QVERIFY2(r.exitCode == 0 && r.out.contains("\"processes\": 2"), (r.out + r.err).constData());
        QVERIFY2(lastAccuracy(r.out) >= exported - 0.005, r.out.constData());
    }
    void pytorchPlayground()
    {
        DL_NEEDS_FILES(QStringList{kTorch}, "Debian's python3-torch, installed by scripts/setup.sh");
        const QString ck = m_dir.filePath("circles.dlck"), dir = m_dir.filePath("torch2d");
        dltest::CliResult r = run({"train2d", "--dataset", "moons", "--iterations", "2000", "--save", ck, "--quiet", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const double dev = QJsonDocument::fromJson(r.out).object()["dev_accuracy"].toDouble();
        QVERIFY2(run({"export", ck, "--pytorch", dir}).exitCode == 0, "export");
        r = dltest::runCli(kPython, {dir + "/train.py", "--epochs", "1"}, 120000);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(lastAccuracy(r.out) >= dev - 0.005, qPrintable(QString("dev %1: ").arg(dev) + r.out));
    }
    // A Sequence lab model (issue 17): dlcli charlm trains and saves a small LSTM, export --onnx --steps 8 unrolls
    // it, OpenCV DNN runs the graph; its y_1 … y_8 are valid logits for every input, the same for equal inputs
    // (no state leaks between examples of a batch), and a PyTorch export of it is refused in one sentence.
    void sequenceModel()
    {
        QFile corpus(m_dir.filePath("names.txt"));
        QVERIFY(corpus.open(QIODevice::WriteOnly));
        corpus.write("abc\nabd\nbcd\ncab\ndab\nbca\n");
        corpus.close();
        const QString model = m_dir.filePath("seq.dlm"), onnx = m_dir.filePath("seq.onnx");
        dltest::CliResult r = run({"charlm", "--corpus", corpus.fileName(), "--mode", "lines", "--cell", "lstm", "--hidden", "8", "--depth", "2",
                                   "--iterations", "50", "--samples", "0", "--save", model});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = run({"export", model, "--onnx", onnx, "--steps", "8", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject j = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(j.value("model").toString(), QString("Sequence lab model"));
        const int V = j.value("example_shape").toArray().at(1).toInt();
        QCOMPARE(j.value("example_shape").toArray().at(0).toInt(), 8);
        QVERIFY(V >= 5);
        cv::dnn::Net net = cv::dnn::readNetFromONNX(onnx.toStdString());
        std::vector<cv::Mat> xs;
        std::vector<cv::String> names;
        for (int t = 0; t < 8; ++t) {
            cv::Mat x = cv::Mat::zeros(2, V, CV_32F); // two identical sequences: zero, then symbol t % V
            if (t > 0) x.at<float>(0, t % V) = x.at<float>(1, t % V) = 1;
            xs.push_back(x);
            net.setInput(xs.back(), "x_" + std::to_string(t + 1));
            names.push_back("y_" + std::to_string(t + 1));
        }
        std::vector<cv::Mat> ys;
        net.forward(ys, names);
        QCOMPARE(int(ys.size()), 8);
        for (const cv::Mat& y : ys) {
            QCOMPARE(y.size[1], V);
            QVERIFY(cv::checkRange(y));
            QVERIFY(cv::norm(y.row(0), y.row(1), cv::NORM_INF) < 1e-6);
            QVERIFY(cv::norm(y.row(0), cv::NORM_INF) > 1e-3);
        }
        // The PyTorch experiment: model.py's hand-written cells against OpenCV's run of the ONNX graph (checked
        // against our forward in tst_onnx_export) on the same inputs, then train.py keeps training the model on the
        // corpus, in one process and under torchrun with two.
        DL_NEEDS_FILES(QStringList{kTorch}, "Debian's python3-torch, installed by scripts/setup.sh");
        const QString dir = m_dir.filePath("seq-torch");
        r = run({"export", model, "--pytorch", dir});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        dl::NpyArray y;
        y.name = "y", y.shape = {8, 2, V};
        for (const cv::Mat& m : ys) y.f32.insert(y.f32.end(), m.ptr<float>(), m.ptr<float>() + 2 * V);
        QVERIFY(writeBytes(dir + "/y.npy", dl::npyBytes(y)));
        const QString check = "import sys; sys.path.insert(0, '" + dir + "'); import model, numpy as np, torch; "
                              "ids = torch.tensor([[-1, -1]] + [[t % " + QString::number(V) + "] * 2 for t in range(1, 8)]); "
                              "out = model.load()(ids).detach().numpy(); print(float(abs(out - np.load('" + dir + "/y.npy')).max()))";
        r = dltest::runCli(kPython, {"-c", check}, 120000);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.trimmed().toDouble() < 1e-5, r.out.constData());
        r = dltest::runCli(kPython, {dir + "/train.py", "--text", corpus.fileName(), "--steps", "300"}, 120000);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        const double loss = QJsonDocument::fromJson(lines.last()).object()["loss_per_char"].toDouble();
        QVERIFY2(loss > 0 && loss < std::log(double(V)), lines.last().constData()); // below a uniform guess
        r = dltest::runCli("/usr/bin/torchrun", {"--redirects", "1", "--tee", "1", "--nproc_per_node", "2", dir + "/train.py",
                                                 "--text", corpus.fileName(), "--steps", "100"}, 240000);
        QVERIFY2(r.exitCode == 0 && r.out.contains("\"processes\": 2"), (r.out + r.err).constData());
    }
    void badCallsOneSentence()
    {
        dltest::CliResult r = run({"export", m_dir.filePath("notes.txt"), "--onnx", m_dir.filePath("x.onnx")});
        QVERIFY2(r.exitCode == 2 && r.err.contains("is neither a Playground checkpoint (.dlck) nor an Images lab model (.dlm)"),
                 r.err.constData());
        r = run({"export", m_dir.filePath("m.dlm")});
        QVERIFY2(r.exitCode == 2 && r.err.contains("say what to write: --onnx OUT.onnx and/or --pytorch FOLDER"), r.err.constData());
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
