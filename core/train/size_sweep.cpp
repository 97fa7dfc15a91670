// SPDX-License-Identifier: MIT
#include "core/train/size_sweep.h"

namespace dl {

void sweepHiddenSizes(const Experiment& base, const std::vector<int>& sizes, long iterations, int gridRes,
                      const CancelFlag* cancel, const std::function<void(const SweepResult&)>& onResult)
{
    for (int units : sizes) {
        if (cancel && cancel->requested()) return;
        SweepResult r;
        r.units = units;
        try {
            Experiment e = base;
            e.network.hidden = {units};
            e.changes.clear();
            auto t = makeTrainer(e);
            r.diverged = t->run(iterations, cancel).diverged;
            r.eval = t->evaluateAll();
            r.grid = decisionGrid(*t, dataBounds(t->data()), gridRes);
        } catch (const Error& err) {
            r.error = err.what();
        }
        if (cancel && cancel->requested()) return;
        onResult(r);
    }
}

} // namespace dl
