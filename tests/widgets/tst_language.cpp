// SPDX-License-Identifier: MIT
// The language switch (issue 17): widgets/language's retranslation by hand — an exact string, a template
// with arguments, a plural, an argument that is itself a translated string — then the whole window with
// every lab, switched live from English to 简体中文 and back, started in Chinese and switched to English:
// no text under the window is left in the language it left, the status bar included, and the choice is
// remembered in the settings.
#include "app/gui/main_window.h"
#include "widgets/language.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace lab;

namespace {

QString tx(const char* context, const char* text, int n = -1)
{
    return QCoreApplication::translate(context, text, nullptr, n);
}

bool hasCjk(const QString& s)
{
    static const QRegularExpression han(QStringLiteral("[\\x{4e00}-\\x{9fff}\\x{3000}-\\x{303f}\\x{ff00}-\\x{ffef}]"));
    return s.contains(han);
}

// The texts of the window that are still in the language it left (the languages' own names excepted).
QStringList leftBehind(QWidget* w, const QString& now)
{
    QStringList bad;
    for (const QString& t : shownTexts(w)) {
        if (t == languageName(QStringLiteral("zh_CN"))) continue; // the menu names each language in itself
        if (now == QLatin1String("en") ? hasCjk(t) : isUntranslatedSource(t)) bad << t;
    }
    bad.removeDuplicates();
    for (const QString& t : bad) qWarning().noquote() << "left behind:" << t.left(100);
    return bad;
}

void showEveryLab(MainWindow& w)
{
    for (int i = 0; i < w.labs().size(); ++i) {
        w.showLab(i);
        QTest::qWait(20);
    }
}

} // namespace

class TestLanguage : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // settings go to a test folder
        QSettings().clear();
        QVERIFY(setLanguage("en"));
    }

    void languagesAndStart()
    {
        QCOMPARE(languages(), QStringList({"en", "zh_CN"}));
        QVERIFY(!setLanguage("fr"));
        QCOMPARE(currentLanguage(), QString("en"));
        QSettings s;
        s.setValue("ui/language", "zh_CN");
        QCOMPARE(startLanguage(s), QString("zh_CN"));
        s.setValue("ui/language", "xx"); // not one the app speaks: the system's
        QVERIFY(languages().contains(startLanguage(s)));
        s.remove("ui/language");
    }

    void retranslatesByHand()
    {
        QVERIFY(setLanguage("en"));
        const QString open = tx("lab::MainWindow", "&Open…");
        const QString saved = tx("lab::DetectionPage", "Saved %1 (%2 detections).").arg("a.json").arg(3);
        const QString rows = tx("lab::CleanTab", "%n rows", 1);
        QCOMPARE(rows, QString("1 row")); // the English catalogue's plural form
        const QString nested = tx("lab::DetectionPage", "faces: %1").arg(tx("lab::MainWindow", "&Quit"));
        const QString unknown = QStringLiteral("a text the app never translated");

        QVERIFY(setLanguage("zh_CN"));
        QCOMPARE(retranslated(open), QString("打开(&O)…"));
        QCOMPARE(retranslated(saved), QString("已保存 a.json（3 个检测结果）。"));
        QCOMPARE(retranslated(rows), QString("1 行"));
        QCOMPARE(retranslated(nested), QString("人脸：退出(&Q)"));
        QCOMPARE(retranslated(unknown), unknown);
        QVERIFY(isUntranslatedSource(open));
        QVERIFY(!isUntranslatedSource(unknown));

        QVERIFY(setLanguage("en"));
        QCOMPARE(retranslated(QString("打开(&O)…")), open);
        QCOMPARE(retranslated(QString("已保存 a.json（3 个检测结果）。")), saved);
        QCOMPARE(retranslated(QString("1 行")), rows);
        QVERIFY(!isUntranslatedSource(open)); // English is the source language
    }

    void widgetsFollowTheSwitch()
    {
        QVERIFY(setLanguage("en"));
        QWidget top;
        auto* label = new QLabel(tx("lab::DetectionPage", "Opened %1.").arg("dog.jpg"), &top);
        auto* menu = new QMenu(tx("lab::MainWindow", "&Help"), &top);
        QAction* act = menu->addAction(tx("lab::MainWindow", "&Fetch models and corpora…"));
        label->setToolTip(tx("lab::MainWindow", "Train continuously (Space)"));
        top.show();
        QVERIFY(setLanguage("zh_CN")); // retranslates every top-level window
        QCOMPARE(label->text(), QString("已打开 dog.jpg。"));
        QCOMPARE(label->toolTip(), QString("持续训练（空格）"));
        QCOMPARE(menu->title(), QString("帮助(&H)"));
        QCOMPARE(act->text(), QString("获取模型和语料(&F)…"));
        QVERIFY(setLanguage("en"));
        QCOMPARE(label->text(), QString("Opened dog.jpg."));
        QCOMPARE(menu->title(), QString("&Help"));
    }

    // Every lab shown once, then the whole window switched live both ways through View ▸ Language.
    void wholeWindowLive()
    {
        QVERIFY(setLanguage("en"));
        MainWindow w;
        w.show();
        showEveryLab(w);
        w.showMessage(tx("lab::DetectionPage", "Opened %1.").arg("dog.jpg"), false);
        auto* zh = w.findChild<QAction*>("language_zh_CN");
        auto* en = w.findChild<QAction*>("language_en");
        QVERIFY(zh && en);
        QVERIFY(en->isChecked());

        zh->trigger();
        QCoreApplication::processEvents(); // the posted QEvent::LanguageChange
        QCOMPARE(currentLanguage(), QString("zh_CN"));
        QCOMPARE(QSettings().value("ui/language").toString(), QString("zh_CN"));
        QVERIFY(zh->isChecked());
        QCOMPARE(w.statusMessage(), QString("已打开 dog.jpg。"));
        showEveryLab(w);
        QStringList bad = leftBehind(&w, "zh_CN");
        QVERIFY2(bad.isEmpty(), qPrintable("left in English: " + bad.join(" | ")));
        const QStringList texts = shownTexts(&w);
        const auto chinese = std::count_if(texts.begin(), texts.end(), hasCjk);
        QVERIFY2(chinese > texts.size() / 2, qPrintable(QString("%1 of %2 texts in Chinese").arg(chinese).arg(texts.size())));

        en->trigger();
        QCoreApplication::processEvents();
        QCOMPARE(w.statusMessage(), QString("Opened dog.jpg."));
        showEveryLab(w);
        bad = leftBehind(&w, "en");
        QVERIFY2(bad.isEmpty(), qPrintable("left in Chinese: " + bad.join(" | ")));
    }

    // Started in Chinese (the texts were Chinese from the start), then switched to English.
    void startedInChinese()
    {
        QVERIFY(setLanguage("zh_CN"));
        MainWindow w;
        w.show();
        showEveryLab(w);
        const QStringList english = leftBehind(&w, "zh_CN");
        QVERIFY2(english.isEmpty(), qPrintable("shown in English: " + english.join(" | ")));
        QVERIFY(setLanguage("en"));
        QCoreApplication::processEvents();
        showEveryLab(w);
        const QStringList bad = leftBehind(&w, "en");
        QVERIFY2(bad.isEmpty(), qPrintable("left in Chinese: " + bad.join(" | ")));
    }
};

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
