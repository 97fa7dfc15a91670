// SPDX-License-Identifier: MIT
#include "core/dynamics/surface.h"

#include "core/data/idx.h"
#include "core/util/error.h"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <numbers>

namespace dl {

namespace {

constexpr double kTwoPi = 2 * std::numbers::pi;

// log(1 + e^z) without overflow
double softplus(double z)
{
    return z > 0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z));
}

// Mean binary cross-entropy of σ(w·x + b) (COURSE.md §1: L = −y log a − (1 − y) log(1 − a) = softplus(z) − y·z)
// and its gradient (dz = a − y; dw = mean(dz·x), db = mean(dz)).
double logisticLoss(const LogisticData& d, double w, double b, double* gw, double* gb)
{
    double loss = 0, sw = 0, sb = 0;
    for (size_t i = 0; i < d.x.size(); ++i) {
        const double z = w * d.x[i] + b;
        loss += softplus(z) - d.y[i] * z;
        const double dz = 1 / (1 + std::exp(-z)) - d.y[i];
        sw += dz * d.x[i], sb += dz;
    }
    const double n = double(std::max<size_t>(1, d.x.size()));
    if (gw) *gw = sw / n, *gb = sb / n;
    return loss / n;
}

} // namespace

std::shared_ptr<const LogisticData> makeLogisticData(std::vector<double> x, std::vector<double> y, std::string source)
{
    if (x.empty() || x.size() != y.size()) throw ConfigError("the logistic surface needs examples with labels");
    auto d = std::make_shared<LogisticData>();
    d->x = std::move(x), d->y = std::move(y), d->source = std::move(source);
    // one feature: the classes are (quasi-)separable, and the loss falls forever along a direction, when every
    // example of one class lies at or beyond every example of the other
    double lo0 = INFINITY, hi0 = -INFINITY, lo1 = INFINITY, hi1 = -INFINITY;
    for (size_t i = 0; i < d->x.size(); ++i) {
        double& lo = d->y[i] > 0.5 ? lo1 : lo0;
        double& hi = d->y[i] > 0.5 ? hi1 : hi0;
        lo = std::min(lo, d->x[i]), hi = std::max(hi, d->x[i]);
    }
    if (!std::isfinite(lo0) || !std::isfinite(lo1) || hi0 <= lo1 || hi1 <= lo0)
        throw ConfigError("the two classes are separable by this feature: the loss has no minimum");
    // Newton's method on the convex loss: H = mean(a(1 − a)·[x² x; x 1])
    double w = 0, b = 0;
    for (int it = 0; it < 100; ++it) {
        double gw, gb, hww = 0, hwb = 0, hbb = 0;
        logisticLoss(*d, w, b, &gw, &gb);
        for (size_t i = 0; i < d->x.size(); ++i) {
            const double a = 1 / (1 + std::exp(-(w * d->x[i] + b))), s = a * (1 - a);
            hww += s * d->x[i] * d->x[i], hwb += s * d->x[i], hbb += s;
        }
        const double n = double(d->x.size());
        hww /= n, hwb /= n, hbb /= n;
        const double det = hww * hbb - hwb * hwb;
        if (!(det > 1e-300)) break;
        const double dw = (hbb * gw - hwb * gb) / det, db = (hww * gb - hwb * gw) / det;
        w -= dw, b -= db;
        if (std::abs(w) > 1e6 || std::abs(b) > 1e6)
            throw ConfigError("the two classes are separable by this feature: the loss has no minimum");
        if (std::abs(dw) + std::abs(db) < 1e-15) break;
    }
    d->minW = w, d->minB = b;
    return d;
}

std::shared_ptr<const LogisticData> fashionLogistic(const std::string& dir)
{
    static std::mutex mutex;
    static std::shared_ptr<const LogisticData> cached;
    std::lock_guard lock(mutex);
    if (cached) return cached;
    IdxArray images, labels;
    try {
        images = readIdx(dir + "/t10k-images-idx3-ubyte.gz");
        labels = readIdx(dir + "/t10k-labels-idx1-ubyte.gz");
    } catch (const IoError& e) {
        throw IoError(std::string(e.what()) + " The logistic surface needs Fashion-MNIST: install dataset-fashion-mnist "
                                              "(scripts/setup.sh does).");
    }
    if (images.dims.size() != 3 || labels.dims.size() != 1 || images.dims[0] != labels.dims[0])
        throw FormatError("Fashion-MNIST's test images and labels in " + dir + " do not belong together");
    const size_t pixels = size_t(images.dims[1]) * size_t(images.dims[2]);
    std::vector<double> x, y;
    for (size_t i = 0; i < labels.data.size(); ++i) {
        const int label = labels.data[i];
        if (label != 7 && label != 9) continue; // sneaker, ankle boot
        double ink = 0;
        for (size_t p = 0; p < pixels; ++p) ink += images.data[i * pixels + p];
        x.push_back(ink / (255.0 * double(pixels))), y.push_back(label == 9 ? 1 : 0);
    }
    cached = makeLogisticData(std::move(x), std::move(y),
                              "Fashion-MNIST test images, sneakers against ankle boots, x = the mean ink of the image");
    return cached;
}

double Surface::value(double x, double y) const
{
    switch (kind) {
    case SurfaceKind::Valley:
        return 0.5 * (x * x + kappa * y * y);
    case SurfaceKind::Rosenbrock:
        return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
    case SurfaceKind::Saddle:
        return x * x + y * y * y * y / 4 - y * y / 2;
    case SurfaceKind::Beale: {
        const double a = 1.5 - x + x * y, b = 2.25 - x + x * y * y, c = 2.625 - x + x * y * y * y;
        return a * a + b * b + c * c;
    }
    case SurfaceKind::Plateau:
        return 1 - std::exp(-(x * x + y * y) / 2);
    case SurfaceKind::Rastrigin:
        return 20 + x * x - 10 * std::cos(kTwoPi * x) + y * y - 10 * std::cos(kTwoPi * y);
    case SurfaceKind::Logistic:
        return logisticLoss(data ? *data : *fashionLogistic(), x, y, nullptr, nullptr);
    }
    return 0;
}

void Surface::gradient(double x, double y, double& gx, double& gy) const
{
    switch (kind) {
    case SurfaceKind::Valley:
        gx = x, gy = kappa * y;
        return;
    case SurfaceKind::Rosenbrock:
        gx = -2 * (1 - x) - 400 * x * (y - x * x), gy = 200 * (y - x * x);
        return;
    case SurfaceKind::Saddle:
        gx = 2 * x, gy = y * y * y - y;
        return;
    case SurfaceKind::Beale: {
        const double a = 1.5 - x + x * y, b = 2.25 - x + x * y * y, c = 2.625 - x + x * y * y * y;
        gx = 2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y * y * y - 1);
        gy = 2 * a * x + 2 * b * 2 * x * y + 2 * c * 3 * x * y * y;
        return;
    }
    case SurfaceKind::Plateau: {
        const double e = std::exp(-(x * x + y * y) / 2);
        gx = x * e, gy = y * e;
        return;
    }
    case SurfaceKind::Rastrigin:
        gx = 2 * x + 10 * kTwoPi * std::sin(kTwoPi * x), gy = 2 * y + 10 * kTwoPi * std::sin(kTwoPi * y);
        return;
    case SurfaceKind::Logistic:
        logisticLoss(data ? *data : *fashionLogistic(), x, y, &gx, &gy);
        return;
    }
    gx = gy = 0;
}

SurfaceView Surface::view() const
{
    switch (kind) {
    case SurfaceKind::Valley:
        return {-2.5, 2.5, -1.5, 1.5, -2, 1, 0, 0};
    case SurfaceKind::Rosenbrock:
        return {-2, 2, -1, 3, -1.5, 2, 1, 1};
    case SurfaceKind::Saddle:
        return {-2, 2, -2, 2, -1.5, 0.001, 0, 1};
    case SurfaceKind::Beale:
        return {-4.5, 4.5, -4.5, 4.5, 1, 1.5, 3, 0.5};
    case SurfaceKind::Plateau:
        return {-6, 6, -6, 6, -4, 3, 0, 0};
    case SurfaceKind::Rastrigin:
        return {-5.12, 5.12, -5.12, 5.12, 3.3, -2.7, 0, 0};
    case SurfaceKind::Logistic: {
        const auto d = data ? data : fashionLogistic();
        const double w = d->minW, b = d->minB, sw = std::max(2.0, 0.6 * std::abs(w));
        const double sb = std::max({2.0, 0.6 * std::abs(b), 0.5 * sw}); // a frame of 2 : 1 at one scale
        return {w - sw, w + sw, b - sb, b + sb, w - 0.8 * sw, b + 0.8 * sb, w, b};
    }
    }
    return {-1, 1, -1, 1, 0.5, 0.5, 0, 0};
}

std::vector<SurfaceKind> allSurfaces()
{
    return {SurfaceKind::Valley, SurfaceKind::Rosenbrock, SurfaceKind::Saddle,  SurfaceKind::Beale,
            SurfaceKind::Plateau, SurfaceKind::Rastrigin, SurfaceKind::Logistic};
}

const char* surfaceName(SurfaceKind k)
{
    switch (k) {
    case SurfaceKind::Valley:
        return "valley";
    case SurfaceKind::Rosenbrock:
        return "rosenbrock";
    case SurfaceKind::Saddle:
        return "saddle";
    case SurfaceKind::Beale:
        return "beale";
    case SurfaceKind::Plateau:
        return "plateau";
    case SurfaceKind::Rastrigin:
        return "rastrigin";
    case SurfaceKind::Logistic:
        return "logistic";
    }
    return "?";
}

SurfaceKind parseSurface(const std::string& name)
{
    for (SurfaceKind k : allSurfaces())
        if (name == surfaceName(k)) return k;
    throw ConfigError("unknown surface \"" + name + "\"; use valley, rosenbrock, saddle, beale, plateau, rastrigin or logistic");
}

} // namespace dl
