// SPDX-License-Identifier: MIT
// A trained model as a PyTorch experiment to continue elsewhere — on a GPU, or across machines with torchrun:
// a folder with model.py (the architecture as torch.nn modules, layer by layer, and load()), weights.npz (the
// trained values and batch-norm averages under those modules' state-dict names), experiment.json (the
// optimizer, α, its βs, the mini-batch, λ, the data) and train.py (continues training from the weights,
// one process or DistributedDataParallel under torchrun, and reports test accuracy each epoch). The course's
// momentum (v = βv + (1 − β)dW) is PyTorch's SGD momentum with α(1 − β): the same steps. Qt-free.
#pragma once
#include "core/layers/sequential.h"
#include "core/optim/optimizer.h"
#include "core/train/hyper.h"

#include <string>
#include <vector>

namespace dl {

struct PytorchExport {
    std::string source;            // the model file it came from (for the comments)
    std::vector<int> exampleShape; // {F} or {C, H, W}
    Hyperparams hyper;
    bool binary = false;           // one output: sigmoid + binary cross-entropy (the Playground's two classes)
    // Data: "fashion-mnist" (train.py reads the IDX files from `dataDir`, the first `limit` training images,
    // 0 = all) or "arrays" (data.npz: x_train, y_train, x_test, y_test given here, one example a row).
    std::string data = "fashion-mnist", dataDir;
    int limit = 0;
    std::vector<std::int64_t> trainIndex; // fashion-mnist: the training pictures used, in order (data.npz)
    // The order the lab would take the training examples in next epoch (its shuffle, drawn from the saved
    // random engine; positions in the training set): train.py's first epoch follows it when it runs in one
    // process, so it continues as the lab would. Empty: PyTorch's own shuffle.
    std::vector<std::int64_t> nextEpochOrder;
    // The optimizer's state to continue from (optimizer.npz; train.py loads it into PyTorch's): its moments
    // belong to net.params()[firstTrainedParam…]; the parameters before those stay frozen. Null: a fresh start.
    const Optimizer* optimizer = nullptr;
    size_t firstTrainedParam = 0;
    std::vector<float> xTrain, xTest;
    std::vector<std::int64_t> yTrain, yTest;
};

// Writes the folder's files (each to a temporary file, then renamed); creates the folder. Throws ConfigError
// for a layer PyTorch's modules cannot express the same way (padding beyond half the window).
void savePytorch(Sequential& net, const PytorchExport& e, const std::string& folder);

} // namespace dl
