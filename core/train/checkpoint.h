// SPDX-License-Identifier: MIT
// Trainer checkpoint file: everything needed to continue training bit-exactly (parameters, batch-norm
// buffers, optimizer state, RNG states, position in the epoch, hyperparameters, data).
//
// Format (little-endian), version 1:
//   "DLCK" u32 version | u32 n + n bytes JSON header | tensors | u32 n + n i32 permutation | "END!"
// Each tensor: u32 rank, rank × u32 dims, float32 data. Tensor order: params, buffers, optimizer slots,
// train xy, dev xy; labels travel in the header. Written to a temporary file and renamed.
#pragma once
#include "core/train/trainer.h"

#include <memory>
#include <string>

namespace dl {

constexpr std::uint32_t kCheckpointVersion = 1;

std::string checkpointBytes(Trainer& t);
void saveCheckpoint(Trainer& t, const std::string& path);
// Throws FormatError ("model.dlck is truncated …", "… is version 2; this build reads version 1") or IoError.
std::unique_ptr<Trainer> loadCheckpoint(const std::string& path);
std::unique_ptr<Trainer> checkpointFromBytes(const std::string& bytes, const std::string& name);

} // namespace dl
