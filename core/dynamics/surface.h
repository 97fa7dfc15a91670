// SPDX-License-Identifier: MIT
// Two-dimensional loss surfaces for the training-dynamics lab's optimiser race (issue 15; COURSE.md §4:
// "saddle points and plateaus slow learning"): each a function f(x, y) with its exact gradient, a view that
// frames it and a start the race begins from. Qt-free.
#pragma once
#include <memory>
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
    Logistic,   // a 2-parameter model's loss on real data: the mean cross-entropy of σ(w·x + b) (COURSE.md §1)
                // at (w, b) = (x, y), x the mean ink of a Fashion-MNIST test image, sneakers (0) against
                // ankle boots (1); x is not normalised, so the valley is long and narrow (COURSE.md §1
                // "normalising inputs" is the cure)
};

// The data of the Logistic surface and its minimum (Newton's method, the loss being convex).
struct LogisticData {
    std::vector<double> x, y; // feature and 0/1 label per example
    double minW = 0, minB = 0;
    std::string source; // what the examples are, for the page
};
// x, y → the data with its minimum found; throws ConfigError when the classes are separable (no minimum).
std::shared_ptr<const LogisticData> makeLogisticData(std::vector<double> x, std::vector<double> y, std::string source);
// The Fashion-MNIST examples (test set, classes 7 and 9), read once from `dir`; IoError/FormatError naming the
// file when the dataset is missing ("install dataset-fashion-mnist" in the sentence).
std::shared_ptr<const LogisticData> fashionLogistic(const std::string& dir = "/usr/share/datasets/fashion-mnist");

struct SurfaceView {
    double x0, x1, y0, y1; // the region a contour plot shows
    double startX, startY; // the race's default start
    double minX, minY;     // a global minimum
};

struct Surface {
    SurfaceKind kind = SurfaceKind::Valley;
    double kappa = 10; // the valley's condition number (its Hessian is diag(1, κ)); ≥ 1
    std::shared_ptr<const LogisticData> data; // Logistic's examples; none: fashionLogistic()

    double value(double x, double y) const;
    void gradient(double x, double y, double& gx, double& gy) const;
    SurfaceView view() const;
};

const char* surfaceName(SurfaceKind k); // "valley", "rosenbrock", "saddle", "beale", "plateau", "rastrigin", "logistic"
// The kind by name; ConfigError naming the choices otherwise.
SurfaceKind parseSurface(const std::string& name);
std::vector<SurfaceKind> allSurfaces();

} // namespace dl
