// SPDX-License-Identifier: MIT
// The Playground lab: wires the data and hyperparameter panels, the plane, the network view and the
// learning curves to a TrainingController. Holds the run's starting configuration (values only); the
// model lives on the training thread.
#pragma once
#include "core/train/sweep.h"
#include "widgets/training_controller.h"

#include <QWidget>

class QSplitter;
class QSettings;

namespace lab {

class DataPanel;
class HyperPanel;
class DecisionMapView;
class NetworkView;
class LossCurveView;
class GradCheckDialog;

class PlaygroundPage : public QWidget {
    Q_OBJECT
  public:
    explicit PlaygroundPage(QWidget* parent = nullptr);
    ~PlaygroundPage() override;

    TrainingController& controller() { return *m_controller; }
    HyperPanel* hyperPanel() const { return m_hyper; }
    DataPanel* dataPanel() const { return m_dataPanel; }
    DecisionMapView* mapView() const { return m_map; }
    NetworkView* networkView() const { return m_network; }
    LossCurveView* curveView() const { return m_curves; }
    const Snapshot& lastSnapshot() const { return m_last; }
    const RunConfig& config() const { return m_cfg; }
    bool isRunning() const { return m_running; }

    void saveSettings(QSettings& s) const;
    void restoreSettings(const QSettings& s);

  public slots:
    void run();
    void pause();
    void stepOnce();
    void reset();
    void showHyperparametersDialog();
    void gradientCheck();
    // Compare runs that differ in one setting (COURSE.md §1–§4), e.g. hidden sizes 1, 2, 3, 4, 5, 20, 50.
    void compareRuns(dl::SweepParam param = dl::SweepParam::HiddenUnits);
    void openExperiment(const QString& path);
    void saveExperiment(const QString& path);
    void loadCsv(const QString& path);
    void saveCsv(const QString& path);
    void saveModel(const QString& path);
    void loadModel(const QString& path);
    bool exportMapPng(const QString& path);
    // A course preset (resources/presets/*.json): dataset recipe, network, hyperparameters, iteration limit.
    void applyPreset(const QByteArray& json);

  signals:
    void progressed(const lab::Snapshot& s);
    void runningChanged(bool running);
    void message(const QString& text, bool error);

  private:
    void regenerate(); // points from the data panel's recipe, then reset
    void applySnapshot(const Snapshot& s);
    void onNetworkChanged(const dl::ModelSpec& s);
    void onHyperChanged(const dl::Hyperparams& h);
    void editPoints(const dl::Split& points, const QString& what);

    TrainingController* m_controller;
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
    bool m_running = false;
    bool m_builtWithDropout = false;
};

} // namespace lab
