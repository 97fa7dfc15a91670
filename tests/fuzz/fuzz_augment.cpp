// SPDX-License-Identifier: MIT
// libFuzzer target: any text as an augmentation spec ("flip:0.5,rotate:0.3:15"), then the pipeline applied to
// two small colour images.
#include "core/data/augment.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size)
{
    return fuzz::expectErrorOrResult([&] {
        const dl::AugmentPipeline p = dl::AugmentPipeline::parse(fuzz::text(data, size));
        (void)dl::AugmentPipeline::fromJson(p.toJson());
        dl::Tensor images({2, 3, 8, 8}, 0.25f);
        dl::Rng rng(1);
        const dl::PcaColor pca = dl::pcaColorBasis(images);
        dl::augmentBatch(images, p, rng, &pca);
        for (size_t i = 0; i < images.size(); ++i)
            if (!(images.data()[i] >= -1e3f && images.data()[i] <= 1e3f)) __builtin_trap();
    });
}
