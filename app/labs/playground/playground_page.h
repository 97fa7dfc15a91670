// SPDX-License-Identifier: MIT
// The Playground lab (COURSE.md ch. 1–5): wires the data and hyperparameter panels, the plane, the network
// view and the learning curves to its TrainingWorker. Holds the run's starting configuration (values only);
// the model lives on the lab's thread. Its menus, toolbar items and screenshot recipe: playground_lab.cpp.
#pragma once
#include "core/train/sweep.h"
#include "app/labs/playground/training_worker.h"
#include "widgets/lab_page.h"
#include "widgets/lab_thread.h"

class QSplitter;
class QSettings;

namespace lab {

class DataPanel;
class HyperPanel;
class DecisionMapView;
class NetworkView;
class LossCurveView;
class GradCheckDialog;

class PlaygroundPage : public LabPage {
    Q_OBJECT
  public:
    explicit PlaygroundPage(QWidget* parent = nullptr);
    ~PlaygroundPage() override;

    // LabPage
    QList<QAction*> toolbarActions() override;
    void addMenuItems(const LabMenus& menus) override;
    void saveSettings(QSettings& s) const override;
    void restoreSettings(const QSettings& s) override;
    QStringList openFilters() const override;
    bool canOpen(const QString& path) const override; // .json: only its experiments (or unreadable JSON)
    void open(const QString& path) override;
    QList<QCommandLineOption> commandLineOptions() const override;
    QString startWith(const QCommandLineParser& cli) override;
    void shoot(const QCommandLineParser& cli, LabShot& shot) override;
    std::optional<GuiBench> guiBench() override;

    void setStepsPerSecond(int rate); // 0 = as fast as possible
    HyperPanel* hyperPanel() const { return m_hyper; }
    DataPanel* dataPanel() const { return m_dataPanel; }
    DecisionMapView* mapView() const { return m_map; }
    NetworkView* networkView() const { return m_network; }
    LossCurveView* curveView() const { return m_curves; }
    const Snapshot& lastSnapshot() const { return m_last; }
    const RunConfig& config() const { return m_cfg; }

  public slots:
    void run() override;
    void pause() override;
    void stepOnce() override;
    void reset() override;
    void showHyperparametersDialog();
    void gradientCheck();
    // Compare runs that differ in one setting (COURSE.md §1–§4), e.g. hidden sizes 1, 2, 3, 4, 5, 20, 50.
    void compareRuns(dl::SweepParam param = dl::SweepParam::HiddenUnits);
    void openExperiment(const QString& path);
    void saveExperiment(const QString& path);
    void loadCsv(const QString& path);
    void saveCsv(const QString& path);
    void saveModel(const QString& path);
    // File ▸ Export: the model as ONNX (onnx not empty) and/or a PyTorch experiment (pytorchDir not empty)
    void exportModel(const QString& onnx, const QString& pytorchDir);
    void loadModel(const QString& path);
    bool exportMapPng(const QString& path);
    // A course preset (resources/presets/*.json): dataset recipe, network, hyperparameters, iteration limit.
    void applyPreset(const QByteArray& json);

  signals:
    void progressed(const lab::Snapshot& s);

  private:
    void regenerate(); // points from the data panel's recipe, then reset
    void applySnapshot(const Snapshot& s);
    void onNetworkChanged(const dl::ModelSpec& s);
    void onHyperChanged(const dl::Hyperparams& h);
    void editPoints(const dl::Split& points, const QString& what);

    LabThread<TrainingWorker> m_worker{"playground"};
    DataPanel* m_dataPanel;
    HyperPanel* m_hyper;
    DecisionMapView* m_map;
    NetworkView* m_network;
    LossCurveView* m_curves;
    QSplitter* m_split;
    QSplitter* m_rightSplit;
    GradCheckDialog* m_gradDialog = nullptr;
    RunConfig m_cfg;
    Snapshot m_last;
    long m_runId = -1;
    bool m_builtWithDropout = false;
};

} // namespace lab
