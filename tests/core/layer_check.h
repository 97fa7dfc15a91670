// SPDX-License-Identifier: MIT
// Test helpers: numeric gradient check of one layer in double precision (central differences) against its
// backward, for the input and for every Param. L = Σ y ⊙ R with a fixed random R makes dL/dy = R.
#pragma once
#include "core/layers/layer.h"
#include "core/train/gradcheck.h"
#include "core/util/rng.h"

#include <QtTest>
#include <cmath>
#include <functional>

namespace dltest {

inline dl::TensorD randomTensor(const dl::Shape& s, dl::Rng& rng, double scale = 1.0)
{
    dl::TensorD t(s);
    for (size_t i = 0; i < t.size(); ++i) t[i] = scale * rng.normal();
    return t;
}

inline double relDiff(const dl::TensorD& a, const dl::TensorD& b)
{
    double d = 0, na = 0, nb = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        d += (a[i] - b[i]) * (a[i] - b[i]);
        na += a[i] * a[i];
        nb += b[i] * b[i];
    }
    const double den = std::sqrt(na) + std::sqrt(nb);
    // A gradient that is zero in exact arithmetic (a bias just before batch norm) is rounding noise on both
    // sides; the relative formula is meaningless there, so compare absolutely.
    if (den < 1e-8) return std::sqrt(d);
    return std::sqrt(d) / den;
}

// `before` runs before every forward (e.g. to restore a dropout layer's generator state).
inline void checkLayerGradients(dl::LayerT<double>& layer, const dl::TensorD& x, double tol = 1e-7,
                                const std::function<void()>& before = {}, dl::Mode mode = dl::Mode::Train)
{
    dl::Rng rng(7);
    auto run = [&](const dl::TensorD& in) {
        if (before) before();
        return layer.forward(in, mode);
    };
    dl::TensorD y = run(x);
    const dl::TensorD r = randomTensor(y.shape(), rng);
    auto lossOf = [&](const dl::TensorD& in) {
        dl::TensorD out = run(in);
        double s = 0;
        for (size_t i = 0; i < out.size(); ++i) s += out[i] * r[i];
        return s;
    };
    for (auto* p : layer.params()) p->grad.setZero();
    run(x);
    const dl::TensorD dx = layer.backward(r);
    std::vector<dl::TensorD> grads;
    for (auto* p : layer.params()) grads.push_back(p->grad);
    dl::TensorD xp = x;
    const dl::TensorD approx = dl::numericGradient(xp, [&] { return lossOf(xp); });
    const double dxDiff = relDiff(dx, approx);
    if (dxDiff >= tol) qWarning("dL/dx relative difference %.3e", dxDiff);
    QVERIFY(dxDiff < tol);
    auto params = layer.params();
    for (size_t k = 0; k < params.size(); ++k) {
        const dl::TensorD a = dl::numericGradient(params[k]->value, [&] { return lossOf(x); });
        const double d = relDiff(grads[k], a);
        if (d >= tol) qWarning("%s relative difference %.3e", params[k]->name.c_str(), d);
        QVERIFY(d < tol);
    }
}

} // namespace dltest
