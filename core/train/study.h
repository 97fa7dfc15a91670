// SPDX-License-Identifier: MIT
// A study: an experiment made of many small trainings or measurements (accuracy against a distance, a
// gradient's norm through time, optimisers side by side…) that advances in small pieces — one training step,
// one measurement — so a lab's worker can run it in chunks with progress and cancel (widgets/study_worker.h)
// and the CLI in a loop, and both show the same report: plot panels, a table and a note. Qt-free.
#pragma once
#include "core/train/plane_probe.h"
#include "core/util/json.h"

#include <string>
#include <vector>

namespace dl {

struct StudyCurve {
    std::string name;
    std::vector<double> x, y;
    int colour = -1;     // the curve's colour index; −1: its place in the panel
    bool dashed = false; // a second curve of the same thing (dev beside train)
};
struct StudyPanel {
    std::string title, xLabel, yLabel;
    bool logY = false;
    std::vector<StudyCurve> curves;
    bool logX = false;
};
// A decision map: a network's class probability over the plane with the points it saw (train) and did not
// (dev); a study comparing networks on 2-D data shows one per network.
struct StudyMap {
    std::string name;
    PlaneGrid grid;
    Split points;
};
struct StudyReport {
    std::string title;
    std::vector<StudyPanel> panels;
    bool stacked = false; // the panels one under the other on the same x (α drawn under the cost curve)
    std::vector<StudyMap> maps; // above the panels, side by side (at most 3)
    std::vector<std::vector<std::string>> table; // first row: the header
    std::string note;                           // one or two sentences: what was run, what it shows
};
Json toJson(const StudyReport& r);

class Study {
  public:
    virtual ~Study() = default;
    virtual bool advance() = 0;          // one piece of work; false when the study is complete
    virtual double progress() const = 0; // 0..1
    virtual StudyReport report() const = 0;
};

} // namespace dl
