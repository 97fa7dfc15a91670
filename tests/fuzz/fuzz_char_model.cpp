// SPDX-License-Identifier: MIT
// libFuzzer target: any bytes as a Sequence-lab model (DLSQ container): the header and vocabulary, the
// parameters, then one short sample drawn from it when the model is small.
#include "core/seq/char_model_file.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size)
{
    return fuzz::expectErrorOrResult([&] {
        const dl::CharModelFile f = dl::charModelFromBytes(fuzz::text(data, size), "f.dlm");
        if (f.model->paramCount() > 200000) return;
        dl::Rng rng(1);
        dl::SampleOptions o;
        o.maxLength = 20;
        (void)dl::sampleIds(*f.model, f.vocab, rng, o);
    });
}
