// SPDX-License-Identifier: MIT
// The Images lab (COURSE.md §3, §6, §7): Fashion-MNIST or a folder of pictures, a model preset or an
// edited layer list, augmentation, live learning curves, filters, feature maps, histograms, Grad-CAM, and
// after training the confusion matrix and the misclassified gallery. Holds values only; the model lives
// on the lab's thread (ImagesWorker). Its menus, toolbar item and screenshot recipe: images_lab.cpp.
#pragma once
#include "app/labs/images/images_worker.h"
#include "widgets/lab_page.h"
#include "widgets/lab_thread.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QCheckBox;
class QSpinBox;
class QTabWidget;
class QTableWidget;
class QSettings;

namespace lab {

class LossCurveView;
class EpochCurveView;
class TileGridView;
class ConfusionMatrixView;
class HistogramView;
class ImageInspector;
class AugmentationDialog;

class ImagesPage : public LabPage {
    Q_OBJECT
  public:
    explicit ImagesPage(QWidget* parent = nullptr);
    ~ImagesPage() override;

    // LabPage
    QList<QAction*> toolbarActions() override;
    void addMenuItems(const LabMenus& menus) override;
    void saveSettings(QSettings& s) const override;
    void restoreSettings(const QSettings& s) override;
    QStringList openFilters() const override;
    void open(const QString& path) override { openModel(path); }
    QList<QCommandLineOption> commandLineOptions() const override;
    void shoot(const QCommandLineParser& cli, LabShot& shot) override;
    std::optional<GuiBench> guiBench() override;

    QTabWidget* tabs() const { return m_tabs; }
    TileGridView* filterView() const { return m_filters; }
    TileGridView* mapView() const { return m_maps; }
    TileGridView* galleryView() const { return m_gallery; }
    ConfusionMatrixView* confusionView() const { return m_confusion; }
    HistogramView* histogramView() const { return m_hist; }
    ImageInspector* inspector() const { return m_inspector; }
    EpochCurveView* epochView() const { return m_epochs; }
    LossCurveView* curveView() const { return m_curves; }
    QTableWidget* layerTable() const { return m_layerTable; }
    AugmentationDialog* augmentationDialog();
    const ImageSnapshot& lastSnapshot() const { return m_last; }
    const ImageRunConfig& config() const { return m_cfg; }
    long epochsSeen() const { return m_epochCount; }

  public slots:
    void run() override;
    void pause() override;
    void stepOnce() override;
    void reset() override; // a new model from the controls (weights from the seed), epoch 0
    void setConfig(const lab::ImageRunConfig& cfg); // controls from cfg, then reset
    void showAugmentationDialog();
    void evaluateDev();
    void evaluateTest(bool confirm = true);
    void saveModel(const QString& path);
    // File ▸ Export: the model as ONNX (onnx not empty) and/or a PyTorch experiment (pytorchDir not empty)
    void exportModel(const QString& onnx, const QString& pytorchDir);
    void openModel(const QString& path);
    void chooseFolder(const QString& dir);
    bool exportCurrentView(const QString& path);
    void probeDev(int index);
    void probe(int set, int index, int camClass); // set 0 dev, 1 test; camClass -1: the predicted class
    void showCell(int truth, int predicted);      // the confusion matrix cell's images (last evaluation)

  signals:
    void evaluated();

  protected:
    void showEvent(QShowEvent* e) override;

  private:
    QWidget* buildControls();
    QWidget* buildTrainingTab();
    QWidget* buildMapsTab();
    QWidget* buildEvalTab();
    ImageRunConfig configFromControls() const;
    void applySnapshot(const ImageSnapshot& s);
    void applyProbe(const Probe& p);
    void applyEvaluation(const EvalReport& r);
    void showConfigured(const ImageRunConfig& cfg);
    void updateBiasVariance(const EpochPoint& e);
    void updateMaps();
    void onPresetChanged();
    void sendHyper();

    void configureWorker(const ImageRunConfig& cfg);

    LabThread<ImagesWorker> m_worker{"images"};
    const std::shared_ptr<ImagesWorker::Requests> m_requests = m_worker.worker()->requests();
    QTabWidget* m_tabs;
    QComboBox* m_preset;
    QPlainTextEdit* m_layers;
    QLabel* m_params;
    QComboBox* m_dataset;
    QSpinBox* m_limit;
    QSpinBox* m_devCount;
    QLabel* m_augSummary;
    QDoubleSpinBox* m_lr;
    QComboBox* m_opt;
    QSpinBox* m_batch;
    QDoubleSpinBox* m_l2;
    QComboBox* m_decay;
    QDoubleSpinBox* m_decayRate;
    QSpinBox* m_maxEpochs;
    QSpinBox* m_freeze;
    QCheckBox* m_precompute;
    QLabel* m_biasVariance;
    LossCurveView* m_curves;
    EpochCurveView* m_epochs;
    QProgressBar* m_progress;
    QLabel* m_rate;
    QComboBox* m_filterLayer;
    TileGridView* m_filters;
    TileGridView* m_devStrip;
    ImageInspector* m_inspector;
    QComboBox* m_mapLayer;
    TileGridView* m_maps;
    ConfusionMatrixView* m_confusion;
    TileGridView* m_gallery;
    TileGridView* m_cell;
    QLabel* m_cellTitle;
    ImageInspector* m_evalInspector;
    HistogramView* m_hist;
    QTableWidget* m_layerTable;
    AugmentationDialog* m_augDialog = nullptr;
    ImageRunConfig m_cfg;
    ImageSnapshot m_last;
    Probe m_probe;
    EvalReport m_eval;
    QString m_folder;
    long m_runId = -1;
    long m_epochCount = 0;
    bool m_settingControls = false;
    bool m_configured = false; // a model was asked for (the first one waits until the lab is shown)
};

} // namespace lab
