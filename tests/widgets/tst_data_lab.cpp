// SPDX-License-Identifier: MIT
// The data lab's Clean tab, offscreen: the planted table goes through the worker and comes back with its
// problems marked in the table view; rules typed into the column table (pattern, categories) add their
// problems; a broken pattern is one red sentence and the rules in force stay; a fix chosen in the problem
// table changes the preview; the cleaned copy is saved as a new file and the original stays byte-identical;
// saving over the original is refused; an unreadable table is one sentence and the tab stays usable. The Label
// tab: nothing ticked and a bad rule are one sentence each; two strategies on a small budget plot a curve each.
#include "app/labs/data/ask_tab.h"
#include "app/labs/data/clean_tab.h"
#include "app/labs/data/data_page.h"
#include "app/labs/data/label_tab.h"
#include "app/labs/data/picture_clean_tab.h"
#include "app/labs/data/transform_tab.h"
#include "widgets/picture_view.h"
#include "tests/require_files.h"
#include "widgets/study_view.h"

#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QImage>
#include <QLabel>
#include <QRandomGenerator>
#include <QCryptographicHash>
#include <QFile>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray hashOf(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256) : QByteArray();
}

int rowOf(QTableWidget* t, const QString& name)
{
    for (int r = 0; r < t->rowCount(); ++r)
        if (t->item(r, 0) && t->item(r, 0)->text() == name) return r;
    return -1;
}

} // namespace

class TstDataLab : public QObject {
    Q_OBJECT
    QString planted() const { return QString(DL_SOURCE_DIR) + "/tests/data/clean/planted.csv"; }

  private slots:
    void cleanThePlantedTable()
    {
        lab::DataPage page;
        page.resize(1400, 860);
        page.show();
        lab::CleanTab* tab = page.cleanTab();
        QSignalSpy shown(tab, &lab::CleanTab::inspected);
        QSignalSpy messages(tab, &lab::CleanTab::message);
        tab->openTable(planted());
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 20000);
        QCOMPARE(int(tab->result()->report.problems.size()), 8); // without rules: no pattern, no category
        auto* table = tab->findChild<QTableWidget*>("cleanTable");
        QCOMPARE(table->rowCount(), 25);
        QVERIFY(table->item(9, 2)->background().color() != table->item(9, 1)->background().color()); // 250 marked
        QVERIFY(table->item(9, 2)->toolTip().contains("robust z"));

        // Rules typed into the column table's cells.
        auto* columns = tab->findChild<QTableWidget*>("cleanColumns");
        const int phone = rowOf(columns, "phone"), plan = rowOf(columns, "plan");
        QVERIFY(phone >= 0 && plan >= 0);
        columns->item(phone, 7)->setText("\\d{3}-\\d{4}");
        QTRY_COMPARE_WITH_TIMEOUT(int(tab->result()->report.problems.size()), 9, 20000);
        columns->item(plan, 8)->setText("basic|pro|team");
        QTRY_COMPARE_WITH_TIMEOUT(int(tab->result()->report.problems.size()), 10, 20000);
        QCOMPARE(tab->result()->report.count(dl::ProblemKind::Category), 1);

        // A broken pattern: one red sentence, the rules in force stay (and the cell shows them again).
        messages.clear();
        columns->item(phone, 7)->setText("([");
        QVERIFY(!messages.isEmpty() && messages.last()[1].toBool());
        QVERIFY(messages.last()[0].toString().contains("no regular expression"));
        QTRY_COMPARE(columns->item(phone, 7)->text(), QString("\\d{3}-\\d{4}"));

        // A fix chosen in the problem table: missing values dropped instead of imputed.
        auto* kinds = tab->findChild<QTableWidget*>("cleanKinds");
        auto* missing = qobject_cast<QComboBox*>(kinds->cellWidget(int(dl::ProblemKind::Missing), 2));
        QVERIFY(missing);
        const int before = tab->result()->fix.dropped;
        const int shownBefore = int(shown.count());
        missing->setCurrentIndex(missing->findData(int(dl::FixAction::Drop)));
        emit missing->activated(missing->currentIndex());
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() > shownBefore, 20000);
        QCOMPARE(tab->result()->fix.dropped, before + 2);

        // Saved as a new file; the original untouched; saving over the original refused.
        QTemporaryDir dir;
        const QByteArray original = hashOf(planted());
        messages.clear();
        QVERIFY(tab->saveCleaned(dir.filePath("clean.csv")));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(dir.filePath("clean.csv")), 20000);
        QTRY_VERIFY(!messages.isEmpty());
        QVERIFY(messages.last()[0].toString().contains("the original is unchanged"));
        QCOMPARE(hashOf(planted()), original);
        const dl::Table saved = dl::loadTable(dir.filePath("clean.csv").toStdString());
        QCOMPARE(int(saved.rows.size()), int(tab->result()->fix.cleaned.rows.size()));
        QVERIFY(!tab->saveCleaned(planted()));
        QVERIFY(messages.last()[0].toString().contains("never changed"));
        QCOMPARE(hashOf(planted()), original);
    }
    void labelStrategies()
    {
        DL_NEEDS_FILES(QStringList{"/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"},
                       "Debian's dataset-fashion-mnist, installed by scripts/setup.sh");
        lab::LabelTab tab;
        QSignalSpy messages(&tab, &lab::LabelTab::message);
        tab.setStrategies({});
        tab.run();
        QVERIFY(!messages.isEmpty() && messages.last()[0].toString() == "Tick at least one strategy.");
        tab.setStrategies({"weak"});
        tab.setRules("brightness > 0.2 -> Shoe");
        tab.run();
        QVERIFY(messages.last()[0].toString().contains("line 1: no class \"Shoe\""));
        // Two strategies on a small budget: a curve each, a point a round, a table row each.
        tab.setStrategies({"random", "margin"});
        tab.setBudget(500, 5, 2, 20, 1);
        tab.setAnnotators(3, 0.2, "majority");
        QSignalSpy finished(tab.runner(), &lab::StudyRunner::finished);
        tab.run();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
        const dl::StudyReport& r = tab.runner()->view()->report();
        QCOMPARE(int(r.panels[0].curves.size()), 2);
        QCOMPARE(r.panels[0].curves[1].name, std::string("margin"));
        QCOMPARE(r.panels[0].curves[1].x, (std::vector<double>{50, 70, 90}));
        QCOMPARE(r.panels[1].curves[0].y.back(), 50.0 + 2 * 20 * 3); // three answers an image bought
        QCOMPARE(int(r.table.size()), 3);
        for (double acc : r.panels[0].curves[0].y) QVERIFY(acc > 0.2 && acc <= 1);
    }
    void cleanPictures()
    {
        // Twelve grey 16×16 pictures of noise, a copy of one, a text file named .png, one 20×20.
        QTemporaryDir dir;
        const QString root = dir.filePath("pics");
        QDir().mkpath(root + "/a");
        QRandomGenerator rng(3);
        auto picture = [&](int side) {
            QImage img(side, side, QImage::Format_Grayscale8);
            for (int y = 0; y < side; ++y)
                for (int x = 0; x < side; ++x) img.scanLine(y)[x] = uchar(rng.bounded(200));
            return img;
        };
        for (int i = 0; i < 12; ++i) QVERIFY(picture(16).save(root + QString("/a/%1.png").arg(i, 2, 10, QChar('0'))));
        QVERIFY(picture(20).save(root + "/a/big.png"));
        QFile::copy(root + "/a/04.png", root + "/a/zz.png");
        QFile text(root + "/a/notes.png");
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("not a picture");
        text.close();
        lab::PictureCleanTab tab;
        tab.resize(1200, 700);
        tab.show();
        QSignalSpy shown(&tab, &lab::PictureCleanTab::inspected), messages(&tab, &lab::PictureCleanTab::message);
        tab.openFolder(root);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 20000);
        const dl::ImageFolderReport& r = tab.result()->report;
        QCOMPARE(r.count(dl::ImageProblemKind::Unreadable), 1);
        QCOMPARE(r.count(dl::ImageProblemKind::Duplicate), 1);
        QCOMPARE(r.count(dl::ImageProblemKind::WrongSize), 1);
        QCOMPARE(tab.problems()->rowCount(), int(r.problems.size()));
        // The duplicate is shown first, beside the picture it repeats.
        QCOMPARE(tab.problems()->item(tab.problems()->currentRow(), 1)->text(), QString("a/zz.png"));
        // A size that is not WxH: one red sentence, nothing rerun.
        QVERIFY(!tab.setSize("big"));
        QVERIFY(messages.last()[1].toBool() && messages.last()[0].toString().contains("WxH"));
        // Asked for 20×20, the twelve (and the copy) are the wrong size.
        QVERIFY(tab.setSize("20x20"));
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 2, 20000);
        QCOMPARE(tab.result()->report.count(dl::ImageProblemKind::WrongSize), 13);
        // The cleaned copy: 13 pictures resized to 20×20 (the copy and the text dropped); the original unchanged.
        QStringList before;
        for (QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories); it.hasNext();) before << it.next();
        QSignalSpy saved(&tab, &lab::PictureCleanTab::saved);
        QVERIFY(tab.saveCleaned(dir.filePath("clean")));
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 20000);
        QCOMPARE(saved.last()[0].toInt(), 13);
        QCOMPARE(QImage(dir.filePath("clean/a/00.png")).size(), QSize(20, 20));
        QStringList after;
        for (QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories); it.hasNext();) after << it.next();
        QCOMPARE(after.size(), before.size());
        // Into the folder itself: refused in one sentence.
        tab.saveCleaned(root + "/a/out");
        QTRY_VERIFY_WITH_TIMEOUT(messages.last()[0].toString().contains("inside it"), 20000);
    }
    void transformTab()
    {
        // The table open in the Clean tab is the Transform tab's; its numeric columns are offered.
        lab::DataPage page;
        QSignalSpy shown(page.cleanTab(), &lab::CleanTab::inspected);
        page.cleanTab()->openTable(planted());
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 20000);
        lab::TransformTab* tab = page.transformTab();
        QVERIFY(!tab->setColumn("name", "min-max")); // not a number column
        QVERIFY(tab->setColumn("age", "min-max"));
        const auto& v = tab->column().values;
        QCOMPARE(int(v.size()), 23); // the age that is missing is left out
        QCOMPARE(*std::min_element(v.begin(), v.end()), 0.0);
        QCOMPARE(*std::max_element(v.begin(), v.end()), 1.0);
        QVERIFY(tab->setColumn("age", "log"));
        QVERIFY(std::abs(tab->column().values[0] - std::log(34.0)) < 1e-12);
        DL_NEEDS_FILES(QStringList{"/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz"},
                       "Debian's dataset-fashion-mnist, installed by scripts/setup.sh");
        // ZCA on 300 pictures at 7×7: the covariance after is the identity on the directions with variance.
        QSignalSpy whitened(tab, &lab::TransformTab::whitenedShown);
        tab->whiten(300, 4, dl::Whitening::ZCA, 0);
        QTRY_COMPARE_WITH_TIMEOUT(whitened.count(), 1, 60000);
        const dl::WhiteningResult& r = tab->whitening()->result;
        QCOMPARE(r.dims, 49);
        double trace = 0;
        int kept = 0;
        for (int k = 0; k < 49; ++k) trace += r.covarianceAfter[size_t(k * 49 + k)], kept += r.eigenvalues[size_t(k)] > 1e-12;
        QVERIFY2(std::abs(trace - kept) < 1e-6, qPrintable(QString("trace %1, %2 directions").arg(trace).arg(kept)));
        QVERIFY(!tab->whitenedView()->image().isNull());
        QCOMPARE(tab->whitenedView()->image().size(), QSize(7, 7));
    }
    void aPersonLabels()
    {
        // 24 pictures, dark (about 0.15) and light (about 0.85) by turns, with noise; the person answers by
        // brightness: after two batches the model guesses most answers.
        QTemporaryDir dir;
        QRandomGenerator rng(5);
        for (int i = 0; i < 24; ++i) {
            QImage img(20, 20, QImage::Format_Grayscale8);
            for (int y = 0; y < 20; ++y)
                for (int x = 0; x < 20; ++x) img.scanLine(y)[x] = uchar((i % 2 ? 215 : 40) + int(rng.bounded(30)) - 15);
            QVERIFY(img.save(dir.filePath(QString("%1.png").arg(i, 2, 10, QChar('0')))));
        }
        lab::AskTab tab;
        tab.show();
        QSignalSpy asked(&tab, &lab::AskTab::asked), messages(&tab, &lab::AskTab::message);
        tab.start(dir.path(), "only one", dl::Strategy::Margin);
        QVERIFY(messages.last()[1].toBool() && messages.last()[0].toString().contains("2 to 9 classes"));
        tab.start(dir.path(), "dark, light", dl::Strategy::Margin);
        auto answerBatch = [&] {
            const lab::AskBatch b = tab.batch();
            for (size_t i = 0; i < b.items.size(); ++i) {
                const int light = qGray(b.pictures[i].pixel(10, 10)) > 128;
                if (i == 0) QTest::keyClick(&tab, light ? Qt::Key_2 : Qt::Key_1); // the keys answer too
                else QVERIFY(tab.answerCurrent(light));
            }
        };
        for (int round = 1; round <= 3; ++round) {
            QTRY_COMPARE_WITH_TIMEOUT(asked.count(), round, 30000);
            QCOMPARE(int(tab.batch().items.size()), 8);
            if (round < 3) answerBatch();
        }
        QCOMPARE(tab.batch().perClass[0] + tab.batch().perClass[1], 16);
        QCOMPARE(tab.batch().compared, 8); // the second batch was answered with a model
        QVERIFY2(tab.batch().agreed >= 7, qPrintable(tab.status()));
        QVERIFY(tab.status().contains("16 of 24 pictures labelled"));
        // The labels as a CSV table: file, label.
        QVERIFY(tab.saveLabels(dir.filePath("labels.csv")));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(dir.filePath("labels.csv")), 20000);
        const dl::Table t = dl::loadTable(dir.filePath("labels.csv").toStdString());
        QCOMPARE(t.columns, (std::vector<std::string>{"file", "label"}));
        QCOMPARE(int(t.rows.size()), 16);
        for (const auto& row : t.rows) {
            const int n = QFileInfo(QString::fromStdString(row[0])).baseName().toInt();
            QCOMPARE(row[1], std::string(n % 2 ? "light" : "dark"));
        }
    }
    void unreadableTable()
    {
        lab::CleanTab tab;
        QSignalSpy messages(&tab, &lab::CleanTab::message);
        QTemporaryDir dir;
        QFile broken(dir.filePath("broken.csv"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("a,b\n1,\"2\n");
        broken.close();
        tab.openTable(broken.fileName());
        QTRY_VERIFY_WITH_TIMEOUT(!messages.isEmpty() && messages.last()[1].toBool(), 20000);
        QCOMPARE(messages.last()[0].toString(), QString("broken.csv, line 2: a quoted field is never closed."));
        QSignalSpy shown(&tab, &lab::CleanTab::inspected);
        tab.openTable(planted()); // still usable
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 20000);
    }
};

QTEST_MAIN(TstDataLab)
#include "tst_data_lab.moc"
