// SPDX-License-Identifier: MIT
// Two-dimensional loss surfaces for the training-dynamics lab's optimiser race (issue 15; COURSE.md §4:
// "saddle points and plateaus slow learning"): each a function f(x, y) with its exact gradient, a view that
// frames it and a start the race begins from. Qt-free.
#pragma once
#include <string>
#include <vector>

namespace dl {

enum class SurfaceKind {
    Valley,     // the ill-conditioned quadratic ½(x² + κy²): a long narrow valley, condition number κ
    Rosenbrock, // (1 − x)² + 100(y − x²)² (Rosenbrock 1960): a curved valley, minimum (1, 1)
    Saddle,     // x² + y⁴/4 − y²/2: a saddle at the origin, minima at (0, ±1)
    Beale,      // (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)² (Beale 1958): minimum (3, 0.5)
    Plateau,    // 1 − exp(−(x² + y²)/2): nearly flat far from the minimum at the origin
    Rastrigin,  // 20 + Σ (x² − 10 cos 2πx) (Rastrigin 1974): local minima on a grid, the global one at 0
};

struct SurfaceView {
    double x0, x1, y0, y1; // the region a contour plot shows
    double startX, startY; // the race's default start
    double minX, minY;     // a global minimum
};

struct Surface {
    SurfaceKind kind = SurfaceKind::Valley;
    double kappa = 10; // the valley's condition number (its Hessian is diag(1, κ)); ≥ 1

    double value(double x, double y) const;
    void gradient(double x, double y, double& gx, double& gy) const;
    SurfaceView view() const;
};

const char* surfaceName(SurfaceKind k); // "valley", "rosenbrock", "saddle", "beale", "plateau", "rastrigin"
// The kind by name; ConfigError naming the choices otherwise.
SurfaceKind parseSurface(const std::string& name);
std::vector<SurfaceKind> allSurfaces();

} // namespace dl
