// SPDX-License-Identifier: MIT
// dlcli: the headless front end of the core, for scripts, benchmarks and replaying experiments.
// Links dlcore only (no Qt).
#include "core/data/csv.h"
#include "core/data/image_folder.h"
#include "core/data/synthetic.h"
#include "core/detect/annotate.h"
#include "core/detect/detector.h"
#include "core/detect/nms.h"
#include "core/layers/conv2d.h"
#include "core/layers/layer_list.h"
#include "core/style/style_image.h"
#include "core/style/style_transfer.h"
#include "core/train/checkpoint.h"
#include "core/train/experiment.h"
#include "core/train/gradcheck.h"
#include "core/train/image_model_file.h"
#include "core/train/image_trainer.h"
#include "core/train/sweep.h"
#include "core/util/file.h"
#include "core/util/memory.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <omp.h>
#include <string>

namespace {

dl::CancelFlag g_cancel;
extern "C" void onSignal(int)
{
    g_cancel.request();
}

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

const char* kUsage = R"(usage:
  dlcli train2d [options]          train a 2-D classifier (the Playground lab, headless)
  dlcli gradcheck [options]        gradient check of the network on the data; exit 0 when every layer < 1e-7
  dlcli train-images --model logreg|mlp|lenet5|cnn-bn|resnet-small --epochs N [--batch 64]
                   [--optimizer adam] [--lr 0.001] [--limit N] [--dev-count N] [--json]
                   [--l2 L] [--decay exponential --decay-rate 0.8] (per epoch)
                   [--layers FILE] (a layer list as the Images lab writes it, instead of --model)
                   [--augment "flip,crop,rotate:0.5:15"] (kind[:probability[:strength]], training only)
                   [--dataset fashion-mnist | folder:PATH [--size 28] [--channels 1|3]]
                   [--freeze N [--precompute]] (transfer learning: first N layers fixed)
                   [--save model.dlm] [--resume model.dlm] (keep training a saved model)
                                   The Images lab headless: Fashion-MNIST (Debian's dataset-fashion-mnist)
                                   or your own pictures
  dlcli detect IMAGE --model coco|coco-small|face|CFG:WEIGHTS [--score 0.25] [--iou 0.45]
                   [--class-agnostic] [--annotate out.png] [--json] [--models DIR] [--repeat N]
                                   YOLO object detection (the Detection lab headless): one JSON object
                                   with boxes in pixels of IMAGE; --repeat N times the forward pass
  dlcli style CONTENT STYLE --out out.png [--size 320] [--iterations 200] [--alpha 1] [--beta 1e4]
                   [--optimizer adam|lbfgs] [--lr R] [--content-layer 12]
                   [--style-layers 0:0.2,2:0.2,5:0.2,10:0.2,15:0.2] [--init content+noise|content|noise]
                   [--noise 0.25] [--seed 1] [--every 10] [--models DIR] [--json]
  dlcli style --replay RUN.json [--out out.png] [--json]
                                   neural style transfer (the Style lab headless): paints CONTENT in the
                                   style of STYLE; one cost line per --every iterations, a final JSON
                                   object with --json; --replay runs a file the Style lab saved
  dlcli bench-style [--width 320] [--height 240] [--through 18] [--repeat 21] [--models DIR]
                                   one style-transfer step (forward + costs + backward to the pixels) on
                                   Tiny Darknet, timed like ../shared/bench W6 (random images)
  dlcli bench-conv [--batch 64] [--in 32] [--out 64] [--size 28] [--kernel 3] [--reps 20]
                                   one Conv2d layer timed alone: forward and forward+backward GFLOP/s
  dlcli compare --vary hidden|lr|optimizer|init|l2|keep-prob|batch [--values LIST] [options]
                                   one run per value, all else equal (COURSE.md §1-4); default values are
                                   the course's (hidden: 1,2,3,4,5,20,50; lr: 0.01,0.001,0.0001; ...)

data:     --dataset flower|moons|circles|spiral|xor|blobs (flower)  --csv FILE (x,y,label rows)
          --count N  --noise S  --classes K (spiral, blobs)  --dev R (dev share, 0.2)  --seed N (1)
network:  --hidden 4 | 4,3 | 0 (none: logistic regression)  --activation tanh|relu|leaky|sigmoid (tanh)
          --init random|zeros|xavier|he|large (random = randn x 0.01)  --keep-prob P  --batch-norm
training: --optimizer gd|momentum|rmsprop|adam (gd)  --lr A (1.2)  --iterations N (10000)  --epochs N
          --batch B (0 = full batch)  --l2 L  --beta B  --beta1 B  --beta2 B  --eps E
          --decay none|inverse-time|exponential|step|inverse-sqrt  --decay-rate R  --decay-interval N
          --clip-value C  --clip-norm C
files:    --experiment FILE (replay a saved experiment; other options ignored)  --save-experiment FILE
          --save CHECKPOINT  --resume CHECKPOINT (continue training to --iterations)
output:   --json (one final JSON object on stdout; progress goes to stderr)  --quiet
)";

struct Args {
    std::string command;
    std::vector<std::string> positional;
    std::map<std::string, std::string> opts;
    bool has(const std::string& k) const { return opts.count(k) > 0; }
    std::string str(const std::string& k, const std::string& def) const
    {
        auto it = opts.find(k);
        return it == opts.end() ? def : it->second;
    }
    double num(const std::string& k, double def) const
    {
        auto it = opts.find(k);
        if (it == opts.end()) return def;
        char* end = nullptr;
        double v = std::strtod(it->second.c_str(), &end);
        if (it->second.empty() || *end != '\0')
            throw UsageError("--" + k + " expects a number, got \"" + it->second + "\"");
        return v;
    }
};

Args parseArgs(int argc, char** argv)
{
    static const char* flags[] = {"json",       "quiet",          "batch-norm", "help",
                                  "precompute", "class-agnostic", "profile"};
    Args a;
    if (argc < 2) throw UsageError("no command given");
    a.command = argv[1];
    for (int i = 2; i < argc; ++i) {
        std::string s = argv[i];
        if (s.rfind("--", 0) != 0) {
            const size_t maxPositional = a.command == "detect" ? 1 : a.command == "style" ? 2 : 0;
            if (a.positional.size() >= maxPositional) throw UsageError("unexpected argument \"" + s + "\"");
            a.positional.push_back(s);
            continue;
        }
        s = s.substr(2);
        bool flag = false;
        for (const char* f : flags) flag = flag || s == f;
        if (flag) {
            a.opts[s] = "1";
        } else {
            if (i + 1 >= argc) throw UsageError("--" + s + " needs a value");
            a.opts[s] = argv[++i];
        }
    }
    return a;
}

dl::Experiment experimentFromArgs(const Args& a)
{
    dl::Experiment e;
    e.seed = static_cast<std::uint32_t>(a.num("seed", 1));
    e.dataset.kind = a.str("dataset", "flower");
    e.dataset.count = static_cast<int>(a.num("count", 0));
    e.dataset.noise = static_cast<float>(a.num("noise", -1));
    e.dataset.classes = static_cast<int>(a.num("classes", 2));
    e.dataset.seed = e.seed;
    e.dataset.devRatio = static_cast<float>(a.num("dev", 0.2));
    dl::Dataset2D all;
    if (a.has("csv")) {
        all = dl::loadCsv2D(a.str("csv", ""));
        e.source = a.str("csv", "");
    } else {
        all = dl::makeSynthetic(e.dataset);
    }
    e.data = dl::splitDataset(all, e.dataset.devRatio, e.seed);
    e.network.hidden = dl::parseHidden(a.str("hidden", "4"));
    e.network.activation = dl::parseAct(a.str("activation", "tanh"));
    e.network.init = dl::parseInit(a.str("init", "random"));
    e.network.keepProb = static_cast<float>(a.num("keep-prob", 1));
    e.network.batchNorm = a.has("batch-norm");
    dl::Hyperparams& h = e.hyper;
    h.lr = static_cast<float>(a.num("lr", 1.2));
    h.opt.kind = dl::parseOpt(a.str("optimizer", "gd"));
    h.opt.beta = static_cast<float>(a.num("beta", h.opt.beta));
    h.opt.beta1 = static_cast<float>(a.num("beta1", h.opt.beta1));
    h.opt.beta2 = static_cast<float>(a.num("beta2", h.opt.beta2));
    h.opt.eps = static_cast<float>(a.num("eps", h.opt.eps));
    h.batch = static_cast<int>(a.num("batch", 0));
    h.l2 = static_cast<float>(a.num("l2", 0));
    h.keepProb = e.network.keepProb;
    h.decay.kind = dl::parseDecay(a.str("decay", "none"));
    h.decay.rate = static_cast<float>(a.num("decay-rate", h.decay.rate));
    h.decay.interval = static_cast<int>(a.num("decay-interval", h.decay.interval));
    h.clipValue = static_cast<float>(a.num("clip-value", 0));
    h.clipNorm = static_cast<float>(a.num("clip-norm", 0));
    dl::validate(h);
    return e;
}

int train2d(const Args& a)
{
    const bool json = a.has("json"), quiet = a.has("quiet");
    std::ostream& log = json ? std::cerr : std::cout;
    dl::Experiment e;
    std::unique_ptr<dl::Trainer> t;
    long target;
    if (a.has("experiment")) {
        e = dl::loadExperiment(a.str("experiment", ""));
        t = dl::makeTrainer(e);
        target = e.steps;
    } else if (a.has("resume")) {
        t = dl::loadCheckpoint(a.str("resume", ""));
        e.data = t->data();
        e.network = t->spec();
        e.hyper = t->hyper();
        target = static_cast<long>(a.num("iterations", 10000));
    } else {
        e = experimentFromArgs(a);
        t = dl::makeTrainer(e);
        const int n = e.data.train.size();
        const int b = e.hyper.batch <= 0 || e.hyper.batch >= n ? n : e.hyper.batch;
        const long perEpoch = (n + b - 1) / b;
        target = a.has("epochs") ? static_cast<long>(a.num("epochs", 1)) * perEpoch
                                 : static_cast<long>(a.num("iterations", 10000));
        e.steps = target;
    }
    if (target < 0 || target > 100000000) throw UsageError("--iterations must be between 0 and 1e8");
    const long every = std::max(1L, target / 10);
    t->onStep = [&](const dl::StepStats& s) {
        if (!quiet && (s.step % every == 0 || s.diverged)) {
            char buf[96];
            std::snprintf(buf, sizeof buf, "step %8ld  epoch %7ld  cost %.6f  lr %.4g\n", s.step, s.epoch,
                          static_cast<double>(s.cost), static_cast<double>(s.lr));
            log << buf;
        }
    };
    const auto t0 = std::chrono::steady_clock::now();
    const dl::StepStats last = dl::replay(*t, e, target, &g_cancel);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const dl::EpochStats ev = t->evaluateAll();
    if (a.has("save")) dl::saveCheckpoint(*t, a.str("save", ""));
    if (a.has("save-experiment")) {
        e.steps = t->steps();
        e.result = ev;
        dl::saveExperiment(e, a.str("save-experiment", ""));
    }
    std::string message;
    if (last.diverged)
        message = t->divergenceMessage(last);
    else if (g_cancel.requested())
        message = "Stopped by the user at step " + std::to_string(t->steps()) + ".";
    if (json) {
        dl::Json j = dl::Json::object();
        j.set("train_accuracy", static_cast<double>(ev.train.accuracy));
        j.set("dev_accuracy", static_cast<double>(ev.dev.accuracy));
        j.set("cost", static_cast<double>(ev.train.cost));
        j.set("dev_cost", static_cast<double>(ev.dev.cost));
        j.set("last_batch_cost", static_cast<double>(last.cost));
        j.set("iterations", t->steps());
        j.set("epochs", t->epochs());
        j.set("seconds", seconds);
        j.set("diverged", last.diverged);
        j.set("train_count", ev.train.count);
        j.set("dev_count", ev.dev.count);
        j.set("parameters", static_cast<double>(t->model().paramCount()));
        if (!message.empty()) j.set("message", message);
        if (e.result) {
            const bool same = e.result->train.cost == ev.train.cost &&
                              e.result->train.accuracy == ev.train.accuracy &&
                              e.result->dev.accuracy == ev.dev.accuracy;
            j.set("matches_saved_result", same);
        }
        std::cout << j.dump() << std::endl;
    } else {
        if (!message.empty()) std::cout << message << "\n";
        char buf[200];
        std::snprintf(buf, sizeof buf,
                      "train accuracy %.2f%%  dev accuracy %.2f%%  cost %.6f  (%ld steps in %.3f s)\n",
                      100.0 * ev.train.accuracy, 100.0 * ev.dev.accuracy, static_cast<double>(ev.train.cost),
                      t->steps(), seconds);
        std::cout << buf;
    }
    return last.diverged ? 3 : 0;
}

int gradcheck(const Args& a)
{
    dl::Experiment e = experimentFromArgs(a);
    if (!a.has("init")) e.network.init = dl::Init::Xavier; // non-trivial gradients in every layer
    auto t = dl::makeTrainer(e);
    const long warm = static_cast<long>(a.num("iterations", 0));
    if (warm > 0) t->run(warm);
    const dl::Tensor x = dl::featureTensor(e.data.train);
    const dl::Tensor y = dl::targetTensor(e.data.train, t->spec().outputs);
    const dl::GradCheckReport r =
        dl::gradientCheck(t->spec(), t->model(), x, y, t->lossKind(), e.hyper.l2, a.num("epsilon", 1e-6));
    if (a.has("json")) {
        dl::Json layers = dl::Json::array();
        for (const auto& l : r.layers) {
            dl::Json j = dl::Json::object();
            j.set("layer", l.layer).set("what", l.what).set("parameters", static_cast<double>(l.count));
            j.set("difference", l.difference).set("passed", l.difference < 1e-7);
            layers.push(j);
        }
        dl::Json j = dl::Json::object();
        j.set("layers", layers).set("overall", r.overall).set("worst", r.worst).set("passed", r.passed());
        std::cout << j.dump() << std::endl;
    } else {
        for (const auto& l : r.layers) {
            char buf[160];
            std::snprintf(buf, sizeof buf, "%-8s %-16s %5zu params  difference %.3e  %s\n", l.layer.c_str(),
                          l.what.c_str(), l.count, l.difference, l.difference < 1e-7 ? "ok" : "FAIL");
            std::cout << buf;
        }
        std::printf("overall difference %.3e: %s\n", r.overall, r.passed() ? "passed" : "FAILED");
    }
    return r.passed() ? 0 : 1;
}

int compare(const Args& a, const std::string& defaultParam)
{
    const dl::Experiment e = experimentFromArgs(a);
    const dl::SweepParam param = dl::parseSweepParam(a.str("vary", defaultParam));
    const std::string values = a.str("values", a.str("sizes", dl::defaultSweepValues(param)));
    const long iterations = static_cast<long>(a.num("iterations", 10000));
    const std::vector<dl::SweepRun> runs = dl::sweepRuns(e, param, values);
    dl::Json rows = dl::Json::array();
    bool failed = false;
    dl::runSweep(runs, iterations, 2, 10, &g_cancel, [&](const dl::SweepResult& r) {
        failed = failed || !r.error.empty();
        if (a.has("json")) {
            dl::Json j = dl::Json::object();
            j.set("label", r.label).set("train_accuracy", static_cast<double>(r.eval.train.accuracy));
            j.set("dev_accuracy", static_cast<double>(r.eval.dev.accuracy))
                .set("cost", static_cast<double>(r.eval.train.cost));
            j.set("diverged", r.diverged);
            if (!r.error.empty()) j.set("error", r.error);
            rows.push(j);
        } else if (!r.error.empty()) {
            std::printf("%-18s %s\n", r.label.c_str(), r.error.c_str());
        } else {
            std::printf("%-18s train %5.1f %%  dev %5.1f %%  cost %.4f%s\n", r.label.c_str(),
                        100.0 * r.eval.train.accuracy, 100.0 * r.eval.dev.accuracy,
                        static_cast<double>(r.eval.train.cost), r.diverged ? "  (diverged)" : "");
        }
    });
    if (a.has("json")) std::cout << rows.dump() << std::endl;
    return failed ? 1 : 0;
}

} // namespace

// The image lab headless (COURSE.md §6-7): Fashion-MNIST, a model preset, mini-batch training, evaluation.
int trainImages(const Args& a)
{
    const bool json = a.has("json");
    std::ostream& log = json ? std::cerr : std::cout;
    dl::ImageSource src;
    src.dataset = a.str("dataset", "fashion-mnist");
    if (src.dataset != "fashion-mnist" && src.dataset.rfind("folder:", 0) != 0)
        throw UsageError("--dataset: use fashion-mnist or folder:PATH");
    src.dir = a.str("data", dl::kFashionMnistDir);
    src.size = static_cast<int>(a.num("size", 28));
    src.channels = static_cast<int>(a.num("channels", 1));
    src.limit = static_cast<int>(a.num("limit", 0)); // a quick look on fewer training images
    src.devCount = static_cast<int>(a.num("dev-count", -1));
    src.seed = static_cast<std::uint32_t>(a.num("seed", 1));
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
        h.decay.kind = dl::parseDecay(a.str("decay", "none")); // per epoch (COURSE.md §4)
        h.decay.rate = static_cast<float>(a.num("decay-rate", h.decay.rate));
        h.decay.interval = static_cast<int>(a.num("decay-interval", h.decay.interval));
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
    for (long e = 0; e < epochs && !last.diverged && !g_cancel.requested(); ++e) {
        const auto t0 = std::chrono::steady_clock::now();
        last = t.runEpoch(&g_cancel);
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

// dlcli detect: the Detection lab's pipeline (Detector::run, then NMS) on one photo.
int detect(const Args& a, const char* argv0)
{
    if (a.positional.empty()) throw UsageError("detect needs an IMAGE");
    const std::string path = a.positional.front();
    const auto t0 = std::chrono::steady_clock::now();
    const std::string exeDir = std::filesystem::path(argv0).parent_path().string();
    dl::Detector det =
        dl::Detector::open(a.str("model", "coco"), dl::findModelsDir(a.str("models", ""), exeDir));
    det.setKeepOutputs(false); // nothing reads the inner layers here: reuse their buffers
    const dl::Photo photo = dl::loadPhoto(path);
    dl::NmsOptions opt;
    opt.scoreThreshold = static_cast<float>(a.num("score", det.info().defaultScore));
    opt.iouThreshold = static_cast<float>(a.num("iou", det.info().defaultIou));
    opt.perClass = !a.has("class-agnostic");
    if (opt.scoreThreshold < dl::kCandidateFloor || opt.scoreThreshold > 1 || opt.iouThreshold < 0 ||
        opt.iouThreshold > 1)
        throw UsageError("--score must be in [0.01, 1] and --iou in [0, 1]");
    const dl::DetectionRun run = det.run(photo);
    std::vector<double> whole, forward;
    std::vector<double> perLayer(det.net().layers().size(), 0.0);
    for (int r = 0; r < static_cast<int>(a.num("repeat", 0)); ++r) {
        const dl::DetectionRun again = det.run(photo);
        whole.push_back(again.seconds);
        forward.push_back(again.forwardSeconds);
        for (size_t l = 0; l < perLayer.size(); ++l) perLayer[l] += det.net().layerSeconds()[l];
    }
    if (a.has("profile") && !forward.empty()) { // mean milliseconds per layer, to stderr
        for (size_t l = 0; l < perLayer.size(); ++l)
            std::fprintf(stderr, "%3zu %-40s %7.3f ms\n", l, det.net().layers()[l].describe().c_str(),
                         perLayer[l] * 1e3 / forward.size());
    }
    const dl::NmsResult nms = dl::nonMaxSuppression(run.candidates, opt);
    const dl::Json list =
        dl::detectionsJson(run.candidates, nms.kept, photo.width, photo.height, det.info().classes);
    std::vector<dl::Label> labels;
    for (int i : nms.kept) {
        const dl::Detection& d = run.candidates[static_cast<size_t>(i)];
        char text[96];
        std::snprintf(text, sizeof text, "%s %.2f", det.className(d.cls).c_str(), d.score);
        labels.push_back({d.box, d.cls, text});
    }
    if (a.has("annotate")) dl::writeFileAtomic(a.str("annotate", ""), dl::annotatePng(photo, labels));
    dl::Json j = dl::Json::object();
    j.set("image", path)
        .set("width", photo.width)
        .set("height", photo.height)
        .set("model", a.str("model", "coco"));
    j.set("seconds", std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    j.set("network_seconds", run.seconds);
    if (!forward.empty()) { // medians of --repeat runs: network input + forward + decode, and forward alone
        std::sort(whole.begin(), whole.end());
        std::sort(forward.begin(), forward.end());
        j.set("repeat_median_seconds", whole[whole.size() / 2])
            .set("forward_median_seconds", forward[forward.size() / 2]);
    }
    j.set("candidates", static_cast<int>(nms.candidates.size())).set("detections", list);
    if (a.has("json")) {
        std::cout << j.dump() << std::endl;
    } else {
        for (const dl::Label& l : labels) {
            const dl::PixelRect r = dl::toPixels(l.box, photo.width, photo.height);
            std::printf("%-16s [%6.1f %6.1f %6.1f %6.1f]\n", l.text.c_str(), r.x, r.y, r.w, r.h);
        }
        std::printf("%zu detections (%zu candidates before NMS), network %.1f ms\n", labels.size(),
                    nms.candidates.size(), run.seconds * 1e3);
    }
    return 0;
}

// dlcli style: the Style lab's optimisation on two images (COURSE.md §10). A run file (the lab's "Save run",
// or --replay) holds the images, size, iteration count, settings and any changes made while paused.
dl::StyleSettings styleSettingsFromArgs(const Args& a, dl::StyleSettings s)
{
    if (a.has("content-layer")) s.weights.contentLayer = static_cast<int>(a.num("content-layer", 12));
    if (a.has("style-layers")) s.weights.style = dl::parseStyleLayers(a.str("style-layers", ""));
    s.weights.alpha = a.num("alpha", s.weights.alpha);
    s.weights.beta = a.num("beta", s.weights.beta);
    try {
        if (a.has("optimizer")) {
            s.optimizer = dl::parseStyleOptimizer(a.str("optimizer", ""));
            s.learningRate = dl::defaultLearningRate(s.optimizer);
        }
        if (a.has("init")) s.init = dl::parseStyleInit(a.str("init", ""));
    } catch (const dl::ConfigError& e) {
        throw UsageError(std::string("--") + e.what());
    }
    s.learningRate = a.num("lr", s.learningRate);
    s.noise = a.num("noise", s.noise);
    s.seed = static_cast<std::uint32_t>(a.num("seed", s.seed));
    if (!(s.weights.alpha >= 0) || !(s.weights.beta >= 0) || !std::isfinite(s.weights.alpha) ||
        !std::isfinite(s.weights.beta))
        throw UsageError("--alpha and --beta must be non-negative numbers");
    return s;
}

int style(const Args& a, const char* argv0)
{
    std::string contentPath, stylePath;
    int size = 320, iterations = 200;
    dl::StyleSettings settings;
    std::vector<std::pair<int, dl::StyleSettings>> changes; // (iteration, settings from then on)
    if (a.has("replay")) {
        const std::string file = a.str("replay", "");
        dl::StyleRun run = dl::parseStyleRun(dl::readFile(file), file);
        contentPath = run.content;
        stylePath = run.style;
        size = run.size;
        iterations = run.iterations;
        settings = run.settings;
        changes = std::move(run.changes);
    } else {
        if (a.positional.size() != 2) throw UsageError("style needs CONTENT and STYLE images");
        contentPath = a.positional[0];
        stylePath = a.positional[1];
        size = static_cast<int>(a.num("size", 320));
        iterations = static_cast<int>(a.num("iterations", 200));
        settings = styleSettingsFromArgs(a, settings);
        if (!a.has("out")) throw UsageError("style needs --out out.png");
    }
    if (iterations < 1 || iterations > 100000) throw UsageError("--iterations must be between 1 and 100000");
    if (const std::string out = a.str("out", ""); !out.empty()) { // before the run, not after it
        const std::filesystem::path dir = std::filesystem::absolute(out).parent_path();
        std::error_code ec;
        if (!std::filesystem::is_directory(dir, ec))
            throw std::runtime_error("cannot write " + out + ": the folder " + dir.string() +
                                     " does not exist; create it or choose another --out.");
    }
    const int every = std::max(1, static_cast<int>(a.num("every", 10)));
    const bool json = a.has("json");
    const auto t0 = std::chrono::steady_clock::now();
    const std::string exeDir = std::filesystem::path(argv0).parent_path().string();
    dl::FeatureChain chain = dl::loadStyleExtractor(dl::findModelsDir(a.str("models", ""), exeDir));
    const dl::Photo content = dl::loadPhoto(contentPath), painting = dl::loadPhoto(stylePath);
    const dl::ImageSize sz = dl::styleOutputSize(content, size);
    const dl::Tensor c = dl::photoToPixels(content, sz.width, sz.height, false);
    const dl::Tensor s = dl::photoToPixels(painting, sz.width, sz.height, true);
    dl::StyleTransfer st(std::move(chain), c, s, settings);
    FILE* log = json ? stderr : stdout;
    std::fprintf(log, "style: %s in the style of %s, %d×%d, %s, %d iterations\n", contentPath.c_str(),
                 stylePath.c_str(), sz.width, sz.height, dl::optimizerName(settings.optimizer), iterations);
    std::fprintf(log, "%6s %14s %14s %14s\n", "iter", "content", "style", "total");
    dl::StyleCosts first, last;
    dl::Json history = dl::Json::array();
    const auto tRun = std::chrono::steady_clock::now();
    size_t nextChange = 0;
    int done = 0;
    for (int it = 1; it <= iterations && !g_cancel.requested(); ++it) {
        while (nextChange < changes.size() && changes[nextChange].first < it) {
            st.setWeights(changes[nextChange].second.weights);
            st.setOptimizer(changes[nextChange].second.optimizer, changes[nextChange].second.learningRate);
            ++nextChange;
        }
        last = st.step();
        done = it;
        if (it == 1) first = last;
        dl::Json h = dl::Json::array();
        h.push(last.content);
        h.push(last.style);
        h.push(last.total);
        history.push(h);
        if (it % every == 0 || it == 1 || it == iterations)
            std::fprintf(log, "%6d %14.6g %14.6g %14.6g\n", it, last.content, last.style, last.total);
    }
    const double runSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - tRun).count();
    const std::string out = a.str("out", "");
    if (!out.empty()) dl::writeFileAtomic(out, dl::encodePng(dl::pixelsToPhoto(st.image())));
    if (json) {
        dl::Json j = dl::Json::object();
        j.set("content", contentPath).set("style", stylePath).set("out", out);
        j.set("width", sz.width).set("height", sz.height);
        j.set("content_cost", last.content).set("style_cost", last.style).set("total_cost", last.total);
        j.set("first_content_cost", first.content)
            .set("first_style_cost", first.style)
            .set("first_total_cost", first.total);
        dl::Json per = dl::Json::array();
        for (double v : last.perLayer) per.push(v);
        j.set("style_cost_per_layer", per);
        j.set("iterations", done).set("cancelled", done < iterations);
        j.set("seconds", std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        j.set("seconds_per_iteration", runSeconds / std::max(1, done));
        j.set("settings", dl::styleSettingsJson(st.settings()));
        j.set("history", history); // [content, style, total] per iteration
        std::cout << j.dump() << std::endl;
    }
    return done < iterations ? 130 : 0;
}

// dlcli bench-style: one style-transfer step as ../shared/bench W6 times it (random 320×240 content, style
// and starting images, content layer 12, style layers 0, 2, 5, 10, 15, α = 1, β = 1e4): forward through
// layers 0..--through (W6 runs 0..18), the costs, the backward to the pixels. Median of --repeat.
int benchStyle(const Args& a, const char* argv0)
{
    const int w = static_cast<int>(a.num("width", 320)), h = static_cast<int>(a.num("height", 240));
    const int through = static_cast<int>(a.num("through", 18)), reps = static_cast<int>(a.num("repeat", 21));
    if (w < dl::kMinStyleSide || h < dl::kMinStyleSide || reps < 1)
        throw UsageError("bad --width/--height/--repeat");
    const std::string exeDir = std::filesystem::path(argv0).parent_path().string();
    dl::FeatureChain chain = dl::loadStyleExtractor(dl::findModelsDir(a.str("models", ""), exeDir));
    dl::Rng rng(7);
    auto randomImage = [&] {
        dl::Tensor t({1, 3, h, w});
        for (size_t i = 0; i < t.size(); ++i) t[i] = rng.uniform();
        return t;
    };
    const dl::Tensor c = randomImage(), s = randomImage(), x = randomImage();
    dl::StyleProblem p(std::move(chain));
    p.setWeights(dl::StyleWeights{});
    p.setImages(c, s);
    dl::Tensor grad;
    auto median = [&](bool backward) {
        std::vector<double> t;
        for (int r = 0; r < reps + 2; ++r) {
            const auto t0 = std::chrono::steady_clock::now();
            p.evaluate(x, backward ? &grad : nullptr);
            if (through > p.deepestLayer()) p.chain().extend(through); // no cost reads them; W6 runs them
            const double sec = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            if (r >= 2) t.push_back(sec); // two warm-up runs
        }
        std::sort(t.begin(), t.end());
        return t[t.size() / 2];
    };
    const double fwd = median(false), both = median(true);
    dl::Json j = dl::Json::object();
    j.set("width", w).set("height", h).set("through", through).set("threads", omp_get_max_threads());
    j.set("forward_ms", fwd * 1e3).set("forward_backward_ms", both * 1e3);
    std::cout << j.dump() << std::endl;
    return 0;
}

int main(int argc, char** argv)
{
    dl::keepFreedMemory();
    std::signal(SIGINT, onSignal);
    try {
        Args a = parseArgs(argc, argv);
        if (a.command == "help" || a.command == "--help" || a.has("help")) {
            std::cout << kUsage;
            return 0;
        }
        if (a.command == "train2d") return train2d(a);
        if (a.command == "gradcheck") return gradcheck(a);
        if (a.command == "compare") return compare(a, "hidden");
        if (a.command == "train-images") return trainImages(a);
        if (a.command == "bench-conv") return benchConv(a);
        if (a.command == "detect") return detect(a, argv[0]);
        if (a.command == "style") return style(a, argv[0]);
        if (a.command == "bench-style") return benchStyle(a, argv[0]);
        if (a.command == "compare-hidden") return compare(a, "hidden");
        throw UsageError("unknown command \"" + a.command + "\"");
    } catch (const UsageError& e) {
        std::cerr << "dlcli: " << e.what() << "\n" << kUsage;
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "dlcli: error: " << e.what() << "\n";
        return 1;
    }
}
