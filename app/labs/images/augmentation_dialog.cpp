// SPDX-License-Identifier: MIT
#include "app/labs/images/augmentation_dialog.h"

#include "widgets/planes_image.h"
#include "widgets/tile_grid_view.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <cstring>

namespace lab {

static QString kindTitle(const std::string& k, QString& unit, QString& tip)
{
    if (k == "flip")
        return unit = QString(), tip = QObject::tr("Mirror left–right."), QObject::tr("Mirroring");
    if (k == "crop")
        return unit = QObject::tr("px"),
               tip = QObject::tr(
                   "Pad with zeros, then crop back at a random shift of up to ± this many pixels."),
               QObject::tr("Random crop");
    if (k == "rotate")
        return unit = QObject::tr("°"), tip = QObject::tr("Rotate by a random angle up to ± this."),
               QObject::tr("Rotation");
    if (k == "shear")
        return unit = QString(), tip = QObject::tr("Shear by a random factor up to ± this."),
               QObject::tr("Shearing");
    if (k == "elastic")
        return unit = QObject::tr("px"),
               tip = QObject::tr("Local warping: smooth random displacements of up to about this many pixels "
                                 "(Simard et al. 2003)."),
               QObject::tr("Local warping");
    if (k == "color")
        return unit = QString(),
               tip = QObject::tr("Add a random offset per colour channel (colour images only)."),
               QObject::tr("Colour shift");
    return unit = QString(),
           tip = QObject::tr(
               "Shift colours along the training set's principal components (AlexNet; colour images only)."),
           QObject::tr("PCA colour");
}

AugmentationDialog::AugmentationDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Data augmentation"));
    setObjectName("augmentationDialog");
    auto* lay = new QVBoxLayout(this);
    auto* form = new QGridLayout;
    form->addWidget(new QLabel(tr("<b>Transformation</b>")), 0, 0);
    form->addWidget(new QLabel(tr("<b>Probability</b>")), 0, 1);
    form->addWidget(new QLabel(tr("<b>Strength</b>")), 0, 2);
    int r = 1;
    for (const std::string& k : dl::augmentKinds()) {
        QString unit, tip;
        Row row{k, new QCheckBox(kindTitle(k, unit, tip)), new QDoubleSpinBox, new QDoubleSpinBox};
        row.on->setObjectName(QString::fromStdString("aug_" + k));
        row.on->setToolTip(tip);
        row.probability->setRange(0, 1);
        row.probability->setSingleStep(0.1);
        row.probability->setValue(0.5);
        row.strength->setRange(0, k == "rotate" ? 90 : k == "crop" || k == "elastic" ? 16 : 1);
        row.strength->setDecimals(k == "rotate" || k == "crop" ? 0 : 2);
        row.strength->setSingleStep(k == "rotate" ? 5 : k == "crop" || k == "elastic" ? 1 : 0.05);
        row.strength->setValue(dl::defaultStrength(k));
        row.strength->setSuffix(unit.isEmpty() ? QString() : " " + unit);
        row.strength->setEnabled(k != "flip");
        form->addWidget(row.on, r, 0);
        form->addWidget(row.probability, r, 1);
        form->addWidget(row.strength, r, 2);
        for (QDoubleSpinBox* s : {row.probability, row.strength})
            connect(s, &QDoubleSpinBox::valueChanged, this, &AugmentationDialog::updatePreview);
        connect(row.on, &QCheckBox::toggled, this, &AugmentationDialog::updatePreview);
        m_rows.push_back(row);
        ++r;
    }
    lay->addLayout(form);
    m_note =
        new QLabel(tr("Each row: an original training image, then augmented versions. Applied to training "
                      "batches only, never to dev or test images; saved with the model."));
    m_note->setWordWrap(true);
    lay->addWidget(m_note);
    m_preview = new TileGridView;
    m_preview->setObjectName("augmentationPreview");
    m_preview->setTileSize(64);
    m_preview->setMinimumSize(7 * 72 + 24, 300);
    m_preview->setEmptyText(tr("The preview appears once the data is loaded."));
    lay->addWidget(m_preview, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QPushButton* roll = buttons->addButton(tr("Re-roll"), QDialogButtonBox::ActionRole);
    roll->setObjectName("rerollButton");
    connect(roll, &QPushButton::clicked, this, &AugmentationDialog::reroll);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    lay->addWidget(buttons);
}

void AugmentationDialog::setPipeline(const dl::AugmentPipeline& p)
{
    for (Row& row : m_rows) {
        QSignalBlocker b1(row.on), b2(row.probability), b3(row.strength);
        row.on->setChecked(false);
        for (const dl::AugmentOp& op : p.ops)
            if (op.kind == row.kind) {
                row.on->setChecked(true);
                row.probability->setValue(op.probability);
                row.strength->setValue(op.strength > 0 ? op.strength : dl::defaultStrength(op.kind));
            }
    }
    updatePreview();
}

dl::AugmentPipeline AugmentationDialog::pipeline() const
{
    dl::AugmentPipeline p;
    for (const Row& row : m_rows)
        if (row.on->isChecked())
            p.ops.push_back({row.kind, float(row.probability->value()), float(row.strength->value())});
    return p;
}

void AugmentationDialog::setSamples(const Planes& images)
{
    m_samples = images;
    updatePreview();
}

void AugmentationDialog::reroll()
{
    ++m_seed;
    updatePreview();
}

void AugmentationDialog::updatePreview()
{
    if (m_samples.count == 0) return;
    const int n = std::min(4, m_samples.count), per = m_samples.channels * m_samples.h * m_samples.w;
    dl::Tensor batch({n * (kVersions + 1), m_samples.channels, m_samples.h, m_samples.w});
    for (int i = 0; i < n; ++i)
        for (int v = 0; v <= kVersions; ++v)
            std::memcpy(batch.data() + size_t(i * (kVersions + 1) + v) * per,
                        m_samples.values.data() + size_t(i) * per, size_t(per) * sizeof(float));
    const dl::AugmentPipeline p = pipeline();
    dl::Rng rng(m_seed);
    dl::PcaColor pca;
    if (m_samples.channels == 3) pca = dl::pcaColorBasis(batch);
    for (int i = 0; i < n; ++i) { // the first of each row stays the original
        dl::Tensor versions({kVersions, m_samples.channels, m_samples.h, m_samples.w});
        std::memcpy(versions.data(), batch.data() + size_t(i * (kVersions + 1) + 1) * per,
                    size_t(kVersions) * per * sizeof(float));
        dl::augmentBatch(versions, p, rng, &pca);
        std::memcpy(batch.data() + size_t(i * (kVersions + 1) + 1) * per, versions.data(),
                    size_t(kVersions) * per * sizeof(float));
    }
    Planes all{batch.dim(0), m_samples.channels, m_samples.h, m_samples.w, batch.toVector(), {}};
    std::vector<Tile> tiles;
    for (int t = 0; t < all.count; ++t)
        tiles.push_back({planeImage(all, t, PlaneScale::Unit),
                         t % (kVersions + 1) == 0 ? tr("original") : QString(), t,
                         t % (kVersions + 1) == 0 ? QColor(40, 150, 70) : QColor()});
    m_preview->setTiles(std::move(tiles));
}

} // namespace lab
