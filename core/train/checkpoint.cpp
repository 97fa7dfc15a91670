// SPDX-License-Identifier: MIT
#include "core/train/checkpoint.h"

#include "core/train/serialize.h"
#include "core/util/binary_io.h"
#include "core/util/file.h"

#include <cmath>
#include <cstring>
#include <filesystem>

namespace dl {

using Writer = BinaryWriter;
using Reader = BinaryReader;

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

    Writer w;
    w.bytes("DLCK", 4);
    w.u32(kCheckpointVersion);
    w.str(h.dump());
    w.tensor(featureTensor(t.data().train));
    w.tensor(featureTensor(t.data().dev));
    for (Param* p : t.model().params()) w.tensor(p->value);
    for (Tensor* b : t.model().buffers()) w.tensor(*b);
    for (Tensor& s : t.optimizer().moments()) w.tensor(s);
    w.u32(static_cast<std::uint32_t>(c.perm.size()));
    w.bytes(c.perm.data(), c.perm.size() * sizeof(int));
    w.bytes("END!", 4);
    return w.m_out;
}

void saveCheckpoint(Trainer& t, const std::string& path)
{
    writeFileAtomic(path, checkpointBytes(t));
}

static Dataset2D readPoints(Reader& r, const Json& labels, int classes, const std::string& what)
{
    Dataset2D d;
    d.classes = classes;
    const size_t n = labels.size();
    Tensor xy({2, static_cast<int>(n)}); // featureTensor layout: row 0 x, row 1 y
    r.tensorInto(xy, what);
    for (size_t i = 0; i < n; ++i) {
        double l = labels[i].number("label");
        if (l < 0 || l >= classes) throw FormatError("a saved label is out of range");
        d.add(xy[i], xy[n + i], static_cast<int>(l));
    }
    return d;
}

std::unique_ptr<Trainer> checkpointFromBytes(const std::string& bytes, const std::string& path)
{
    const std::string name = std::filesystem::path(path).filename().string();
    Reader r(bytes, name);
    char magic[4];
    r.bytes(magic, 4);
    if (std::memcmp(magic, "DLCK", 4) != 0) throw FormatError(name + " is not a DL Visual Lab checkpoint.");
    std::uint32_t version = r.u32();
    if (version != kCheckpointVersion)
        throw FormatError(name + " is checkpoint version " + std::to_string(version) +
                          "; this build reads version " + std::to_string(kCheckpointVersion) + ".");
    const std::string header = r.str(); // a short file fails here with "truncated"
    Json h;
    try {
        h = Json::parse(header);
    } catch (const FormatError& e) {
        throw FormatError(name + " has a damaged header: " + e.what());
    }
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
        // Ranges checked in double, before the casts (a cast of an out-of-range double is undefined).
        const auto count = [&](const char* key, double hi) {
            const double v = h.at(key).number(key);
            if (!(v >= 0 && v <= hi && v == std::floor(v)))
                throw FormatError(name + " is damaged: its " + key + " (" + numberText(v) +
                                  ") is not a whole number from 0 to " + numberText(hi) + ".");
            return v;
        };
        c.step = static_cast<long>(count("step", 1e15));
        c.epoch = static_cast<long>(count("epoch", 1e15));
        c.batchPos = static_cast<int>(count("batch_pos", double(t->data().train.size())));
        std::uint32_t n = r.u32();
        if (n > static_cast<std::uint32_t>(t->data().train.size()))
            throw FormatError(name + " is damaged: the saved shuffle is longer than the training set.");
        c.perm.resize(n);
        r.bytes(c.perm.data(), n * sizeof(int));
        for (int v : c.perm)
            if (v < 0 || v >= t->data().train.size())
                throw FormatError(name + " is damaged: bad shuffle index.");
        t->setCursor(c);
        char end[4];
        r.bytes(end, 4);
        if (std::memcmp(end, "END!", 4) != 0)
            throw FormatError(name + " is damaged: the end marker is missing.");
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
