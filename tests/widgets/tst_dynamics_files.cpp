// SPDX-License-Identifier: MIT
// The Dynamics lab's saved comparisons (File ▸ Save comparison…, core/train/comparison.h): a file from each of
// its six tabs after a short run, replayed through the built dlcli (`dlcli replay FILE --json`) — the same
// numbers every time —, one changed number caught, and saving before a run one sentence that writes nothing.
// Apart from tst_dynamics so that the ThreadSanitizer build, which runs that one, need not build dlcli.
#include "error_messages.h"
#include "app/labs/dynamics/dynamics_page.h"
#include "app/labs/dynamics/init_tab.h"
#include "app/labs/dynamics/regularisation_tab.h"
#include "app/labs/dynamics/schedule_tab.h"
#include "app/labs/dynamics/search_tab.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using dltest::errors;

class TstDynamicsFiles : public QObject {
    Q_OBJECT
  private slots:
    void savedComparisonsReplayHeadless();
};

// `dlcli replay FILE --json` on a file the page saved: {"same": true} when the headless run gives its numbers.
static QString replayed(const QString& file)
{
    QProcess p;
    p.start(DLCLI_PATH, {"replay", file, "--json"});
    if (!p.waitForFinished(120000)) return "dlcli replay did not finish";
    const QByteArray out = p.readAllStandardOutput();
    const QJsonObject j = QJsonDocument::fromJson(out).object();
    return j["same"].toBool() ? QString() : QString::fromUtf8(out + p.readAllStandardError());
}

void TstDynamicsFiles::savedComparisonsReplayHeadless()
{
    // Each tab's comparison, saved from the page after a short run, gives the same numbers through dlcli
    // replay; before a run, saving is one sentence and writes nothing.
    lab::DynamicsPage page;
    QSignalSpy messages(&page, &lab::LabPage::message);
    QTemporaryDir dir;
    auto tabs = page.findChild<QTabWidget*>();
    // the race (the logistic surface: real data), as the controls say, to the steps it has run
    page.setSurface(dl::SurfaceKind::Logistic);
    page.setRacing(dl::OptKind::Nesterov, true);
    page.setLearningRate(dl::OptKind::Adam, 0.3);
    page.setMaxIterations(120);
    page.run();
    QTRY_VERIFY_WITH_TIMEOUT(!page.isRunning() && page.last().step == 120, 20000);
    QVERIFY(page.saveComparison(dir.filePath("race.json")));
    QCOMPARE(replayed(dir.filePath("race.json")), QString());
    // the studies: nothing finished yet is one sentence
    tabs->setCurrentWidget(page.regularisationTab());
    QVERIFY(!page.saveComparison(dir.filePath("none.json")));
    QVERIFY(errors(messages).last().startsWith("Nothing to save yet: Run the experiment first"));
    QVERIFY(!QFile::exists(dir.filePath("none.json")));
    page.regularisationTab()->setSteps(200);
    page.regularisationTab()->setLambda(0.3);
    QSignalSpy regDone(page.regularisationTab()->runner(), &lab::StudyRunner::finished);
    page.regularisationTab()->run();
    QTRY_COMPARE_WITH_TIMEOUT(regDone.count(), 1, 30000);
    QVERIFY(page.saveComparison(dir.filePath("reg.json")));
    QCOMPARE(replayed(dir.filePath("reg.json")), QString());
    tabs->setCurrentWidget(page.scheduleTab());
    page.scheduleTab()->setEpochs(30);
    page.scheduleTab()->setUsed(dl::Decay::Staircase, true, 0.5, 10);
    QSignalSpy schedDone(page.scheduleTab()->runner(), &lab::StudyRunner::finished);
    page.scheduleTab()->run();
    QTRY_COMPARE_WITH_TIMEOUT(schedDone.count(), 1, 30000);
    QVERIFY(page.saveComparison(dir.filePath("schedules.json")));
    QCOMPARE(replayed(dir.filePath("schedules.json")), QString());
    tabs->setCurrentWidget(page.rangeTestTab());
    page.rangeTestTab()->setSteps(50);
    QSignalSpy rangeDone(page.rangeTestTab()->runner(), &lab::StudyRunner::finished);
    page.rangeTestTab()->run();
    QTRY_COMPARE_WITH_TIMEOUT(rangeDone.count(), 1, 30000);
    QVERIFY(page.saveComparison(dir.filePath("lrfind.json")));
    QCOMPARE(replayed(dir.filePath("lrfind.json")), QString());
    tabs->setCurrentWidget(page.initTab());
    page.initTab()->setDepth(3);
    page.initTab()->setSteps(100);
    QSignalSpy initDone(page.initTab()->runner(), &lab::StudyRunner::finished);
    page.initTab()->run();
    QTRY_COMPARE_WITH_TIMEOUT(initDone.count(), 1, 30000);
    QVERIFY(page.saveComparison(dir.filePath("init.json")));
    QCOMPARE(replayed(dir.filePath("init.json")), QString());
    tabs->setCurrentWidget(page.searchTab());
    page.searchTab()->setBudget(6, 2, true);
    page.searchTab()->setStepsPerTrial(200);
    QSignalSpy searchDone(page.searchTab(), &lab::SearchTab::finished);
    page.searchTab()->run();
    QTRY_COMPARE_WITH_TIMEOUT(searchDone.count(), 1, 30000);
    QVERIFY(page.saveComparison(dir.filePath("search.json")));
    QCOMPARE(replayed(dir.filePath("search.json")), QString());
    // a changed number in the file is caught
    QFile f(dir.filePath("reg.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray text = f.readAll();
    f.close();
    text.replace("\"L2, λ = 0.3\"", "\"L2, λ = 0.4\"");
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
    f.close();
    QVERIFY(replayed(dir.filePath("reg.json")).contains("\"same\":false"));
    QCOMPARE(errors(messages).size(), 1);
}

QTEST_MAIN(TstDynamicsFiles)
#include "tst_dynamics_files.moc"
