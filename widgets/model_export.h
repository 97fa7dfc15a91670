// SPDX-License-Identifier: MIT
// File ▸ Export to ONNX / PyTorch for a lab whose worker holds a trained model: the worker saves the model
// into a temporary folder with `save` (its own file format, `suffix`), then dl::exportModelFile writes the
// ONNX file and/or the PyTorch experiment from it — the same code as `dlcli export`. Called on the worker's
// thread; throws dl::Error. Returns the status bar's sentence.
#pragma once
#include <QString>

#include <functional>
#include <string>

namespace lab {

QString exportModel(const std::function<void(const std::string& path)>& save, const QString& suffix,
                    const QString& onnx, const QString& pytorchDir);

} // namespace lab
