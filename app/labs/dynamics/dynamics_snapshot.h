// SPDX-License-Identifier: MIT
// What the training-dynamics lab's worker sends its page: copies of the race, never pointers into it.
#pragma once
#include <QPointF>
#include <QString>
#include <vector>

namespace lab {

struct RacerTrack {
    int kind = 0;               // dl::OptKind
    float lr = 0;
    std::vector<QPointF> path;  // every position, the start first
    std::vector<double> losses; // f at every position
    bool diverged = false;
    QPointF first, second; // the optimiser's v and s at the current position (0 where it has none)
};

struct RaceSnapshot {
    long step = 0;
    int surface = 0; // dl::SurfaceKind
    double kappa = 10;
    std::vector<RacerTrack> racers;
};

} // namespace lab
