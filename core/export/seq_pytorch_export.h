// SPDX-License-Identifier: MIT
// The Sequence lab's character model as a PyTorch experiment: a folder with model.py (the course's cells
// written out by hand as torch modules — COURSE.md §11: the GRU applies Γr before the product with W_c, which
// torch.nn.GRU does not —, with our weight layout W = [W_a | W_x], so weights.npz holds our values as they
// are), weights.npz, experiment.json (cell, sizes, the vocabulary, the corpus mode, optimizer, α, clipping,
// window and batch) and train.py, which continues training on a text you give it (one line an example, or
// windows of running text) with the course's clipping, one process or DistributedDataParallel under
// torchrun, and prints the loss per character. Qt-free.
#pragma once
#include "core/seq/char_model_file.h"

#include <string>

namespace dl {

struct SeqPytorchExport {
    std::string source; // the model file it came from (for the comments)
    Hyperparams hyper;  // optimizer, α, clipping, batch
    int window = 25;    // text mode: characters per window
};

void saveCharModelPytorch(CharModelFile& f, const SeqPytorchExport& e, const std::string& folder);

} // namespace dl
