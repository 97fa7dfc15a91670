// SPDX-License-Identifier: MIT
// Simulated annotators (course chapter 12, "data labelling": crowd-sourcing and its quality control): each
// answers the hidden label, or with its error rate a wrong class drawn uniformly. How an item's label is
// bought: one annotator (taking turns), all of them and the majority, or one and the others only when the
// model disagrees with its answer. Screening: each annotator first labels items whose labels are known, and
// those wrong more often than a limit are let go.
#pragma once
#include "core/util/rng.h"

#include <optional>
#include <string>
#include <vector>

namespace dl {

enum class Vote { Single, Majority, Disagreement };
const char* voteName(Vote v); // "single", "majority", "disagreement"
std::optional<Vote> voteFromName(const std::string& name);

struct AnnotatorSpec {
    std::vector<double> errors{0.0}; // one error rate per annotator
    Vote vote = Vote::Single;
    int screen = 0;           // known items each annotator labels first (0: no screening)
    double screenLimit = 0.3; // an annotator wrong on more than this share of them is let go
};

class Annotators {
  public:
    Annotators(const AnnotatorSpec& s, int classes, std::uint32_t seed); // ConfigError for bad rates
    // Screening on known labels; returns the labels it bought. The best annotator always stays.
    int screen(const std::vector<int>& known);
    // An item's label; `bought` grows by the answers paid for. modelGuess: the model's class (Disagreement).
    int label(int truth, int modelGuess, int& bought);
    int kept() const { return int(m_active.size()); }
    const std::vector<double>& screenedError() const { return m_screened; } // per annotator, -1 unscreened

  private:
    int answer(int who, int truth);
    AnnotatorSpec m_spec;
    int m_classes;
    std::vector<Rng> m_rng; // one stream per annotator
    std::vector<int> m_active;
    std::vector<double> m_screened;
    int m_turn = 0;
};

} // namespace dl
