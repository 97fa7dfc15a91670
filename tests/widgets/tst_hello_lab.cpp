// SPDX-License-Identifier: MIT
// The lab contract holds for a lab the window has never heard of: the hello lab of docs/ADDING_A_LAB.md
// (docs/examples/hello/, compiled into this test) joins the registry's labs and the window drives it
// through LabPage only — sidebar, Run/Pause/Step/Reset, status fields, its own toolbar state — and the
// window routes File ▸ Open by the labs' filters.
#include "app/gui/main_window.h"
#include "app/labs.h"
#include "hello_page.h"
#include "widgets/loss_curve_view.h"

#include <QAction>
#include <QListWidget>
#include <QSettings>
#include <QtTest>

class TstHelloLab : public QObject {
    Q_OBJECT
    lab::MainWindow* m_w = nullptr;
    lab::HelloPage* m_hello = nullptr;

  private slots:
    void init()
    {
        QSettings().clear();
        std::vector<lab::LabPage*> labs = lab::makeLabs();
        labs.push_back(m_hello = new lab::HelloPage); // the one line a new lab adds to app/labs.cpp
        m_w = new lab::MainWindow(labs);
        m_w->show();
    }
    void cleanup() { delete m_w; }

    void theWindowListsAndShowsIt()
    {
        auto* sidebar = m_w->findChild<QListWidget*>("labSidebar");
        QCOMPARE(sidebar->count(), static_cast<int>(m_w->labs().size()));
        QCOMPARE(sidebar->item(sidebar->count() - 1)->text(), QString("Hello"));
        QCOMPARE(m_w->lab("hello"), m_hello);
        QCOMPARE(m_w->lab<lab::HelloPage>(), m_hello);
        m_w->showLab(m_hello);
        QCOMPARE(m_w->currentLab(), m_hello);
        QVERIFY(m_w->runAction()->isEnabled() && m_w->stepAction()->isEnabled());
        QVERIFY(!m_w->pauseAction()->isEnabled());
    }
    void toolbarRunsPausesStepsAndResetsIt()
    {
        m_w->showLab(m_hello);
        m_w->runAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(m_hello->count() > 50, 5000);
        QVERIFY(m_w->pauseAction()->isEnabled() && !m_w->runAction()->isEnabled());
        QVERIFY(m_hello->curve()->pointCount() > 0);
        QTRY_VERIFY_WITH_TIMEOUT(m_w->statusFields().value(0).startsWith("count "), 2000);
        m_w->pauseAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(m_w->runAction()->isEnabled(), 5000);
        QTest::qWait(100);
        const long paused = m_hello->count();
        m_w->stepAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(m_hello->count(), paused + 1, 2000); // one step is one count
        QCOMPARE(m_w->statusFields().value(0), QString("count %1").arg(paused + 1));
        m_w->resetAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(m_hello->count(), 0L, 2000);
        QTRY_COMPARE_WITH_TIMEOUT(m_hello->curve()->pointCount(), 0, 2000);
    }
    void itsStatusStaysItsOwn()
    {
        m_w->showLab(m_hello);
        m_w->stepAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(m_w->statusFields().value(0), QString("count 1"), 2000);
        m_w->showLab(0);
        QVERIFY(!m_w->statusFields().value(0).startsWith("count"));
        m_w->showLab(m_hello);
        QCOMPARE(m_w->statusFields().value(0), QString("count 1"));
    }
    void closingWhileItCountsIsPrompt()
    {
        m_w->showLab(m_hello);
        m_w->runAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(m_hello->count() > 10, 5000);
        QElapsedTimer t;
        t.start();
        delete m_w; // LabThread: closing + cancel + shutdown, then join
        m_w = nullptr;
        QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
    }
    void fileOpenGoesToTheLabThatReadsIt()
    {
        QVERIFY(m_w->lab("images")->canOpen("/tmp/model.DLM"));
        QVERIFY(m_w->lab("playground")->canOpen("/tmp/run.json"));
        QVERIFY(m_w->lab("detection")->canOpen("/tmp/dog.jpg"));
        QVERIFY(!m_hello->canOpen("/tmp/run.json")); // it declared no files
        // Two labs read .json: each takes its own format (a run file of an earlier build has none).
        QTemporaryDir dir;
        auto write = [&](const QString& name, const QByteArray& text) {
            QFile f(dir.filePath(name));
            if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size()) qFatal("cannot write %s", qPrintable(name));
            return f.fileName();
        };
        const QString experiment = write("e.json", R"({"format": "dl-visual-lab experiment", "version": 1})");
        const QString styleRun = write("s.json", R"({"format": "dl-visual-lab style run", "content": "c.jpg"})");
        const QString oldRun = write("old.json", R"({"content": "c.jpg", "style": "s.jpg"})");
        const QString broken = write("b.json", "{\"format\": ");
        QVERIFY(m_w->lab("playground")->canOpen(experiment) && !m_w->lab("style")->canOpen(experiment));
        QVERIFY(!m_w->lab("playground")->canOpen(styleRun) && m_w->lab("style")->canOpen(styleRun));
        QVERIFY(!m_w->lab("playground")->canOpen(oldRun) && m_w->lab("style")->canOpen(oldRun));
        QVERIFY(m_w->lab("playground")->canOpen(broken)); // the Playground says what is wrong with it
        QVERIFY(m_w->openFile(oldRun)); // handed to Style, which says what is missing
        QCOMPARE(m_w->currentLab(), m_w->lab("style"));
        QVERIFY2(m_w->statusMessage().contains("old.json is not a readable run file"),
                 qPrintable(m_w->statusMessage()));
        QVERIFY(!m_w->openFile("/tmp/notes.xyz"));
        QVERIFY2(m_w->statusMessage().contains("No lab opens .xyz files"), qPrintable(m_w->statusMessage()));
        m_w->showLab(0);
        QVERIFY(m_w->openFile("/tmp/does-not-exist.dlm")); // handed to Images, which says what is wrong
        QCOMPARE(m_w->currentLab(), m_w->lab("images"));
    }
};

QTEST_MAIN(TstHelloLab)
#include "tst_hello_lab.moc"
