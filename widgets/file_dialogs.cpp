// SPDX-License-Identifier: MIT
#include "widgets/file_dialogs.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>

namespace lab {

QString askSavePath(QWidget* parent, const QString& title, const QString& filter, const QString& suffix)
{
    QSettings s;
    QString p = QFileDialog::getSaveFileName(parent, title, s.value("window/lastDir").toString(), filter);
    if (p.isEmpty()) return p;
    if (QFileInfo(p).suffix().isEmpty()) p += "." + suffix;
    s.setValue("window/lastDir", QFileInfo(p).absolutePath());
    return p;
}

QString askOpenPath(QWidget* parent, const QString& title, const QString& filter)
{
    QSettings s;
    const QString p = QFileDialog::getOpenFileName(parent, title, s.value("window/lastDir").toString(), filter);
    if (!p.isEmpty()) s.setValue("window/lastDir", QFileInfo(p).absolutePath());
    return p;
}

QString askFolder(QWidget* parent, const QString& title)
{
    QSettings s;
    const QString d = QFileDialog::getExistingDirectory(parent, title, s.value("window/lastDir").toString());
    if (!d.isEmpty()) s.setValue("window/lastDir", d);
    return d;
}

QString jsonFileFormat(const QString& path)
{
    QFile f(path);
    if (f.size() > (64 << 20) || !f.open(QIODevice::ReadOnly)) return {};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
    if (!doc.isObject()) return {};
    const QJsonValue v = doc.object().value(QStringLiteral("format"));
    return v.isString() ? v.toString() : QStringLiteral("");
}

} // namespace lab
