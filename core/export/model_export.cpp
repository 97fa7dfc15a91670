// SPDX-License-Identifier: MIT
#include "core/export/model_export.h"

#include "core/data/dataset.h"
#include "core/data/image_set.h"
#include "core/export/onnx_export.h"
#include "core/export/pytorch_export.h"
#include "core/export/seq_onnx_export.h"
#include "core/export/seq_pytorch_export.h"
#include "core/layers/dense.h"
#include "core/seq/char_model_file.h"
#include "core/train/checkpoint.h"
#include "core/train/image_model_file.h"
#include "core/util/error.h"
#include "core/util/rng.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace dl {

namespace {

std::string extension(const std::string& path)
{
    return std::filesystem::path(path).extension().string();
}

bool fileStartsWith(const std::string& path, const char (&magic)[5])
{
    std::ifstream f(path, std::ios::binary);
    char head[4] = {};
    return f.read(head, 4) && std::equal(head, head + 4, magic);
}

// The Playground's points as rows for data.npz: (N, 2) and labels.
void pointsInto(const Dataset2D& d, std::vector<float>& x, std::vector<std::int64_t>& y)
{
    x = d.xy;
    y.assign(d.label.begin(), d.label.end());
}

// Which of Fashion-MNIST's training pictures the model trained on, in the order loadImageData keeps them: the
// first `limit`, less the dev pictures its seeded split holds out (found by splitting the indices themselves).
std::vector<std::int64_t> fashionTrainIndex(const ImageSource& s)
{
    const int all = 60000, n = s.limit > 0 ? std::min(s.limit, all) : all;
    ImageSet ids;
    ids.images = Tensor({n, 1, 1, 1});
    ids.classes = n;
    for (int i = 0; i < n; ++i) ids.labels.push_back(i);
    const int devCount = s.devCount >= 0 ? s.devCount : std::min(5000, n / 12);
    ImageSet train, dev;
    splitImages(std::move(ids), devCount, s.seed, train, dev);
    return {train.labels.begin(), train.labels.end()};
}

} // namespace

ModelExport exportModelFile(const std::string& in, const std::string& onnx, const std::string& torchDir,
                            const std::string& docString, int steps)
{
    if (extension(in) == ".dlm" && fileStartsWith(in, "DLSQ")) { // the Sequence lab's
        CharModelFile f = readCharModel(in);
        if (!onnx.empty()) saveCharModelOnnx(*f.model, steps, onnx, docString);
        if (!torchDir.empty()) {
            SeqPytorchExport e; // the lab's defaults of the file's corpus mode (char_trainer.h; the file keeps no hyper)
            e.source = std::filesystem::path(in).filename().string();
            const bool lines = f.mode == CorpusMode::Lines;
            e.hyper.opt.kind = lines ? OptKind::GD : OptKind::Adam;
            e.hyper.lr = lines ? 0.01f : 0.002f;
            e.hyper.clipValue = 5;
            saveCharModelPytorch(f, e, torchDir);
        }
        return {"Sequence lab model", {steps, f.model->spec().vocab}};
    }
    PytorchExport e;
    e.source = std::filesystem::path(in).filename().string();
    std::string what;
    auto write = [&](Sequential& net) {
        if (!onnx.empty()) saveOnnx(net, e.exampleShape, onnx, docString);
        if (!torchDir.empty()) savePytorch(net, e, torchDir);
    };
    if (extension(in) == ".dlck") { // the Playground: an MLP on 2-D points
        std::unique_ptr<Trainer> t = loadCheckpoint(in);
        Sequential& net = t->model();
        auto* first = net.size() ? dynamic_cast<Dense*>(&net.layer(0)) : nullptr;
        if (!first) throw FormatError(in + " does not start with a dense layer; it is no Playground model.");
        e.exampleShape = {first->weight().value.shape()[1]};
        e.hyper = t->hyper(), e.binary = t->spec().outputs == 1, e.data = "arrays", e.optimizer = &t->optimizer();
        pointsInto(t->data().train, e.xTrain, e.yTrain);
        pointsInto(t->data().dev, e.xTest, e.yTest); // the dev points: the Playground's held-out set
        what = "Playground model";
        write(net);
    } else if (extension(in) == ".dlm") {
        const ImageModelFile f = readImageModel(in);
        ImageNetState state = loadImageNetState(f);
        Sequential& net = state.net;
        e.optimizer = state.optimizer.get(), e.firstTrainedParam = state.firstTrainedParam;
        e.exampleShape = {f.c, f.h, f.w};
        e.hyper = f.hyper;
        if (!torchDir.empty() && f.source.dataset != "fashion-mnist") {
            const std::string& d = f.source.dataset;
            throw ConfigError("This model was trained on " + (d.rfind("folder:", 0) == 0 ? "the folder " + d.substr(7) : d) +
                              "; the PyTorch export writes a training script for Fashion-MNIST models only (the ONNX "
                              "export works for any).");
        }
        e.dataDir = f.source.dir, e.limit = f.source.limit;
        if (!torchDir.empty()) e.trainIndex = fashionTrainIndex(f.source);
        const int n = static_cast<int>(e.trainIndex.size()), batch = f.hyper.batch;
        if (n > 0 && batch > 0 && batch < n && f.epochPosition == 0 && !f.rngState.empty()) {
            Rng rng(1); // the saved engine: its next draw is the next epoch's shuffle (EpochOrder::take)
            rng.setState(f.rngState);
            for (int i : rng.permutation(n)) e.nextEpochOrder.push_back(i);
        }
        what = "Images lab model";
        write(net);
    } else {
        throw ConfigError(in + " is neither a Playground checkpoint (.dlck) nor an Images lab model (.dlm)");
    }
    return {what, e.exampleShape};
}

} // namespace dl
