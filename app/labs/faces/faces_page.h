// SPDX-License-Identifier: MIT
// The Faces lab (issue 14, COURSE.md §9): photos of people in, every face found with its 68 landmarks, the
// square its 128 numbers come from, and those numbers as a strip; verification of any two faces: both
// crops, the Euclidean distance on a ruler against the threshold τ (slider), the verdict, updated as τ moves.
#pragma once
#include "app/labs/faces/faces_worker.h"
#include "core/faces/face_db.h"
#include "widgets/lab_page.h"
#include "widgets/lab_thread.h"

#include <QHash>
#include <deque>

class QComboBox;
class QLabel;
class QListWidget;
class QSlider;
class QTableWidget;
class QGroupBox;
class QTabWidget;

namespace lab {

class FacesDistancesTab;
class FacesView;
class TripletTab;
class PictureView;
class VectorStripView;

class FacesPage : public LabPage {
    Q_OBJECT
  public:
    explicit FacesPage(QWidget* parent = nullptr);
    void addPhotos(const QStringList& paths); // what Add photos… and Demo photos do
    void addDemoPhotos();
    // Verification: faces A and B by their index in faceList(); τ.
    void setPair(int a, int b);
    void setThreshold(double tau);
    double threshold() const { return m_tau; }
    double distance() const { return m_distance; } // of the pair shown; −1 when there is none
    QString verdict() const;
    int faceCount() const { return static_cast<int>(m_index.size()); }
    const FaceItem& face(int i) const;
    // Recognition (1:K): a database of named faces; every face of the photo shown gets the nearest person
    // or "unknown" at τ (faces_recognition.cpp).
    void nameFace(int i, const QString& name); // face i's encoding joins that person
    void enrolFolder(const QString& dir);      // DIR/<name>/*.jpg: the best face of each photo joins <name>
    QString recognised(int i) const;           // face i's nearest person or "unknown"
    const dl::FaceDb& database() const { return m_db; }
    bool saveDatabase(const QString& path);    // temporary file + rename; false: the sentence went out
    bool openDatabase(const QString& path);    // replaces the database; false: the sentence went out
    QStringList openFilters() const override;
    bool canOpen(const QString& path) const override; // a .json whose "format" is dl-face-db
    void open(const QString& path) override { openDatabase(path); }
    QList<QCommandLineOption> commandLineOptions() const override;
    void shoot(const QCommandLineParser& cli, LabShot& shot) override;

    TripletTab* tripletTab() const { return m_triplet; }
    FacesDistancesTab* distancesTab() const { return m_distances; }
    void showTripletTab();

  signals:
    void photoAdded(int faces); // after each photo the worker finished

  private:
    void onPhoto(const FacesPhoto& p);
    void showPhoto(int row);
    void updateVerification();
    QGroupBox* buildRecognition();
    void enrolArrived(const QString& path, int firstFace, const FacesPhoto& p);
    void shootTriplet(const QCommandLineParser& cli, LabShot& shot);
    void updateRecognition();
    QString faceName(int i) const;
    LabThread<FacesWorker> m_worker{"faces"};
    QString m_modelsDir;
    std::deque<FacesPhoto> m_photos;          // stable addresses: the view holds one
    std::vector<std::pair<int, int>> m_index; // face i of the lab: (photo, face in photo)
    QListWidget* m_photoList;
    FacesView* m_view;
    QComboBox *m_a, *m_b, *m_detector;
    PictureView *m_chipA, *m_chipB;
    VectorStripView *m_stripA, *m_stripB;
    QSlider* m_tauSlider;
    QLabel *m_tauLabel, *m_distanceLabel, *m_verdictLabel, *m_ruler;
    double m_tau = 0.6, m_distance = -1;
    dl::FaceDb m_db;
    QTableWidget* m_people;
    QLabel* m_dbLabel;
    QHash<QString, QString> m_enrolAs; // photo path → the person its best face joins (Enrol a folder…)
    QTabWidget* m_tabs;
    FacesDistancesTab* m_distances; // the distance matrix, same/different histogram, error rates, PCA
    TripletTab* m_triplet; // the second tab: triplet loss trained live (triplet_tab.h)
};

} // namespace lab
