// SPDX-License-Identifier: MIT
#include "core/train/metrics.h"

#include "core/util/error.h"

namespace dl {

Metrics computeMetrics(const std::vector<int>& truth, const std::vector<int>& predicted, int classes)
{
    if (truth.size() != predicted.size()) throw ConfigError("metrics need as many predictions as labels");
    if (classes < 1) throw ConfigError("metrics need at least one class");
    Metrics m;
    m.classes = classes;
    m.count = static_cast<int>(truth.size());
    m.confusion.assign(size_t(classes) * classes, 0);
    int correct = 0;
    for (size_t i = 0; i < truth.size(); ++i) {
        const int t = truth[i], p = predicted[i];
        if (t < 0 || t >= classes || p < 0 || p >= classes)
            throw ConfigError("a label is outside 0.." + std::to_string(classes - 1));
        m.confusion[size_t(t) * classes + p]++;
        correct += t == p;
    }
    m.accuracy = m.count ? float(correct) / float(m.count) : 0.f;
    m.perClass.resize(size_t(classes));
    float sumF1 = 0;
    for (int k = 0; k < classes; ++k) {
        int tp = m.at(k, k), predictedK = 0, actualK = 0;
        for (int j = 0; j < classes; ++j) {
            predictedK += m.at(j, k);
            actualK += m.at(k, j);
        }
        ClassMetrics& c = m.perClass[size_t(k)];
        c.support = actualK;
        c.precision = predictedK ? float(tp) / float(predictedK) : 0.f;
        c.recall = actualK ? float(tp) / float(actualK) : 0.f;
        c.f1 = c.precision + c.recall > 0 ? 2 * c.precision * c.recall / (c.precision + c.recall) : 0.f;
        sumF1 += c.f1;
    }
    m.macroF1 = sumF1 / float(classes);
    return m;
}

} // namespace dl
