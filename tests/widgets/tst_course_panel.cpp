// SPDX-License-Identifier: MIT
// Help ▸ What am I looking at? (issue 17): F1 shows the panel beside the lab on screen; every lab of the
// registry has a guide in both languages, and the guide explains each of the lab's views — every tab of the
// lab's page is a heading of its guide, in the language shown — with at least one formula per view (HTML
// sub- or superscripts) and something to try; switching the lab or the language switches the guide.
#include "app/gui/main_window.h"
#include "widgets/course_panel.h"
#include "widgets/language.h"

#include <QAction>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>

using namespace lab;

namespace {

// The tab titles under a lab's page, as shown (without the & of a shortcut).
QStringList tabTitles(QWidget* page)
{
    QStringList out;
    for (QTabWidget* t : page->findChildren<QTabWidget*>())
        for (int i = 0; i < t->count(); ++i) out << t->tabText(i).remove('&');
    return out;
}

QStringList headings(const QString& html)
{
    QStringList out;
    static const QRegularExpression h("<h2>(.*?)</h2>");
    for (auto m = h.globalMatch(html); m.hasNext();) {
        QTextDocument d;
        d.setHtml(m.next().captured(1));
        out << d.toPlainText();
    }
    return out;
}

} // namespace

class TestCoursePanel : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(setLanguage("en"));
    }

    void guidesExplainEveryView()
    {
        for (const QString& language : languages()) {
            QVERIFY(setLanguage(language));
            MainWindow w;
            w.show();
            auto* action = w.findChild<QAction*>("courseAction");
            QVERIFY(action);
            QCOMPARE(action->shortcut(), QKeySequence(QKeySequence::HelpContents));
            QVERIFY(!w.coursePanel()->isVisible());
            action->trigger();
            QVERIFY(w.coursePanel()->isVisible());
            for (LabPage* page : w.labs()) {
                w.showLab(page);
                const QString path = w.coursePanel()->guidePath();
                QCOMPARE(path, QString(":/course/%1.%2.html").arg(page->id(), language)); // its own, in this language
                QFile f(path);
                QVERIFY(f.open(QIODevice::ReadOnly));
                const QString html = QString::fromUtf8(f.readAll());
                const QStringList h = headings(html);
                QVERIFY2(!h.isEmpty(), qPrintable(path));
                for (const QString& tab : tabTitles(page))
                    QVERIFY2(h.contains(tab), qPrintable(path + " has no section for the view \"" + tab + "\""));
                // every view: what is drawn, a formula (sub- or superscripts), what to try
                const QStringList sections = html.split("<h2>").mid(1);
                for (const QString& s : sections) {
                    QVERIFY2(s.contains("<sub>") || s.contains("<sup>"), qPrintable(path + ": a view without a formula: " + s.left(60)));
                    QCOMPARE(s.count("<p><b>"), 3);
                }
                QVERIFY(w.coursePanel()->browser()->toPlainText().contains(h.first()));
            }
        }
        QVERIFY(setLanguage("en"));
    }

    void followsTheLanguage()
    {
        QVERIFY(setLanguage("en"));
        MainWindow w;
        w.show();
        w.showLab(w.lab("playground"));
        QVERIFY(w.coursePanel()->browser()->toPlainText().contains("decision boundary"));
        QVERIFY(setLanguage("zh_CN"));
        QCoreApplication::processEvents(); // QEvent::LanguageChange
        QCOMPARE(w.coursePanel()->guidePath(), QString(":/course/playground.zh_CN.html"));
        QVERIFY(w.coursePanel()->browser()->toPlainText().contains("决策边界"));
        QCOMPARE(w.coursePanel()->windowTitle(), QString("我在看什么？"));
        QVERIFY(setLanguage("en"));
        QCoreApplication::processEvents();
        QVERIFY(w.coursePanel()->browser()->toPlainText().contains("decision boundary"));
    }

    void aLabWithoutGuide()
    {
        QCOMPARE(CoursePanel::pathFor("no-such-lab", "zh_CN"), QString());
        CoursePanel p;
        p.showGuide("no-such-lab");
        QVERIFY(p.browser()->toPlainText().contains("docs/course/no-such-lab.en.html"));
    }
};

QTEST_MAIN(TestCoursePanel)
#include "tst_course_panel.moc"
