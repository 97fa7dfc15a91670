// SPDX-License-Identifier: MIT
#include "core/train/hyper.h"

#include "core/util/error.h"

#include <cmath>
#include <cstdio>

namespace dl {

static void range(const char* name, double v, double lo, double hi)
{
    if (!(v >= lo && v <= hi)) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "%s must be between %g and %g, got %g", name, lo, hi, v);
        throw ConfigError(buf);
    }
}

void validate(const Hyperparams& h)
{
    range("learning rate", h.lr, 1e-6, 100);
    range("momentum beta", h.opt.beta, 0, 0.9999);
    range("Adam beta1", h.opt.beta1, 0, 0.9999);
    range("beta2", h.opt.beta2, 0, 0.999999);
    range("epsilon", h.opt.eps, 1e-12, 1);
    range("weight decay", h.opt.weightDecay, 0, 10);
    range("batch size", h.batch, 0, 1000000);
    range("L2 lambda", h.l2, 0, 100);
    range("keep_prob", h.keepProb, 0.05, 1);
    range("decay rate", h.decay.rate, 0, 100);
    range("decay interval", h.decay.interval, 1, 10000000);
    range("clip value", h.clipValue, 0, 1e6);
    range("clip norm", h.clipNorm, 0, 1e6);
}

Json toJson(const Hyperparams& h)
{
    Json j = Json::object();
    j.set("learning_rate", static_cast<double>(h.lr));
    j.set("optimizer", optName(h.opt.kind));
    j.set("momentum_beta", static_cast<double>(h.opt.beta));
    j.set("beta1", static_cast<double>(h.opt.beta1));
    j.set("beta2", static_cast<double>(h.opt.beta2));
    j.set("epsilon", static_cast<double>(h.opt.eps));
    j.set("weight_decay", static_cast<double>(h.opt.weightDecay));
    j.set("batch", h.batch);
    j.set("l2", static_cast<double>(h.l2));
    j.set("keep_prob", static_cast<double>(h.keepProb));
    j.set("decay", decayName(h.decay.kind));
    j.set("decay_rate", static_cast<double>(h.decay.rate));
    j.set("decay_interval", h.decay.interval);
    j.set("clip_value", static_cast<double>(h.clipValue));
    j.set("clip_norm", static_cast<double>(h.clipNorm));
    return j;
}

Hyperparams hyperFromJson(const Json& j)
{
    Hyperparams h;
    auto f = [&](const char* key, float def) {
        return static_cast<float>(j.get(key, static_cast<double>(def)));
    };
    h.lr = f("learning_rate", h.lr);
    h.opt.kind = parseOpt(j.get("optimizer", std::string(optName(h.opt.kind))));
    h.opt.beta = f("momentum_beta", h.opt.beta);
    h.opt.beta1 = f("beta1", h.opt.beta1);
    h.opt.beta2 = f("beta2", h.opt.beta2);
    h.opt.eps = f("epsilon", h.opt.eps);
    h.opt.weightDecay = f("weight_decay", h.opt.weightDecay);
    h.batch = wholeNumber<int>(j.get("batch", static_cast<double>(h.batch)), "batch");
    h.l2 = f("l2", h.l2);
    h.keepProb = f("keep_prob", h.keepProb);
    h.decay.kind = parseDecay(j.get("decay", std::string(decayName(h.decay.kind))));
    h.decay.rate = f("decay_rate", h.decay.rate);
    h.decay.interval =
        wholeNumber<int>(j.get("decay_interval", static_cast<double>(h.decay.interval)), "decay_interval");
    h.clipValue = f("clip_value", h.clipValue);
    h.clipNorm = f("clip_norm", h.clipNorm);
    validate(h);
    return h;
}

static std::string num(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}

std::string describeChange(const Hyperparams& a, const Hyperparams& b)
{
    std::string out;
    auto add = [&](const char* what, const std::string& x, const std::string& y) {
        if (x == y) return;
        out += (out.empty() ? "" : "; ") + std::string(what) + " " + x + " → " + y;
    };
    add("α", num(a.lr), num(b.lr));
    add("optimizer", optName(a.opt.kind), optName(b.opt.kind));
    add("β", num(a.opt.beta), num(b.opt.beta));
    add("β₁", num(a.opt.beta1), num(b.opt.beta1));
    add("β₂", num(a.opt.beta2), num(b.opt.beta2));
    add("ε", num(a.opt.eps), num(b.opt.eps));
    add("weight decay", num(a.opt.weightDecay), num(b.opt.weightDecay));
    add("batch", a.batch ? std::to_string(a.batch) : "full", b.batch ? std::to_string(b.batch) : "full");
    add("λ", num(a.l2), num(b.l2));
    add("keep_prob", num(a.keepProb), num(b.keepProb));
    add("decay", decayName(a.decay.kind), decayName(b.decay.kind));
    add("decay rate", num(a.decay.rate), num(b.decay.rate));
    add("decay interval", std::to_string(a.decay.interval), std::to_string(b.decay.interval));
    add("clip value", num(a.clipValue), num(b.clipValue));
    add("clip norm", num(a.clipNorm), num(b.clipNorm));
    return out;
}

} // namespace dl
