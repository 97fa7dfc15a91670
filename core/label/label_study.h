// SPDX-License-Identifier: MIT
// Labelling strategies side by side (course chapter 12): the same pool, seed set and label budget for each
// strategy, over several seeds; the rounds of all advance together so the curves of test accuracy against
// labels used grow side by side. A study (core/train/study.h): the Data lab's Label tab runs it in its
// worker, dlcli labelstudy in a loop. Qt-free.
#pragma once
#include "core/label/labelling.h"
#include "core/train/study.h"

#include <memory>

namespace dl {

struct LabelStudySpec {
    LabelDataSpec data;
    LabelSpec base;                         // what every strategy shares (its strategy field is ignored)
    std::vector<Strategy> strategies{Strategy::Random, Strategy::Margin};
    int seeds = 1;                          // runs per strategy, seeds base.seed, base.seed + 1, …
};

class LabelStudy : public Study {
  public:
    explicit LabelStudy(LabelStudySpec spec);                     // loads the data; ConfigError, DataError, IoError
    LabelStudy(LabelStudySpec spec, std::shared_ptr<const LabelData> data);
    ~LabelStudy() override;
    bool advance() override; // one round of one run
    double progress() const override;
    StudyReport report() const override;
    const std::vector<std::unique_ptr<LabelSession>>& sessions() const { return m_sessions; } // strategy-major

  private:
    LabelStudySpec m_spec;
    std::shared_ptr<const LabelData> m_data;
    std::vector<std::unique_ptr<LabelSession>> m_sessions;
    size_t m_next = 0;
};

} // namespace dl
