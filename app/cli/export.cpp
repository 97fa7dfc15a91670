// SPDX-License-Identifier: MIT
#include "app/cli/export.h"

#include "core/export/onnx_export.h"
#include "core/export/pytorch_export.h"
#include "core/data/dataset.h"
#include "core/data/image_set.h"
#include "core/layers/dense.h"
#include "core/train/checkpoint.h"
#include "core/train/image_model_file.h"
#include "core/util/error.h"
#include "core/util/json.h"

#include <cstdio>
#include <filesystem>

namespace dlcli {

namespace {

std::string extension(const std::string& path)
{
    return std::filesystem::path(path).extension().string();
}

// The Playground's points as rows for data.npz: (N, 2) and labels.
void pointsInto(const dl::Dataset2D& d, std::vector<float>& x, std::vector<std::int64_t>& y)
{
    x = d.xy;
    y.assign(d.label.begin(), d.label.end());
}

// Which of Fashion-MNIST's training pictures the model trained on, in the order loadImageData keeps them: the
// first `limit`, less the dev pictures its seeded split holds out (found by splitting the indices themselves).
std::vector<std::int64_t> fashionTrainIndex(const dl::ImageSource& s)
{
    const int all = 60000, n = s.limit > 0 ? std::min(s.limit, all) : all;
    dl::ImageSet ids;
    ids.images = dl::Tensor({n, 1, 1, 1});
    ids.classes = n;
    for (int i = 0; i < n; ++i) ids.labels.push_back(i);
    const int devCount = s.devCount >= 0 ? s.devCount : std::min(5000, n / 12);
    dl::ImageSet train, dev;
    dl::splitImages(std::move(ids), devCount, s.seed, train, dev);
    return {train.labels.begin(), train.labels.end()};
}

int run(const Args& a)
{
    const std::string in = a.positional.at(0), onnx = a.str("onnx", ""), torchDir = a.str("pytorch", "");
    if (onnx.empty() && torchDir.empty()) throw UsageError("say what to write: --onnx OUT.onnx and/or --pytorch FOLDER");
    dl::PytorchExport e;
    e.source = std::filesystem::path(in).filename().string();
    std::string what;
    auto write = [&](dl::Sequential& net) {
        if (!onnx.empty()) dl::saveOnnx(net, e.exampleShape, onnx, "exported by dlcli export from " + in);
        if (!torchDir.empty()) dl::savePytorch(net, e, torchDir);
    };
    if (extension(in) == ".dlck") { // the Playground: an MLP on 2-D points
        std::unique_ptr<dl::Trainer> t = dl::loadCheckpoint(in);
        dl::Sequential& net = t->model();
        auto* first = net.size() ? dynamic_cast<dl::Dense*>(&net.layer(0)) : nullptr;
        if (!first) throw dl::FormatError(in + " does not start with a dense layer; it is no Playground model.");
        e.exampleShape = {first->weight().value.shape()[1]};
        e.hyper = t->hyper(), e.binary = t->spec().outputs == 1, e.data = "arrays", e.optimizer = &t->optimizer();
        pointsInto(t->data().train, e.xTrain, e.yTrain);
        pointsInto(t->data().dev, e.xTest, e.yTest); // the dev points: the Playground's held-out set
        what = "Playground model";
        write(net);
    } else if (extension(in) == ".dlm") {
        const dl::ImageModelFile f = dl::readImageModel(in);
        dl::ImageNetState state = dl::loadImageNetState(f);
        dl::Sequential& net = state.net;
        e.optimizer = state.optimizer.get(), e.firstTrainedParam = state.firstTrainedParam;
        e.exampleShape = {f.c, f.h, f.w};
        e.hyper = f.hyper;
        if (!torchDir.empty() && f.source.dataset != "fashion-mnist")
            throw UsageError(in + " was trained on " + f.source.dataset + "; --pytorch writes a training script for "
                             "Fashion-MNIST models (export --onnx works for any)");
        e.dataDir = f.source.dir, e.limit = f.source.limit;
        if (!torchDir.empty()) e.trainIndex = fashionTrainIndex(f.source);
        what = "Images lab model";
        write(net);
    } else {
        throw UsageError(in + " is neither a Playground checkpoint (.dlck) nor an Images lab model (.dlm)");
    }
    std::string s;
    for (int d : e.exampleShape) s += (s.empty() ? "" : "×") + std::to_string(d);
    if (a.has("json")) {
        dl::Json shape = dl::Json::array();
        for (int d : e.exampleShape) shape.push(d);
        dl::Json j = dl::Json::object();
        j.set("model", what).set("example_shape", shape);
        if (!onnx.empty()) j.set("onnx", onnx).set("bytes", double(std::filesystem::file_size(onnx)));
        if (!torchDir.empty()) j.set("pytorch", torchDir);
        std::printf("%s\n", j.dump().c_str());
    } else if (!a.has("quiet")) {
        if (!onnx.empty())
            std::printf("wrote %s (%ju bytes): the %s, input (N, %s), output (N, classes); ONNX opset 11\n", onnx.c_str(),
                        std::uintmax_t(std::filesystem::file_size(onnx)), what.c_str(), s.c_str());
        if (!torchDir.empty())
            std::printf("wrote %s/: model.py, weights.npz, experiment.json, train.py (python3 %s/train.py --epochs 1, "
                        "or torchrun --nproc_per_node=2 %s/train.py)\n", torchDir.c_str(), torchDir.c_str(), torchDir.c_str());
    }
    return 0;
}

} // namespace

Command exportCommand()
{
    return {"export",
            "a trained model for other engines: a Playground checkpoint (.dlck) or an Images lab model (.dlm) as "
            "ONNX (opset 11; OpenCV DNN, ONNX Runtime) and/or as a PyTorch experiment that keeps training it",
            {{"onnx", Kind::Text, "the ONNX file to write (written to a temporary file, then renamed)"},
             {"pytorch", Kind::Text, "a folder for a PyTorch experiment: model.py, weights.npz, experiment.json, "
                                     "train.py (continues training; torchrun for several processes)"}},
            "MODEL",
            1,
            run};
}

} // namespace dlcli
