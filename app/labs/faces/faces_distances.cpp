// SPDX-License-Identifier: MIT
#include "app/labs/faces/faces_distances.h"

#include "core/faces/face_stats.h"
#include "core/tensor/pca.h"
#include "widgets/distribution_plot.h"
#include "widgets/matrix_heat_view.h"
#include "widgets/scatter_view.h"
#include "widgets/series_plot.h"

#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace lab {

namespace {
constexpr double kMaxDistance = 1.5; // this model's distances lie well inside [0, 1.5]
}

FacesDistancesTab::FacesDistancesTab(QWidget* parent) : QWidget(parent)
{
    auto* lay = new QGridLayout(this);
    m_matrixCaption = new QLabel;
    m_matrixCaption->setWordWrap(true);
    m_matrix = new MatrixHeatView;
    m_matrix->setObjectName("facesMatrix");
    m_matrix->setEmptyText(tr("Add photos on the Photos tab: the distance of every pair of their faces shows here."));
    auto* left = new QVBoxLayout;
    left->addWidget(m_matrixCaption);
    left->addWidget(m_matrix, 1);
    lay->addLayout(left, 0, 0, 3, 1);
    m_hist = new DistributionPlot({tr("same person"), tr("different people")}, tr("distance ‖f(A) − f(B)‖"), 0,
                                  kMaxDistance, 30);
    m_hist->setYLabel(tr("share of pairs %"));
    m_rateLabel = new QLabel;
    m_rateLabel->setObjectName("facesRates");
    m_rateLabel->setWordWrap(true);
    m_rates = new SeriesPlot({tr("false accept (different people, d ≤ τ)"), tr("false reject (same person, d > τ)")},
                             tr("threshold τ"), tr("%"));
    m_rates->setXRange(0, kMaxDistance);
    m_rates->setYRange(0, 100);
    m_pca = new ScatterView;
    m_pca->setEmptyText(tr("Name faces (or open a database): their encodings are drawn here, one colour a person."));
    lay->addWidget(m_hist, 0, 1);
    lay->addWidget(m_rateLabel, 1, 1);
    lay->addWidget(m_rates, 2, 1);
    lay->addWidget(m_pca, 0, 2, 3, 1);
    lay->setColumnStretch(0, 3), lay->setColumnStretch(1, 3), lay->setColumnStretch(2, 3);
    lay->setRowStretch(0, 1), lay->setRowStretch(1, 0), lay->setRowStretch(2, 1);
    connect(m_matrix, &MatrixHeatView::cellClicked, this, &FacesDistancesTab::pairPicked);
    refreshDatabase();
}

void FacesDistancesTab::setFaces(std::vector<std::vector<float>> descriptors, QStringList labels)
{
    m_faces = std::move(descriptors), m_labels = std::move(labels);
    m_matrix->setMatrix(dl::distanceMatrix(m_faces), m_labels, 0, kMaxDistance);
    m_matrixCaption->setText(tr("The distance of every pair of the %n face(s) in the lab (dark: near); a dot: "
                                "d ≤ τ, the same person for the verifier. Click a cell to verify that pair.",
                                "", int(m_faces.size())));
    refreshDatabase(); // the projection shows the faces not in the database too
}

void FacesDistancesTab::setDatabase(const dl::FaceDb& db)
{
    m_db = db;
    refreshDatabase();
}

void FacesDistancesTab::setThreshold(double tau)
{
    m_tau = tau;
    refreshThreshold();
}

void FacesDistancesTab::refreshDatabase()
{
    m_pairs = dl::pairDistances(m_db);
    const dl::PairDistances& p = m_pairs;
    m_hist->setSamples(0, p.same);
    m_hist->setSamples(1, p.different);
    m_rates->clear();
    for (const dl::ErrorRates& r : dl::rateCurve(p, 0, kMaxDistance, 60)) {
        if (std::isfinite(r.falseAccept)) m_rates->append(0, r.tau, 100 * r.falseAccept);
        if (std::isfinite(r.falseReject)) m_rates->append(1, r.tau, 100 * r.falseReject);
    }
    // PCA (COURSE.md §9's 2-D projection) of the database's encodings, then the lab's faces not in it.
    std::vector<const float*> points;
    std::vector<int> group;
    QStringList names;
    for (size_t k = 0; k < m_db.people.size(); ++k) {
        names << QString::fromStdString(m_db.people[k].name);
        for (const dl::FaceEntry& e : m_db.people[k].faces) points.push_back(e.descriptor.data()), group.push_back(int(k));
    }
    const int others = int(names.size());
    for (const std::vector<float>& f : m_faces) {
        const bool named = std::any_of(m_db.people.begin(), m_db.people.end(), [&](const dl::FacePerson& person) {
            return std::any_of(person.faces.begin(), person.faces.end(),
                               [&](const dl::FaceEntry& e) { return std::equal(f.begin(), f.end(), e.descriptor.begin()); });
        });
        if (!named && f.size() == size_t(dl::kFaceDescriptorSize)) points.push_back(f.data()), group.push_back(others);
    }
    const bool anyOther = std::count(group.begin(), group.end(), others) > 0;
    if (anyOther) names << tr("not in the database");
    if (points.size() < 2) {
        m_pca->clear();
    } else {
        dl::Tensor X({dl::kFaceDescriptorSize, int(points.size())});
        for (size_t j = 0; j < points.size(); ++j)
            for (int k = 0; k < dl::kFaceDescriptorSize; ++k) X.data()[size_t(k) * points.size() + j] = points[j][k];
        dl::Projection2 pr = dl::pca2(X);
        std::vector<bool> hollow(size_t(names.size()), false);
        if (anyOther) hollow.back() = true;
        m_pca->setPoints(std::move(pr.x), std::move(pr.y), group, names, hollow);
        m_pca->setCaption(tr("PCA of %n encoding(s): %1 % + %2 % of the variance", "", int(points.size()))
                              .arg(pr.explained[0] * 100, 0, 'f', 0)
                              .arg(pr.explained[1] * 100, 0, 'f', 0));
    }
    refreshThreshold();
}

QString FacesDistancesTab::ratesText() const
{
    return m_rateLabel->text();
}

void FacesDistancesTab::refreshThreshold()
{
    m_matrix->setThreshold(m_tau);
    m_hist->setThreshold(m_tau, tr("τ %1").arg(m_tau, 0, 'f', 2));
    m_rates->setMarkerX(m_tau);
    const dl::PairDistances& p = m_pairs;
    const dl::ErrorRates r = dl::errorRates(p, m_tau);
    if (p.same.empty() && p.different.empty()) {
        m_rateLabel->setText(tr("The error rates need labels: name faces on the Photos tab (two or more of one person "
                                "for the same-person pairs) or open a database."));
        return;
    }
    QString fa = std::isfinite(r.falseAccept)
                     ? tr("%1 % of the %2 different-person pairs would be accepted as one person (false accepts)")
                           .arg(100 * r.falseAccept, 0, 'f', 1)
                           .arg(p.different.size())
                     : tr("no different-person pairs yet (name a second person)");
    QString fr = std::isfinite(r.falseReject)
                     ? tr("%1 % of the %2 same-person pairs rejected (false rejects)")
                           .arg(100 * r.falseReject, 0, 'f', 1)
                           .arg(p.same.size())
                     : tr("no same-person pairs yet (name two faces of one person)");
    m_rateLabel->setText(tr("At τ = %1: %2; %3.").arg(m_tau, 0, 'f', 2).arg(fa, fr));
}

} // namespace lab
