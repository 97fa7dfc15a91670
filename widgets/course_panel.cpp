// SPDX-License-Identifier: MIT
#include "widgets/course_panel.h"

#include "widgets/language.h"

#include <QEvent>
#include <QFile>
#include <QTextBrowser>

namespace lab {

CoursePanel::CoursePanel(QWidget* parent) : QDockWidget(tr("What am I looking at?"), parent)
{
    setObjectName("coursePanel");
    m_browser = new QTextBrowser;
    m_browser->setObjectName("courseText");
    m_browser->setOpenExternalLinks(true);
    m_browser->setMinimumWidth(320);
    setWidget(m_browser);
}

QString CoursePanel::pathFor(const QString& labId, const QString& language)
{
    for (const QString& lang : {language, QStringLiteral("en")}) {
        const QString path = QStringLiteral(":/course/%1.%2.html").arg(labId, lang);
        if (QFile::exists(path)) return path;
    }
    return {};
}

void CoursePanel::showGuide(const QString& labId)
{
    m_lab = labId;
    m_path = pathFor(labId, currentLanguage());
    QFile f(m_path);
    if (m_path.isEmpty() || !f.open(QIODevice::ReadOnly)) {
        m_browser->setPlainText(tr("This lab has no guide yet: docs/course/%1.en.html would be it (see docs/ADDING_A_LAB.md).").arg(labId));
        return;
    }
    m_browser->setHtml(QString::fromUtf8(f.readAll()));
}

void CoursePanel::changeEvent(QEvent* e)
{
    if (e->type() == QEvent::LanguageChange && !m_lab.isEmpty()) showGuide(m_lab); // the other language's page
    QDockWidget::changeEvent(e);
}

} // namespace lab
