// SPDX-License-Identifier: MIT
// dlcli export MODEL.dlck|MODEL.dlm [--onnx OUT.onnx] [--pytorch FOLDER]: a Playground checkpoint or an Images
// lab model written as ONNX (core/export/onnx_export.h) and/or as a PyTorch experiment that continues training
// it (core/export/pytorch_export.h). Qt-free.
#pragma once
#include "app/cli/command.h"

namespace dlcli {

Command exportCommand();

} // namespace dlcli
