// SPDX-License-Identifier: MIT
// Values the trainer reports. Plain data: safe to copy across threads and into Qt signals.
#pragma once
#include <string>

namespace dl {

struct StepStats {
    long step = 0;         // updates done so far, counting this one (1 after the first step)
    long epoch = 0;        // completed passes over the training set
    float cost = 0;        // mini-batch cost J (data loss + L2) before this update
    float lr = 0;          // learning rate used for this update (after decay)
    bool diverged = false; // cost was NaN/Inf: no update was made and training should stop
};

// The sentence for a diverged step (its `step` counts the updates made before it): "Training stopped at step
// N: the cost became NaN. Try a lower learning rate (now 100)." — "became infinite" for ±Inf.
std::string divergenceMessage(const StepStats& s);

struct EvalStats {
    float cost = 0;     // data loss + L2 on the whole split, Eval mode
    float accuracy = 0; // fraction in [0, 1]
    int count = 0;      // examples evaluated
};

struct EpochStats {
    long epoch = 0;
    long step = 0;
    EvalStats train;
    EvalStats dev;
};

} // namespace dl
