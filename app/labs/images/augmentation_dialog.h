// SPDX-License-Identifier: MIT
// Data augmentation dialog (COURSE.md §7): each transformation with its probability and strength, and a
// live preview grid of augmented versions of a few training images, re-rolled on demand (seeded). The
// pipeline applies to training batches only and is saved with the model.
#pragma once
#include "core/data/augment.h"
#include "app/labs/images/image_snapshot.h"

#include <QDialog>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;

namespace lab {

class TileGridView;

class AugmentationDialog : public QDialog {
    Q_OBJECT
  public:
    explicit AugmentationDialog(QWidget* parent = nullptr);
    void setPipeline(const dl::AugmentPipeline& p);
    dl::AugmentPipeline pipeline() const;
    void setSamples(const Planes& images); // a few training images (values, copied)
    TileGridView* preview() const { return m_preview; }
    static constexpr int kVersions = 6; // augmented versions per sample image

  public slots:
    void reroll();
    void updatePreview();

  private:
    struct Row {
        std::string kind;
        QCheckBox* on;
        QDoubleSpinBox* probability;
        QDoubleSpinBox* strength;
    };
    std::vector<Row> m_rows;
    TileGridView* m_preview;
    QLabel* m_note;
    Planes m_samples;
    std::uint32_t m_seed = 1;
};

} // namespace lab
