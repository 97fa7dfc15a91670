// SPDX-License-Identifier: MIT
// The data lab's Transform tab (course chapter 12, data transformation; core/data/transform.h): a numeric
// column of the table open in the Clean tab rescaled — min-max, z-score, log — with its distribution before
// and after; a Fashion-MNIST picture resized, cropped, down-sampled or made grey beside the original; and the
// pictures whitened (PCA or ZCA, ε): a whitened picture beside its original, and their covariance before and
// after as pictures (blue negative, red positive).
#pragma once
#include "app/labs/data/clean_worker.h"
#include "widgets/lab_thread.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QVBoxLayout;

namespace lab {

class DistributionPlot;
class PictureView;

class TransformTab : public QWidget {
    Q_OBJECT
  public:
    explicit TransformTab(QWidget* parent = nullptr);
    void setTable(std::shared_ptr<const dl::Table> table, const std::vector<dl::ColumnSummary>& columns);
    bool setColumn(const QString& name, const QString& transform); // false: no such numeric column
    void setPictureOp(int op);                                     // 0 resize, 1 crop, 2 down-sample, 3 grey
    void whiten(int count, int factor, dl::Whitening kind, double epsilon);
    void showPicture(int index);
    const WhiteningShown* whitening() const { return m_hasWhitening ? &m_whitening : nullptr; }
    const dl::TransformedColumn& column() const { return m_after; }
    PictureView* whitenedView() const { return m_whitened; }

  signals:
    void message(const QString& text, bool error);
    void whitenedShown();

  private:
    void updateColumn();
    void updatePicture();
    QWidget* buildColumnPart();
    QWidget* buildPicturePart();

    LabThread<CleanWorker> m_worker{"data-transform"};
    std::shared_ptr<const dl::Table> m_table;
    std::vector<int> m_numeric; // columns of the table that are numbers
    std::vector<double> m_before;
    dl::TransformedColumn m_after;
    WhiteningShown m_whitening;
    bool m_hasWhitening = false;
    long m_id = 0;

    QComboBox *m_column, *m_transform, *m_op, *m_kind, *m_factor;
    QLabel *m_columnNote, *m_statsBefore, *m_statsAfter, *m_whiteNote;
    QVBoxLayout *m_plotBefore, *m_plotAfter;
    DistributionPlot *m_distBefore = nullptr, *m_distAfter = nullptr;
    QSpinBox *m_count, *m_index;
    QDoubleSpinBox* m_epsilon;
    QPushButton* m_run;
    PictureView *m_original, *m_changed, *m_whitePicture, *m_whitened, *m_covBefore, *m_covAfter;
};

} // namespace lab
