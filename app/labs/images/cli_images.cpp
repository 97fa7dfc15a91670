// SPDX-License-Identifier: MIT
// The Images lab headless (COURSE.md §6-7): train-images on Fashion-MNIST or a folder, bench-conv.
#include "app/labs/images/cli.h"

#include "core/data/image_folder.h"
#include "core/layers/conv2d.h"
#include "core/layers/layer_list.h"
#include "core/train/image_model_file.h"
#include "core/train/image_trainer.h"
#include "core/util/file.h"

#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>

namespace {

using dlcli::Args;
using dlcli::Kind;
using dlcli::UsageError;

// The image lab headless (COURSE.md §6-7): Fashion-MNIST, a model preset, mini-batch training, evaluation.
int trainImages(const Args& a)
{
    const bool json = a.has("json");
    std::ostream& log = json ? std::cerr : std::cout;
    dl::ImageSource src = dlcli::imageSourceFromArgs(a);
    src.devCount = static_cast<int>(a.num("dev-count", -1));
    std::unique_ptr<dl::ImageTrainer> tp;
    dl::ImageData data;
    if (a.has("resume")) { // keep training a saved model on the data it names
        const dl::ImageModelFile f = dl::readImageModel(a.str("resume", ""));
        src = f.source;
        data = dl::loadImageData(src);
        tp = dl::restoreImageTrainer(f, std::move(data.train), std::move(data.dev));
    } else {
        data = dl::loadImageData(src);
        dl::Hyperparams h;
        h.lr = static_cast<float>(a.num("lr", 0.001));
        h.opt.kind = dl::parseOpt(a.str("optimizer", "adam"));
        h.batch = static_cast<int>(a.num("batch", 64));
        h.l2 = static_cast<float>(a.num("l2", 0));
        h.decay = dlcli::decayFromArgs(a); // per epoch (COURSE.md §4)
        if (a.has("layers")) {
            const dl::Shape& is = data.train.images.shape();
            const auto layers = dl::parseLayerList(dl::readFile(a.str("layers", "")), is[1], is[2], is[3],
                                                   data.train.classes);
            tp = std::make_unique<dl::ImageTrainer>(layers, h, std::move(data.train), std::move(data.dev),
                                                    src.seed);
        } else {
            tp = std::make_unique<dl::ImageTrainer>(a.str("model", "mlp"), h, std::move(data.train),
                                                    std::move(data.dev), src.seed);
        }
        if (a.has("augment")) tp->setAugmentation(dl::AugmentPipeline::parse(a.str("augment", "")));
        if (a.has("freeze")) tp->setFrozen(static_cast<int>(a.num("freeze", 0)), a.has("precompute"));
    }
    for (const std::string& skip : data.skipped) log << "skipped " << skip << "\n";
    const dl::ImageSet& test = data.test;
    dl::ImageTrainer& t = *tp;
    const dl::Hyperparams& h = t.hyper();
    const long epochs = static_cast<long>(a.num("epochs", 1));
    const long startEpoch = t.epochs();
    double seconds = 0;
    dl::StepStats last;
    for (long e = 0; e < epochs && !last.diverged && !dlcli::cancelFlag().requested(); ++e) {
        const auto t0 = std::chrono::steady_clock::now();
        last = t.runEpoch(&dlcli::cancelFlag());
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const dl::EvalStats dv = t.evaluate(t.dev());
        char buf[160];
        std::snprintf(buf, sizeof buf, "epoch %ld  batch cost %.4f  dev accuracy %.2f%%  (%.1f s)\n",
                      t.epochs(), static_cast<double>(last.cost), 100.0 * dv.accuracy, seconds);
        log << buf;
    }
    if (a.has("save")) {
        dl::saveImageModel(t, src, a.str("save", ""));
        log << "saved " << a.str("save", "") << "\n";
    }
    const auto e0 = std::chrono::steady_clock::now(); // evaluation (forward only), timed apart from training
    const dl::EvalStats tr = t.evaluate(t.train()), dv = t.evaluate(t.dev()), te = t.evaluate(test);
    const double evalSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - e0).count();
    const double evalPerSecond = evalSeconds > 0 ? double(tr.count + dv.count + te.count) / evalSeconds : 0;
    // images actually trained on: whole epochs plus the steps of an interrupted one
    const double images = double(t.epochs() - startEpoch) * t.train().size() +
                          double(t.steps() - t.epochs() * t.stepsPerEpoch()) * std::max(1, h.batch);
    const double imagesPerSecond = seconds > 0 ? images / seconds : 0;
    if (json) {
        dl::Json j = dl::Json::object();
        const std::string model = a.has("resume")   ? a.str("resume", "")
                                  : a.has("layers") ? a.str("layers", "")
                                                    : a.str("model", "mlp");
        j.set("model", model).set("test_accuracy", double(te.accuracy));
        j.set("dev_accuracy", double(dv.accuracy)).set("train_accuracy", double(tr.accuracy));
        j.set("epochs", t.epochs()).set("seconds", seconds).set("images_per_second", imagesPerSecond);
        j.set("evaluation_images_per_second", evalPerSecond);
        j.set("parameters", double(t.model().paramCount())).set("diverged", last.diverged);
        std::cout << j.dump() << std::endl;
    } else {
        std::printf("train %.2f %%  dev %.2f %%  test %.2f %%  %.0f images/s\n", 100.0 * tr.accuracy,
                    100.0 * dv.accuracy, 100.0 * te.accuracy, imagesPerSecond);
    }
    return last.diverged ? 3 : 0;
}

// One Conv2d layer timed alone (issue: "a conv layer's GFLOP/s as a fraction of the machine's peak").
// FLOPs: forward 2·N·Cout·Ho·Wo·Cin·k² (COURSE.md §7 volumes); backward computes dW and dX, twice that.
int benchConv(const Args& a)
{
    dl::Conv2dSpec s;
    const int n = static_cast<int>(a.num("batch", 64)), size = static_cast<int>(a.num("size", 28));
    s.inChannels = static_cast<int>(a.num("in", 32));
    s.outChannels = static_cast<int>(a.num("out", 64));
    s.kernel = static_cast<int>(a.num("kernel", 3));
    s.pad = static_cast<int>(a.num("pad", (s.kernel - 1) / 2));
    const int reps = static_cast<int>(a.num("reps", 20));
    dl::Conv2d conv(s);
    dl::Rng rng(1);
    for (dl::Param* p : conv.params())
        for (size_t i = 0; i < p->value.size(); ++i) p->value[i] = 0.1f * rng.normal();
    dl::Tensor x({n, s.inChannels, size, size});
    for (size_t i = 0; i < x.size(); ++i) x[i] = rng.uniform();
    const dl::Tensor y0 = conv.forward(x, dl::Mode::Train); // warm-up: buffers allocated once
    const dl::Tensor dy(y0.shape(), 0.01f);
    conv.backward(dy);
    const double flops = 2.0 * n * s.outChannels * y0.dim(2) * y0.dim(3) * s.inChannels * s.kernel * s.kernel;
    auto timeIt = [&](bool backward) {
        std::vector<double> t;
        for (int r = 0; r < reps; ++r) {
            const auto t0 = std::chrono::steady_clock::now();
            conv.forward(x, dl::Mode::Train);
            if (backward) conv.backward(dy);
            t.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        }
        std::sort(t.begin(), t.end());
        return t[t.size() / 2];
    };
    const double fwd = timeIt(false), both = timeIt(true);
    dl::Json j = dl::Json::object();
    j.set("layer", conv.describe()).set("batch", n).set("size", size);
    j.set("forward_seconds", fwd).set("forward_gflops", flops / fwd / 1e9);
    j.set("train_seconds", both).set("train_gflops", 3 * flops / both / 1e9);
    std::cout << j.dump() << std::endl;
    return 0;
}

} // namespace

std::vector<dlcli::Command> imagesCommands()
{
    return {
        {"train-images",
         "the Images lab headless: Fashion-MNIST (Debian's dataset-fashion-mnist) or your own pictures",
         dlcli::join(
         {{"model", Kind::Text, "logreg|mlp|lenet5|cnn-bn|resnet-small (mlp)"},
          {"layers", Kind::Text, "a layer-list file as the Images lab writes it, instead of --model"},
          {"epochs", Kind::Number, "passes over the training set (1)"},
          {"batch", Kind::Number, "mini-batch size (64)"},
          {"optimizer", Kind::Text, "gd|momentum|rmsprop|adam (adam)"},
          {"lr", Kind::Number, "learning rate α (0.001)"},
          {"l2", Kind::Number, "L2 regularisation λ (0)"},
          {"augment", Kind::Text,
           "training-only augmentation, e.g. \"flip,crop,rotate:0.5:15\" "
           "(kind[:probability[:strength]])"},
          {"dev-count", Kind::Number, "images held out as dev (5000, or a twelfth of a small set)"},
          {"freeze", Kind::Number, "transfer learning: the first N layers stay fixed"},
          {"precompute", Kind::Flag, "with --freeze: run the fixed layers once over the training set"},
          {"save", Kind::Text, "save the model (.dlm)"},
          {"resume", Kind::Text, "keep training a saved model (.dlm) on the data it names"}},
         dlcli::join(dlcli::decayOptions(), dlcli::imageDataOptions())),
         "",
         0,
         trainImages},
        {"bench-conv",
         "one Conv2d layer timed alone: forward and forward+backward GFLOP/s",
         {{"batch", Kind::Number, "images (64)"},
          {"in", Kind::Number, "input channels (32)"},
          {"out", Kind::Number, "output channels (64)"},
          {"size", Kind::Number, "image height and width (28)"},
          {"kernel", Kind::Number, "kernel size (3)"},
          {"pad", Kind::Number, "padding ((kernel - 1) / 2)"},
          {"reps", Kind::Number, "repetitions; the median counts (20)"}},
         "",
         0,
         benchConv},
    };
}
