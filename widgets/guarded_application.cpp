// SPDX-License-Identifier: MIT
#include "widgets/guarded_application.h"

#include "core/util/error.h"

#include <QMetaObject>

namespace lab {

GuardedApplication::GuardedApplication(int& argc, char** argv) : QApplication(argc, argv) {}

QString GuardedApplication::sentenceFor(const std::exception& e)
{
    if (dynamic_cast<const dl::Error*>(&e)) return QString::fromUtf8(e.what()); // already one sentence
    if (dynamic_cast<const std::bad_alloc*>(&e))
        return tr("That needed more memory than this computer could give; try a smaller model, image or "
                  "batch.");
    return tr("Something went wrong inside the app (%1); nothing was changed, and you can keep working.")
        .arg(QString::fromUtf8(e.what()));
}

bool GuardedApplication::notify(QObject* receiver, QEvent* event)
{
    try {
        return QApplication::notify(receiver, event);
    } catch (const std::exception& e) {
        const QString s = sentenceFor(e);
        QMetaObject::invokeMethod(
            this, [this, s] { emit uncaught(s); }, Qt::QueuedConnection);
    } catch (...) {
        const QString s = tr("Something went wrong inside the app; nothing was changed, and you can keep "
                             "working.");
        QMetaObject::invokeMethod(
            this, [this, s] { emit uncaught(s); }, Qt::QueuedConnection);
    }
    return false;
}

} // namespace lab
