// SPDX-License-Identifier: MIT
#include "widgets/model_export.h"

#include "core/export/model_export.h"
#include "core/util/error.h"
#include "widgets/core_texts.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

namespace lab {

QString exportModel(const std::function<void(const std::string& path)>& save, const QString& suffix,
                    const QString& onnx, const QString& pytorchDir)
{
    QTemporaryDir tmp;
    if (!tmp.isValid())
        throw dl::IoError(QCoreApplication::translate("lab::ModelExport", "Could not make a temporary folder to export from: %1")
                              .arg(tmp.errorString())
                              .toStdString());
    const std::string saved = tmp.filePath("model." + suffix).toStdString();
    save(saved);
    const dl::ModelExport m =
        dl::exportModelFile(saved, onnx.toStdString(), pytorchDir.toStdString(), "exported by DL Visual Lab");
    QStringList wrote;
    if (!onnx.isEmpty())
        wrote << QCoreApplication::translate("lab::ModelExport", "%1 (ONNX, %2 bytes)")
                     .arg(QFileInfo(onnx).fileName())
                     .arg(QFileInfo(onnx).size());
    if (!pytorchDir.isEmpty())
        wrote << QCoreApplication::translate("lab::ModelExport", "%1/ (model.py, weights.npz, train.py)").arg(QDir(pytorchDir).dirName());
    return QCoreApplication::translate("lab::ModelExport", "Exported the %1 to %2.").arg(coreText(m.what), wrote.join(", "));
}

} // namespace lab
