// SPDX-License-Identifier: MIT
// The Style page's widgets: the control panel, the sample lists and the layer table, built once
// (style_page.cpp holds what they do).
#include "app/labs/style/style_page.h"
#include "app/labs/style/style_sliders.h"
#include "core/style/style_image.h"
#include "app/labs/style/gram_view.h"
#include "widgets/picture_view.h"
#include "widgets/language.h"
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>
#include <qcustomplot.h>

namespace lab {
using namespace style_sliders;

void StylePage::buildControls(QWidget* side)
{
    auto* v = new QVBoxLayout(side);
    auto* form = new QFormLayout;
    auto pictureRow = [&](QComboBox*& box, bool paintings, const QString& tip) {
        auto* row = new QHBoxLayout;
        auto* open = new QPushButton(tr("Open…"));
        box = new QComboBox;
        box->setToolTip(tip);
        addSamples(box, paintings);
        row->addWidget(box, 1);
        row->addWidget(open);
        connect(open, &QPushButton::clicked, this, [this, paintings] {
            const QString f =
                QFileDialog::getOpenFileName(this, paintings ? tr("Style painting") : tr("Content photo"),
                                             QString(), tr("Images (*.jpg *.jpeg *.png *.bmp)"));
            if (f.isEmpty()) return;
            paintings ? setStyle(f) : setContent(f);
        });
        connect(box, &QComboBox::activated, this, [this, box, paintings](int i) {
            const QString f = box->itemData(i).toString();
            if (!f.isEmpty()) paintings ? setStyle(f) : setContent(f);
        });
        return row;
    };
    form->addRow(tr("Content"), pictureRow(m_contentBox, false, tr("The photo whose layout G keeps")));
    form->addRow(tr("Style"),
                 pictureRow(m_styleBox, true, tr("The painting whose textures and colours G takes")));
    m_size = new QSpinBox;
    m_size->setRange(dl::kMinStyleSide, 1024);
    m_size->setSingleStep(32);
    m_size->setValue(320);
    m_size->setSuffix(tr(" px"));
    m_size->setToolTip(
        tr("Longest side of G (the content's aspect is kept). Time per iteration grows with the pixels."));
    form->addRow(tr("Output size"), m_size);
    m_iterations = new QSpinBox;
    m_iterations->setRange(1, 100000);
    m_iterations->setValue(200);
    m_iterations->setToolTip(tr("Each iteration is one forward and one backward pass of the extractor"));
    form->addRow(tr("Iterations"), m_iterations);
    auto slider = [&](QSlider*& s, QLabel*& l, int lo, int hi, const QString& tip) {
        s = new QSlider(Qt::Horizontal);
        s->setRange(lo, hi);
        s->setToolTip(tip);
        l = new QLabel;
        l->setMinimumWidth(56);
        auto* row = new QHBoxLayout;
        row->addWidget(s, 1);
        row->addWidget(l);
        return row;
    };
    form->addRow(tr("α content"),
                 slider(m_alpha, m_alphaLabel, 0, 400, tr("Weight of J_content (log scale, 0.01 … 100)")));
    form->addRow(tr("β style"),
                 slider(m_beta, m_betaLabel, 0, 600, tr("Weight of J_style (log scale, 1 … 10⁶)")));
    m_alpha->setValue(alphaPos(kDefaults.alpha));
    m_beta->setValue(betaPos(kDefaults.beta));
    m_contentLayer = new QComboBox;
    m_contentLayer->setToolTip(tr("The layer whose activations G must match C's (J_content)"));
    form->addRow(tr("Content layer"), m_contentLayer);
    v->addLayout(form);
    v->addWidget(new QLabel(tr("Style layers (tick) and their weights λ_l:")));
    m_styleLayers = new QTableWidget(0, 2);
    markTranslatedItems(m_styleLayers); // "layer %1" when the model names none; λ is a number
    m_styleLayers->setHorizontalHeaderLabels({tr("layer"), tr("λ")});
    m_styleLayers->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_styleLayers->verticalHeader()->hide();
    m_styleLayers->setMinimumHeight(150);
    v->addWidget(m_styleLayers, 1);
    auto* form2 = new QFormLayout;
    m_init = new QComboBox;
    m_init->addItem(tr("content + noise"), static_cast<int>(dl::StyleInit::ContentNoise));
    m_init->addItem(tr("content"), static_cast<int>(dl::StyleInit::Content));
    m_init->addItem(tr("noise"), static_cast<int>(dl::StyleInit::Noise));
    m_init->setToolTip(tr("Where G starts (COURSE.md §10: the content plus noise)"));
    m_noise = new QDoubleSpinBox;
    m_noise->setRange(0, 1);
    m_noise->setSingleStep(0.05);
    m_noise->setValue(dl::StyleSettings{}.noise);
    m_noise->setToolTip(tr("content + noise: each pixel moves by up to this much (pixels are 0…1)"));
    auto* irow = new QHBoxLayout;
    irow->addWidget(m_init, 1);
    irow->addWidget(m_noise);
    form2->addRow(tr("Start"), irow);
    m_seed = new QSpinBox;
    m_seed->setRange(1, 1000000);
    m_seed->setToolTip(tr("Seed of the starting noise"));
    form2->addRow(tr("Seed"), m_seed);
    m_optimizer = new QComboBox;
    m_optimizer->addItem(tr("L-BFGS (better)"), static_cast<int>(dl::StyleOptimizer::Lbfgs));
    m_optimizer->addItem(tr("Adam"), static_cast<int>(dl::StyleOptimizer::Adam));
    m_optimizer->setToolTip(
        tr("L-BFGS uses the last gradients as curvature; Adam (the course lab's choice) is simpler"));
    m_lr = new QDoubleSpinBox;
    m_lr->setDecimals(4);
    m_lr->setRange(0.0001, 10);
    m_lr->setSingleStep(0.01);
    m_lr->setValue(dl::defaultLearningRate(dl::StyleOptimizer::Lbfgs));
    m_lr->setToolTip(tr("Adam: step size on pixels in 0…1. L-BFGS: first trial step of each line search"));
    auto* orow = new QHBoxLayout;
    orow->addWidget(m_optimizer, 1);
    orow->addWidget(new QLabel(tr("lr")));
    orow->addWidget(m_lr);
    form2->addRow(tr("Optimiser"), orow);
    v->addLayout(form2);
    auto* buttons = new QHBoxLayout;
    m_runButton = new QPushButton(tr("Run"));
    m_pauseButton = new QPushButton(tr("Pause"));
    m_resetButton = new QPushButton(tr("Reset"));
    m_pauseButton->setEnabled(false);
    m_resetButton->setToolTip(tr("Start again from the start point with the current settings"));
    buttons->addWidget(m_runButton);
    buttons->addWidget(m_pauseButton);
    buttons->addWidget(m_resetButton);
    v->addLayout(buttons);
    m_progress = new QProgressBar;
    m_progress->setRange(0, 200);
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v / %m iterations"));
    v->addWidget(m_progress);
    m_speed = new QLabel;
    m_speed->setWordWrap(true);
    v->addWidget(m_speed);
    auto* saves = new QHBoxLayout;
    m_saveButton = new QPushButton(tr("Save PNG…"));
    m_saveButton->setToolTip(tr("G at full resolution of the chosen size"));
    m_saveRunButton = new QPushButton(tr("Save run…"));
    m_saveRunButton->setToolTip(
        tr("A JSON file with the images, settings and every change: dlcli style --replay FILE repeats it"));
    m_copyCli = new QPushButton(tr("Copy CLI"));
    m_copyCli->setToolTip(tr("Copy the dlcli command that runs these settings"));
    saves->addWidget(m_saveButton);
    saves->addWidget(m_saveRunButton);
    saves->addWidget(m_copyCli);
    v->addLayout(saves);
    m_info = new QLabel;
    m_info->setWordWrap(true);
    m_info->setObjectName("styleInfo");
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    v->addWidget(m_info);
    fillLayerTable();
    updateAlphaBetaLabels();

    connect(m_runButton, &QPushButton::clicked, this, &StylePage::run);
    connect(m_pauseButton, &QPushButton::clicked, this, &StylePage::pause);
    connect(m_resetButton, &QPushButton::clicked, this, &StylePage::reset);
    connect(m_saveButton, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getSaveFileName(this, tr("Save the generated image"), "style.png",
                                                       tr("PNG (*.png)"));
        if (!f.isEmpty()) saveImage(f);
    });
    connect(m_saveRunButton, &QPushButton::clicked, this, [this] {
        const QString f =
            QFileDialog::getSaveFileName(this, tr("Save the run"), "style-run.json", tr("JSON (*.json)"));
        if (!f.isEmpty()) saveRun(f);
    });
    connect(m_copyCli, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(cliCommand());
        m_info->setText(tr("Copied: %1").arg(cliCommand()));
    });
    connect(m_alpha, &QSlider::valueChanged, this, [this] { weightsChanged(); });
    connect(m_beta, &QSlider::valueChanged, this, [this] { weightsChanged(); });
    connect(m_contentLayer, &QComboBox::currentIndexChanged, this, [this] { weightsChanged(); });
    connect(m_styleLayers, &QTableWidget::itemChanged, this, [this] { weightsChanged(); });
    connect(m_size, &QSpinBox::valueChanged, this, [this] { markDirty(tr("New size")); });
    connect(m_init, &QComboBox::currentIndexChanged, this, [this] { markDirty(tr("New start point")); });
    connect(m_noise, &QDoubleSpinBox::valueChanged, this, [this] { markDirty(tr("New noise amount")); });
    connect(m_seed, &QSpinBox::valueChanged, this, [this] { markDirty(tr("New seed")); });
    connect(m_iterations, &QSpinBox::valueChanged, this, [this](int n) {
        m_progress->setMaximum(n);
        m_worker.call([n](StyleWorker& w) { w.setIterations(n); });
        if (!isRunning() && m_last.iteration > 0 && m_last.iteration < n && !m_dirty)
            m_runButton->setText(tr("Continue"));
        if (!isRunning() && m_last.iteration >= n && n > 0 && m_last.iteration > 0)
            m_runButton->setText(tr("Run again"));
    });
    connect(m_optimizer, &QComboBox::currentIndexChanged, this, [this] {
        const auto o = static_cast<dl::StyleOptimizer>(m_optimizer->currentData().toInt());
        m_filling = true;
        m_lr->setValue(dl::defaultLearningRate(o));
        m_filling = false;
        m_worker.call([k = o == dl::StyleOptimizer::Adam ? 0 : 1, lr = m_lr->value()](StyleWorker& w) {
            w.setOptimizer(k, lr);
        });
    });
    connect(m_lr, &QDoubleSpinBox::valueChanged, this, [this](double lr) {
        if (m_filling) return;
        const auto o = static_cast<dl::StyleOptimizer>(m_optimizer->currentData().toInt());
        m_worker.call([k = o == dl::StyleOptimizer::Adam ? 0 : 1, lr](StyleWorker& w) { w.setOptimizer(k, lr); });
    });
}

void StylePage::addSamples(QComboBox* box, bool paintings)
{
    box->addItem(paintings ? tr("— sample paintings —") : tr("— sample photos —"), QString());
    const QStringList files =
        paintings ? QStringList{"scream.jpg"} : QStringList{"dog.jpg",     "horses.jpg", "eagle.jpg",
                                                            "giraffe.jpg", "person.jpg", "kite.jpg"};
    for (const QString& f : files) {
        const QString path = QString(kDarknetPhotos) + "/" + f;
        if (QFileInfo::exists(path)) box->addItem(f, path);
    }
    if (paintings) // any photo can be a style too
        for (const char* f : {"dog.jpg", "horses.jpg", "giraffe.jpg"}) {
            const QString path = QString(kDarknetPhotos) + "/" + f;
            if (QFileInfo::exists(path)) box->addItem(f, path);
        }
}

// The extractor's layers 0..18 (Tiny Darknet before the 1000-class layer); descriptions and shapes come
// with the first prepared run. Content layer 12 and style layers 0, 2, 5, 10, 15 by default (MODELS.md §3.4).
void StylePage::fillLayerTable()
{
    m_filling = true;
    const dl::StyleWeights w = m_opened ? *m_opened : m_configured ? weights() : kDefaults;
    m_contentLayer->clear();
    m_styleLayers->setRowCount(dl::kStyleLastLayer + 1);
    m_gramLayer->clear();
    for (int i = 0; i <= dl::kStyleLastLayer; ++i) {
        const QString name = i < m_layerNames.size() ? m_layerNames[i] : tr("layer %1").arg(i);
        m_contentLayer->addItem(name, i);
        auto* item = new QTableWidgetItem(name);
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
        double lambda = 0.2;
        bool on = false;
        for (const dl::StyleLayer& s : w.style)
            if (s.layer == i) on = true, lambda = s.weight;
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
        m_styleLayers->setItem(i, 0, item);
        auto* wt = new QTableWidgetItem(QString::number(lambda));
        wt->setFlags(Qt::ItemIsEditable | Qt::ItemIsEnabled);
        m_styleLayers->setItem(i, 1, wt);
    }
    m_contentLayer->setCurrentIndex(w.contentLayer);
    for (const dl::StyleLayer& s : w.style)
        m_gramLayer->addItem(s.layer < m_layerNames.size() ? m_layerNames[s.layer]
                                                           : tr("layer %1").arg(s.layer));
    m_filling = false;
}

} // namespace lab
