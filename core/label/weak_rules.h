// SPDX-License-Identifier: MIT
// Weak supervision (course chapter 12, "data labelling": labelling functions): simple rules written by the
// user vote a class for the pool images they fire on; the votes become noisy labels. One rule a line:
//     brightness > 0.35 and aspect < 0.8 -> Pullover
//     region(0,20,28,28) < 0.05 -> Sandal          # the mean of columns 0–27, rows 20–27
//     model(Bag) >= 0.9 -> Bag                      # the seed model's probability of a class
// Measures: brightness (mean pixel), width, height (of the ink, pixels above 0.2), aspect (height / width),
// region(x0,y0,x1,y1) (a mean, ends exclusive), model(CLASS); comparisons < <= > >=; conditions joined by
// "and"; the class by name (as the data names it, any case) or number. '#' starts a comment.
#pragma once
#include "core/label/label_data.h"

#include <string>
#include <vector>

namespace dl {

struct RuleCondition {
    enum Measure { Brightness, Width, Height, Aspect, Region, Model } measure = Brightness;
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0; // Region
    int cls = 0;                        // Model
    bool greater = true, orEqual = false;
    double value = 0;
};

struct WeakRule {
    std::string text;
    int line = 0;
    std::vector<RuleCondition> conditions;
    int label = 0;
    bool usesModel() const;
};

// Throws DataError naming the rules file and line in one sentence ("rules.txt, line 3: no class \"Shoe\"; the
// classes are T-shirt/top, Trouser, …").
std::vector<WeakRule> parseRules(const std::string& text, const std::vector<std::string>& classNames,
                                 const std::string& name);

struct RuleStats {
    std::string text;
    int fired = 0;     // pool images it votes on
    int correct = 0;   // of them, with the hidden label (for the report; the learner never sees it)
    int conflicts = 0; // of them, where another rule votes another class
    double coverage() const;
    double accuracy() const { return fired ? double(correct) / fired : 0; }
    int pool = 0;
};

struct WeakLabels {
    std::vector<int> label; // per pool image: the rules' plurality vote, -1 when none fires or votes tie
    std::vector<RuleStats> rules;
    int covered = 0;   // images at least one rule fires on
    int labelled = 0;  // images with a vote (no tie)
    int correct = 0;   // of them, right
    int conflicted = 0;
    double coverage() const { return label.empty() ? 0 : double(covered) / double(label.size()); }
    double accuracy() const { return labelled ? double(correct) / labelled : 0; }
};

// modelProb: (classes, pool) probabilities of a model trained on the seed, needed when a rule uses model().
WeakLabels applyRules(const std::vector<WeakRule>& rules, const LabelData& d, const Tensor* modelProb);

} // namespace dl
