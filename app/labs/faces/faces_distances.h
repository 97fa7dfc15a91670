// SPDX-License-Identifier: MIT
// The Faces lab's third tab, distances at a glance (issue 14, COURSE.md §9): the distance matrix of every
// face in the lab as a heat map (dots where d ≤ τ; a click verifies that pair on the Photos tab); from the
// database's labels, the histogram of same-person against different-person distances with τ on it, the
// false accept and false reject rates at τ and both against τ (the verifier's trade-off as τ moves); and a
// PCA of the encodings, coloured by person (faces not in the database as rings).
#pragma once
#include "core/faces/face_db.h"
#include "core/faces/face_stats.h"

#include <QStringList>
#include <QWidget>
#include <vector>

class QLabel;

namespace lab {

class DistributionPlot;
class MatrixHeatView;
class ScatterView;
class SeriesPlot;

class FacesDistancesTab : public QWidget {
    Q_OBJECT
  public:
    explicit FacesDistancesTab(QWidget* parent = nullptr);
    // Every face of the lab (its 128 numbers and its name in the lab's lists), the database, τ.
    void setFaces(std::vector<std::vector<float>> descriptors, QStringList labels);
    void setDatabase(const dl::FaceDb& db);
    void setThreshold(double tau);
    MatrixHeatView* matrix() const { return m_matrix; }
    DistributionPlot* histogram() const { return m_hist; }
    SeriesPlot* rates() const { return m_rates; }
    ScatterView* projection() const { return m_pca; }
    QString ratesText() const;

  signals:
    void pairPicked(int a, int b); // a cell of the matrix was clicked

  private:
    void refreshDatabase();  // histogram, rate curve, PCA
    void refreshThreshold(); // dots, τ lines, the rates' sentence
    std::vector<std::vector<float>> m_faces;
    QStringList m_labels;
    dl::FaceDb m_db;
    dl::PairDistances m_pairs; // of m_db
    double m_tau = 0.6;
    MatrixHeatView* m_matrix;
    DistributionPlot* m_hist;
    SeriesPlot* m_rates;
    ScatterView* m_pca;
    QLabel *m_matrixCaption, *m_rateLabel;
};

} // namespace lab
