// SPDX-License-Identifier: MIT
// The first start's offer (app/gui/fetch_dialog.h): with empty model and corpus folders it names every
// manifest file missing and their size; Fetch runs the fetch script from a file:// mirror made from models/
// and corpora/, shows its output while the window stays free, and afterwards nothing is missing; Cancel stops
// a fetch that hangs; the offer is made once a version; Help ▸ Fetch models… is in the window's menu.
#include "app/gui/fetch_dialog.h"
#include "app/gui/main_window.h"
#include "core/models/model_manifest.h"
#include "tests/require_files.h"

#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

class TstFetchDialog : public QObject {
    Q_OBJECT
    QTemporaryDir m_root;

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName("DLVisualLab-test");
        QCoreApplication::setApplicationVersion("test");
        QSettings().clear();
        QVERIFY(QDir(m_root.path()).mkpath("models") && QDir(m_root.path()).mkpath("corpora"));
        qputenv("DLLAB_MODELS", m_root.filePath("models").toUtf8());
        qputenv("DLLAB_CORPORA", m_root.filePath("corpora").toUtf8());
    }
    void namesWhatIsMissing()
    {
        lab::FetchDialog d;
        QCOMPARE(d.missing().size(), int(dl::projectManifest().size()));
        QVERIFY2(d.summary().startsWith("26 files the labs read are missing (24.3 MB), in corpora/dinosaurs (1), "
                                        "corpora/tinyshakespeare (1), models/face-api (15), models/tiny-darknet (3), "
                                        "models/yolo-fastest-1.1 (6). Fetch them now?"), qPrintable(d.summary()));
        QVERIFY(d.missing().contains("models/tiny-darknet/tiny.weights"));
        QVERIFY(lab::FetchDialog::shouldOffer());
        QVERIFY(!lab::FetchDialog::shouldOffer()); // once a version
    }
    void fetchesFromAMirror()
    {
        const QString src = QString(DL_SOURCE_DIR);
        QStringList paths;
        for (const dl::ManifestEntry& e : dl::projectManifest()) paths << src + "/" + QString::fromStdString(e.path);
        DL_NEEDS_FILES(paths, "resources/models.manifest's sources, put into models/ and corpora/ by scripts/setup.sh");
        QTemporaryDir mirror;
        for (const dl::ManifestEntry& e : dl::projectManifest()) {
            const QString p = QString::fromStdString(e.path);
            QDir().mkpath(QFileInfo(mirror.filePath(p)).path());
            QVERIFY(QFile::copy(src + "/" + p, mirror.filePath(p)));
        }
        qputenv("DLLAB_MODEL_MIRROR", mirror.path().toUtf8());
        lab::FetchDialog d(nullptr, "/bin/bash", {src + "/scripts/fetch-models.sh", "--dest", m_root.path()});
        QSignalSpy done(&d, &lab::FetchDialog::done);
        d.fetch();
        QVERIFY(d.running());
        QVERIFY(done.wait(60000)); // the event loop runs meanwhile: the window stays free
        qunsetenv("DLLAB_MODEL_MIRROR");
        QCOMPARE(done.first().first().toBool(), true);
        QVERIFY2(d.log().contains("0 present, 26 fetched, 0 missing or refused"), qPrintable(d.log()));
        QVERIFY(d.missing().isEmpty());
        QCOMPARE(d.summary(), QString("Every model and corpus the labs read is on this machine."));
    }
    void cancelStopsAHangingFetch()
    {
        lab::FetchDialog d(nullptr, "/bin/sleep", {"60"});
        d.fetch();
        QVERIFY(d.running());
        QElapsedTimer t;
        t.start();
        d.cancel();
        QVERIFY(!d.running() && t.elapsed() < 5000);
        QVERIFY(d.log().contains("Cancelled."));
    }
    void helpMenuOffersIt()
    {
        lab::MainWindow w(std::vector<lab::LabPage*>{});
        QStringList items;
        for (QAction* m : w.menuBar()->actions())
            if (m->menu())
                for (QAction* a : m->menu()->actions()) items << m->text() + " > " + a->text();
        QVERIFY2(items.contains("&Help > &Fetch models and corpora…"), qPrintable(items.join(", ")));
    }
};

QTEST_MAIN(TstFetchDialog)
#include "tst_fetch_dialog.moc"
