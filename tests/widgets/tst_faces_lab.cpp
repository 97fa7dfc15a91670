// SPDX-License-Identifier: MIT
// The Faces lab, offscreen, on face-api's demo photos: photos go through the worker thread and come back
// with their faces; the distance shown for a pair is the Euclidean distance of the two descriptors the page
// holds (which tst_faces_cli checks against face-api itself); moving τ across it flips the verdict; a face
// against itself is distance 0; recognition against a database named in the lab, saved and reopened; a photo
// that cannot be read is one sentence and the lab stays usable.
#include "tests/require_files.h"
#include "../core/detect_fixtures.h"
#include "app/labs/faces/faces_distances.h"
#include "app/labs/faces/faces_page.h"
#include "widgets/distribution_plot.h"
#include "widgets/matrix_heat_view.h"
#include "widgets/scatter_view.h"

#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QSlider>
#include <QTableWidget>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

class TstFacesLab : public QObject {
    Q_OBJECT
  private:
    QString m_root;

  private slots:
    void initTestCase()
    {
        m_root = dltest::modelsRoot() + "/face-api/";
        DL_NEEDS_FILES((QStringList{m_root + "face_recognition_model.bin", m_root + "face_landmark_68_model.bin",
                        m_root + "sample1.jpg", m_root + "sample2.jpg"}),
                       DL_FROM_FACE_API);
    }

    void verifyTwoFaces()
    {
        lab::FacesPage page;
        page.resize(1200, 700);
        page.show();
        QSignalSpy added(&page, &lab::FacesPage::photoAdded);
        page.addPhotos({m_root + "sample1.jpg", m_root + "sample2.jpg"});
        QTRY_COMPARE_WITH_TIMEOUT(added.count(), 2, 60000);
        QCOMPARE(page.faceCount(), 4); // 3 + 1 (face-api's own count, tests/data/face_api_faces.json)
        auto* list = page.findChild<QListWidget*>("facesPhotos");
        QCOMPARE(list->count(), 2);
        QVERIFY(list->item(0)->text().contains("3"));
        page.setPair(0, 3);
        double d2 = 0;
        for (int k = 0; k < 128; ++k) {
            const double e = page.face(0).descriptor[size_t(k)] - page.face(3).descriptor[size_t(k)];
            d2 += e * e;
        }
        QVERIFY(std::fabs(page.distance() - std::sqrt(d2)) < 1e-6);
        QVERIFY(page.findChild<QLabel*>("facesDistance")->text().contains(QString::number(page.distance(), 'f', 3)));
        QCOMPARE(page.face(0).landmarks.size(), 68);
        QCOMPARE(page.face(0).chip.width(), 150);
        // τ just below d: different people; just above: the same person (drag the slider itself).
        auto* tau = page.findChild<QSlider*>("facesTau");
        tau->setValue(int(std::floor(page.distance() * 100)) - 1);
        QVERIFY(page.verdict().startsWith("different people"));
        tau->setValue(int(std::ceil(page.distance() * 100)) + 1);
        QVERIFY(page.verdict().startsWith("the same person"));
        QCOMPARE(page.threshold(), tau->value() / 100.0);
        // The face picked twice.
        page.findChild<QComboBox*>("facesB")->setCurrentIndex(0);
        QCOMPARE(page.distance(), 0.0);
        QVERIFY(page.verdict().contains("same face"));
        // Another photo in the list is shown on selection; the pair stays.
        list->setCurrentRow(1);
        QCOMPARE(page.distance(), 0.0);
    }

    // Recognition: name one face, every face of the photo shown gets that name or "unknown" at τ as the core
    // ranks it; the database saves (temporary file + rename), reopens, and File ▸ Open routes it here; a
    // damaged database is one sentence and the database stays.
    void recognitionNamesSavesOpens()
    {
        lab::FacesPage page;
        QSignalSpy added(&page, &lab::FacesPage::photoAdded);
        QSignalSpy messages(&page, &lab::LabPage::message);
        page.addPhotos({m_root + "sample1.jpg", m_root + "sample2.jpg"});
        QTRY_COMPARE_WITH_TIMEOUT(added.count(), 2, 60000);
        auto* table = page.findChild<QTableWidget*>("facesPeople");
        QCOMPARE(table->rowCount(), 3); // the photo shown: sample1's three faces
        QVERIFY(table->item(0, 1)->text().isEmpty()); // nobody named yet
        page.nameFace(3, "two"); // sample2's face
        QCOMPARE(page.database().people.size(), size_t(1));
        QCOMPARE(page.recognised(3), QString("two"));
        for (int i = 0; i < 3; ++i) {
            dl::FaceDescriptor q{};
            std::copy(page.face(i).descriptor.begin(), page.face(i).descriptor.end(), q.begin());
            const double d = dl::rankPeople(page.database(), q).front().distance;
            QCOMPARE(page.recognised(i), d <= page.threshold() ? QString("two") : QString("unknown"));
            QCOMPARE(table->item(i, 1)->text(), page.recognised(i));
            QVERIFY(table->item(i, 2)->text().startsWith("two " + QString::number(d, 'f', 3)));
        }
        page.setThreshold(0.1);
        for (int i = 0; i < 3; ++i) QCOMPARE(table->item(i, 1)->text(), QString("unknown"));
        QTemporaryDir dir;
        const QString db = dir.filePath("people.json");
        QVERIFY(page.saveDatabase(db));
        QVERIFY(page.canOpen(db));
        QVERIFY(!page.canOpen(m_root + "tiny_face_detector_model-weights_manifest.json"));
        QFile broken(dir.filePath("broken.json"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"format\": \"dl-face-db\", \"version\": 1, \"people\": [{\"name\": \"x\"}]}");
        broken.close();
        messages.clear();
        QVERIFY(!page.openDatabase(broken.fileName()));
        QVERIFY(!messages.isEmpty() && messages.last()[1].toBool());
        QVERIFY2(messages.last()[0].toString().contains("broken.json"), qPrintable(messages.last()[0].toString()));
        QCOMPARE(page.database().people.size(), size_t(1)); // unchanged
        lab::FacesPage other;
        QVERIFY(other.openDatabase(db));
        QCOMPARE(other.database().faceCount(), size_t(1));
        QCOMPARE(QString::fromStdString(other.database().people[0].name), QString("two"));
    }

    // Distances at a glance, with labels that are known: sample 2's face and the same photo mirrored (one
    // person), sample 1's three faces (three more people). The matrix holds the descriptors' distances; the
    // histogram and the error rates count the database's pairs as the test counts them; a click on a cell
    // verifies that pair.
    void distancesAtAGlance()
    {
        QTemporaryDir dir;
        const QString mirror = dir.filePath("sample2-mirrored.jpg");
        QVERIFY(QImage(m_root + "sample2.jpg").mirrored(true, false).save(mirror));
        lab::FacesPage page;
        page.resize(1300, 800);
        page.show();
        QSignalSpy added(&page, &lab::FacesPage::photoAdded);
        page.addPhotos({m_root + "sample1.jpg", m_root + "sample2.jpg", mirror});
        QTRY_COMPARE_WITH_TIMEOUT(added.count(), 3, 60000);
        const int n = page.faceCount(); // 3 + 1 + the mirror's (face-api's detector may find more than one there)
        QVERIFY(n >= 5);
        lab::FacesDistancesTab* tab = page.distancesTab();
        lab::MatrixHeatView* m = tab->matrix();
        QCOMPARE(m->size(), n);
        auto d = [&](int a, int b) {
            double s2 = 0;
            for (size_t k = 0; k < 128; ++k)
                s2 += std::pow(double(page.face(a).descriptor[k]) - page.face(b).descriptor[k], 2);
            return std::sqrt(s2);
        };
        for (int a = 0; a < n; ++a)
            for (int b = 0; b < n; ++b) QVERIFY(std::fabs(m->value(a, b) - d(a, b)) < 1e-6);
        int mf = 4; // the mirror photo's face nearest sample 2's: the mirrored face
        for (int i = 5; i < n; ++i)
            if (d(3, i) < d(3, mf)) mf = i;
        page.nameFace(3, "ann"), page.nameFace(mf, "ann");
        page.nameFace(0, "bea"), page.nameFace(1, "cat"), page.nameFace(2, "dee");
        QCOMPARE(tab->histogram()->sampleCount(0), 1); // ann and her mirror image
        QCOMPARE(tab->histogram()->sampleCount(1), 9); // the other 9 of the 10 pairs
        QCOMPARE(tab->projection()->pointCount(), n);  // the 5 named and the faces not in the database
        page.setThreshold(0.6);
        const std::vector<int> named{0, 1, 2, 3, mf};
        int accepted = 0, marked = 0;
        for (int a = 0; a < n; ++a)
            for (int b = 0; b < n; ++b) marked += a != b && d(a, b) <= 0.6;
        for (size_t i = 0; i < named.size(); ++i)
            for (size_t j = 0; j < i; ++j) accepted += !(named[i] == mf && named[j] == 3) && d(named[i], named[j]) <= 0.6;
        QVERIFY(d(3, mf) < 0.6); // a face and its mirror image: the same person
        QCOMPARE(m->markedCount(), marked);
        const QString want = QString("%1 % of the 9 different-person").arg(100.0 * accepted / 9, 0, 'f', 1);
        QVERIFY2(tab->ratesText().contains(want), qPrintable(tab->ratesText() + " / " + want));
        QVERIFY2(tab->ratesText().contains("0.0 % of the 1 same-person"), qPrintable(tab->ratesText()));
        page.setThreshold(0.2); // below the mirror pair: it is rejected
        QVERIFY2(tab->ratesText().contains("100.0 % of the 1 same-person"), qPrintable(tab->ratesText()));
        // A click on cell (1, 4) makes faces 2 and 5 the verified pair.
        QSignalSpy picked(tab, &lab::FacesDistancesTab::pairPicked);
        QTest::mouseClick(m, Qt::LeftButton, {}, m->cellRect(1, 4).center().toPoint());
        QCOMPARE(picked.count(), 1);
        QVERIFY(std::fabs(page.distance() - d(1, 4)) < 1e-6);
    }

    // Enrol a folder: people/<name>/*.jpg, the best face of each photo joins <name>; a folder without photos
    // and a file beside the folders are left out; a path that is no folder, or holds nobody's photo, is one
    // sentence and the database stays as it was.
    void enrolAFolder()
    {
        QTemporaryDir dir;
        const QString people = dir.filePath("people");
        QVERIFY(QDir().mkpath(people + "/ann") && QDir().mkpath(people + "/bea") && QDir().mkpath(people + "/nobody"));
        QVERIFY(QFile::copy(m_root + "sample2.jpg", people + "/ann/1.jpg"));
        QVERIFY(QImage(m_root + "sample2.jpg").mirrored(true, false).save(people + "/ann/2.JPG"));
        QVERIFY(QFile::copy(m_root + "sample1.jpg", people + "/bea/1.jpg"));
        QFile note(people + "/readme.txt");
        QVERIFY(note.open(QIODevice::WriteOnly));
        note.write("not a person");
        note.close();
        lab::FacesPage page;
        QSignalSpy messages(&page, &lab::LabPage::message);
        QSignalSpy added(&page, &lab::FacesPage::photoAdded);
        page.enrolFolder(dir.filePath("missing"));
        page.enrolFolder(people + "/nobody");
        QCOMPARE(messages.count(), 2);
        QVERIFY2(messages[0][0].toString().contains("is not a folder"), qPrintable(messages[0][0].toString()));
        QVERIFY2(messages[1][0].toString().contains("no photos of anyone"), qPrintable(messages[1][0].toString()));
        QVERIFY(messages[0][1].toBool() && messages[1][1].toBool());
        QVERIFY(page.database().people.empty());
        page.enrolFolder(people);
        QTRY_COMPARE_WITH_TIMEOUT(added.count(), 3, 60000);
        const dl::FaceDb& db = page.database();
        QCOMPARE(db.people.size(), size_t(2));
        QCOMPARE(db.people[0].name, std::string("ann"));
        QCOMPARE(db.people[0].faces.size(), size_t(2));
        QCOMPARE(db.people[1].name, std::string("bea"));
        QCOMPARE(db.people[1].faces.size(), size_t(1)); // sample 1 has three faces: its best one
        int best = page.faceCount() - 3; // sample 1's three faces come last (bea's photo, the last folder)
        for (int i = best + 1; i < page.faceCount(); ++i)
            if (page.face(i).score > page.face(best).score) best = i;
        QVERIFY(std::equal(db.people[1].faces[0].descriptor.begin(), db.people[1].faces[0].descriptor.end(),
                           page.face(best).descriptor.begin()));
        QCOMPARE(page.distancesTab()->histogram()->sampleCount(0), 1); // ann's two photos
    }

    // The detector box: SSD MobileNet for the photos added next — on sample 2 it finds the three faces face-api's
    // SSD finds (tests/data/face_api_ssd.json) where the tiny detector finds one; switching back to tiny
    // applies to the next photo and the faces already found stay.
    void detectorChoiceAppliesToNextPhotos()
    {
        DL_NEEDS_FILES((QStringList{m_root + "ssd_mobilenetv1_model.bin"}), DL_FROM_FACE_API);
        lab::FacesPage page;
        QSignalSpy added(&page, &lab::FacesPage::photoAdded);
        QSignalSpy messages(&page, &lab::LabPage::message);
        auto* detector = page.findChild<QComboBox*>("facesDetector");
        QCOMPARE(detector->count(), 2);
        QCOMPARE(detector->currentIndex(), 0); // the tiny detector, as before
        detector->setCurrentIndex(1);
        page.addPhotos({m_root + "sample2.jpg"});
        QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, 60000);
        QCOMPARE(page.faceCount(), 3);
        auto* list = page.findChild<QListWidget*>("facesPhotos");
        QVERIFY2(list->item(0)->toolTip().contains("SSD"), qPrintable(list->item(0)->toolTip()));
        QVERIFY(messages.last()[0].toString().contains("SSD"));
        detector->setCurrentIndex(0);
        page.addPhotos({m_root + "sample2.jpg"});
        QTRY_COMPARE_WITH_TIMEOUT(added.count(), 2, 60000);
        QCOMPARE(page.faceCount(), 4); // 3 + the tiny detector's 1
        QVERIFY(list->item(1)->toolTip().contains("tiny"));
        // The same face through both detectors: the same person (its boxes differ, its aligned square nearly not).
        page.setPair(0, 3);
        QVERIFY2(page.distance() < 0.3, qPrintable(QString::number(page.distance())));
    }

    void unreadablePhotoIsOneSentence()
    {
        QTemporaryDir dir;
        const QString bad = dir.filePath("notes.jpg");
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a photo");
        f.close();
        lab::FacesPage page;
        QSignalSpy messages(&page, &lab::LabPage::message);
        QSignalSpy added(&page, &lab::FacesPage::photoAdded);
        page.addPhotos({bad, m_root + "sample2.jpg"});
        QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, 60000); // the good photo still comes through
        bool said = false;
        for (const QList<QVariant>& m : messages)
            if (m[1].toBool()) {
                said = true;
                QVERIFY2(m[0].toString().contains("notes.jpg"), qPrintable(m[0].toString()));
                QCOMPARE(m[0].toString().count(". "), 0); // one sentence
            }
        QVERIFY(said);
        QCOMPARE(page.faceCount(), 1);
    }
};

QTEST_MAIN(TstFacesLab)
#include "tst_faces_lab.moc"
