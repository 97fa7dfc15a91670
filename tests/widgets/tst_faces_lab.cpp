// SPDX-License-Identifier: MIT
// The Faces lab, offscreen, on face-api's demo photos: photos go through the worker thread and come back
// with their faces; the distance shown for a pair is the Euclidean distance of the two descriptors the page
// holds (which tst_faces_cli checks against face-api itself); moving τ across it flips the verdict; a face
// against itself is distance 0; a photo that cannot be read is one sentence and the lab stays usable.
#include "tests/require_files.h"
#include "../core/detect_fixtures.h"
#include "app/labs/faces/faces_page.h"

#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QSlider>
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
