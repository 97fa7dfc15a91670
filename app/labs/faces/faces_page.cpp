// SPDX-License-Identifier: MIT
#include "app/labs/faces/faces_page.h"

#include "app/labs/faces/faces_distances.h"
#include "app/labs/faces/faces_view.h"
#include "app/labs/faces/triplet_tab.h"
#include "core/models/model_files.h"
#include "core/models/model_manifest.h"
#include "widgets/picture_view.h"
#include "widgets/vector_strip_view.h"

#include <QComboBox>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSlider>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <cmath>

namespace lab {

FacesPage::FacesPage(QWidget* parent)
    : LabPage("faces", tr("Faces"),
              tr("Face verification with 128-D encodings: landmarks, the aligned crop, the distance against τ "
                 "(course chapter 9)"),
              NoControls, parent) // it runs on demand, one photo at a time
{
    m_modelsDir = QString::fromStdString(dl::findModelsDir("", QCoreApplication::applicationDirPath().toStdString()));
    auto* photos = new QWidget;
    auto* lay = new QHBoxLayout(photos);
    auto* left = new QVBoxLayout;
    auto* add = new QPushButton(tr("Add photos…"));
    auto* demo = new QPushButton(tr("Demo photos"));
    demo->setToolTip(tr("face-api's six demo photos (models/face-api, filled by scripts/setup.sh)"));
    m_detector = new QComboBox;
    m_detector->setObjectName("facesDetector");
    m_detector->addItem(tr("tiny (416², fast)"), int(dl::FaceDetectorKind::Tiny));
    m_detector->addItem(tr("SSD MobileNet (512², more)"), int(dl::FaceDetectorKind::Ssd));
    m_detector->setToolTip(tr("The face detector for the photos you add next (face-api's two): the tiny one is "
                              "a YOLO-style grid of 13 × 13 cells, SSD predicts from six feature maps, 5 118 "
                              "anchor boxes (course chapter 8). The photos already here keep their faces."));
    m_photoList = new QListWidget;
    m_photoList->setObjectName("facesPhotos");
    left->addWidget(add);
    left->addWidget(demo);
    left->addWidget(new QLabel(tr("Face detector")));
    left->addWidget(m_detector);
    left->addWidget(m_photoList, 1);
    auto* leftBox = new QWidget;
    leftBox->setLayout(left);
    leftBox->setMaximumWidth(230);
    lay->addWidget(leftBox);
    m_view = new FacesView;
    lay->addWidget(m_view, 3);

    auto* verify = new QGroupBox(tr("Verification (1:1): is A the same person as B?"));
    auto* v = new QVBoxLayout(verify);
    m_a = new QComboBox, m_b = new QComboBox;
    m_a->setObjectName("facesA"), m_b->setObjectName("facesB");
    m_a->setToolTip(tr("Face A: any face found in the photos")), m_b->setToolTip(tr("Face B: any face found in the photos"));
    auto* chips = new QHBoxLayout;
    m_chipA = new PictureView(tr("A")), m_chipB = new PictureView(tr("B"));
    for (PictureView* c : {m_chipA, m_chipB}) c->setEmptyText(tr("no face yet")), chips->addWidget(c);
    m_stripA = new VectorStripView, m_stripB = new VectorStripView;
    m_tauSlider = new QSlider(Qt::Horizontal);
    m_tauSlider->setObjectName("facesTau");
    m_tauSlider->setRange(10, 150); // τ = value / 100
    m_tauSlider->setValue(60);
    m_tauSlider->setToolTip(tr("τ: the same person when the distance is at most τ. 0.6 is this model's (dlib's "
                               "and face-api's); the course's 0.7 is for its own normalised encodings."));
    m_tauLabel = new QLabel, m_distanceLabel = new QLabel, m_verdictLabel = new QLabel, m_ruler = new QLabel;
    m_distanceLabel->setObjectName("facesDistance"), m_verdictLabel->setObjectName("facesVerdict");
    m_ruler->setTextFormat(Qt::RichText);
    QFont big = m_verdictLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_verdictLabel->setFont(big);
    v->addWidget(new QLabel(tr("Face A")));
    v->addWidget(m_a);
    v->addWidget(new QLabel(tr("Face B")));
    v->addWidget(m_b);
    v->addLayout(chips);
    v->addWidget(new QLabel(tr("their 128 numbers (blue < 0 < red, one scale for both)")));
    v->addWidget(m_stripA);
    v->addWidget(m_stripB);
    v->addWidget(m_tauLabel);
    v->addWidget(m_tauSlider);
    v->addWidget(m_distanceLabel);
    v->addWidget(m_ruler);
    v->addWidget(m_verdictLabel);
    verify->setMinimumWidth(320);
    auto* right = new QVBoxLayout;
    right->addWidget(verify, 3);
    right->addWidget(buildRecognition(), 2);
    lay->addLayout(right, 2);
    m_triplet = new TripletTab;
    m_tabs = new QTabWidget;
    m_tabs->addTab(photos, tr("Photos: verification and recognition"));
    m_distances = new FacesDistancesTab;
    m_tabs->addTab(m_distances, tr("Distances at a glance"));
    m_tabs->addTab(m_triplet, tr("Triplet loss, trained live"));
    connect(m_distances, &FacesDistancesTab::pairPicked, this, [this](int a, int b) {
        setPair(a, b);
        m_tabs->setCurrentIndex(0);
    });
    auto* top = new QVBoxLayout(this);
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_tabs);
    connect(m_triplet, &TripletTab::message, this, &LabPage::message);

    connect(add, &QPushButton::clicked, this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(this, tr("Photos of people"), QString(),
                                                                tr("Photos (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)"));
        if (!files.isEmpty()) addPhotos(files);
    });
    connect(demo, &QPushButton::clicked, this, &FacesPage::addDemoPhotos);
    connect(m_photoList, &QListWidget::currentRowChanged, this, &FacesPage::showPhoto);
    connect(m_a, &QComboBox::currentIndexChanged, this, &FacesPage::updateVerification);
    connect(m_b, &QComboBox::currentIndexChanged, this, &FacesPage::updateVerification);
    connect(m_tauSlider, &QSlider::valueChanged, this, [this](int t) {
        m_tau = t / 100.0;
        m_distances->setThreshold(m_tau);
        updateVerification();
        updateRecognition();
    });
    m_worker.relay(&FacesWorker::photoDone, this, &FacesPage::onPhoto);
    connectWorker(m_worker); // running, failed, info, busy
    updateVerification();
    updateRecognition();
}

void FacesPage::addPhotos(const QStringList& paths)
{
    const auto detector = static_cast<dl::FaceDetectorKind>(m_detector->currentData().toInt());
    m_worker.call([paths, dir = m_modelsDir, detector](FacesWorker& w) { w.addPhotos(paths, dir, detector); });
}

void FacesPage::addDemoPhotos()
{
    QStringList files;
    const QDir d(m_modelsDir + "/face-api");
    for (const QString& f : d.entryList({"sample*.jpg"}, QDir::Files, QDir::Name)) files << d.filePath(f);
    if (files.isEmpty()) {
        emit message(tr("face-api's demo photos are missing from %1: %2")
                         .arg(d.path(), QString::fromStdString(dl::fetchAdvice("models/face-api/sample1.jpg"))),
                     true);
        return;
    }
    addPhotos(files);
}

void FacesPage::onPhoto(const FacesPhoto& p)
{
    m_photos.push_back(p);
    const int photo = static_cast<int>(m_photos.size()) - 1;
    for (size_t i = 0; i < p.faces.size(); ++i) m_index.emplace_back(photo, static_cast<int>(i));
    m_photoList->addItem(tr("%1 — %n face(s)", "", int(p.faces.size())).arg(QFileInfo(p.path).fileName()));
    m_photoList->item(m_photoList->count() - 1)->setToolTip(tr("faces found by the %1 in %2 ms").arg(p.detector).arg(p.seconds * 1e3, 0, 'f', 0));
    const int keepA = m_a->currentIndex(), keepB = m_b->currentIndex();
    for (QComboBox* c : {m_a, m_b}) {
        const QSignalBlocker block(c);
        c->clear();
        for (int i = 0; i < faceCount(); ++i) c->addItem(faceName(i));
    }
    // Until the user picks: A the first face, B the second (the first again when there is one).
    m_a->setCurrentIndex(keepA >= 0 ? keepA : 0);
    m_b->setCurrentIndex(keepB >= 0 && keepB != keepA ? keepB : std::min(1, faceCount() - 1));
    if (m_photoList->currentRow() < 0) m_photoList->setCurrentRow(photo);
    emit message(p.faces.empty() ? tr("%1: no face found.").arg(QFileInfo(p.path).fileName())
                                 : tr("%1: %n face(s) in %2 ms (%3).", "", int(p.faces.size()))
                                       .arg(QFileInfo(p.path).fileName())
                                       .arg(p.seconds * 1e3, 0, 'f', 0)
                                       .arg(p.detector),
                 false);
    emit statusFields({tr("%n photo(s)", "", int(m_photos.size())), tr("%n face(s)", "", faceCount())});
    std::vector<std::vector<float>> all;
    QStringList names;
    for (int i = 0; i < faceCount(); ++i) all.push_back(face(i).descriptor), names << faceName(i);
    m_distances->setFaces(std::move(all), names);
    enrolArrived(p.path, faceCount() - int(p.faces.size()), p);
    updateVerification();
    updateRecognition();
    emit photoAdded(static_cast<int>(p.faces.size()));
}

QString FacesPage::faceName(int i) const
{
    const auto [photo, k] = m_index[static_cast<size_t>(i)];
    return tr("%1 · face %2").arg(QFileInfo(m_photos[static_cast<size_t>(photo)].path).fileName()).arg(k + 1);
}

const FaceItem& FacesPage::face(int i) const
{
    const auto [photo, k] = m_index.at(static_cast<size_t>(i));
    return m_photos[static_cast<size_t>(photo)].faces[static_cast<size_t>(k)];
}

void FacesPage::showPhoto(int row)
{
    m_view->setPhoto(row >= 0 && row < static_cast<int>(m_photos.size()) ? &m_photos[static_cast<size_t>(row)] : nullptr);
    updateVerification();
    updateRecognition();
}

void FacesPage::setPair(int a, int b)
{
    m_a->setCurrentIndex(a);
    m_b->setCurrentIndex(b);
}

void FacesPage::setThreshold(double tau)
{
    m_tauSlider->setValue(static_cast<int>(std::lround(tau * 100)));
}

QString FacesPage::verdict() const
{
    return m_verdictLabel->text();
}

// COURSE.md §9: verification is d(A, B) ≤ τ, d the Euclidean distance of the 128-D encodings.
void FacesPage::updateVerification()
{
    m_tauLabel->setText(tr("threshold τ = %1").arg(m_tau, 0, 'f', 2));
    const int a = m_a->currentIndex(), b = m_b->currentIndex();
    const int row = m_photoList->currentRow();
    auto marked = [&](int i) { // face i's index in the photo shown, or −1
        return i >= 0 && m_index[static_cast<size_t>(i)].first == row ? m_index[static_cast<size_t>(i)].second : -1;
    };
    m_view->setMarked(marked(a), marked(b));
    if (a < 0 || b < 0) {
        m_distance = -1;
        m_distanceLabel->setText(tr("Add photos: the distance of two faces shows here."));
        m_verdictLabel->clear(), m_ruler->clear();
        return;
    }
    const FaceItem &fa = face(a), &fb = face(b);
    double d2 = 0;
    float scale = 0;
    for (size_t k = 0; k < fa.descriptor.size(); ++k) {
        d2 += double(fa.descriptor[k] - fb.descriptor[k]) * (fa.descriptor[k] - fb.descriptor[k]);
        scale = std::max({scale, std::fabs(fa.descriptor[k]), std::fabs(fb.descriptor[k])});
    }
    m_distance = std::sqrt(d2);
    m_chipA->setImage(fa.chip), m_chipB->setImage(fb.chip);
    m_stripA->setValues(fa.descriptor, scale), m_stripB->setValues(fb.descriptor, scale);
    m_distanceLabel->setText(tr("distance ‖f(A) − f(B)‖ = %1").arg(m_distance, 0, 'f', 3));
    // The ruler: 0 … 1.5 with τ and d marked (text, so it scales with the font).
    const int cells = 30, at = std::min(cells, int(m_distance / 1.5 * cells)), tauAt = int(m_tau / 1.5 * cells);
    QString ruler;
    for (int i = 0; i <= cells; ++i) ruler += i == at ? QStringLiteral("●") : i == tauAt ? QStringLiteral("|") : QStringLiteral("·");
    m_ruler->setText(tr("<tt>0 %1 1.5</tt>").arg(ruler.toHtmlEscaped()));
    const bool same = m_distance <= m_tau;
    m_verdictLabel->setText(a == b ? tr("the same face") : same ? tr("the same person (d ≤ τ)") : tr("different people (d > τ)"));
    m_verdictLabel->setStyleSheet(same ? "color: #1b7f2a" : "color: #b3261e");
}

QList<QCommandLineOption> FacesPage::commandLineOptions() const
{
    return {{"faces-photos", "Faces screenshot: photos, comma-separated (default: face-api's demo photos).", "files"},
            {"faces-pair", "Faces screenshot: faces A,B by index (0-based, in the order found).", "a,b", "0,3"},
            {"faces-names", "Faces screenshot: faces to name first, i:name,… (0-based).", "list"},
            {"faces-tab", "Faces screenshot: the tab to show (photos, distances).", "tab", "photos"},
            {"faces-detector", "Faces screenshot: the face detector (tiny, ssd).", "name", "tiny"},
            {"faces-triplet", "Faces screenshot: the triplet-loss tab after this many epochs.", "epochs"},
            {"faces-triplet-dim", "Faces screenshot: the triplet tab's embedding size D.", "D", "32"},
            {"faces-triplet-per-class", "Faces screenshot: the triplet tab's training images per class (0: all).",
             "N", "0"}};
}

void FacesPage::showTripletTab()
{
    m_tabs->setCurrentWidget(m_triplet);
}

// The triplet tab's recipe: train for the epochs asked, then grab (the scatter is fresh at every epoch's end).
void FacesPage::shootTriplet(const QCommandLineParser& cli, LabShot& shot)
{
    showTripletTab();
    const int epochs = std::max(1, cli.value("faces-triplet").toInt());
    m_triplet->setDim(cli.value("faces-triplet-dim").toInt());
    m_triplet->setPerClass(cli.value("faces-triplet-per-class").toInt());
    m_triplet->setEpochs(epochs);
    connect(m_triplet, &TripletTab::epochDone, this, [this, epochs, &shot](int e) {
        if (e >= epochs) QTimer::singleShot(300, this, [&shot] { shot.grab(); });
    });
    m_triplet->run();
}

void FacesPage::shoot(const QCommandLineParser& cli, LabShot& shot)
{
    connect(this, &LabPage::message, this, [&shot](const QString& m, bool error) {
        if (error) shot.fail(m);
    });
    if (cli.isSet("faces-triplet")) return shootTriplet(cli, shot);
    QStringList files = cli.value("faces-photos").split(',', Qt::SkipEmptyParts);
    const QStringList pair = cli.value("faces-pair").split(',');
    auto wanted = std::make_shared<int>(0);
    const QStringList names = cli.value("faces-names").split(',', Qt::SkipEmptyParts);
    const QString tab = cli.value("faces-tab");
    connect(this, &FacesPage::photoAdded, this, [this, pair, names, tab, wanted, &shot](int) {
        if (--*wanted > 0) return;
        for (const QString& n : names) nameFace(n.section(':', 0, 0).toInt(), n.section(':', 1));
        setPair(pair.value(0).toInt(), pair.value(1).toInt());
        if (tab == "distances") m_tabs->setCurrentWidget(m_distances);
        QTimer::singleShot(300, this, [&shot] { shot.grab(); });
    });
    if (files.isEmpty()) {
        const QDir d(m_modelsDir + "/face-api");
        for (const QString& f : d.entryList({"sample*.jpg"}, QDir::Files, QDir::Name)) files << d.filePath(f);
    }
    dl::FaceDetectorKind detector{};
    if (!dl::parseFaceDetector(cli.value("faces-detector").toStdString(), detector))
        return shot.fail(tr("--faces-detector must be tiny or ssd, not %1").arg(cli.value("faces-detector")));
    m_detector->setCurrentIndex(m_detector->findData(int(detector)));
    *wanted = files.size();
    if (files.isEmpty())
        return shot.fail(tr("no photos: face-api's demo photos are missing: %1")
                             .arg(QString::fromStdString(dl::fetchAdvice("models/face-api/sample1.jpg"))));
    addPhotos(files);
}

} // namespace lab
