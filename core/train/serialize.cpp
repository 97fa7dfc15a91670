// SPDX-License-Identifier: MIT
#include "core/train/serialize.h"

#include <cmath>

namespace dl {

Json toJson(const ModelSpec& s)
{
    Json hidden = Json::array();
    for (int h : s.hidden) hidden.push(h);
    Json j = Json::object();
    j.set("hidden", hidden);
    j.set("activation", actCliName(s.activation));
    j.set("init", initName(s.init));
    j.set("keep_prob", static_cast<double>(s.keepProb));
    j.set("batch_norm", s.batchNorm);
    j.set("leak", static_cast<double>(s.leak));
    return j;
}

ModelSpec modelSpecFromJson(const Json& j)
{
    ModelSpec s;
    s.hidden.clear();
    for (const Json& h : j.at("hidden").elements()) {
        double v = h.number("hidden size");
        if (v < 1 || v > 4096 || v != std::floor(v))
            throw ConfigError("hidden sizes must be whole numbers from 1 to 4096");
        s.hidden.push_back(static_cast<int>(v));
    }
    s.activation = parseAct(j.get("activation", std::string("tanh")));
    s.init = parseInit(j.get("init", std::string("random")));
    s.keepProb = static_cast<float>(j.get("keep_prob", 1.0));
    if (const Json* b = j.find("batch_norm")) s.batchNorm = b->boolean("batch_norm");
    s.leak = static_cast<float>(j.get("leak", 0.01));
    return s;
}

Json toJson(const DatasetSpec& s)
{
    Json j = Json::object();
    j.set("kind", s.kind);
    j.set("count", s.count);
    j.set("noise", static_cast<double>(s.noise));
    j.set("classes", s.classes);
    j.set("seed", static_cast<double>(s.seed));
    j.set("dev_ratio", static_cast<double>(s.devRatio));
    return j;
}

DatasetSpec datasetSpecFromJson(const Json& j)
{
    DatasetSpec s;
    s.kind = j.get("kind", s.kind);
    s.count = wholeNumber<int>(j.get("count", 0.0), "count");
    s.noise = static_cast<float>(j.get("noise", -1.0));
    s.classes = wholeNumber<int>(j.get("classes", 2.0), "classes");
    s.seed = wholeNumber<std::uint32_t>(j.get("seed", 1.0), "seed");
    s.devRatio = static_cast<float>(j.get("dev_ratio", 0.2));
    return s;
}

Json toJson(const Dataset2D& d)
{
    Json pts = Json::array();
    for (int i = 0; i < d.size(); ++i) {
        Json p = Json::array();
        p.push(static_cast<double>(d.xy[2 * i]));
        p.push(static_cast<double>(d.xy[2 * i + 1]));
        p.push(d.label[i]);
        pts.push(p);
    }
    Json j = Json::object();
    j.set("classes", d.classes);
    j.set("points", pts);
    return j;
}

Dataset2D datasetFromJson(const Json& j)
{
    Dataset2D d;
    d.classes = wholeNumber<int>(j.at("classes").number("classes"), "classes");
    if (d.classes < 2 || d.classes > 6) throw FormatError("classes must be between 2 and 6");
    for (const Json& p : j.at("points").elements()) {
        if (!p.isArray() || p.size() != 3) throw FormatError("each point must be [x, y, label]");
        double x = p[0].number("x"), y = p[1].number("y"), l = p[2].number("label");
        if (!std::isfinite(x) || !std::isfinite(y)) throw FormatError("a point has a non-finite coordinate");
        if (l < 0 || l >= d.classes || l != std::floor(l)) throw FormatError("a point has an invalid label");
        d.add(static_cast<float>(x), static_cast<float>(y), static_cast<int>(l));
    }
    return d;
}

} // namespace dl
