// SPDX-License-Identifier: MIT
#include "core/train/checkpoint.h"

#include "core/train/serialize.h"
#include "core/util/model_container.h"
#include "core/util/file.h"

#include <cmath>
#include <filesystem>

namespace dl {

const ContainerFormat kCheckpointFormat{"DLCK", kCheckpointVersion, kCheckpointVersion, "checkpoint",
                                        "a DL Visual Lab checkpoint."};

std::string checkpointBytes(Trainer& t)
{
    Json h = Json::object();
    h.set("network", toJson(t.spec()));
    h.set("hyper", toJson(t.hyper()));
    Trainer::Cursor c = t.cursor();
    h.set("step", c.step).set("epoch", c.epoch).set("batch_pos", c.batchPos);
    h.set("rng", t.rng().state());
    h.set("optimizer_t", t.optimizer().steps());
    Json drop = Json::array();
    for (size_t i = 0; i < t.model().size(); ++i) drop.push(t.model().layer(i).rngState());
    h.set("layer_rng", drop);
    Json names = Json::array();
    for (Param* p : t.model().params()) names.push(p->name);
    h.set("params", names);
    h.set("classes", t.data().train.classes);
    Json tl = Json::array(), dl = Json::array();
    for (int l : t.data().train.label) tl.push(l);
    for (int l : t.data().dev.label) dl.push(l);
    h.set("train_labels", tl).set("dev_labels", dl);

    ContainerWriter w(kCheckpointFormat, h);
    w.tensor(featureTensor(t.data().train));
    w.tensor(featureTensor(t.data().dev));
    for (Param* p : t.model().params()) w.tensor(p->value);
    for (Tensor* b : t.model().buffers()) w.tensor(*b);
    for (Tensor& s : t.optimizer().moments()) w.tensor(s);
    return w.finish(c.perm);
}

void saveCheckpoint(Trainer& t, const std::string& path)
{
    writeFileAtomic(path, checkpointBytes(t));
}

static Dataset2D readPoints(ContainerReader& r, const Json& labels, int classes, const std::string& what)
{
    Dataset2D d;
    d.classes = classes;
    const size_t n = labels.size();
    Tensor xy({2, static_cast<int>(n)}); // featureTensor layout: row 0 x, row 1 y
    r.tensorInto(xy, what);
    for (size_t i = 0; i < n; ++i) {
        double l = labels[i].number("label");
        if (!(l >= 0 && l < classes && l == std::floor(l))) throw FormatError("a saved label is out of range");
        d.add(xy[i], xy[n + i], static_cast<int>(l));
    }
    return d;
}

std::unique_ptr<Trainer> checkpointFromBytes(const std::string& bytes, const std::string& path)
{
    const std::string name = std::filesystem::path(path).filename().string();
    ContainerReader r(bytes, name, kCheckpointFormat);
    const Json& h = r.header();
    try {
        const int classes = wholeNumber<int>(h.at("classes").number("classes"), "classes");
        Split split;
        split.train = readPoints(r, h.at("train_labels"), classes, "the training points");
        split.dev = readPoints(r, h.at("dev_labels"), classes, "the dev points");
        const Hyperparams hyper = hyperFromJson(h.at("hyper"));
        auto t = std::make_unique<Trainer>(modelSpecFromJson(h.at("network")), hyper, std::move(split), 1u);
        std::vector<Param*> params = t->model().params();
        const Json& names = h.at("params");
        if (names.size() != params.size())
            throw FormatError(name + " holds " + std::to_string(names.size()) +
                              " parameter tensors; the network has " + std::to_string(params.size()) + ".");
        for (size_t i = 0; i < params.size(); ++i) r.tensorInto(params[i]->value, params[i]->name);
        for (Tensor* b : t->model().buffers()) r.tensorInto(*b, "a batch-norm running average");
        for (Tensor& s : t->optimizer().moments()) r.tensorInto(s, "the optimizer state");
        t->optimizer().setSteps(wholeNumber<long>(h.at("optimizer_t").number("optimizer_t"), "optimizer_t"));
        t->rng().setState(h.at("rng").string("rng"));
        const Json& lr = h.at("layer_rng");
        for (size_t i = 0; i < t->model().size() && i < lr.size(); ++i)
            if (!lr[i].string().empty()) t->model().layer(i).setRngState(lr[i].string());
        Trainer::Cursor c;
        const int n = t->data().train.size();
        c.step = static_cast<long>(r.count("step", 0, 1e15));
        c.epoch = static_cast<long>(r.count("epoch", 0, 1e15));
        c.batchPos = static_cast<int>(r.count("batch_pos", 0, n));
        c.perm = r.finish(static_cast<size_t>(n), n);
        t->setCursor(c);
        return t;
    } catch (const FormatError&) {
        throw;
    } catch (const Error& e) {
        throw FormatError(name + " is damaged: " + e.what());
    }
}

std::unique_ptr<Trainer> loadCheckpoint(const std::string& path)
{
    return checkpointFromBytes(readFile(path), path);
}

} // namespace dl
