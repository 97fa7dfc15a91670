// SPDX-License-Identifier: MIT
// A saved model file for other engines: a Playground checkpoint (.dlck) or an Images lab model (.dlm) as ONNX
// and/or as a PyTorch experiment (core/export/onnx_export, pytorch_export). `dlcli export` and the labs'
// File ▸ Export items both call it (the labs save their model to a temporary file first). Qt-free.
#pragma once
#include <string>
#include <vector>

namespace dl {

struct ModelExport {
    std::string what;              // "Playground model", "Images lab model"
    std::vector<int> exampleShape; // one example's input: {2} or {C, H, W}
};

// Writes `onnx` (when not empty) and the folder `pytorchDir` (when not empty), each file to a temporary file,
// then renamed. Throws UsageError-like ConfigError for what the file cannot become, FormatError for a damaged
// file. `docString` goes into the ONNX model.
// A Sequence lab model (.dlm with the magic "DLSQ"): ONNX unrolled over `steps` steps (core/export/seq_onnx_export),
// PyTorch with the course's cells by hand (seq_pytorch_export).
ModelExport exportModelFile(const std::string& in, const std::string& onnx, const std::string& pytorchDir,
                            const std::string& docString, int steps = 50);

} // namespace dl
