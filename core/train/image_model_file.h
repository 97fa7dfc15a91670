// SPDX-License-Identifier: MIT
// Image-lab model file (.dlm): the layer list, the trained values and what is needed to keep training —
// optimizer state, position, hyperparameters, the augmentation pipeline (COURSE.md §7: training only),
// frozen prefix and where the data came from. Data itself is not stored.
//
// Format (little-endian), version 2:
//   "DLIM" u32 version | u32 n + n bytes JSON header | tensors | u32 k + k × u32 epoch order | "END!"
// Tensors (binary_io.h): params, batch-norm buffers, optimizer slots, in the model's stable order. The
// epoch order is the shuffle of the epoch in progress (k = 0 at an epoch boundary) and the header's
// "epoch_position" how much of it was used, so a model saved mid-epoch trains on exactly as if it had never
// stopped. Version 1 (no epoch order) is still read: it resumes at the start of an epoch, as it was saved.
// Written to a temporary file and renamed.
#pragma once
#include "core/data/image_source.h"
#include "core/train/image_trainer.h"

#include <memory>

namespace dl {

constexpr std::uint32_t kImageModelVersion = 2;

struct ImageModelFile {
    std::string name; // file name, for messages
    std::vector<LayerSpec> layers;
    int c = 1, h = 28, w = 28, classes = 10;
    std::vector<std::string> classNames;
    Hyperparams hyper;
    AugmentPipeline augmentation;
    ImageSource source;
    int frozen = 0;
    bool precompute = false;
    std::string rngState; // the trainer's random engine when saved: the next epoch's shuffle comes from it
    int epochPosition = 0; // images of the epoch in progress already used (0: saved at an epoch's end)
    std::uint32_t version = kImageModelVersion;
    std::string bytes;    // the whole file
    size_t tensorsAt = 0; // offset of the first tensor
};

void saveImageModel(ImageTrainer& t, const ImageSource& source, const std::string& path);
// Reads and checks the header (magic, version, layer list). Throws FormatError/IoError naming the file.
ImageModelFile readImageModel(const std::string& path);
ImageModelFile parseImageModel(std::string bytes, const std::string& name); // the same on a file's bytes
// A trainer with the file's layers, values and optimizer state on the given data (whose image shape and
// class count must match the file). Throws FormatError ("m.dlm is truncated …").
std::unique_ptr<ImageTrainer> restoreImageTrainer(const ImageModelFile& f, SharedImageSet train,
                                                  SharedImageSet dev);
// The file's network alone, with its trained values and batch-norm averages, for inference or export (no data).
// Throws FormatError when the file is truncated.
Sequential loadImageNet(const ImageModelFile& f);
// The same with the optimizer's state over the trained (unfrozen) layers' parameters, for continuing elsewhere.
struct ImageNetState {
    Sequential net;
    std::unique_ptr<Optimizer> optimizer; // its moments and step count as saved
    size_t firstTrainedParam = 0;         // net.params()[i] for i ≥ this are the optimizer's
};
ImageNetState loadImageNetState(const ImageModelFile& f);
inline std::unique_ptr<ImageTrainer> restoreImageTrainer(const ImageModelFile& f, ImageSet train,
                                                         ImageSet dev)
{
    return restoreImageTrainer(f, share(std::move(train)), share(std::move(dev)));
}

} // namespace dl
