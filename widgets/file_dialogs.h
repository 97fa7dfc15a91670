// SPDX-License-Identifier: MIT
// File dialogs that start in the folder of the last file chosen (QSettings "window/lastDir") and add the
// suffix when the user typed none: the one way a lab or the window asks for a path.
#pragma once
#include <QString>

class QWidget;

namespace lab {

QString askSavePath(QWidget* parent, const QString& title, const QString& filter, const QString& suffix);
QString askOpenPath(QWidget* parent, const QString& title, const QString& filter);
QString askFolder(QWidget* parent, const QString& title);
// File ▸ Open's routing of .json files: the "format" a JSON file declares at its top level; "" for a JSON
// object without one; a null QString when the file is not a readable JSON object (or over 64 MB).
QString jsonFileFormat(const QString& path);

} // namespace lab
