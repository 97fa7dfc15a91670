// SPDX-License-Identifier: MIT
#include "core/train/experiment.h"

#include "core/train/serialize.h"
#include "core/util/file.h"

#include <filesystem>

namespace dl {

static Json evalJson(const EvalStats& s)
{
    Json j = Json::object();
    j.set("cost", static_cast<double>(s.cost))
        .set("accuracy", static_cast<double>(s.accuracy))
        .set("count", s.count);
    return j;
}

Json toJson(const Experiment& e)
{
    Json j = Json::object();
    j.set("format", kExperimentFormat);
    j.set("version", kExperimentVersion);
    Json data = toJson(e.dataset);
    data.set("source", e.source);
    data.set("edited", e.edited);
    data.set("train", toJson(e.data.train));
    data.set("dev", toJson(e.data.dev));
    j.set("dataset", data);
    j.set("network", toJson(e.network));
    j.set("hyper", toJson(e.hyper));
    j.set("seed", static_cast<double>(e.seed));
    j.set("steps", e.steps);
    Json ch = Json::array();
    for (const HyperChange& c : e.changes) {
        Json cj = Json::object();
        cj.set("step", c.step).set("what", c.what).set("hyper", toJson(c.hyper));
        if (c.data) cj.set("train", toJson(c.data->train)).set("dev", toJson(c.data->dev));
        ch.push(cj);
    }
    j.set("changes", ch);
    if (e.result) {
        Json r = Json::object();
        r.set("epoch", e.result->epoch).set("step", e.result->step);
        r.set("train", evalJson(e.result->train)).set("dev", evalJson(e.result->dev));
        j.set("result", r);
    }
    return j;
}

Experiment experimentFromJson(const Json& j, const std::string& name)
{
    try {
        if (j.get("format", std::string()) != kExperimentFormat)
            throw FormatError("it is not a DL Visual Lab experiment file");
        const int version = wholeNumber<int>(j.get("version", 0.0), "version");
        if (version != kExperimentVersion)
            throw FormatError("it is version " + std::to_string(version) + "; this build reads version " +
                              std::to_string(kExperimentVersion));
        Experiment e;
        const Json& data = j.at("dataset");
        e.dataset = datasetSpecFromJson(data);
        e.source = data.get("source", std::string("synthetic"));
        if (const Json* ed = data.find("edited")) e.edited = ed->boolean("edited");
        e.data.train = datasetFromJson(data.at("train"));
        e.data.dev = datasetFromJson(data.at("dev"));
        e.network = modelSpecFromJson(j.at("network"));
        e.hyper = hyperFromJson(j.at("hyper"));
        e.seed = wholeNumber<std::uint32_t>(j.get("seed", 1.0), "seed");
        e.steps = wholeNumber<long>(j.get("steps", 0.0), "steps");
        long last = 0;
        for (const Json& c : j.at("changes").elements()) {
            HyperChange hc;
            hc.step = wholeNumber<long>(c.at("step").number("step"), "step");
            if (hc.step < last) throw FormatError("changes must be in step order");
            last = hc.step;
            hc.what = c.get("what", std::string());
            hc.hyper = hyperFromJson(c.at("hyper"));
            if (c.has("train")) hc.data = Split{datasetFromJson(c.at("train")), datasetFromJson(c.at("dev"))};
            e.changes.push_back(hc);
        }
        if (const Json* r = j.find("result")) {
            EpochStats s;
            s.epoch = wholeNumber<long>(r->get("epoch", 0.0), "result epoch");
            s.step = wholeNumber<long>(r->get("step", 0.0), "result step");
            s.train.cost = static_cast<float>(r->at("train").get("cost", 0.0));
            s.train.accuracy = static_cast<float>(r->at("train").get("accuracy", 0.0));
            s.dev.cost = static_cast<float>(r->at("dev").get("cost", 0.0));
            s.dev.accuracy = static_cast<float>(r->at("dev").get("accuracy", 0.0));
            e.result = s;
        }
        return e;
    } catch (const Error& err) {
        throw FormatError(std::filesystem::path(name).filename().string() +
                          " cannot be opened: " + err.what() + ".");
    }
}

void saveExperiment(const Experiment& e, const std::string& path)
{
    writeFileAtomic(path, toJson(e).dump(1) + "\n");
}

Experiment loadExperiment(const std::string& path)
{
    return experimentFromJson(Json::load(path), path);
}

std::unique_ptr<Trainer> makeTrainer(const Experiment& e)
{
    return std::make_unique<Trainer>(e.network, e.hyper, e.data, e.seed);
}

StepStats replay(Trainer& t, const Experiment& e, long toStep, const CancelFlag* cancel)
{
    StepStats s;
    s.step = t.steps();
    size_t next = 0;
    while (next < e.changes.size() && e.changes[next].step < t.steps()) ++next;
    while (t.steps() < toStep) {
        if (cancel && cancel->requested()) break;
        while (next < e.changes.size() && e.changes[next].step == t.steps()) {
            const HyperChange& c = e.changes[next++];
            if (c.data) t.setData(*c.data);
            t.setHyper(c.hyper);
        }
        s = t.step();
        if (t.onStep) t.onStep(s);
        if (s.diverged) break;
    }
    return s;
}

} // namespace dl
