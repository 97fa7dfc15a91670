// SPDX-License-Identifier: MIT
// Classification metrics from predicted and true labels (COURSE.md §6): accuracy, confusion matrix, and per
// class precision, recall and F1 (the single-number metric 2PR/(P+R)). Values only.
#pragma once
#include <cstddef>
#include <vector>

namespace dl {

struct ClassMetrics {
    int support = 0;     // true examples of the class
    float precision = 0; // TP / (TP + FP); 0 when nothing was predicted as the class
    float recall = 0;    // TP / (TP + FN); 0 when the class has no examples
    float f1 = 0;        // 2PR / (P + R); 0 when P + R = 0
};

struct Metrics {
    int classes = 0;
    int count = 0;
    float accuracy = 0;
    std::vector<int> confusion; // (K, K) row-major: row = true class, column = predicted class
    std::vector<ClassMetrics> perClass;
    float macroF1 = 0; // unweighted mean of the per-class F1
    int at(int truth, int predicted) const { return confusion[std::size_t(truth) * classes + predicted]; }
};

// Throws ConfigError when the lists differ in length or hold a label outside [0, classes).
Metrics computeMetrics(const std::vector<int>& truth, const std::vector<int>& predicted, int classes);

} // namespace dl
