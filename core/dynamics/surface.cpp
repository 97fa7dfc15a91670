// SPDX-License-Identifier: MIT
#include "core/dynamics/surface.h"

#include "core/util/error.h"

#include <cmath>
#include <numbers>

namespace dl {

namespace {

constexpr double kTwoPi = 2 * std::numbers::pi;

} // namespace

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
    }
    return {-1, 1, -1, 1, 0.5, 0.5, 0, 0};
}

std::vector<SurfaceKind> allSurfaces()
{
    return {SurfaceKind::Valley, SurfaceKind::Rosenbrock, SurfaceKind::Saddle,
            SurfaceKind::Beale,  SurfaceKind::Plateau,    SurfaceKind::Rastrigin};
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
    }
    return "?";
}

SurfaceKind parseSurface(const std::string& name)
{
    for (SurfaceKind k : allSurfaces())
        if (name == surfaceName(k)) return k;
    throw ConfigError("unknown surface \"" + name + "\"; use valley, rosenbrock, saddle, beale, plateau or rastrigin");
}

} // namespace dl
