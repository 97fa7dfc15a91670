// SPDX-License-Identifier: MIT
#include "core/train/plane_probe.h"

#include "core/layers/activation.h"
#include "core/layers/softmax.h"

#include <cmath>

namespace dl {

Bounds dataBounds(const Split& s, float margin)
{
    Bounds b{1e30f, -1e30f, 1e30f, -1e30f};
    for (const Dataset2D* d : {&s.train, &s.dev})
        for (int i = 0; i < d->size(); ++i) {
            b.xmin = std::min(b.xmin, d->xy[2 * i]);
            b.xmax = std::max(b.xmax, d->xy[2 * i]);
            b.ymin = std::min(b.ymin, d->xy[2 * i + 1]);
            b.ymax = std::max(b.ymax, d->xy[2 * i + 1]);
        }
    if (b.xmin > b.xmax) return Bounds{};
    const float cx = (b.xmin + b.xmax) / 2, cy = (b.ymin + b.ymax) / 2;
    float half = std::max({b.xmax - b.xmin, b.ymax - b.ymin, 1e-3f}) / 2;
    half *= 1.f + 2.f * margin;
    return Bounds{cx - half, cx + half, cy - half, cy + half};
}

Tensor gridPoints(const Bounds& b, int res)
{
    const size_t cells = static_cast<size_t>(res) * res;
    Tensor p({2, static_cast<int>(cells)});
    for (int i = 0; i < res; ++i)
        for (int j = 0; j < res; ++j) {
            const size_t k = static_cast<size_t>(i) * res + j;
            p[k] = b.xmin + (b.xmax - b.xmin) * (static_cast<float>(j) + 0.5f) / static_cast<float>(res);
            p[cells + k] =
                b.ymax - (b.ymax - b.ymin) * (static_cast<float>(i) + 0.5f) / static_cast<float>(res);
        }
    return p;
}

PlaneGrid decisionGrid(Trainer& t, const Bounds& b, int res)
{
    PlaneGrid g;
    g.bounds = b;
    g.res = res;
    g.classes = std::max(2, t.data().train.classes);
    Tensor z = t.predict(gridPoints(b, res));
    if (z.dim(0) == 1) {
        g.prob.resize(z.size());
        for (size_t i = 0; i < z.size(); ++i) g.prob[i] = 1.f / (1.f + std::exp(-z[i]));
    } else {
        Tensor p;
        softmaxColumns(z, p);
        g.prob = p.toVector();
    }
    return g;
}

std::vector<UnitGrid> hiddenUnitGrids(Trainer& t, const Bounds& b, int res)
{
    std::vector<Tensor> outs;
    t.predict(gridPoints(b, res), &outs);
    std::vector<UnitGrid> grids;
    Sequential& m = t.model();
    for (size_t li = 0; li < m.size(); ++li) {
        if (!dynamic_cast<Activation*>(&m.layer(li))) continue;
        const Tensor& o = outs[li]; // (units, res·res): already one unit per row
        UnitGrid g;
        g.layer = m.layer(li).name();
        g.units = o.dim(0);
        g.res = res;
        g.values = o.toVector();
        g.scale.resize(static_cast<size_t>(g.units));
        for (int u = 0; u < g.units; ++u) g.scale[u] = o.mat().row(u).cwiseAbs().maxCoeff();
        grids.push_back(std::move(g));
    }
    return grids;
}

} // namespace dl
