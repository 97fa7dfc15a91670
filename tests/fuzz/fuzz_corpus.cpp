// SPDX-License-Identifier: MIT
// libFuzzer target: any bytes as a Sequence-lab corpus (UTF-8 text): both modes, the batches, one step.
#include "core/seq/char_trainer.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size)
{
    return fuzz::expectErrorOrResult([&] {
        const std::string text = fuzz::text(data, size);
        for (dl::CorpusMode mode : {dl::CorpusMode::Lines, dl::CorpusMode::Text}) {
            dl::CharRunSpec s = dl::courseDinosaurRun();
            s.hidden = 4;
            s.seq = 4;
            s.batch = 2;
            dl::CharTrainer t(dl::makeCorpus(text, "f.txt", mode, true, 64), s);
            (void)t.step();
            (void)t.devLoss();
        }
    });
}
