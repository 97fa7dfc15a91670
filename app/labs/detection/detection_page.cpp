// SPDX-License-Identifier: MIT
#include "app/labs/detection/detection_page.h"

#include "widgets/planes_image.h"
#include "widgets/tile_grid_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace lab {

namespace {
const char* kDarknetPhotos = "/usr/share/darknet/data";
}

DetectionPage::DetectionPage(QWidget* parent)
    : LabPage("detection", tr("Detection"),
              tr("Object detection: YOLO boxes, score and IoU thresholds, grid and anchors, NMS step by step "
                 "(course chapter 8)"),
              NoControls, parent) // it runs on demand
{
    setAcceptDrops(true);
    m_modelsDir =
        QString::fromStdString(dl::findModelsDir("", QCoreApplication::applicationDirPath().toStdString()));
    auto* lay = new QHBoxLayout(this);
    m_tabs = new QTabWidget;
    auto* pictureTab = new QWidget;
    auto* pv = new QVBoxLayout(pictureTab);
    m_view = new DetectionView;
    m_view->setObjectName("detectionView");
    m_caption = new QLabel;
    m_caption->setWordWrap(true);
    m_caption->setObjectName("detectionCaption");
    pv->addWidget(m_view, 1);
    pv->addWidget(m_caption);
    m_tabs->addTab(pictureTab, tr("Detections"));
    auto* mapsTab = new QWidget;
    auto* mv = new QVBoxLayout(mapsTab);
    auto* mrow = new QHBoxLayout;
    m_mapLayer = new QSpinBox;
    m_mapLayer->setRange(0, 0);
    m_mapLayer->setToolTip(tr("Layer whose output channels are shown (the last photo's forward pass)"));
    mrow->addWidget(new QLabel(tr("Layer")));
    mrow->addWidget(m_mapLayer);
    mrow->addStretch(1);
    m_maps = new TileGridView;
    m_maps->setEmptyText(tr("Detect a photo, then pick a layer."));
    mv->addLayout(mrow);
    mv->addWidget(m_maps, 1);
    m_tabs->addTab(mapsTab, tr("Feature maps"));
    m_layers = new QTableWidget(0, 4);
    m_layers->setHorizontalHeaderLabels({tr("#"), tr("layer"), tr("output C×H×W"), tr("ms (last photo)")});
    m_layers->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_layers->verticalHeader()->hide();
    m_layers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tabs->addTab(m_layers, tr("Layers"));
    lay->addWidget(m_tabs, 1);
    auto* side = new QWidget;
    side->setFixedWidth(360);
    buildControls(side);
    lay->addWidget(side);

    m_worker.relay(&DetectionWorker::modelOpened, this, &DetectionPage::onModel);
    m_worker.relay(&DetectionWorker::detected, this, &DetectionPage::onResult);
    m_worker.relay(&LabWorker::failed, this, [this](const QString& m) { // before the message goes out
        m_photoPending = false;
        if (m_model.key != m_requestedModel) m_requestedModel = m_model.key; // a failed open can be retried
        m_info->setText(m);
    });
    connectWorker(m_worker);
    m_worker.relay(&DetectionWorker::mapsReady, this,
            [this](const Planes& p, const QString& title) {
                std::vector<Tile> tiles;
                for (int i = 0; i < p.count; ++i)
                    tiles.push_back(
                        {mapImage(p.values.data() + static_cast<size_t>(i) * p.h * p.w, p.h, p.w, true),
                         p.captions.value(i), i, QColor()});
                m_maps->setTiles(std::move(tiles));
                m_tabs->setTabToolTip(1, title);
                emit message(title, false);
                emit mapsShown();
            });
    connect(m_view, &DetectionView::clicked, this, &DetectionPage::onViewClicked);
    connect(m_mapLayer, &QSpinBox::valueChanged, this, &DetectionPage::showLayerMaps);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int t) {
        if (t == 1) showLayerMaps(m_mapLayer->value());
    });
}

void DetectionPage::buildControls(QWidget* side)
{
    auto* v = new QVBoxLayout(side);
    auto* form = new QFormLayout;
    m_modelBox = new QComboBox;
    m_modelBox->addItem(tr("COCO: Yolo-Fastest-1.1-xl"), "coco");
    m_modelBox->addItem(tr("COCO, faster: Yolo-Fastest-1.1"), "coco-small");
    m_modelBox->addItem(tr("Faces: face-api tiny face detector"), "face");
    m_modelBox->addItem(tr("Open darknet .cfg + .weights…"), "open");
    m_modelBox->setToolTip(tr("The detector; all run on this app's own engine"));
    form->addRow(tr("Model"), m_modelBox);
    auto* photoRow = new QHBoxLayout;
    auto* open = new QPushButton(tr("Open photo…"));
    m_samples = new QComboBox;
    m_samples->setToolTip(tr("Bundled sample photos (Debian's darknet package, face-api's demo)"));
    photoRow->addWidget(open);
    photoRow->addWidget(m_samples, 1);
    form->addRow(tr("Photo"), photoRow);
    m_score = new QSlider(Qt::Horizontal);
    m_score->setRange(1, 100);
    m_scoreLabel = new QLabel;
    m_scoreLabel->setMinimumWidth(36);
    auto* srow = new QHBoxLayout;
    srow->addWidget(m_score, 1);
    srow->addWidget(m_scoreLabel);
    m_score->setToolTip(tr("Keep boxes whose score = objectness × class probability is at least this"));
    form->addRow(tr("Score ≥"), srow);
    m_iou = new QSlider(Qt::Horizontal);
    m_iou->setRange(0, 100);
    m_iouLabel = new QLabel;
    m_iouLabel->setMinimumWidth(36);
    auto* irow = new QHBoxLayout;
    irow->addWidget(m_iou, 1);
    irow->addWidget(m_iouLabel);
    m_iou->setToolTip(tr("NMS removes a box whose IoU with a better box is above this"));
    form->addRow(tr("NMS IoU >"), irow);
    m_perClass = new QCheckBox(tr("NMS per class (darknet); off: across classes"));
    m_perClass->setChecked(true);
    form->addRow(m_perClass);
    m_candidates = new QCheckBox(tr("Show all candidates before NMS (faded)"));
    form->addRow(m_candidates);
    m_grid = new QComboBox;
    m_grid->addItem(tr("None"), -1);
    m_grid->setToolTip(tr("Draw a YOLO head's grid; click a cell to see its anchor boxes"));
    form->addRow(tr("Grid"), m_grid);
    auto* nmsRow = new QHBoxLayout;
    m_stepBack = new QPushButton(tr("◀ Back"));
    m_stepNext = new QPushButton(tr("Step NMS ▶"));
    auto* leave = new QPushButton(tr("Result"));
    m_stepNext->setToolTip(
        tr("Replay non-max suppression one removal at a time, with the IoU that removed each box"));
    m_stepBack->setEnabled(false); // enabled by refilter() once a photo has candidates
    m_stepNext->setEnabled(false);
    nmsRow->addWidget(m_stepBack);
    nmsRow->addWidget(m_stepNext);
    nmsRow->addWidget(leave);
    form->addRow(tr("NMS"), nmsRow);
    auto* exportRow = new QHBoxLayout;
    auto* png = new QPushButton(tr("Export PNG…"));
    auto* json = new QPushButton(tr("Export JSON…"));
    exportRow->addWidget(png);
    exportRow->addWidget(json);
    form->addRow(tr("Save"), exportRow);
    v->addLayout(form);
    m_info = new QLabel;
    m_info->setWordWrap(true);
    m_info->setObjectName("detectionInfo");
    v->addWidget(m_info);
    m_list = new QTableWidget(0, 3);
    m_list->setHorizontalHeaderLabels({tr("class"), tr("score"), tr("box x, y, w, h (px)")});
    m_list->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_list->verticalHeader()->hide();
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    v->addWidget(m_list, 1);
    addSamples();

    connect(m_modelBox, &QComboBox::activated, this, [this](int i) {
        const QString key = m_modelBox->itemData(i).toString();
        if (key != "open") {
            openModel(key);
            return;
        }
        const QString cfg = QFileDialog::getOpenFileName(this, tr("darknet cfg"), "/usr/share/darknet/cfg",
                                                         tr("darknet cfg (*.cfg);;All files (*)"));
        if (cfg.isEmpty()) return;
        const QString w = QFileDialog::getOpenFileName(
            this, tr("darknet weights for %1").arg(QFileInfo(cfg).fileName()), QFileInfo(cfg).path(),
            tr("darknet weights (*.weights);;All files (*)"));
        if (!w.isEmpty()) openModel(cfg + ":" + w);
    });
    connect(open, &QPushButton::clicked, this, [this] {
        const QString p = QFileDialog::getOpenFileName(
            this, tr("Open photo"), QFileInfo(m_photoPath).path(),
            tr("Images (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff);;All files (*)"));
        if (!p.isEmpty()) openPhoto(p);
    });
    connect(m_samples, &QComboBox::activated, this, [this](int i) {
        const QString p = m_samples->itemData(i).toString();
        if (!p.isEmpty()) openPhoto(p);
    });
    connect(m_score, &QSlider::valueChanged, this, [this](int value) { setScoreThreshold(value / 100.0); });
    connect(m_iou, &QSlider::valueChanged, this, [this](int value) { setIouThreshold(value / 100.0); });
    connect(m_perClass, &QCheckBox::toggled, this, &DetectionPage::setPerClass);
    connect(m_candidates, &QCheckBox::toggled, this, &DetectionPage::setShowCandidates);
    connect(m_grid, &QComboBox::activated, this, [this](int i) { setGridHead(m_grid->itemData(i).toInt()); });
    connect(m_stepBack, &QPushButton::clicked, this, [this] { stepNms(-1); });
    connect(m_stepNext, &QPushButton::clicked, this, [this] { stepNms(+1); });
    connect(leave, &QPushButton::clicked, this, [this] { stepNms(0); });
    connect(png, &QPushButton::clicked, this, [this] {
        const QString p = QFileDialog::getSaveFileName(
            this, tr("Export annotated photo"),
            QFileInfo(m_result.source).completeBaseName() + "-detections.png", tr("PNG images (*.png)"));
        if (!p.isEmpty()) exportPng(p);
    });
    connect(json, &QPushButton::clicked, this, [this] {
        const QString p = QFileDialog::getSaveFileName(
            this, tr("Export detections"), QFileInfo(m_result.source).completeBaseName() + "-detections.json",
            tr("JSON (*.json)"));
        if (!p.isEmpty()) exportJson(p);
    });
    connect(m_list, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto rows = m_list->selectionModel()->selectedRows();
        const int row = rows.isEmpty() ? -1 : rows.first().row();
        const int cand =
            row >= 0 && row < static_cast<int>(m_nms.kept.size()) ? m_nms.kept[static_cast<size_t>(row)] : -1;
        if (cand != m_opt.selected) {
            m_opt.selected = cand;
            m_view->setScene(buildScene(m_result, m_nms, m_opt, m_model.classes));
        }
    });
}

void DetectionPage::addSamples()
{
    m_samples->addItem(tr("Samples…"), QString());
    QDir d(kDarknetPhotos);
    for (const QString& f : d.entryList({"*.jpg"}, QDir::Files, QDir::Name))
        m_samples->addItem(f, d.filePath(f));
    QDir faces(m_modelsDir + "/face-api");
    for (const QString& f : faces.entryList({"sample*.jpg"}, QDir::Files, QDir::Name))
        m_samples->addItem(tr("faces: %1").arg(f), faces.filePath(f));
}

void DetectionPage::showEvent(QShowEvent* e)
{
    QWidget::showEvent(e);
    if (m_started) return;
    m_started = true; // the model loads on first show: the other labs start without waiting for it
    if (m_requestedModel.isEmpty())
        openModel(m_modelBox->currentData().toString() == "open" ? "coco"
                                                                 : m_modelBox->currentData().toString());
    const QString photo = m_photoPath.isEmpty() ? QString(kDarknetPhotos) + "/dog.jpg" : m_photoPath;
    if (QFile::exists(photo)) openPhoto(photo);
}

void DetectionPage::openModel(const QString& spec)
{
    m_started = true;
    if (spec == m_requestedModel) return; // already open or opening
    m_requestedModel = spec;
    const int i = m_modelBox->findData(spec);
    if (i >= 0) m_modelBox->setCurrentIndex(i);
    m_info->setText(tr("Opening %1…").arg(spec));
    m_worker.call([spec, dir = m_modelsDir](DetectionWorker& w) { w.openModel(spec, dir); });
}

void DetectionPage::openPhoto(const QString& path)
{
    m_started = true;
    if (path == m_photoPath && m_photoPending) return; // the same request is on its way
    m_photoPending = true;
    m_photoPath = path;
    m_info->setText(tr("Detecting in %1…").arg(QFileInfo(path).fileName()));
    m_worker.interrupt(); // a detection still running for an earlier photo is not needed
    m_worker.call([path](DetectionWorker& w) { w.detectFile(path); });
}

void DetectionPage::onModel(const DetectionModel& m)
{
    m_model = m;
    m_requestedModel = m.key;
    {
        const QSignalBlocker b1(m_score), b2(m_iou);
        m_score->setValue(static_cast<int>(std::lround(m.defaultScore * 100)));
        m_iou->setValue(static_cast<int>(std::lround(m.defaultIou * 100)));
    }
    m_opt.nms.scoreThreshold = m.defaultScore;
    m_opt.nms.iouThreshold = m.defaultIou;
    m_scoreLabel->setText(QString::number(m.defaultScore, 'f', 2));
    m_iouLabel->setText(QString::number(m.defaultIou, 'f', 2));
    m_mapLayer->setRange(0, std::max(0, static_cast<int>(m.layers.size()) - 1));
    if (m_modelBox->findData(m.key) < 0) {
        m_modelBox->insertItem(m_modelBox->count() - 1, QFileInfo(m.key.section(':', 0, 0)).fileName(),
                               m.key);
        m_modelBox->setCurrentIndex(m_modelBox->count() - 2);
    }
    m_info->setText(tr("%1: input %2×%3 (%4), %5 layers.")
                        .arg(m.title)
                        .arg(m.netW)
                        .arg(m.netH)
                        .arg(m.fit)
                        .arg(m.layers.size()));
    emit message(tr("Opened %1.").arg(m.title), false);
}

void DetectionPage::onResult(const DetectionResult& r)
{
    m_photoPending = false;
    const bool samePhoto = m_result.source == r.source && m_result.photo.size() == r.photo.size();
    m_result = r;
    m_opt.selected = -1;
    m_opt.nmsStep = -1;
    if (!samePhoto) m_opt.cellRow = m_opt.cellCol = -1;
    m_view->setPhoto(r.photo);
    const int head = m_opt.gridHead;
    m_grid->clear();
    m_grid->addItem(tr("None"), -1);
    for (size_t h = 0; h < r.heads.size(); ++h)
        m_grid->addItem(tr("Head %1: %2×%3 cells, %4 anchors")
                            .arg(h)
                            .arg(r.heads[h].gh)
                            .arg(r.heads[h].gw)
                            .arg(r.heads[h].spec.anchors.size() / 2),
                        static_cast<int>(h));
    m_opt.gridHead = head < static_cast<int>(r.heads.size()) ? head : -1;
    m_grid->setCurrentIndex(m_opt.gridHead + 1);
    fillLayers();
    refilter();
    m_info->setText(tr("%1, %2×%3: network %4 ms (forward %5 ms), %6 candidates ≥ %7.")
                        .arg(r.source)
                        .arg(r.photo.width())
                        .arg(r.photo.height())
                        .arg(r.seconds * 1e3, 0, 'f', 1)
                        .arg(r.forwardSeconds * 1e3, 0, 'f', 1)
                        .arg(r.candidates.size())
                        .arg(dl::kCandidateFloor, 0, 'f', 2));
    if (m_tabs->currentIndex() == 1) showLayerMaps(m_mapLayer->value());
    emit detected();
}

void DetectionPage::refilter()
{
    if (!hasResult()) return;
    m_nms = dl::nonMaxSuppression(m_result.candidates, m_opt.nms);
    if (m_opt.nmsStep > static_cast<int>(m_nms.steps.size()))
        m_opt.nmsStep = static_cast<int>(m_nms.steps.size());
    const Scene scene = buildScene(m_result, m_nms, m_opt, m_model.classes);
    m_caption->setText(scene.caption);
    m_view->setScene(scene);
    m_stepBack->setEnabled(m_opt.nmsStep > 0);
    m_stepNext->setEnabled(m_opt.nmsStep < static_cast<int>(m_nms.steps.size()));
    fillList();
    emit statusFields({tr("%1 detections").arg(m_nms.kept.size()), tr("%1 candidates").arg(m_nms.candidates.size()),
                 tr("forward %1 ms").arg(m_result.forwardSeconds * 1e3, 0, 'f', 1), QString()});
}

void DetectionPage::fillList()
{
    const QSignalBlocker block(m_list);
    m_list->setRowCount(static_cast<int>(m_nms.kept.size()));
    int row = 0;
    for (int i : m_nms.kept) {
        const dl::Detection& d = m_result.candidates[static_cast<size_t>(i)];
        const dl::PixelRect p = dl::toPixels(d.box, m_result.photo.width(), m_result.photo.height());
        auto* name = new QTableWidgetItem(d.cls < m_model.classes.size() ? m_model.classes[d.cls]
                                                                         : QString::number(d.cls));
        name->setForeground(boxColor(d.cls).darker(130));
        m_list->setItem(row, 0, name);
        m_list->setItem(row, 1, new QTableWidgetItem(QString::number(d.score, 'f', 3)));
        m_list->setItem(row, 2,
                        new QTableWidgetItem(QString("%1, %2, %3, %4")
                                                 .arg(p.x, 0, 'f', 0)
                                                 .arg(p.y, 0, 'f', 0)
                                                 .arg(p.w, 0, 'f', 0)
                                                 .arg(p.h, 0, 'f', 0)));
        if (i == m_opt.selected) m_list->selectRow(row);
        ++row;
    }
}

void DetectionPage::fillLayers()
{
    m_layers->setRowCount(static_cast<int>(m_model.layers.size()));
    for (size_t i = 0; i < m_model.layers.size(); ++i) {
        const LayerRow& l = m_model.layers[i];
        const int r = static_cast<int>(i);
        m_layers->setItem(r, 0, new QTableWidgetItem(l.name));
        m_layers->setItem(r, 1, new QTableWidgetItem(l.describe));
        m_layers->setItem(r, 2, new QTableWidgetItem(l.shape));
        m_layers->setItem(r, 3,
                          new QTableWidgetItem(i < m_result.layerMs.size()
                                                   ? QString::number(m_result.layerMs[i], 'f', 3)
                                                   : QString()));
    }
}

void DetectionPage::setScoreThreshold(double v)
{
    m_opt.nms.scoreThreshold = static_cast<float>(std::clamp(v, 0.01, 1.0));
    m_scoreLabel->setText(QString::number(m_opt.nms.scoreThreshold, 'f', 2));
    const QSignalBlocker b(m_score);
    m_score->setValue(static_cast<int>(std::lround(m_opt.nms.scoreThreshold * 100)));
    refilter();
}

void DetectionPage::setIouThreshold(double v)
{
    m_opt.nms.iouThreshold = static_cast<float>(std::clamp(v, 0.0, 1.0));
    m_iouLabel->setText(QString::number(m_opt.nms.iouThreshold, 'f', 2));
    const QSignalBlocker b(m_iou);
    m_iou->setValue(static_cast<int>(std::lround(m_opt.nms.iouThreshold * 100)));
    refilter();
}

void DetectionPage::setPerClass(bool perClass)
{
    m_opt.nms.perClass = perClass;
    const QSignalBlocker b(m_perClass);
    m_perClass->setChecked(perClass);
    refilter();
}

void DetectionPage::setShowCandidates(bool on)
{
    m_opt.showCandidates = on;
    const QSignalBlocker b(m_candidates);
    m_candidates->setChecked(on);
    refilter();
}

void DetectionPage::setGridHead(int head)
{
    m_opt.gridHead = head;
    m_opt.cellRow = m_opt.cellCol = -1;
    m_grid->setCurrentIndex(std::max(0, head + 1));
    refilter();
}

void DetectionPage::stepNms(int delta)
{
    if (!hasResult()) return;
    if (delta == 0)
        m_opt.nmsStep = -1;
    else
        m_opt.nmsStep = std::clamp(std::max(m_opt.nmsStep, 0) + (m_opt.nmsStep < 0 ? 0 : delta), 0,
                                   static_cast<int>(m_nms.steps.size()));
    refilter();
}

void DetectionPage::selectDetection(int candidate)
{
    m_opt.selected = candidate;
    refilter();
}

void DetectionPage::onViewClicked(QPointF px)
{
    if (m_opt.gridHead >= 0) {
        int row, col;
        if (cellAt(m_result, m_opt.gridHead, px, row, col)) {
            m_opt.cellRow = row, m_opt.cellCol = col;
            refilter();
        }
        return;
    }
    int best = -1;
    double bestArea = 0;
    for (int i : m_nms.kept) {
        const dl::PixelRect r = dl::toPixels(m_result.candidates[static_cast<size_t>(i)].box,
                                             m_result.photo.width(), m_result.photo.height());
        if (px.x() < r.x || px.x() > r.x + r.w || px.y() < r.y || px.y() > r.y + r.h) continue;
        if (best < 0 || r.w * r.h < bestArea) best = i, bestArea = r.w * r.h;
    }
    selectDetection(best);
}

void DetectionPage::showLayerMaps(int layer)
{
    const QSignalBlocker b(m_mapLayer);
    m_mapLayer->setValue(layer);
    if (hasResult()) m_worker.call([layer](DetectionWorker& w) { w.featureMaps(layer, 64); });
}

bool DetectionPage::exportPng(const QString& path)
{
    if (!hasResult()) {
        emit message(tr("Nothing to export yet: detect a photo first."), true);
        return false;
    }
    QSaveFile f(path); // temporary file, renamed over `path` on commit
    if (!f.open(QIODevice::WriteOnly) || !m_view->render().save(&f, "PNG") || !f.commit()) {
        emit message(tr("Could not write %1: %2").arg(path, f.errorString()), true);
        return false;
    }
    emit message(tr("Saved %1.").arg(path), false);
    return true;
}

bool DetectionPage::exportJson(const QString& path)
{
    if (!hasResult()) {
        emit message(tr("Nothing to export yet: detect a photo first."), true);
        return false;
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) ||
        f.write(detectionsJson(m_result, m_nms, m_model.classes, m_model.key)) < 0 || !f.commit()) {
        emit message(tr("Could not write %1: %2").arg(path, f.errorString()), true);
        return false;
    }
    emit message(tr("Saved %1 (%2 detections).").arg(path).arg(m_nms.kept.size()), false);
    return true;
}

void DetectionPage::dragEnterEvent(QDragEnterEvent* e)
{
    if (e->mimeData()->hasUrls() && e->mimeData()->urls().first().isLocalFile()) e->acceptProposedAction();
}

void DetectionPage::dropEvent(QDropEvent* e)
{
    const QList<QUrl> urls = e->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile()) openPhoto(urls.first().toLocalFile());
}

void DetectionPage::saveSettings(QSettings& s) const
{
    s.setValue("detection/model", m_model.key);
    s.setValue("detection/photo", m_photoPath);
    s.setValue("detection/perClass", m_opt.nms.perClass);
}

void DetectionPage::restoreSettings(const QSettings& s)
{
    const QString model = s.value("detection/model").toString();
    const int i = m_modelBox->findData(model);
    if (i >= 0) m_modelBox->setCurrentIndex(i);
    m_photoPath = s.value("detection/photo").toString();
    if (!QFile::exists(m_photoPath)) m_photoPath.clear();
    m_opt.nms.perClass = s.value("detection/perClass", true).toBool();
    m_perClass->setChecked(m_opt.nms.perClass);
}

} // namespace lab
