// SPDX-License-Identifier: MIT
#include "core/data/synthetic.h"

#include "core/util/rng.h"

#include <cmath>
#include <numbers>

namespace dl {

const std::vector<std::string>& syntheticKinds()
{
    static const std::vector<std::string> kinds{"flower", "moons", "circles", "spiral", "xor", "blobs"};
    return kinds;
}

float defaultNoise(const std::string& kind)
{
    if (kind == "flower") return 0.2f;
    if (kind == "moons") return 0.2f;
    if (kind == "circles") return 0.1f;
    if (kind == "spiral") return 0.15f;
    if (kind == "xor") return 0.05f;
    if (kind == "blobs") return 0.6f;
    return 0.2f;
}

int defaultCount(const std::string& kind)
{
    return kind == "flower" ? 400 : 300;
}

// COURSE.md §2 planar data (load_planar_dataset): per class j, t = linspace(3.12j, 3.12(j+1), N/2) + N(0,
// σ²), r = a·sin(4t) + N(0, σ²) with a = 4, point (r sin t, r cos t); σ = 0.2 in the course.
static void flower(Dataset2D& d, int n, float noise, Rng& rng)
{
    const int half = n / 2;
    const float a = 4.f;
    for (int j = 0; j < 2; ++j) {
        for (int i = 0; i < half; ++i) {
            float t = 3.12f * j + 3.12f * static_cast<float>(i) / static_cast<float>(std::max(1, half - 1));
            t += rng.normal(0.f, noise);
            float r = a * std::sin(4.f * t) + rng.normal(0.f, noise);
            d.add(r * std::sin(t), r * std::cos(t), j);
        }
    }
}

// As sklearn.datasets.make_moons: two interleaving half circles plus Gaussian noise.
static void moons(Dataset2D& d, int n, float noise, Rng& rng)
{
    const int outer = n / 2, inner = n - outer;
    const float pi = std::numbers::pi_v<float>;
    for (int i = 0; i < outer; ++i) {
        float th = pi * static_cast<float>(i) / static_cast<float>(std::max(1, outer - 1));
        d.add(std::cos(th) + rng.normal(0.f, noise), std::sin(th) + rng.normal(0.f, noise), 0);
    }
    for (int i = 0; i < inner; ++i) {
        float th = pi * static_cast<float>(i) / static_cast<float>(std::max(1, inner - 1));
        d.add(1.f - std::cos(th) + rng.normal(0.f, noise), 0.5f - std::sin(th) + rng.normal(0.f, noise), 1);
    }
}

// As sklearn.datasets.make_circles with factor 0.5: an outer ring (class 0) around an inner one (class 1).
static void circles(Dataset2D& d, int n, float noise, Rng& rng)
{
    const float pi2 = 2.f * std::numbers::pi_v<float>;
    for (int i = 0; i < n; ++i) {
        int cls = i % 2;
        float th = pi2 * rng.uniform();
        float r = cls ? 0.5f : 1.f;
        d.add(r * std::cos(th) + rng.normal(0.f, noise), r * std::sin(th) + rng.normal(0.f, noise), cls);
    }
}

// K interleaved spiral arms (CS231n's toy spiral): radius grows linearly, angle 1.75 turns, arms offset 2π/K.
static void spiral(Dataset2D& d, int n, float noise, int k, Rng& rng)
{
    const float pi2 = 2.f * std::numbers::pi_v<float>;
    const int per = n / k;
    for (int c = 0; c < k; ++c) {
        for (int i = 0; i < per; ++i) {
            float r = 0.05f + 0.95f * static_cast<float>(i) / static_cast<float>(std::max(1, per - 1));
            float t = 1.75f * pi2 * r + pi2 * static_cast<float>(c) / static_cast<float>(k) +
                      rng.normal(0.f, noise);
            d.add(r * std::sin(t), r * std::cos(t), c);
        }
    }
}

// XOR quadrants as in TensorFlow Playground: uniform in the quadrants, pushed off the axes by a small
// margin, class 1 where x·y < 0, classes balanced; noise jitters the points after labelling.
static void xorData(Dataset2D& d, int n, float noise, Rng& rng)
{
    const float pad = 0.05f;
    for (int i = 0; i < n; ++i) {
        const int cls = i % 2; // balanced: alternate classes, pick a quadrant of that class
        float x = rng.uniform(pad, 1.f + pad), y = rng.uniform(pad, 1.f + pad);
        const bool flip = rng.uniform() < 0.5f;
        if (flip) x = -x;
        if ((cls == 1) != flip) y = -y; // class 1 where x·y < 0
        d.add(x + rng.normal(0.f, noise), y + rng.normal(0.f, noise), cls);
    }
}

// K Gaussian blobs with centres on a circle of radius 2, standard deviation = noise.
static void blobs(Dataset2D& d, int n, float noise, int k, Rng& rng)
{
    const float pi2 = 2.f * std::numbers::pi_v<float>;
    for (int i = 0; i < n; ++i) {
        int c = i % k;
        float a = pi2 * static_cast<float>(c) / static_cast<float>(k);
        d.add(2.f * std::cos(a) + rng.normal(0.f, noise), 2.f * std::sin(a) + rng.normal(0.f, noise), c);
    }
}

Dataset2D makeSynthetic(const DatasetSpec& spec)
{
    const auto& kinds = syntheticKinds();
    if (std::find(kinds.begin(), kinds.end(), spec.kind) == kinds.end())
        throw ConfigError("unknown dataset \"" + spec.kind +
                          "\"; use flower, moons, circles, spiral, xor or blobs");
    const int n = spec.count > 0 ? spec.count : defaultCount(spec.kind);
    const float noise = spec.noise >= 0.f ? spec.noise : defaultNoise(spec.kind);
    if (n < 4 || n > 100000) throw ConfigError("a dataset needs between 4 and 100000 points");
    if (noise > 5.f) throw ConfigError("noise must be between 0 and 5");
    const bool multi = spec.kind == "spiral" || spec.kind == "blobs";
    const int k = multi ? spec.classes : 2;
    if (k < 2 || k > 6) throw ConfigError("spiral and blobs take 2 to 6 classes");
    Dataset2D d;
    d.classes = k;
    Rng rng(spec.seed);
    if (spec.kind == "flower")
        flower(d, n, noise, rng);
    else if (spec.kind == "moons")
        moons(d, n, noise, rng);
    else if (spec.kind == "circles")
        circles(d, n, noise, rng);
    else if (spec.kind == "spiral")
        spiral(d, n, noise, k, rng);
    else if (spec.kind == "xor")
        xorData(d, n, noise, rng);
    else
        blobs(d, n, noise, k, rng);
    return d;
}

} // namespace dl
