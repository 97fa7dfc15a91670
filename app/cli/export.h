// SPDX-License-Identifier: MIT
// dlcli export MODEL.dlck|MODEL.dlm --onnx OUT.onnx: a Playground checkpoint or an Images lab model written as
// ONNX (core/export/onnx_export.h), for OpenCV DNN, ONNX Runtime or PyTorch. Qt-free.
#pragma once
#include "app/cli/command.h"

namespace dlcli {

Command exportCommand();

} // namespace dlcli
