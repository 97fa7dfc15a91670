// SPDX-License-Identifier: MIT
#include "app/labs/images/images_page.h"

#include "core/layers/layer_list.h"
#include "core/train/image_models.h"
#include "app/labs/images/augmentation_dialog.h"
#include "widgets/confusion_matrix_view.h"
#include "app/labs/images/epoch_curve_view.h"
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

ImagesPage::ImagesPage(QWidget* parent)
    : LabPage("images", tr("Images"),
              tr("Image classification: CNNs, filters, feature maps, augmentation, evaluation "
                 "(course chapters 3, 6, 7)"),
              Run | Pause | Step | Reset, parent)
{
    setObjectName("imagesPage");
    auto* split = new QSplitter(Qt::Horizontal);
    auto* scroll = new QScrollArea;
    scroll->setWidget(buildControls());
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(300);
    split->addWidget(scroll);
    m_tabs = new QTabWidget;
    m_tabs->setObjectName("imagesTabs");
    m_tabs->addTab(buildTrainingTab(), tr("Training"));
    auto* filterTab = new QWidget;
    auto* fl = new QVBoxLayout(filterTab);
    m_filterLayer = new QComboBox;
    m_filterLayer->setToolTip(
        tr("Whose weights to show: the first layer as images, deeper conv layers one tile per "
           "(output, input) channel pair"));
    m_filters = new TileGridView;
    m_filters->setObjectName("filterGrid");
    m_filters->setTileSize(44);
    m_filters->setEmptyText(tr("This model has no layer with image-shaped weights."));
    fl->addWidget(m_filterLayer);
    fl->addWidget(m_filters, 1);
    m_tabs->addTab(filterTab, tr("Filters"));
    m_tabs->addTab(buildMapsTab(), tr("Feature maps"));
    m_tabs->addTab(buildEvalTab(), tr("Evaluation"));
    m_hist = new HistogramView;
    auto* hs = new QScrollArea;
    hs->setWidget(m_hist);
    hs->setWidgetResizable(true);
    m_tabs->addTab(hs, tr("Histograms"));
    m_layerTable = new QTableWidget(0, 4);
    m_layerTable->setHorizontalHeaderLabels(
        {tr("Layer"), tr("Output shape"), tr("Parameters"), tr("Trained")});
    m_layerTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_layerTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tabs->addTab(m_layerTable, tr("Layers"));
    split->addWidget(m_tabs);
    split->setStretchFactor(1, 1);
    auto* lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->addWidget(split);

    m_worker.relay(&ImagesWorker::progressed, this, &ImagesPage::applySnapshot);
    m_worker.relay(&ImagesWorker::probed, this, &ImagesPage::applyProbe);
    m_worker.relay(&ImagesWorker::evaluated, this, &ImagesPage::applyEvaluation);
    m_worker.relay(&ImagesWorker::configured, this, &ImagesPage::showConfigured);
    connectWorker(m_worker);
    m_worker.relay(&ImagesWorker::cellReady, this, [this](const Planes& p, const QString& title) {
        std::vector<Tile> tiles;
        for (int i = 0; i < p.count; ++i)
            tiles.push_back({planeImage(p, i, PlaneScale::Unit), p.captions.value(i), i, {}});
        m_cell->setTiles(std::move(tiles));
        m_cellTitle->setText(title);
    });
    m_cfg = configFromControls(); // the data loads when the lab is first shown (showEvent)
}

void ImagesPage::showEvent(QShowEvent* e)
{
    QWidget::showEvent(e);
    if (m_runId < 0 && !m_configured) setConfig(m_cfg);
}

ImagesPage::~ImagesPage() = default;

void ImagesPage::onPresetChanged()
{
    const QString name = m_preset->currentData().toString();
    if (name == "custom") return;
    const int c = 1, side = 28; // the text is rebuilt for the real data shape by the worker
    QSignalBlocker b(m_layers);
    m_layers->setPlainText(QString::fromStdString(
        dl::layerListText(dl::imageModelLayers(name.toStdString(), c, side, side, 10))));
    m_layers->setProperty("fromPreset", true);
    reset();
}

ImageRunConfig ImagesPage::configFromControls() const
{
    ImageRunConfig c = m_cfg;
    c.preset = m_preset->currentData().toString();
    c.layers = c.preset == "custom" ? m_layers->toPlainText() : QString(); // presets adapt to the data shape
    if (c.preset == "custom" && c.layers.trimmed().isEmpty()) c.preset = QStringLiteral("lenet5");
    const bool folder = m_dataset->currentData().toString() == "folder" && !m_folder.isEmpty();
    c.source.dataset = folder ? ("folder:" + m_folder).toStdString() : std::string("fashion-mnist");
    c.source.channels = folder ? 3 : 1; // your own pictures in colour (colour and PCA augmentation apply)
    c.source.size = folder ? 32 : 28;
    c.source.limit = m_limit->value();
    c.source.devCount = m_devCount->value() > 0 ? m_devCount->value() : -1;
    c.hyper.lr = float(m_lr->value());
    c.hyper.opt.kind = dl::parseOpt(m_opt->currentData().toString().toStdString());
    c.hyper.batch = m_batch->value();
    c.hyper.l2 = float(m_l2->value());
    c.hyper.decay.kind = dl::parseDecay(m_decay->currentData().toString().toStdString());
    c.hyper.decay.rate = float(m_decayRate->value());
    c.maxEpochs = m_maxEpochs->value();
    c.frozen = 0;
    c.precompute = false;
    return c;
}

void ImagesPage::sendHyper()
{
    if (m_settingControls) return;
    m_cfg = configFromControls();
    m_worker.call([h = m_cfg.hyper](ImagesWorker& w) { w.setHyper(h); });
}

void ImagesPage::reset()
{
    if (m_settingControls) return;
    m_cfg = configFromControls();
    m_configured = true;
    configureWorker(m_cfg);
}

void ImagesPage::setConfig(const ImageRunConfig& cfg)
{
    m_cfg = cfg;
    m_configured = true;
    showConfigured(cfg);
    configureWorker(cfg);
}

// The worker built a model (reset, opened file): controls show its configuration.
void ImagesPage::showConfigured(const ImageRunConfig& cfg)
{
    m_settingControls = true;
    m_cfg = cfg;
    const int pi = m_preset->findData(cfg.preset);
    m_preset->setCurrentIndex(pi >= 0 ? pi : m_preset->count() - 1);
    m_layers->setPlainText(cfg.layers);
    const bool folder = cfg.source.dataset.rfind("folder:", 0) == 0;
    if (folder) m_folder = QString::fromStdString(cfg.source.dataset.substr(7));
    m_dataset->setCurrentIndex(folder ? 1 : 0);
    m_limit->setValue(cfg.source.limit);
    m_devCount->setValue(std::max(0, cfg.source.devCount));
    m_lr->setValue(cfg.hyper.lr);
    m_opt->setCurrentIndex(m_opt->findData(QString::fromLatin1(dl::optName(cfg.hyper.opt.kind))));
    m_batch->setValue(std::max(1, cfg.hyper.batch));
    m_l2->setValue(cfg.hyper.l2);
    m_decay->setCurrentIndex(
        std::max(0, m_decay->findData(QString::fromLatin1(dl::decayName(cfg.hyper.decay.kind)))));
    if (cfg.hyper.decay.kind != dl::Decay::None) m_decayRate->setValue(cfg.hyper.decay.rate);
    m_maxEpochs->setValue(cfg.maxEpochs);
    m_precompute->setChecked(cfg.precompute);
    QStringList ops;
    for (const dl::AugmentOp& o : cfg.augmentation.ops)
        ops << QStringLiteral("%1 (p %2)").arg(QString::fromStdString(o.kind)).arg(o.probability);
    m_augSummary->setText(ops.isEmpty() ? tr("none") : ops.join(", "));
    m_settingControls = false;
}

void ImagesPage::applySnapshot(const ImageSnapshot& s)
{
    if (s.runId != m_runId) { // a new model: views start over
        m_runId = s.runId;
        m_epochCount = 0;
        m_curves->clear();
        m_epochs->clear();
        m_hist->setHistograms({});
        m_biasVariance->setText(tr("Bias / variance: train a few epochs first."));
        QSignalBlocker b1(m_filterLayer), b2(m_mapLayer);
        m_filterLayer->clear();
        m_filterLayer->addItem(tr("First layer with weights"), -1);
        int i = 0;
        for (const LayerRow& r : s.layers) {
            if (r.params > 0 && (r.describe.startsWith("Conv2d") || i <= 2))
                m_filterLayer->addItem(r.name + " — " + r.describe, i);
            ++i;
        }
        m_freeze->setRange(0, std::max(0, int(s.layers.size()) - 1));
        m_freeze->setValue(m_cfg.frozen);
    }
    m_last = s;
    if (s.devSamples.count > 0) {
        std::vector<Tile> tiles;
        for (int i = 0; i < s.devSamples.count; ++i)
            tiles.push_back({planeImage(s.devSamples, i, PlaneScale::Unit),
                             s.classNames.value(s.devLabels[size_t(i)]),
                             i,
                             {}});
        m_devStrip->setTiles(std::move(tiles));
        if (m_augDialog) m_augDialog->setSamples(s.trainSamples);
        m_devStrip->setProperty("trainSamples", QVariant::fromValue(s.trainSamples));
    }
    m_curves->append({s.step, s.costs}); // step costs; the whole-set costs come at epoch ends
    for (const EpochPoint& e : s.epochs) {
        m_epochs->append(e);
        ++m_epochCount;
        updateBiasVariance(e);
        m_curves->append({e.step, {}, e.train.cost, e.dev.count ? e.dev.cost : NAN});
    }
    m_progress->setValue(s.epochSize ? int(100.0 * s.epochPos / s.epochSize) : 0);
    m_rate->setText(s.running || s.epochPos
                        ? tr("epoch %1 · %2 images/s").arg(s.epoch + 1).arg(s.imagesPerSecond, 0, 'f', 0)
                        : tr("%1 epochs done · %2 images/s").arg(s.epoch).arg(s.imagesPerSecond, 0, 'f', 0));
    if (s.filters.count > 0 || !s.histograms.empty()) {
        std::vector<Tile> tiles;
        for (int i = 0; i < s.filters.count; ++i)
            tiles.push_back(
                {planeImage(s.filters, i, PlaneScale::Symmetric), s.filters.captions.value(i), i, {}});
        m_filters->setTileSize(s.filters.count <= 16 ? 96 : s.filters.count <= 64 ? 64 : 40);
        m_filters->setTiles(std::move(tiles));
    }
    if (!s.histograms.empty()) m_hist->setHistograms(s.histograms);
    long params = 0;
    m_layerTable->setRowCount(int(s.layers.size()));
    for (int i = 0; i < int(s.layers.size()); ++i) {
        const LayerRow& r = s.layers[size_t(i)];
        params += r.params;
        const QStringList cells{r.name + "  " + r.describe, r.shape,
                                r.params ? QString::number(r.params) : QString(),
                                r.params ? (r.frozen ? tr("frozen") : tr("yes")) : QString()};
        for (int c = 0; c < 4; ++c) m_layerTable->setItem(i, c, new QTableWidgetItem(cells[c]));
    }
    m_params->setText(tr("%1 parameters in %2 layers").arg(params).arg(s.layers.size()));
    emit statusFields({tr("iteration %1 · epoch %2").arg(s.step).arg(s.epoch),
                 tr("batch cost %1").arg(double(s.lastCost), 0, 'f', 4), QString(), QString()});
}

// COURSE.md §3/§6: avoidable bias = train error (vs ~0 % for this data), variance = dev − train error.
void ImagesPage::updateBiasVariance(const EpochPoint& e)
{
    const double trainErr = 100.0 * (1 - e.train.accuracy), devErr = 100.0 * (1 - e.dev.accuracy);
    const double gap = devErr - trainErr;
    QString reading;
    if (trainErr > 8 && gap < 2)
        reading = tr("high bias: a bigger model or longer training");
    else if (gap > 3)
        reading = tr("high variance: more data, augmentation or regularisation (L2, dropout)");
    else
        reading = tr("balanced so far");
    m_biasVariance->setText(tr("Epoch %1: train error %2 %, dev error %3 % (gap %4 points) → %5.")
                                .arg(e.epoch)
                                .arg(trainErr, 0, 'f', 1)
                                .arg(devErr, 0, 'f', 1)
                                .arg(gap, 0, 'f', 1)
                                .arg(reading));
    emit statusFields({tr("epoch %1").arg(e.epoch), tr("dev cost %1").arg(double(e.dev.cost), 0, 'f', 4),
                 tr("train %1 %").arg(100.0 * e.train.accuracy, 0, 'f', 1),
                 tr("dev %1 %").arg(100.0 * e.dev.accuracy, 0, 'f', 1)});
}

void ImagesPage::probeDev(int index)
{
    probe(0, index, -1);
}

void ImagesPage::applyProbe(const Probe& p)
{
    if (p.runId != m_runId) return;
    const bool sameImage = p.set == m_probe.set && p.index == m_probe.index;
    m_probe = p;
    m_inspector->setProbe(p, m_last.classNames);
    m_evalInspector->setProbe(p, m_last.classNames);
    if (!sameImage || m_mapLayer->count() != int(p.maps.size()) + 1) {
        QSignalBlocker b(m_mapLayer);
        const int keep = m_mapLayer->currentIndex();
        m_mapLayer->clear();
        m_mapLayer->addItem(tr("Every conv layer"));
        for (const dl::FeatureMap& f : p.maps)
            m_mapLayer->addItem(QStringLiteral("%1 — %2 (%3×%4×%5)")
                                    .arg(QString::fromStdString(f.name), QString::fromStdString(f.describe))
                                    .arg(f.c)
                                    .arg(f.h)
                                    .arg(f.w));
        m_mapLayer->setCurrentIndex(keep >= 0 && keep < m_mapLayer->count() ? keep : 0);
    }
    updateMaps();
}

// Item 0 shows every conv layer's maps one after the other; item i + 1 all maps of layer output i.
void ImagesPage::updateMaps()
{
    const int li = m_mapLayer->currentIndex() - 1;
    if (li < -1 || li >= int(m_probe.maps.size())) return m_maps->setTiles({});
    std::vector<Tile> tiles;
    for (int i = 0; i < int(m_probe.maps.size()); ++i) {
        const dl::FeatureMap& f = m_probe.maps[size_t(i)];
        if (li >= 0 ? i != li : f.describe.rfind("Conv2d", 0) != 0) continue;
        const QString name = li >= 0 ? QString() : QString::fromStdString(f.name) + " ";
        for (int c = 0; c < f.c && c < 512; ++c)
            tiles.push_back({mapImage(f.values.data() + size_t(c) * f.h * f.w, f.h, f.w, true),
                             name + QString::number(c),
                             int(tiles.size()),
                             {}});
    }
    m_maps->setTileSize(li >= 0 ? 64 : 48);
    m_maps->setTiles(std::move(tiles));
}

void ImagesPage::applyEvaluation(const EvalReport& r)
{
    if (r.runId != m_runId) return;
    m_eval = r;
    m_confusion->setMetrics(r.metrics, m_last.classNames,
                            tr("%1 set, %2 images").arg(r.setName).arg(r.metrics.count));
    std::vector<Tile> tiles;
    for (int i = 0; i < r.wrongImages.count; ++i)
        tiles.push_back({planeImage(r.wrongImages, i, PlaneScale::Unit),
                         QStringLiteral("%1→%2 %3%")
                             .arg(m_last.classNames.value(r.wrongTruth[size_t(i)]).left(5),
                                  m_last.classNames.value(r.wrongPred[size_t(i)]).left(5))
                             .arg(int(100 * r.wrongProb[size_t(i)])),
                         i, QColor(210, 60, 40)});
    m_gallery->setTiles(std::move(tiles));
    m_tabs->setCurrentIndex(3);
    emit message(tr("%1 accuracy %2 % on %3 images (cost %4).")
                     .arg(r.setName)
                     .arg(100.0 * r.metrics.accuracy, 0, 'f', 2)
                     .arg(r.metrics.count)
                     .arg(double(r.cost), 0, 'f', 4),
                 false);
    emit evaluated();
}

void ImagesPage::evaluateDev()
{
    m_worker.call([](ImagesWorker& w) { w.evaluate(false); });
}

void ImagesPage::evaluateTest(bool confirm)
{
    if (confirm &&
        QMessageBox::question(this, tr("Evaluate on test"),
                              tr("The test set gives the final, unbiased estimate. Choosing a model by its "
                                 "test score makes that estimate optimistic. Evaluate on test now?")) !=
            QMessageBox::Yes)
        return;
    m_worker.call([](ImagesWorker& w) { w.evaluate(true); });
}

AugmentationDialog* ImagesPage::augmentationDialog()
{
    if (!m_augDialog) {
        m_augDialog = new AugmentationDialog(this);
        m_augDialog->setSamples(m_devStrip->property("trainSamples").value<Planes>());
    }
    m_augDialog->setPipeline(m_cfg.augmentation);
    return m_augDialog;
}

void ImagesPage::showAugmentationDialog()
{
    AugmentationDialog* d = augmentationDialog();
    if (d->exec() != QDialog::Accepted) return;
    m_cfg.augmentation = d->pipeline();
    m_worker.call([a = m_cfg.augmentation](ImagesWorker& w) { w.setAugmentation(a); });
    showConfigured(m_cfg);
}

void ImagesPage::run()
{
    m_worker.start();
}
void ImagesPage::pause()
{
    m_worker.pause();
}
void ImagesPage::stepOnce()
{
    m_worker.call([](ImagesWorker& w) { w.stepOnce(); });
}

void ImagesPage::saveModel(const QString& path)
{
    m_worker.call([path](ImagesWorker& w) { w.saveModel(path); });
}

void ImagesPage::exportModel(const QString& onnx, const QString& pytorchDir)
{
    m_worker.call([onnx, pytorchDir](ImagesWorker& w) { w.exportModel(onnx, pytorchDir); });
}

void ImagesPage::openModel(const QString& path)
{
    m_worker.call([path, r = m_requests->next()](ImagesWorker& w) { w.openModel(path, r); });
}

void ImagesPage::chooseFolder(const QString& dir)
{
    m_folder = dir;
    {
        QSignalBlocker b(m_dataset);
        m_dataset->setCurrentIndex(1);
    }
    reset();
}

bool ImagesPage::exportCurrentView(const QString& path)
{
    QWidget* w = m_tabs->currentWidget();
    if (auto* grid = qobject_cast<TileGridView*>(w)) return grid->savePng(path);
    QSaveFile f(path);
    const bool ok = f.open(QIODevice::WriteOnly) && w->grab().save(&f, "PNG") && f.commit();
    if (!ok) emit message(tr("Could not write %1: %2").arg(path, f.errorString()), true);
    return ok;
}

void ImagesPage::saveSettings(QSettings& s) const
{
    s.setValue("images/preset", m_preset->currentData());
    s.setValue("images/layers", m_layers->toPlainText());
    s.setValue("images/lr", m_lr->value());
    s.setValue("images/optimizer", m_opt->currentData());
    s.setValue("images/batch", m_batch->value());
    s.setValue("images/epochs", m_maxEpochs->value());
    s.setValue("images/limit", m_limit->value());
}

void ImagesPage::restoreSettings(const QSettings& s)
{
    if (!s.contains("images/preset")) return;
    ImageRunConfig c = m_cfg;
    c.preset = s.value("images/preset").toString();
    c.layers = c.preset == "custom" ? s.value("images/layers").toString() : QString();
    c.hyper.lr = s.value("images/lr", 0.001).toFloat();
    try {
        c.hyper.opt.kind = dl::parseOpt(s.value("images/optimizer", "adam").toString().toStdString());
    } catch (const dl::Error&) {
    }
    c.hyper.batch = s.value("images/batch", 64).toInt();
    c.maxEpochs = s.value("images/epochs", 10).toInt();
    c.source.limit = s.value("images/limit", 0).toInt();
    m_cfg = c; // applied when the lab is first shown
    showConfigured(c);
}

void ImagesPage::configureWorker(const ImageRunConfig& cfg)
{
    m_worker.call([cfg, r = m_requests->next()](ImagesWorker& w) { w.configure(cfg, r); });
}

void ImagesPage::probe(int set, int index, int camClass)
{
    m_worker.call([=](ImagesWorker& w) { w.probe(set, index, camClass); });
}

void ImagesPage::showCell(int truth, int predicted)
{
    m_worker.call([=](ImagesWorker& w) { w.cellImages(truth, predicted); });
}

} // namespace lab
