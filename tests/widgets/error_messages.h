// SPDX-License-Identifier: MIT
// The error sentences a lab page or tab sent on its message(text, error) signal, as a QSignalSpy recorded them.
#pragma once
#include <QSignalSpy>
#include <QStringList>

namespace dltest {

inline QStringList errors(const QSignalSpy& messages)
{
    QStringList out;
    for (const QList<QVariant>& m : messages)
        if (m[1].toBool()) out << m[0].toString();
    return out;
}

} // namespace dltest
