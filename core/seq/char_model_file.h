// SPDX-License-Identifier: MIT
// The Sequence lab's model file, in the project's one container (core/util/model_container.h), magic
// "DLSQ", version 1: the header holds the cell, sizes, corpus mode and the vocabulary (its symbols as UTF-8
// and whether <unk> is last); the tensors are the parameters in the model's order. Written to a temporary
// file and renamed.
#pragma once
#include "core/seq/char_trainer.h"

#include <memory>

namespace dl {

constexpr std::uint32_t kCharModelVersion = 1;

struct CharModelFile {
    CharVocab vocab;
    CorpusMode mode = CorpusMode::Lines;
    std::unique_ptr<CharModel> model;
    long steps = 0;
};

void saveCharModel(CharTrainer& t, const std::string& path);
std::string charModelBytes(CharTrainer& t);
// Throws FormatError/IoError naming the file ("m.dlm is not a DL Visual Lab sequence model …").
CharModelFile readCharModel(const std::string& path);
CharModelFile charModelFromBytes(const std::string& bytes, const std::string& name);

} // namespace dl
