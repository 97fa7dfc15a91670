// SPDX-License-Identifier: MIT
// dlcli triplet: the Faces lab's triplet-loss tab headless (COURSE.md §9). Trains an embedding on the classes
// that are not held out (core/faces/triplet_trainer.h) and reports, per epoch, the loss, the share of active
// triplets and the one-shot accuracy on the held-out classes; then the course's alternative, a logistic unit
// on |f(xᵢ) − f(xⱼ)|.
#include "app/labs/faces/cli.h"

#include "core/faces/triplet_trainer.h"
#include "core/optim/optimizer.h"
#include "core/util/error.h"
#include "core/util/file.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>

namespace {

using dlcli::Args;
using dlcli::Kind;
using dlcli::UsageError;

dl::TripletSetup setupFromArgs(const Args& a)
{
    dl::TripletSetup s;
    s.dim = int(a.num("dim", s.dim));
    s.margin = float(a.num("margin", s.margin));
    try {
        s.mining = dl::parseMining(a.str("mining", dl::miningName(s.mining)));
    } catch (const dl::ConfigError& e) {
        throw UsageError(std::string("--mining: ") + e.what());
    }
    try {
        if (a.has("held-out")) s.heldOut = dl::parseClassList(a.str("held-out", ""));
    } catch (const dl::ConfigError& e) {
        throw UsageError(std::string("--held-out: ") + e.what());
    }
    if (a.has("layers")) s.layers = dl::readFile(a.str("layers", ""));
    s.perClass = int(a.num("per-class", 0));
    s.heldOutPerClass = int(a.num("held-out-per-class", 0));
    s.seed = std::uint32_t(a.num("seed", 1));
    return s;
}

int triplet(const Args& a)
{
    const bool json = a.has("json");
    std::FILE* log = json ? stderr : stdout;
    dl::ImageSource src = dlcli::imageSourceFromArgs(a);
    src.devCount = 0; // every training image trains; the held-out classes' test images are the test
    const dl::TripletSetup setup = setupFromArgs(a);
    dl::Hyperparams h = dl::defaultTripletHyper();
    h.lr = float(a.num("lr", h.lr));
    h.opt.kind = dl::parseOpt(a.str("optimizer", "adam"));
    h.batch = int(a.num("batch", h.batch));
    h.decay = dlcli::decayFromArgs(a);
    const long epochs = long(a.num("epochs", 2));
    const int draws = int(a.num("draws", dl::kOneShotDraws));
    if (epochs < 0 || draws < 1) throw UsageError("--epochs must be 0 or more and --draws at least 1");
    const dl::ImageData data = dl::loadImageData(src);
    dl::TripletTrainer t(data.train, data.test, setup, h);
    const dl::OneShotResult before = t.oneShot(draws);
    std::fprintf(log, "%d training images of %d classes; one-shot on %d held-out images, chance %.3f; before "
                      "training %.3f\n",
                 t.trainSet().size(), data.train.classes - int(setup.heldOut.size()), t.heldOutSet().size(),
                 double(before.chance), double(before.accuracy));
    dl::Json rows = dl::Json::array();
    double seconds = 0, lastAccuracy = before.accuracy;
    dl::StepStats last;
    for (long e = 0; e < epochs && !last.diverged && !dlcli::cancelFlag().requested(); ++e) {
        double loss = 0, active = 0;
        long steps = 0;
        t.onStep = [&](const dl::StepStats& s) {
            if (!s.diverged) loss += s.cost, active += t.activeFraction(), ++steps;
        };
        const auto t0 = std::chrono::steady_clock::now();
        last = t.runEpoch(&dlcli::cancelFlag());
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const dl::OneShotResult r = t.oneShot(draws);
        lastAccuracy = r.accuracy;
        const double meanLoss = steps ? loss / steps : 0, meanActive = steps ? active / steps : 0;
        std::fprintf(log, "epoch %ld  loss %.4f  active triplets %.1f%%  one-shot %.3f  (%.1f s)\n", t.epochs(),
                     meanLoss, 100 * meanActive, double(r.accuracy), seconds);
        dl::Json row = dl::Json::object();
        row.set("epoch", t.epochs()).set("loss", meanLoss).set("active_fraction", meanActive);
        row.set("one_shot_accuracy", double(r.accuracy)).set("seconds", seconds);
        rows.push(std::move(row));
    }
    if (last.diverged) throw std::runtime_error(dl::divergenceMessage(last));
    const double pairAccuracy = t.pairClassifierAccuracy(4000, &dlcli::cancelFlag());
    std::fprintf(log, "one-shot accuracy %.3f (chance %.3f); the |f(x_i) - f(x_j)| classifier %.3f on held-out pairs\n",
                 lastAccuracy, double(before.chance), pairAccuracy);
    if (json) {
        dl::Json held = dl::Json::array();
        for (int c : setup.heldOut) held.push(c);
        dl::Json j = dl::Json::object();
        j.set("dim", setup.dim).set("margin", std::round(double(setup.margin) * 1e6) / 1e6).set("mining", dl::miningName(setup.mining));
        j.set("held_out", std::move(held)).set("train_images", t.trainSet().size());
        j.set("held_out_images", t.heldOutSet().size()).set("parameters", double(t.model().paramCount()));
        j.set("chance", double(before.chance)).set("one_shot_before", double(before.accuracy));
        j.set("one_shot_accuracy", lastAccuracy).set("pair_classifier_accuracy", pairAccuracy);
        j.set("epochs", std::move(rows)).set("seconds", seconds).set("steps", double(t.steps()));
        std::cout << j.dump() << std::endl;
    }
    return 0;
}

} // namespace

dlcli::Command tripletCommand()
{
    return {"triplet",
            "the Faces lab's triplet loss headless: an embedding trained on the classes not held out, one-shot "
            "accuracy on the held-out ones (COURSE.md §9)",
            dlcli::join({{"dim", Kind::Number, "embedding size (32)"},
                         {"margin", Kind::Number, "triplet margin α (0.2)"},
                         {"mining", Kind::Text, "random|semi-hard|hard negatives within each batch (semi-hard)"},
                         {"held-out", Kind::Text, "classes kept out of training, e.g. 7,8,9 (7,8,9)"},
                         {"per-class", Kind::Number, "training images per trained class (0: all)"},
                         {"held-out-per-class", Kind::Number, "one-shot test images per held-out class (0: all)"},
                         {"layers", Kind::Text, "a layer-list file ending in \"dense D\" and \"l2norm\""},
                         {"epochs", Kind::Number, "passes over the training images (2)"},
                         {"batch", Kind::Number, "mini-batch size (64)"},
                         {"optimizer", Kind::Text, "gd|momentum|rmsprop|adam (adam)"},
                         {"lr", Kind::Number, "learning rate α (0.001)"},
                         {"draws", Kind::Number, "random one-shot enrolments averaged (100)"}},
                        dlcli::join(dlcli::decayOptions(), dlcli::imageDataOptions())),
            "",
            0,
            triplet};
}
