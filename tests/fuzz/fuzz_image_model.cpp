// SPDX-License-Identifier: MIT
// libFuzzer target: any bytes as an Images-lab model (.dlm): the header, then the tensors restored onto a
// few blank images of the shape the header names (when small), then one training step.
#include "core/train/image_model_file.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size)
{
    return fuzz::expectErrorOrResult([&] {
        const dl::ImageModelFile f = dl::parseImageModel(fuzz::text(data, size), "f.dlm");
        if (long(f.c) * f.h * f.w > 4096 || f.classes > 16) return;
        dl::ImageSet s;
        s.classes = f.classes;
        s.images = dl::Tensor({2, f.c, f.h, f.w}, 0.5f);
        s.labels = {0, f.classes - 1};
        for (int k = 0; k < f.classes; ++k) s.classNames.push_back("c" + std::to_string(k));
        std::unique_ptr<dl::ImageTrainer> t = dl::restoreImageTrainer(f, s, s);
        if (t->model().paramCount() <= 200000) (void)t->step();
    });
}
