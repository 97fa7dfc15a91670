// SPDX-License-Identifier: MIT
// A study: an experiment made of many small trainings or measurements (accuracy against a distance, a
// gradient's norm through time, optimisers side by side…) that advances in small pieces — one training step,
// one measurement — so a lab's worker can run it in chunks with progress and cancel (widgets/study_worker.h)
// and the CLI in a loop, and both show the same report: plot panels, a table and a note. Qt-free.
#pragma once
#include "core/util/json.h"

#include <string>
#include <vector>

namespace dl {

struct StudyCurve {
    std::string name;
    std::vector<double> x, y;
};
struct StudyPanel {
    std::string title, xLabel, yLabel;
    bool logY = false;
    std::vector<StudyCurve> curves;
    bool logX = false;
};
struct StudyReport {
    std::string title;
    std::vector<StudyPanel> panels;
    bool stacked = false; // the panels one under the other on the same x (α drawn under the cost curve)
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
