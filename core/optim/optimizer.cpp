// SPDX-License-Identifier: MIT
#include "core/optim/adam.h"
#include "core/optim/rmsprop.h"
#include "core/optim/sgd.h"

#include <algorithm>
#include <cmath>

namespace dl {

const char* optName(OptKind k)
{
    switch (k) {
    case OptKind::GD:
        return "gd";
    case OptKind::Momentum:
        return "momentum";
    case OptKind::RMSprop:
        return "rmsprop";
    case OptKind::Adam:
        return "adam";
    case OptKind::Nesterov:
        return "nesterov";
    case OptKind::AdamW:
        return "adamw";
    }
    return "?";
}

OptKind parseOpt(const std::string& s)
{
    for (OptKind k : {OptKind::GD, OptKind::Momentum, OptKind::RMSprop, OptKind::Adam, OptKind::Nesterov, OptKind::AdamW})
        if (s == optName(k)) return k;
    if (s == "sgd") return OptKind::GD;
    throw ConfigError("unknown optimizer \"" + s + "\"; use gd, momentum, rmsprop, adam, nesterov or adamw");
}

Optimizer::Optimizer(const OptimizerConfig& c, const std::vector<Param*>& params, int slotsPerParam)
    : m_cfg(c)
{
    for (int k = 0; k < slotsPerParam; ++k)
        for (const Param* p : params) m_slots.emplace_back(p->value.shape());
}

void GradientDescent::step(const std::vector<Param*>& params, float lr)
{
    ++m_t;
    for (Param* p : params) p->value.arr() -= lr * p->grad.arr();
}

void Optimizer::stepAndClear(const std::vector<Param*>& params, float lr, float clipValue)
{
    if (clipValue > 0.f) clipByValue(params, clipValue);
    step(params, lr);
    for (Param* p : params) p->grad.setZero();
}

// g = clamp(g, ±c) (COURSE.md §11), W -= α g, g = 0: one pass over each tensor.
void GradientDescent::stepAndClear(const std::vector<Param*>& params, float lr, float clipValue)
{
    ++m_t;
    const float c = clipValue;
    for (Param* p : params) {
        auto g = p->grad.arr();
        if (c > 0.f)
            p->value.arr() -= lr * g.max(-c).min(c);
        else
            p->value.arr() -= lr * g;
        g.setZero();
    }
}

void Momentum::step(const std::vector<Param*>& params, float lr)
{
    ++m_t;
    const float b = m_cfg.beta;
    for (size_t i = 0; i < params.size(); ++i) {
        auto v = m_slots[i].arr();
        v = b * v + (1.f - b) * params[i]->grad.arr();
        params[i]->value.arr() -= lr * v;
    }
}

void Nesterov::step(const std::vector<Param*>& params, float lr)
{
    ++m_t;
    const float b = m_cfg.beta;
    for (size_t i = 0; i < params.size(); ++i) {
        auto v = m_slots[i].arr();
        auto g = params[i]->grad.arr();
        v = b * v + (1.f - b) * g;
        params[i]->value.arr() -= lr * (b * v + (1.f - b) * g); // the step the next v would take from here
    }
}

void RmsProp::step(const std::vector<Param*>& params, float lr)
{
    ++m_t;
    const float b2 = m_cfg.beta2, eps = m_cfg.eps;
    for (size_t i = 0; i < params.size(); ++i) {
        auto s = m_slots[i].arr();
        auto g = params[i]->grad.arr();
        s = b2 * s + (1.f - b2) * g.square();
        params[i]->value.arr() -= lr * g / (s.sqrt() + eps);
    }
}

void Adam::step(const std::vector<Param*>& params, float lr)
{
    ++m_t;
    const float b1 = m_cfg.beta1, b2 = m_cfg.beta2, eps = m_cfg.eps;
    const float decay = m_decoupled ? m_cfg.weightDecay : 0.f; // AdamW: −αλW beside the Adam step
    // Bias corrections in double: 1-β₂ᵗ for small t is where float loses digits.
    const float c1 = static_cast<float>(1.0 - std::pow(static_cast<double>(b1), static_cast<double>(m_t)));
    const float c2 = static_cast<float>(1.0 - std::pow(static_cast<double>(b2), static_cast<double>(m_t)));
    const size_t n = params.size();
    for (size_t i = 0; i < n; ++i) {
        // Chunks of 4096 values, each updated while it is in L1 (the update is memory-bound: three
        // whole-tensor passes read everything three times). Eigen vectorises the square root.
        float* v = m_slots[i].data();
        float* s = m_slots[n + i].data();
        float* w = params[i]->value.data();
        const float* g = params[i]->grad.data();
        const long m = static_cast<long>(params[i]->value.size()), chunk = 4096;
#pragma omp parallel for schedule(static) if (m > 8 * chunk)
        for (long c0 = 0; c0 < m; c0 += chunk) {
            const long len = std::min(chunk, m - c0);
            ArrMap<float> vc(v + c0, len), sc(s + c0, len), wc(w + c0, len);
            const ConstArrMap<float> gc(g + c0, len);
            vc = b1 * vc + (1.f - b1) * gc;
            sc = b2 * sc + (1.f - b2) * gc.square();
            wc -= lr * ((vc / c1) / ((sc / c2).sqrt() + eps) + decay * wc);
        }
    }
}

std::unique_ptr<Optimizer> makeOptimizer(const OptimizerConfig& c, const std::vector<Param*>& params)
{
    switch (c.kind) {
    case OptKind::GD:
        return std::make_unique<GradientDescent>(c, params);
    case OptKind::Momentum:
        return std::make_unique<Momentum>(c, params);
    case OptKind::RMSprop:
        return std::make_unique<RmsProp>(c, params);
    case OptKind::Adam:
        return std::make_unique<Adam>(c, params);
    case OptKind::Nesterov:
        return std::make_unique<Nesterov>(c, params);
    case OptKind::AdamW:
        return std::make_unique<Adam>(c, params, true);
    }
    return nullptr;
}

void clipByValue(const std::vector<Param*>& params, float c)
{
    for (Param* p : params) p->grad.arr() = p->grad.arr().max(-c).min(c);
}

float gradientNorm(const std::vector<Param*>& params)
{
    double sq = 0;
    for (const Param* p : params) sq += p->grad.arr().template cast<double>().square().sum();
    return static_cast<float>(std::sqrt(sq));
}

float clipByNorm(const std::vector<Param*>& params, float c)
{
    const float norm = gradientNorm(params);
    if (norm > c && norm > 0.f) {
        const float k = c / norm;
        for (Param* p : params) p->grad.arr() *= k;
    }
    return norm;
}

} // namespace dl
