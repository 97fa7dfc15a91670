// SPDX-License-Identifier: MIT
// The Images page's widgets: the side panel and the Training, Feature maps and Evaluation tabs, built
// once (images_page.cpp holds what they do).
#include "app/labs/images/images_page.h"
#include "core/layers/layer_list.h"
#include "core/train/image_models.h"
#include "app/labs/images/augmentation_dialog.h"
#include "widgets/confusion_matrix_view.h"
#include "app/labs/images/epoch_curve_view.h"
#include "widgets/core_texts.h"
#include "widgets/histogram_view.h"
#include "app/labs/images/image_inspector.h"
#include "widgets/loss_curve_view.h"
#include "widgets/planes_image.h"
#include "widgets/tile_grid_view.h"
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

namespace lab {

QWidget* ImagesPage::buildControls()
{
    auto* w = new QWidget;
    auto* lay = new QVBoxLayout(w);
    auto* model = new QGroupBox(tr("Model"));
    auto* ml = new QVBoxLayout(model);
    m_preset = new QComboBox;
    m_preset->setObjectName("modelPreset");
    m_preset->setToolTip(tr("The model to train: a preset, or your own layer list below"));
    const QStringList titles{tr("Softmax regression (one vs the rest)"), tr("MLP 784-256-128-10"),
                             tr("LeNet-5"), tr("Small CNN with batch norm"), tr("Small ResNet")};
    int i = 0;
    for (const std::string& n : dl::imageModelNames())
        m_preset->addItem(titles.value(i++), QString::fromStdString(n));
    m_preset->addItem(tr("Custom layer list"), QStringLiteral("custom"));
    m_preset->setCurrentIndex(2);
    m_layers = new QPlainTextEdit;
    m_layers->setObjectName("layerList");
    m_layers->setFont(QFont(QStringLiteral("monospace")));
    m_layers->setToolTip(
        tr("One layer per line: conv OUT [k= s= p= g=], maxpool K, avgpool K, bn, relu, leaky [slope], "
           "sigmoid, tanh, dropout KEEP, flatten, gap, dense OUT, residual OUT [s=]. Input sizes are "
           "inferred."));
    m_layers->setMinimumHeight(150);
    auto* build = new QPushButton(tr("Build this model"));
    build->setToolTip(tr("New weights (He initialisation) for the layer list; epoch 0"));
    m_params = new QLabel;
    ml->addWidget(m_preset);
    ml->addWidget(m_layers);
    ml->addWidget(build);
    ml->addWidget(m_params);
    lay->addWidget(model);
    connect(m_preset, &QComboBox::currentIndexChanged, this, &ImagesPage::onPresetChanged);
    connect(build, &QPushButton::clicked, this, &ImagesPage::reset);
    connect(m_layers, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_settingControls && m_preset->currentData().toString() != "custom") {
            QSignalBlocker b(m_preset);
            m_preset->setCurrentIndex(m_preset->count() - 1);
        }
    });

    auto* dataBox = new QGroupBox(tr("Data"));
    auto* dl_ = new QFormLayout(dataBox);
    m_dataset = new QComboBox;
    m_dataset->addItem(tr("Fashion-MNIST"), QStringLiteral("fashion-mnist"));
    m_dataset->addItem(tr("Image folder…"), QStringLiteral("folder"));
    m_limit = new QSpinBox;
    m_limit->setRange(0, 60000);
    m_limit->setSingleStep(1000);
    m_limit->setSpecialValueText(tr("all"));
    m_limit->setToolTip(tr("Train on the first N images only (a quick look)"));
    m_devCount = new QSpinBox;
    m_devCount->setRange(0, 20000);
    m_devCount->setSingleStep(500);
    m_devCount->setSpecialValueText(tr("auto (1/12, at most 5000)"));
    m_devCount->setToolTip(
        tr("Images split off the training set to measure variance (the test set stays untouched)"));
    auto* aug = new QPushButton(tr("Data augmentation…"));
    aug->setObjectName("augmentButton");
    m_augSummary = new QLabel(tr("none"));
    m_augSummary->setWordWrap(true);
    dl_->addRow(tr("Dataset"), m_dataset);
    dl_->addRow(tr("Training images"), m_limit);
    dl_->addRow(tr("Dev images"), m_devCount);
    dl_->addRow(aug);
    dl_->addRow(tr("Augmentation"), m_augSummary);
    lay->addWidget(dataBox);
    connect(aug, &QPushButton::clicked, this, &ImagesPage::showAugmentationDialog);
    connect(m_dataset, &QComboBox::activated, this, [this](int index) {
        if (m_dataset->itemData(index).toString() != "folder") return reset();
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Folder with one sub-folder per class"), m_folder);
        if (dir.isEmpty()) {
            m_dataset->setCurrentIndex(0);
            return;
        }
        chooseFolder(dir);
    });

    auto* train = new QGroupBox(tr("Training"));
    auto* tl = new QFormLayout(train);
    m_lr = new QDoubleSpinBox;
    m_lr->setDecimals(5);
    m_lr->setRange(1e-5, 2);
    m_lr->setSingleStep(0.0005);
    m_lr->setValue(0.001);
    m_lr->setToolTip(tr("α; changes apply at the next step"));
    m_opt = new QComboBox;
    for (const char* o : {"gd", "momentum", "rmsprop", "adam"})
        m_opt->addItem(QString::fromLatin1(o), QString::fromLatin1(o));
    m_opt->setCurrentIndex(3);
    m_batch = new QSpinBox;
    m_batch->setRange(1, 4096);
    m_batch->setValue(64);
    m_l2 = new QDoubleSpinBox;
    m_l2->setDecimals(4);
    m_l2->setRange(0, 10);
    m_l2->setSingleStep(0.01);
    m_decay = new QComboBox; // per epoch (COURSE.md §4)
    for (dl::Decay d : dl::decays()) m_decay->addItem(decayTitle(d), QString::fromLatin1(dl::decayName(d)));
    m_decay->setToolTip(
        tr("Learning-rate decay per epoch: exponential α·rate^epoch, inverse-time α/(1+rate·epoch)"));
    m_decayRate = new QDoubleSpinBox;
    m_decayRate->setDecimals(3);
    m_decayRate->setRange(0, 10);
    m_decayRate->setSingleStep(0.05);
    m_decayRate->setValue(0.75);
    m_maxEpochs = new QSpinBox;
    m_maxEpochs->setRange(0, 1000);
    m_maxEpochs->setValue(10);
    m_maxEpochs->setSpecialValueText(tr("no limit"));
    tl->addRow(tr("Learning rate α"), m_lr);
    tl->addRow(tr("Optimizer"), m_opt);
    tl->addRow(tr("Mini-batch"), m_batch);
    tl->addRow(tr("L2 λ"), m_l2);
    tl->addRow(tr("α decay"), m_decay);
    tl->addRow(tr("Decay rate"), m_decayRate);
    tl->addRow(tr("Epochs"), m_maxEpochs);
    lay->addWidget(train);
    for (QDoubleSpinBox* s : {m_lr, m_l2, m_decayRate})
        connect(s, &QDoubleSpinBox::valueChanged, this, &ImagesPage::sendHyper);
    connect(m_decay, &QComboBox::currentIndexChanged, this, &ImagesPage::sendHyper);
    connect(m_batch, &QSpinBox::valueChanged, this, &ImagesPage::sendHyper);
    connect(m_opt, &QComboBox::currentIndexChanged, this, &ImagesPage::sendHyper);
    connect(m_maxEpochs, &QSpinBox::valueChanged, this,
            [this](int n) { m_worker.call([n](ImagesWorker& w) { w.setMaxEpochs(n); }); });

    auto* transfer = new QGroupBox(tr("Transfer learning"));
    auto* xl = new QFormLayout(transfer);
    m_freeze = new QSpinBox;
    m_freeze->setRange(0, 0);
    m_freeze->setToolTip(tr("Layers 1…N keep their weights (open a trained model first): COURSE.md §7"));
    m_precompute = new QCheckBox(tr("Precompute frozen activations"));
    auto* apply = new QPushButton(tr("Apply"));
    xl->addRow(tr("Freeze first layers"), m_freeze);
    xl->addRow(m_precompute);
    xl->addRow(apply);
    lay->addWidget(transfer);
    connect(apply, &QPushButton::clicked, this,
            [this] {
                m_worker.call([n = m_freeze->value(), pre = m_precompute->isChecked()](ImagesWorker& w) {
                    w.setFrozen(n, pre);
                });
            });

    auto* eval = new QGroupBox(tr("Evaluation"));
    auto* el = new QVBoxLayout(eval);
    auto* dev = new QPushButton(tr("Evaluate on dev"));
    auto* test = new QPushButton(tr("Evaluate on test…"));
    test->setToolTip(
        tr("The test set is for the final estimate: use it once, after choosing the model on dev"));
    m_biasVariance = new QLabel(tr("Bias / variance: train a few epochs first."));
    m_biasVariance->setObjectName("biasVariance");
    m_biasVariance->setWordWrap(true);
    el->addWidget(dev);
    el->addWidget(test);
    el->addWidget(m_biasVariance);
    lay->addWidget(eval);
    lay->addStretch(1);
    connect(dev, &QPushButton::clicked, this, &ImagesPage::evaluateDev);
    connect(test, &QPushButton::clicked, this, [this] { evaluateTest(true); });
    return w;
}

QWidget* ImagesPage::buildTrainingTab()
{
    auto* w = new QWidget;
    auto* lay = new QVBoxLayout(w);
    m_curves = new LossCurveView;
    m_epochs = new EpochCurveView;
    m_progress = new QProgressBar;
    m_progress->setObjectName("epochProgress");
    m_progress->setFormat(tr("epoch %p %"));
    m_rate = new QLabel;
    auto* row = new QHBoxLayout;
    row->addWidget(m_progress, 1);
    row->addWidget(m_rate);
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(m_curves);
    split->addWidget(m_epochs);
    lay->addWidget(split, 1);
    lay->addLayout(row);
    return w;
}

QWidget* ImagesPage::buildMapsTab()
{
    auto* w = new QWidget;
    auto* lay = new QHBoxLayout(w);
    auto* left = new QVBoxLayout;
    m_devStrip = new TileGridView;
    m_devStrip->setObjectName("devStrip");
    m_devStrip->setTileSize(40);
    m_devStrip->setMaximumHeight(150);
    m_inspector = new ImageInspector;
    left->addWidget(new QLabel(tr("Click a dev image:")));
    left->addWidget(m_devStrip);
    left->addWidget(m_inspector, 1);
    auto* right = new QVBoxLayout;
    m_mapLayer = new QComboBox;
    m_mapLayer->setObjectName("mapLayer");
    m_maps = new TileGridView;
    m_maps->setObjectName("featureMaps");
    m_maps->setTileSize(64);
    m_maps->setEmptyText(tr("Click an image to see what every conv layer makes of it."));
    right->addWidget(m_mapLayer);
    right->addWidget(m_maps, 1);
    lay->addLayout(left, 2);
    lay->addLayout(right, 3);
    connect(m_devStrip, &TileGridView::tileClicked, this, &ImagesPage::probeDev);
    connect(m_inspector, &ImageInspector::classChosen, this,
            [this](int c) { probe(m_probe.set, m_probe.index, c); });
    connect(m_mapLayer, &QComboBox::currentIndexChanged, this, &ImagesPage::updateMaps);
    return w;
}

QWidget* ImagesPage::buildEvalTab()
{
    auto* w = new QWidget;
    auto* lay = new QHBoxLayout(w);
    auto* split = new QSplitter(Qt::Horizontal);
    m_confusion = new ConfusionMatrixView;
    auto* mid = new QWidget;
    auto* ml = new QVBoxLayout(mid);
    m_gallery = new TileGridView;
    m_gallery->setObjectName("misclassified");
    m_gallery->setTileSize(44);
    m_gallery->setEmptyText(
        tr("The misclassified images, most confident mistakes first, appear after an evaluation."));
    m_cellTitle = new QLabel(tr("Click a cell of the matrix to see its images."));
    m_cell = new TileGridView;
    m_cell->setTileSize(36);
    ml->addWidget(new QLabel(tr("Misclassified (true → predicted, confidence):")));
    ml->addWidget(m_gallery, 2);
    ml->addWidget(m_cellTitle);
    ml->addWidget(m_cell, 1);
    m_evalInspector = new ImageInspector;
    split->addWidget(m_confusion);
    split->addWidget(mid);
    split->addWidget(m_evalInspector);
    split->setStretchFactor(0, 5);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 2);
    split->setSizes({560, 330, 260});
    lay->addWidget(split);
    connect(m_confusion, &ConfusionMatrixView::cellClicked, this, &ImagesPage::showCell);
    connect(m_gallery, &TileGridView::tileClicked, this, [this](int i) {
        if (i < 0 || i >= int(m_eval.wrongIndex.size())) return;
        probe(m_eval.setName == "test" ? 1 : 0, m_eval.wrongIndex[size_t(i)], -1);
    });
    connect(m_evalInspector, &ImageInspector::classChosen, this,
            [this](int c) { probe(m_probe.set, m_probe.index, c); });
    return w;
}

} // namespace lab
