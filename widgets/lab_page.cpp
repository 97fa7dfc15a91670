// SPDX-License-Identifier: MIT
#include "widgets/lab_page.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTimer>
#include <cstdio>
#include <utility>

namespace lab {

LabShot::LabShot(QWidget* window, QString out, QString dialog, std::function<void(int)> exit)
    : m_window(window), m_out(std::move(out)), m_dialog(std::move(dialog)), m_exit(std::move(exit))
{
}

void LabShot::grab(QWidget* widget)
{
    if (!widget) widget = m_window;
    const bool ok = widget->grab().save(m_out, "PNG");
    std::fprintf(stderr, ok ? "dllab: saved %s\n" : "dllab: could not write %s\n", qPrintable(m_out));
    m_exit(ok ? 0 : 1);
}

// Through the event loop: a recipe may fail before app.exec() has started (a bad option read in shoot()),
// and QCoreApplication::exit() before exec() is lost — the run then waited for its ten-minute timeout.
void LabShot::fail(const QString& why)
{
    std::fprintf(stderr, "dllab: %s\n", qPrintable(why));
    finish(1);
}

void LabShot::finish(int code)
{
    QTimer::singleShot(0, m_window, [exit = m_exit, code] { exit(code); });
}

LabPage::LabPage(QString id, QString title, QString summary, Controls controls, QWidget* parent)
    : QWidget(parent), m_id(std::move(id)), m_title(std::move(title)), m_summary(std::move(summary)),
      m_controls(controls)
{
    setObjectName(m_id + "Lab");
}

QStringList filterSuffixes(const QStringList& filters)
{
    QStringList out;
    static const QRegularExpression glob(QStringLiteral("\\*\\.([A-Za-z0-9]+)"));
    for (const QString& f : filters)
        for (auto it = glob.globalMatch(f); it.hasNext();) out << it.next().captured(1).toLower();
    return out;
}

bool LabPage::canOpen(const QString& path) const
{
    return filterSuffixes(openFilters()).contains(QFileInfo(path).suffix().toLower());
}

bool LabPage::wantsShot(const QCommandLineParser& cli) const
{
    return cli.isSet(QStringLiteral("screenshot"));
}

// Without a recipe of its own: run for a second and a half (if the lab runs), pause, grab the window.
void LabPage::shoot(const QCommandLineParser& cli, LabShot& shot)
{
    (void)cli;
    if (controls() & Run) run();
    QTimer::singleShot(1500, this, [this, &shot] {
        if (controls() & Pause) pause();
        QTimer::singleShot(300, this, [&shot] { shot.grab(); });
    });
}

} // namespace lab
