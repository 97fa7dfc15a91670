// SPDX-License-Identifier: MIT
#include "core/data/dataset.h"

#include "core/util/rng.h"

#include <cmath>

namespace dl {

void Dataset2D::add(float x, float y, int cls)
{
    if (cls < 0 || cls >= classes) throw ConfigError("class " + std::to_string(cls) + " does not exist here");
    xy.push_back(x);
    xy.push_back(y);
    label.push_back(cls);
}

void Dataset2D::remove(int i)
{
    if (i < 0 || i >= size()) return;
    xy.erase(xy.begin() + 2 * i, xy.begin() + 2 * i + 2);
    label.erase(label.begin() + i);
}

int Dataset2D::nearest(float x, float y, float radius) const
{
    int best = -1;
    float bestD = radius * radius;
    for (int i = 0; i < size(); ++i) {
        float dx = xy[2 * i] - x, dy = xy[2 * i + 1] - y;
        float d = dx * dx + dy * dy;
        if (d <= bestD) {
            bestD = d;
            best = i;
        }
    }
    return best;
}

Split splitDataset(const Dataset2D& all, float devRatio, std::uint32_t seed)
{
    if (!(devRatio >= 0.f && devRatio <= 0.9f)) throw ConfigError("the dev share must be between 0 and 0.9");
    Rng rng(seed);
    std::vector<int> perm = rng.permutation(all.size());
    const int nDev = static_cast<int>(std::lround(devRatio * static_cast<float>(all.size())));
    Split s;
    s.train.classes = s.dev.classes = all.classes;
    for (int k = 0; k < all.size(); ++k) {
        int i = perm[k];
        (k < nDev ? s.dev : s.train).add(all.xy[2 * i], all.xy[2 * i + 1], all.label[i]);
    }
    return s;
}

Tensor featureTensor(const Dataset2D& d)
{
    const int n = d.size();
    Tensor t({2, n});
    for (int i = 0; i < n; ++i) {
        t[i] = d.xy[2 * i];
        t[n + i] = d.xy[2 * i + 1];
    }
    return t;
}

Tensor targetTensor(const Dataset2D& d, int outputs)
{
    const int n = d.size();
    Tensor t({outputs, n});
    for (int i = 0; i < n; ++i) {
        if (outputs == 1)
            t[i] = d.label[i] ? 1.f : 0.f;
        else
            t[static_cast<size_t>(d.label[i]) * n + i] = 1.f;
    }
    return t;
}

std::vector<int> predictedClasses(const Tensor& logits)
{
    const int k = logits.dim(0), n = logits.dim(1);
    std::vector<int> out(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        if (k == 1) {
            out[i] = logits[i] > 0.f ? 1 : 0;
        } else {
            int best = 0;
            for (int j = 1; j < k; ++j)
                if (logits[static_cast<size_t>(j) * n + i] > logits[static_cast<size_t>(best) * n + i])
                    best = j;
            out[i] = best;
        }
    }
    return out;
}

float accuracy(const Tensor& logits, const std::vector<int>& labels)
{
    if (labels.empty()) return 0.f;
    std::vector<int> p = predictedClasses(logits);
    int ok = 0;
    for (size_t i = 0; i < labels.size(); ++i) ok += p[i] == labels[i];
    return static_cast<float>(ok) / static_cast<float>(labels.size());
}

} // namespace dl
