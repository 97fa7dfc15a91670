// SPDX-License-Identifier: MIT
#include "core/faces/face_stats.h"

#include "core/util/error.h"

#include <cmath>

namespace dl {

namespace {
template <typename A, typename B>
double distance(const A& a, const B& b, size_t n)
{
    double d2 = 0;
    for (size_t k = 0; k < n; ++k) d2 += (double(a[k]) - double(b[k])) * (double(a[k]) - double(b[k]));
    return std::sqrt(d2);
}
} // namespace

std::vector<double> distanceMatrix(const std::vector<std::vector<float>>& f)
{
    const size_t n = f.size();
    std::vector<double> d(n * n, 0.0);
    for (size_t i = 0; i < n; ++i) {
        if (f[i].size() != f[0].size()) throw ConfigError("distanceMatrix: encodings of different lengths");
        for (size_t j = 0; j < i; ++j) d[i * n + j] = d[j * n + i] = distance(f[i], f[j], f[i].size());
    }
    return d;
}

PairDistances pairDistances(const FaceDb& db)
{
    struct Item {
        size_t person;
        const FaceDescriptor* f;
    };
    std::vector<Item> all;
    for (size_t p = 0; p < db.people.size(); ++p)
        for (const FaceEntry& e : db.people[p].faces) all.push_back({p, &e.descriptor});
    PairDistances out;
    for (size_t i = 0; i < all.size(); ++i)
        for (size_t j = 0; j < i; ++j) {
            const double d = distance(*all[i].f, *all[j].f, kFaceDescriptorSize);
            (all[i].person == all[j].person ? out.same : out.different).push_back(d);
        }
    return out;
}

// COURSE.md §9: the same person when d ≤ τ.
ErrorRates errorRates(const PairDistances& p, double tau)
{
    ErrorRates r;
    r.tau = tau;
    size_t accepted = 0, rejected = 0;
    for (double d : p.different) accepted += d <= tau;
    for (double d : p.same) rejected += d > tau;
    r.falseAccept = p.different.empty() ? NAN : double(accepted) / double(p.different.size());
    r.falseReject = p.same.empty() ? NAN : double(rejected) / double(p.same.size());
    return r;
}

std::vector<ErrorRates> rateCurve(const PairDistances& p, double lo, double hi, int steps)
{
    std::vector<ErrorRates> out;
    for (int i = 0; i <= steps; ++i) out.push_back(errorRates(p, lo + (hi - lo) * i / std::max(1, steps)));
    return out;
}

} // namespace dl
