// SPDX-License-Identifier: MIT
// What the training-dynamics lab's worker sends its page: copies of the race, never pointers into it. Only
// the points since the last snapshot travel (a race of a million steps would otherwise copy its whole paths
// twenty times a second); the page keeps the whole tracks (DynamicsPage::apply).
#pragma once
#include <QPointF>
#include <QString>
#include <vector>

namespace lab {

struct RacerTrack {
    int kind = 0;               // dl::OptKind
    float lr = 0;
    size_t from = 0;            // the index in the whole track of path[0] and losses[0]
    std::vector<QPointF> path;  // the positions from `from` on (in the page's copy: every one, the start first)
    std::vector<double> losses; // f at those positions
    bool diverged = false;
    QPointF first, second; // the optimiser's v and s at the current position (0 where it has none)
};

struct RaceSnapshot {
    long step = 0;
    bool fresh = true; // a new race: the tracks start again (every from is 0)
    int surface = 0; // dl::SurfaceKind
    double kappa = 10;
    std::vector<RacerTrack> racers;
};

} // namespace lab
