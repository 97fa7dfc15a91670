// SPDX-License-Identifier: MIT
// The Faces page's recognition (1:K, COURSE.md §9): name a face to add its encoding to the database; every
// face of the photo shown then gets the nearest person (face-api FaceMatcher: mean distance to that person's
// encodings) or "unknown" beyond τ, with its distance to every person, nearest first. The database is the
// JSON file `dlcli faces --enroll … --save` writes and `--db` reads (core/faces/face_db.h).
#include "app/labs/faces/faces_page.h"

#include "app/labs/faces/faces_distances.h"
#include "core/util/error.h"
#include "core/util/file.h"
#include "widgets/file_dialogs.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QComboBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace lab {

QGroupBox* FacesPage::buildRecognition()
{
    auto* box = new QGroupBox(tr("Recognition (1:K): who is each face of this photo?"));
    auto* v = new QVBoxLayout(box);
    auto* row = new QHBoxLayout;
    auto* name = new QPushButton(tr("Name face A…"));
    name->setToolTip(tr("Add face A's encoding to the database under a name (a new name is a new person)"));
    auto* openDb = new QPushButton(tr("Open…")), *saveDb = new QPushButton(tr("Save…"));
    auto* enrol = new QPushButton(tr("Enrol a folder…"));
    enrol->setToolTip(tr("One folder per person (people/<name>/*.jpg): the best face of each photo joins that person"));
    row->addWidget(name);
    row->addWidget(enrol);
    row->addWidget(openDb);
    row->addWidget(saveDb);
    v->addLayout(row);
    m_dbLabel = new QLabel;
    m_dbLabel->setObjectName("facesDatabase");
    v->addWidget(m_dbLabel);
    m_people = new QTableWidget(0, 3);
    m_people->setObjectName("facesPeople");
    m_people->setHorizontalHeaderLabels({tr("face"), tr("who (at τ)"), tr("distance to each person, nearest first")});
    m_people->horizontalHeader()->setStretchLastSection(true);
    m_people->verticalHeader()->hide();
    m_people->setEditTriggers(QAbstractItemView::NoEditTriggers);
    v->addWidget(m_people, 1);
    connect(name, &QPushButton::clicked, this, [this] {
        if (m_a->currentIndex() < 0) return emit message(tr("Add a photo first: there is no face A to name."), true);
        bool ok = false;
        const QString who = QInputDialog::getText(this, tr("Name face A"), tr("Who is this?"), QLineEdit::Normal,
                                                  QString(), &ok).trimmed();
        if (ok && !who.isEmpty()) nameFace(m_a->currentIndex(), who);
    });
    connect(enrol, &QPushButton::clicked, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("People: one folder per person"));
        if (!d.isEmpty()) enrolFolder(d);
    });
    connect(openDb, &QPushButton::clicked, this, [this] {
        const QString p = askOpenPath(this, tr("Open a face database"), tr("Face database (*.json)"));
        if (!p.isEmpty()) openDatabase(p);
    });
    connect(saveDb, &QPushButton::clicked, this, [this] {
        const QString p = askSavePath(this, tr("Save the face database"), tr("Face database (*.json)"), "json");
        if (!p.isEmpty()) saveDatabase(p);
    });
    return box;
}

void FacesPage::nameFace(int i, const QString& name)
{
    if (i < 0 || i >= faceCount()) return;
    const FaceItem& f = face(i);
    dl::FaceEntry e;
    e.source = m_photos[static_cast<size_t>(m_index[static_cast<size_t>(i)].first)].path.toStdString();
    std::copy(f.descriptor.begin(), f.descriptor.end(), e.descriptor.begin());
    m_db.add(name.toStdString(), e);
    emit message(tr("%1 now has %n face(s) in the database.", "", int(m_db.find(name.toStdString())->faces.size())).arg(name),
                 false);
    updateRecognition();
}

void FacesPage::enrolFolder(const QString& dir)
{
    std::vector<dl::PersonPhotos> people;
    try {
        people = dl::listPeopleFolder(dir.toStdString());
    } catch (const dl::Error& e) {
        return emit message(QString::fromUtf8(e.what()), true);
    }
    QStringList photos;
    for (const dl::PersonPhotos& p : people)
        for (const std::string& f : p.photos) {
            photos << QString::fromStdString(f);
            m_enrolAs[photos.back()] = QString::fromStdString(p.name);
        }
    emit message(tr("Enrolling %n person(s) from %1…", "", int(people.size())).arg(QFileInfo(dir).fileName()), false);
    addPhotos(photos);
}

// A photo of an enrolled folder: its best face joins the folder's person (the detector's highest score).
void FacesPage::enrolArrived(const QString& path, int firstFace, const FacesPhoto& p)
{
    const auto it = m_enrolAs.find(path);
    if (it == m_enrolAs.end()) return;
    const QString name = it.value();
    m_enrolAs.erase(it);
    if (p.faces.empty()) return; // onPhoto said "no face found"
    size_t best = 0;
    for (size_t i = 1; i < p.faces.size(); ++i)
        if (p.faces[i].score > p.faces[best].score) best = i;
    nameFace(firstFace + int(best), name);
}

QString FacesPage::recognised(int i) const
{
    dl::FaceDescriptor q{};
    const FaceItem& f = face(i);
    std::copy(f.descriptor.begin(), f.descriptor.end(), q.begin());
    return QString::fromStdString(dl::recognise(m_db, q, m_tau));
}

bool FacesPage::saveDatabase(const QString& path)
{
    try {
        dl::writeFileAtomic(path.toStdString(), dl::faceDbJson(m_db).dump() + "\n");
    } catch (const dl::Error& e) {
        emit message(QString::fromUtf8(e.what()), true);
        return false;
    }
    emit message(tr("Saved %n person(s) to %1.", "", int(m_db.people.size())).arg(QFileInfo(path).fileName()), false);
    return true;
}

bool FacesPage::openDatabase(const QString& path)
{
    try {
        m_db = dl::parseFaceDb(dl::readFile(path.toStdString()), QFileInfo(path).fileName().toStdString());
    } catch (const dl::Error& e) {
        emit message(QString::fromUtf8(e.what()), true); // the database shown stays as it was
        return false;
    }
    emit raiseRequested();
    emit message(tr("%1: %n person(s).", "", int(m_db.people.size())).arg(QFileInfo(path).fileName()), false);
    updateRecognition();
    return true;
}

QStringList FacesPage::openFilters() const
{
    return {tr("Face database (*.json)")};
}

bool FacesPage::canOpen(const QString& path) const
{
    return jsonFileFormat(path) == "dl-face-db";
}

void FacesPage::updateRecognition()
{
    m_distances->setDatabase(m_db); // cheap for a lab's database: its pairs, their rates, a 128-D PCA
    m_dbLabel->setText(m_db.people.empty()
                           ? tr("The database is empty: pick a face as A and name it, or open a database.")
                           : tr("database: %n person(s), ", "", int(m_db.people.size())) +
                                 tr("%n face(s)", "", int(m_db.faceCount())));
    m_people->setRowCount(0);
    const int row = m_photoList->currentRow();
    for (int i = 0; i < faceCount(); ++i) {
        if (m_index[static_cast<size_t>(i)].first != row) continue;
        dl::FaceDescriptor q{};
        std::copy(face(i).descriptor.begin(), face(i).descriptor.end(), q.begin());
        QStringList ranked;
        for (const dl::FaceMatch& m : dl::rankPeople(m_db, q))
            ranked << tr("%1 %2").arg(QString::fromStdString(m.name)).arg(m.distance, 0, 'f', 3);
        const int r = m_people->rowCount();
        m_people->insertRow(r);
        m_people->setItem(r, 0, new QTableWidgetItem(tr("face %1").arg(m_index[static_cast<size_t>(i)].second + 1)));
        m_people->setItem(r, 1, new QTableWidgetItem(m_db.people.empty() ? QString() : recognised(i)));
        m_people->setItem(r, 2, new QTableWidgetItem(ranked.join(QStringLiteral(" · "))));
    }
}

} // namespace lab
