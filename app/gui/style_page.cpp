// SPDX-License-Identifier: MIT
#include "app/gui/style_page.h"

#include "core/detect/detector.h"
#include "core/style/style_image.h"
#include "widgets/gram_view.h"
#include "widgets/picture_view.h"

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

namespace {
const char* kDarknetPhotos = "/usr/share/darknet/data";
// Sliders are logarithmic: α in 10^[−2, 2], β in 10^[0, 6], 100 steps per decade.
double alphaOf(int v)
{
    return std::pow(10.0, -2 + v / 100.0);
}
double betaOf(int v)
{
    return std::pow(10.0, v / 100.0);
}
int alphaPos(double a)
{
    return static_cast<int>(std::lround((std::log10(std::max(a, 1e-2)) + 2) * 100));
}
int betaPos(double b)
{
    return static_cast<int>(std::lround(std::log10(std::max(b, 1.0)) * 100));
}
const dl::StyleWeights kDefaults;
} // namespace

StylePage::StylePage(QWidget* parent) : QWidget(parent), m_controller(new StyleController(this))
{
    m_modelsDir =
        QString::fromStdString(dl::findModelsDir("", QCoreApplication::applicationDirPath().toStdString()));
    auto* lay = new QHBoxLayout(this);
    auto* main = new QSplitter(Qt::Vertical);
    auto* pictures = new QWidget;
    auto* ph = new QHBoxLayout(pictures);
    ph->setContentsMargins(0, 0, 0, 0);
    m_contentView = new PictureView(tr("Content C"));
    m_styleView = new PictureView(tr("Style S"));
    m_generatedView = new PictureView(tr("Generated G"));
    m_contentView->setEmptyText(tr("Choose a content photo"));
    m_styleView->setEmptyText(tr("Choose a style painting"));
    m_generatedView->setEmptyText(
        tr("Press Run: G starts from the content plus noise and takes on the style"));
    m_generatedView->setObjectName("styleGenerated");
    auto* small = new QVBoxLayout;
    small->addWidget(m_contentView, 1);
    small->addWidget(m_styleView, 1);
    ph->addLayout(small, 1);
    ph->addWidget(m_generatedView, 2);
    main->addWidget(pictures);
    m_tabs = new QTabWidget;
    m_plot = new QCustomPlot;
    m_plot->setObjectName("styleCosts");
    m_plot->setMinimumHeight(160);
    const QColor colors[3] = {QColor(31, 119, 180), QColor(214, 39, 40), QColor(40, 40, 40)};
    const QString names[3] = {tr("J_content"), tr("J_style = Σ λ_l J_style[l]"),
                              tr("J = α J_content + β J_style")};
    for (int i = 0; i < 3; ++i) {
        QCPGraph* g = m_plot->addGraph();
        g->setPen(QPen(colors[i], i == 2 ? 2 : 1.5));
        g->setName(names[i]);
    }
    m_plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
    m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    m_plot->xAxis->setLabel(tr("iteration (one forward + backward each)"));
    m_plot->yAxis->setLabel(tr("cost (log)"));
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_tabs->addTab(m_plot, tr("Costs"));
    auto* gramTab = new QWidget;
    auto* gv = new QVBoxLayout(gramTab);
    auto* grow = new QHBoxLayout;
    m_gramLayer = new QComboBox;
    m_gramLayer->setToolTip(tr("Which style layer's Gram matrices to compare"));
    grow->addWidget(new QLabel(tr("Style layer")));
    grow->addWidget(m_gramLayer);
    grow->addStretch(1);
    m_gram = new GramView;
    gv->addLayout(grow);
    gv->addWidget(m_gram, 1);
    m_tabs->addTab(gramTab, tr("Gram matrices"));
    main->addWidget(m_tabs);
    main->setStretchFactor(0, 3);
    main->setStretchFactor(1, 2);
    lay->addWidget(main, 1);
    auto* side = new QWidget;
    side->setFixedWidth(370);
    buildControls(side);
    lay->addWidget(side);

    connect(m_controller, &StyleController::prepared, this, &StylePage::onPrepared);
    connect(m_controller, &StyleController::progressed, this, &StylePage::onProgress);
    connect(m_controller, &StyleController::gramReady, this, [this](const GramPair& g) {
        if (m_tabs->currentIndex() != 1) return;
        m_gram->setGram(g);
        emit gramShown();
    });
    connect(m_controller, &StyleController::runningChanged, this, [this](bool r) {
        m_running = r;
        m_runButton->setEnabled(!r);
        m_pauseButton->setEnabled(r);
        m_runButton->setText(m_last.iteration > 0 && !m_dirty ? tr("Continue") : tr("Run"));
        emit runningChanged(r);
    });
    connect(m_controller, &StyleController::failed, this, [this](const QString& m) {
        m_info->setText(m);
        emit message(m, true);
    });
    connect(m_controller, &StyleController::saved, this, [this](const QString& p) {
        m_info->setText(tr("Saved %1").arg(QDir::toNativeSeparators(p)));
        emit message(tr("Saved %1").arg(p), false);
        emit saved(p);
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int t) {
        m_controller->requestGram(t == 1 ? std::max(0, m_gramLayer->currentIndex()) : -1);
    });
    connect(m_gramLayer, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (m_tabs->currentIndex() == 1 && i >= 0) m_controller->requestGram(i);
    });
}

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
        m_controller->setIterations(n);
        if (!m_running && m_last.iteration > 0 && m_last.iteration < n && !m_dirty)
            m_runButton->setText(tr("Continue"));
        if (!m_running && m_last.iteration >= n && n > 0 && m_last.iteration > 0)
            m_runButton->setText(tr("Run again"));
    });
    connect(m_optimizer, &QComboBox::currentIndexChanged, this, [this] {
        const auto o = static_cast<dl::StyleOptimizer>(m_optimizer->currentData().toInt());
        m_filling = true;
        m_lr->setValue(dl::defaultLearningRate(o));
        m_filling = false;
        m_controller->setOptimizer(o == dl::StyleOptimizer::Adam ? 0 : 1, m_lr->value());
    });
    connect(m_lr, &QDoubleSpinBox::valueChanged, this, [this](double lr) {
        if (m_filling) return;
        const auto o = static_cast<dl::StyleOptimizer>(m_optimizer->currentData().toInt());
        m_controller->setOptimizer(o == dl::StyleOptimizer::Adam ? 0 : 1, lr);
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
    const dl::StyleWeights w = m_configured ? weights() : kDefaults;
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

dl::StyleWeights StylePage::weights() const
{
    dl::StyleWeights w;
    w.alpha = alphaOf(m_alpha->value());
    w.beta = betaOf(m_beta->value());
    w.contentLayer = std::max(0, m_contentLayer->currentIndex());
    w.style.clear();
    for (int i = 0; i < m_styleLayers->rowCount(); ++i) {
        const QTableWidgetItem* on = m_styleLayers->item(i, 0);
        const QTableWidgetItem* wt = m_styleLayers->item(i, 1);
        if (!on || !wt || on->checkState() != Qt::Checked) continue;
        bool ok = false;
        const double lambda = wt->text().toDouble(&ok);
        w.style.push_back({i, ok && lambda >= 0 ? lambda : 0});
    }
    return w;
}

StyleRunConfig StylePage::config() const
{
    StyleRunConfig c;
    c.content = m_contentPath;
    c.style = m_stylePath;
    c.size = m_size->value();
    c.iterations = m_iterations->value();
    c.settings.weights = weights();
    c.settings.init = static_cast<dl::StyleInit>(m_init->currentData().toInt());
    c.settings.noise = m_noise->value();
    c.settings.optimizer = static_cast<dl::StyleOptimizer>(m_optimizer->currentData().toInt());
    c.settings.learningRate = m_lr->value();
    c.settings.seed = static_cast<std::uint32_t>(m_seed->value());
    c.modelsDir = m_modelsDir;
    return c;
}

QString StylePage::cliCommand() const
{
    const StyleRunConfig c = config();
    return QString("dlcli style \"%1\" \"%2\" --out style.png --size %3 --iterations %4 --alpha %5 --beta %6 "
                   "--content-layer %7 --style-layers %8 --init %9 --noise %10 --seed %11 --optimizer %12 "
                   "--lr %13")
        .arg(c.content, c.style)
        .arg(c.size)
        .arg(c.iterations)
        .arg(c.settings.weights.alpha, 0, 'g', 4)
        .arg(c.settings.weights.beta, 0, 'g', 4)
        .arg(c.settings.weights.contentLayer)
        .arg(QString::fromStdString(dl::styleLayersText(c.settings.weights.style)))
        .arg(dl::initName(c.settings.init))
        .arg(c.settings.noise)
        .arg(c.settings.seed)
        .arg(dl::optimizerName(c.settings.optimizer))
        .arg(c.settings.learningRate);
}

QString StylePage::infoText() const
{
    return m_info->text();
}

void StylePage::updateAlphaBetaLabels()
{
    m_alphaLabel->setText(QString::number(alphaOf(m_alpha->value()), 'g', 3));
    m_betaLabel->setText(QString::number(betaOf(m_beta->value()), 'g', 3));
}

void StylePage::weightsChanged()
{
    updateAlphaBetaLabels();
    if (m_filling) return;
    const dl::StyleWeights w = weights();
    if (w.style.empty()) {
        m_info->setText(tr("Tick at least one style layer."));
        return;
    }
    m_gramLayer->blockSignals(true);
    m_gramLayer->clear();
    for (const dl::StyleLayer& s : w.style)
        m_gramLayer->addItem(s.layer < m_layerNames.size() ? m_layerNames[s.layer]
                                                           : tr("layer %1").arg(s.layer));
    m_gramLayer->blockSignals(false);
    if (m_configured) m_controller->setWeights(w); // between iterations; recorded in the run
}

void StylePage::markDirty(const QString& why)
{
    if (m_filling) return;
    m_dirty = true;
    if (m_last.iteration > 0) m_info->setText(tr("%1: Run starts a new run.").arg(why));
    if (!m_running) m_runButton->setText(tr("Run"));
}

void StylePage::setContent(const QString& path)
{
    m_contentPath = path;
    m_contentBox->setCurrentIndex(std::max(0, m_contentBox->findData(path)));
    markDirty(tr("New content photo"));
    configureIfReady();
}

// With both images chosen and nothing running, prepare the run at once: C and S show, G at its start.
void StylePage::configureIfReady()
{
    if (m_contentPath.isEmpty() || m_stylePath.isEmpty() || m_running) return;
    m_dirty = false;
    m_configured = true;
    m_controller->configure(config());
}

void StylePage::setStyle(const QString& path)
{
    m_stylePath = path;
    m_styleBox->setCurrentIndex(std::max(0, m_styleBox->findData(path)));
    markDirty(tr("New style painting"));
    configureIfReady();
}

void StylePage::setSize(int s)
{
    m_size->setValue(s);
}
void StylePage::setIterations(int n)
{
    m_iterations->setValue(n);
}
void StylePage::setAlpha(double a)
{
    m_alpha->setValue(alphaPos(a));
}
void StylePage::setBeta(double b)
{
    m_beta->setValue(betaPos(b));
}
void StylePage::setOptimizer(dl::StyleOptimizer o)
{
    m_optimizer->setCurrentIndex(m_optimizer->findData(static_cast<int>(o)));
}

void StylePage::run()
{
    if (m_contentPath.isEmpty() || m_stylePath.isEmpty()) {
        m_info->setText(tr("Choose a content photo and a style painting first."));
        return;
    }
    if (weights().style.empty()) {
        m_info->setText(tr("Tick at least one style layer."));
        return;
    }
    if (m_dirty || !m_configured || (m_last.finished && m_last.iteration >= m_iterations->value())) {
        m_dirty = false; // new images/size/start, or the last run is complete: a new run
        m_configured = true;
        m_controller->configure(config());
    }
    m_info->setText(tr("Running…"));
    m_controller->start();
}

void StylePage::pause()
{
    m_controller->pause();
    m_info->setText(tr("Paused: change α, β, layers or the optimiser, then Continue."));
}

void StylePage::reset()
{
    if (m_contentPath.isEmpty() || m_stylePath.isEmpty()) return;
    m_dirty = false;
    m_configured = true;
    m_controller->configure(config());
    m_info->setText(tr("Reset: G is back at its start point."));
}

void StylePage::onPrepared(const StylePrepared& p)
{
    m_runId = p.runId;
    m_contentView->setImage(p.content);
    m_styleView->setImage(p.style);
    m_contentView->setCaption(tr("Content C (%1×%2)").arg(p.width).arg(p.height));
    m_styleView->setCaption(tr("Style S (cover + centre crop)"));
    for (int i = 0; i < 3; ++i) m_plot->graph(i)->data()->clear();
    m_plot->replot();
    m_gram->clear();
    m_last = StyleSnapshot{};
    if (m_layerNames != p.layers) {
        m_layerNames = p.layers;
        fillLayerTable();
    }
    m_runButton->setText(tr("Run"));
}

void StylePage::onProgress(const StyleSnapshot& s)
{
    if (s.runId != m_runId) return; // a snapshot of a run that was replaced
    for (const StyleCostPoint& p : s.points) {
        m_plot->graph(0)->addData(p.iteration, std::max(p.content, 1e-12));
        m_plot->graph(1)->addData(p.iteration, std::max(p.style, 1e-12));
        m_plot->graph(2)->addData(p.iteration, std::max(p.total, 1e-12));
    }
    if (!s.points.empty()) {
        m_plot->rescaleAxes();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
    if (!s.image.isNull()) m_generatedView->setImage(s.image);
    const QImage shown = s.image.isNull() ? m_last.image : s.image; // snapshots carry G only when it changed
    m_last = s;
    m_last.image = shown;
    m_progress->setMaximum(s.iterations);
    m_progress->setValue(s.iteration);
    m_generatedView->setCaption(s.iteration ? tr("Generated G — iteration %1").arg(s.iteration)
                                            : tr("Generated G — start point"));
    if (s.iteration > 0) {
        m_speed->setText(tr("%1 ms/iteration · J_content %2 · J_style %3 · J %4")
                             .arg(s.secondsPerIteration * 1e3, 0, 'f', 0)
                             .arg(s.costs.content, 0, 'g', 3)
                             .arg(s.costs.style, 0, 'g', 3)
                             .arg(s.costs.total, 0, 'g', 3));
        emit status({tr("iteration %1/%2").arg(s.iteration).arg(s.iterations),
                     tr("%1 ms/iteration").arg(s.secondsPerIteration * 1e3, 0, 'f', 0),
                     tr("J %1").arg(s.costs.total, 0, 'g', 4)});
    }
    if (s.finished && !s.running && s.iteration > 0) {
        m_info->setText(tr("Done: %1 iterations. Save PNG, raise Iterations and Continue, or Run again.")
                            .arg(s.iteration));
        m_runButton->setText(tr("Run again"));
        emit finished();
    }
    emit progressed();
}

void StylePage::showGram(int k)
{
    m_tabs->setCurrentIndex(1);
    m_gramLayer->setCurrentIndex(k);
    m_controller->requestGram(k);
}

void StylePage::saveImage(const QString& path)
{
    m_controller->saveImage(path);
}
void StylePage::saveRun(const QString& path)
{
    m_controller->saveRun(path);
}

void StylePage::showEvent(QShowEvent* e)
{
    QWidget::showEvent(e);
    if (m_contentPath.isEmpty() && m_stylePath.isEmpty()) { // first show: the pair, ready to run
        const QString dog = QString(kDarknetPhotos) + "/dog.jpg",
                      scream = QString(kDarknetPhotos) + "/scream.jpg";
        if (QFileInfo::exists(dog) && QFileInfo::exists(scream)) {
            m_stylePath = scream;
            m_styleBox->setCurrentIndex(std::max(0, m_styleBox->findData(scream)));
            setContent(dog);
        }
    }
}

void StylePage::saveSettings(QSettings& s) const
{
    s.setValue("style/content", m_contentPath);
    s.setValue("style/style", m_stylePath);
    s.setValue("style/size", m_size->value());
    s.setValue("style/iterations", m_iterations->value());
    s.setValue("style/alpha", alphaOf(m_alpha->value()));
    s.setValue("style/beta", betaOf(m_beta->value()));
    s.setValue("style/optimizer", m_optimizer->currentIndex());
}

void StylePage::restoreSettings(const QSettings& s)
{
    m_filling = true;
    m_size->setValue(s.value("style/size", 320).toInt());
    m_iterations->setValue(s.value("style/iterations", 200).toInt());
    m_alpha->setValue(alphaPos(s.value("style/alpha", kDefaults.alpha).toDouble()));
    m_beta->setValue(betaPos(s.value("style/beta", kDefaults.beta).toDouble()));
    m_optimizer->setCurrentIndex(s.value("style/optimizer", 0).toInt());
    m_lr->setValue(
        dl::defaultLearningRate(static_cast<dl::StyleOptimizer>(m_optimizer->currentData().toInt())));
    m_filling = false;
    updateAlphaBetaLabels();
    const QString c = s.value("style/content").toString(), st = s.value("style/style").toString();
    if (!c.isEmpty() && !st.isEmpty()) {
        m_stylePath = st;
        m_styleBox->setCurrentIndex(std::max(0, m_styleBox->findData(st)));
        setContent(c);
    }
}

} // namespace lab
