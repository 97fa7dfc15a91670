// SPDX-License-Identifier: MIT
#include "core/train/gradcheck.h"

#include <cmath>
#include <map>

namespace dl {

static double costOf(SequentialT<double>& model, const TensorD& x, const TensorD& y,
                     const LossT<double>& loss, double l2)
{
    TensorD z = model.forward(x, Mode::Train);
    return loss.compute(z, y).value + l2Penalty(model.params(), l2, x.dim(1));
}

GradCheckReport gradientCheck(SequentialT<double>& model, const TensorD& x, const TensorD& y, LossKind kind,
                              double l2, double eps)
{
    auto loss = makeLoss<double>(kind);
    const int m = x.dim(1);
    std::vector<ParamT<double>*> params = model.params();
    model.zeroGrad();
    TensorD z = model.forward(x, Mode::Train);
    LossResultT<double> r = loss->compute(z, y);
    model.backward(r.dpred);
    addL2Grad(params, l2, m);

    // Per layer: Σ(g-a)², Σg², Σa²
    struct Acc {
        double diff2 = 0, g2 = 0, a2 = 0;
        size_t n = 0;
    };
    std::vector<std::string> order;
    std::map<std::string, Acc> acc;
    Acc all;
    for (ParamT<double>* p : params) {
        std::string layer = p->name.substr(0, p->name.find('.'));
        if (!acc.count(layer)) order.push_back(layer);
        Acc& a = acc[layer];
        const TensorD numeric = numericGradient(p->value, [&] { return costOf(model, x, y, *loss, l2); }, eps);
        for (size_t i = 0; i < p->value.size(); ++i) {
            const double approx = numeric[i];
            const double g = p->grad[i];
            for (Acc* t : {&a, &all}) {
                t->diff2 += (g - approx) * (g - approx);
                t->g2 += g * g;
                t->a2 += approx * approx;
                t->n += 1;
            }
        }
    }
    auto rel = [](const Acc& a) {
        const double den = std::sqrt(a.g2) + std::sqrt(a.a2);
        return den == 0 ? 0.0 : std::sqrt(a.diff2) / den;
    };
    GradCheckReport rep;
    for (const std::string& name : order) {
        GradCheckLayer l;
        l.layer = name;
        for (size_t i = 0; i < model.size(); ++i)
            if (model.layer(i).name() == name) l.what = model.layer(i).describe();
        l.count = acc[name].n;
        l.difference = rel(acc[name]);
        rep.worst = std::max(rep.worst, l.difference);
        rep.layers.push_back(l);
    }
    rep.overall = rel(all);
    model.zeroGrad();
    return rep;
}

GradCheckReport gradientCheck(const ModelSpec& spec, Sequential& model, const Tensor& x, const Tensor& y,
                              LossKind loss, float l2, double eps)
{
    ModelSpec s = spec;
    s.keepProb = 1.f;
    Rng rng(1);
    SequentialT<double> dm = buildModel<double>(s, rng);
    std::vector<ParamT<double>*> dp = dm.params();
    std::vector<Param*> fp = model.params();
    if (dp.size() != fp.size()) throw Error("gradient check: the model does not match its description");
    for (size_t i = 0; i < fp.size(); ++i) dp[i]->value = fp[i]->value.cast<double>();
    std::vector<TensorD*> db = dm.buffers();
    std::vector<Tensor*> fb = model.buffers();
    for (size_t i = 0; i < fb.size() && i < db.size(); ++i) *db[i] = fb[i]->cast<double>();
    return gradientCheck(dm, x.cast<double>(), y.cast<double>(), loss, static_cast<double>(l2), eps);
}

} // namespace dl
