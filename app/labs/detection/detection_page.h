// SPDX-License-Identifier: MIT
// The Detection lab (COURSE.md ch. 8): YOLO on a photo with live score / NMS-IoU thresholds that re-filter
// without re-running the network, every candidate before NMS, each head's grid and a cell's anchors, NMS
// replayed one suppression at a time, a side list, feature maps and per-layer times, PNG/JSON export.
// Holds values only; the network lives on the lab's thread (DetectionWorker). Its menus and screenshot
// recipe: detection_lab.cpp.
#pragma once
#include "app/labs/detection/detection_view.h"
#include "app/labs/detection/detection_worker.h"
#include "core/detect/nms.h"
#include "widgets/lab_page.h"
#include "widgets/lab_thread.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;
class QTabWidget;
class QTableWidget;
class QSettings;

namespace lab {

class TileGridView;

class DetectionPage : public LabPage {
    Q_OBJECT
  public:
    explicit DetectionPage(QWidget* parent = nullptr);

    // LabPage (it runs on demand: no Run, Pause, Step or Reset)
    void addMenuItems(const LabMenus& menus) override;
    void saveSettings(QSettings& s) const override;
    void restoreSettings(const QSettings& s) override;
    QStringList openFilters() const override;
    void open(const QString& path) override { openPhoto(path); }
    QList<QCommandLineOption> commandLineOptions() const override;
    bool wantsShot(const QCommandLineParser& cli) const override;
    void shoot(const QCommandLineParser& cli, LabShot& shot) override;

    DetectionView* view() const { return m_view; }
    QTableWidget* detectionTable() const { return m_list; }
    QTabWidget* tabs() const { return m_tabs; }
    const DetectionResult& result() const { return m_result; }
    const DetectionModel& model() const { return m_model; }
    const dl::NmsResult& nms() const { return m_nms; }
    DetectionOptions& options() { return m_opt; }
    bool hasResult() const { return m_result.id > 0; }
    QString modelsDir() const { return m_modelsDir; }

  public slots:
    void openPhoto(const QString& path);
    void openModel(const QString& spec); // coco | coco-small | face | CFG:WEIGHTS
    void setScoreThreshold(double v);
    void setIouThreshold(double v);
    void setPerClass(bool perClass);
    void setShowCandidates(bool on);
    void setGridHead(int head); // -1: no grid
    void stepNms(int delta);    // replay: ±1 suppression; 0 leaves the replay
    void selectDetection(int candidate);
    void showLayerMaps(int layer);
    bool exportPng(const QString& path);
    bool exportJson(const QString& path);
    void refilter(); // NMS on the current candidates + redraw; no network run

  signals:
    void detected(); // a new result arrived (tests, screenshot mode)
    void mapsShown();

  protected:
    void showEvent(QShowEvent* e) override;
    void dragEnterEvent(QDragEnterEvent* e) override;
    void dropEvent(QDropEvent* e) override;

  private:
    void buildControls(QWidget* side);
    void onModel(const DetectionModel& m);
    void onResult(const DetectionResult& r);
    void fillList();
    void fillLayers();
    void onViewClicked(QPointF px);
    void addSamples();

    void benchRedraw(int n); // --bench-redraw: n threshold changes (NMS + repaint), median time as JSON

    LabThread<DetectionWorker> m_worker{"detection"};
    DetectionView* m_view;
    QLabel* m_caption;
    QTabWidget* m_tabs;
    TileGridView* m_maps;
    QSpinBox* m_mapLayer;
    QTableWidget* m_layers;
    QTableWidget* m_list;
    QComboBox* m_modelBox;
    QComboBox* m_samples;
    QSlider* m_score;
    QSlider* m_iou;
    QLabel* m_scoreLabel;
    QLabel* m_iouLabel;
    QCheckBox* m_perClass;
    QCheckBox* m_candidates;
    QComboBox* m_grid;
    QPushButton* m_stepBack;
    QPushButton* m_stepNext;
    QLabel* m_info;
    DetectionModel m_model;
    DetectionResult m_result;
    dl::NmsResult m_nms;
    DetectionOptions m_opt;
    QString m_modelsDir;
    QString m_photoPath;
    QString m_requestedModel; // last model asked for (open or opening)
    bool m_photoPending = false;
    bool m_started = false;
};

} // namespace lab
