// SPDX-License-Identifier: MIT
// The Faces lab, offscreen, on face-api's demo photos: photos go through the worker thread and come back
// with their faces; the distance shown for a pair is the Euclidean distance of the two descriptors the page
// holds (which tst_faces_cli checks against face-api itself); moving τ across it flips the verdict; a face
// against itself is distance 0; recognition against a database named in the lab, saved and reopened; a photo
// that cannot be read is one sentence and the lab stays usable.
#include "tests/require_files.h"
#include "../core/detect_fixtures.h"
#include "app/labs/faces/faces_page.h"

#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QSlider>
#include <QTableWidget>
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
