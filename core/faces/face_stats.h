// SPDX-License-Identifier: MIT
// Distances at a glance (issue 14, COURSE.md §9): the distance matrix of a set of encodings; the distances of
// every pair of a labelled database, split into same-person and different-person pairs; and what a threshold
// τ does with them — verification says "the same person" when d ≤ τ, so a different-person pair with d ≤ τ
// is a false accept and a same-person pair with d > τ a false reject (the two error rates of a biometric
// verifier, ISO/IEC 19795-1's FAR/FRR). Qt-free.
#pragma once
#include "core/faces/face_db.h"

#include <vector>

namespace dl {

// Row-major N×N Euclidean distances ‖f(i) − f(j)‖ (the diagonal 0). Every encoding has the same length.
std::vector<double> distanceMatrix(const std::vector<std::vector<float>>& f);

struct PairDistances {
    std::vector<double> same, different; // one per unordered pair of the database's encodings
};
PairDistances pairDistances(const FaceDb& db);

struct ErrorRates {
    double tau = 0;
    double falseAccept = 0, falseReject = 0; // shares in [0, 1]; NaN when there is no pair of that kind
};
ErrorRates errorRates(const PairDistances& p, double tau);
// The rates at `steps` + 1 thresholds from lo to hi (inclusive).
std::vector<ErrorRates> rateCurve(const PairDistances& p, double lo, double hi, int steps);

} // namespace dl
