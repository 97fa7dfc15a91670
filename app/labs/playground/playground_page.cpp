// SPDX-License-Identifier: MIT
#include "app/labs/playground/playground_page.h"

#include "core/data/csv.h"
#include "core/train/serialize.h"
#include "widgets/compare_dialog.h"
#include "app/labs/playground/data_panel.h"
#include "widgets/decision_map_view.h"
#include "widgets/gradcheck_dialog.h"
#include "app/labs/playground/hyper_panel.h"
#include "widgets/hyperparameters_dialog.h"
#include "widgets/loss_curve_view.h"
#include "app/labs/playground/network_view.h"

#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QImageWriter>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QVBoxLayout>

namespace lab {

PlaygroundPage::PlaygroundPage(QWidget* parent)
    : LabPage("playground", tr("Playground"),
              tr("2-D classification: watch the decision boundary form (course chapters 1–5)"),
              Run | Pause | Step | Reset, parent)
{
    m_dataPanel = new DataPanel;
    m_hyper = new HyperPanel;
    m_map = new DecisionMapView;
    m_network = new NetworkView;
    m_curves = new LossCurveView;

    auto* side = new QWidget;
    auto* sideLay = new QVBoxLayout(side);
    auto* dataBox = new QGroupBox(tr("Data"));
    (new QVBoxLayout(dataBox))->addWidget(m_dataPanel);
    auto* hyperBox = new QGroupBox(tr("Hyperparameters"));
    (new QVBoxLayout(hyperBox))->addWidget(m_hyper);
    sideLay->addWidget(dataBox);
    sideLay->addWidget(hyperBox);
    sideLay->addStretch(1);
    auto* scroll = new QScrollArea;
    scroll->setWidget(side);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(300);

    m_rightSplit = new QSplitter(Qt::Vertical);
    m_rightSplit->addWidget(m_network);
    m_rightSplit->addWidget(m_curves);
    m_split = new QSplitter(Qt::Horizontal);
    m_split->addWidget(scroll);
    m_split->addWidget(m_map);
    m_split->addWidget(m_rightSplit);
    m_split->setStretchFactor(1, 3);
    m_split->setStretchFactor(2, 3);
    auto* lay = new QHBoxLayout(this);
    lay->setContentsMargins(4, 4, 4, 4);
    lay->addWidget(m_split);

    m_worker.relay(&TrainingWorker::progressed, this, &PlaygroundPage::applySnapshot);
    connectWorker(m_worker);
    m_worker.relay(&TrainingWorker::gradientChecked, this, [this](const dl::GradCheckReport& r) {
        if (!m_gradDialog) m_gradDialog = new GradCheckDialog(this);
        m_gradDialog->setReport(r);
        m_gradDialog->show();
        m_gradDialog->raise();
        emit message(r.passed() ? tr("Gradient check passed: worst layer %1.").arg(r.worst, 0, 'e', 2)
                                : tr("Gradient check: worst layer %1 (above 1e-7).").arg(r.worst, 0, 'e', 2),
                     !r.passed());
    });
    m_worker.relay(&TrainingWorker::configured, this, [this](const RunConfig& cfg) {
        m_cfg = cfg;
        m_dataPanel->setSpec(cfg.dataset, cfg.source);
        m_dataPanel->setClassCount(cfg.data.train.classes);
        m_hyper->setHyper(cfg.hyper);
        m_hyper->setNetwork(cfg.network);
        m_builtWithDropout = cfg.network.keepProb < 1.f || cfg.hyper.keepProb < 1.f;
    });

    connect(m_hyper, &HyperPanel::hyperChanged, this, &PlaygroundPage::onHyperChanged);
    connect(m_hyper, &HyperPanel::networkChanged, this, &PlaygroundPage::onNetworkChanged);
    connect(m_hyper, &HyperPanel::speedChanged, this, &PlaygroundPage::setStepsPerSecond);
    connect(m_hyper, &HyperPanel::moreRequested, this, &PlaygroundPage::showHyperparametersDialog);
    connect(m_dataPanel, &DataPanel::specChanged, this, [this](const dl::DatasetSpec& s) {
        m_cfg.dataset = s;
        regenerate();
    });
    connect(m_map, &DecisionMapView::addPointRequested, this, [this](float x, float y) {
        dl::Split d = m_cfg.data;
        d.train.add(x, y, std::min(m_dataPanel->classToAdd(), d.train.classes - 1));
        editPoints(d, tr("Added a point at (%1, %2).").arg(x, 0, 'g', 3).arg(y, 0, 'g', 3));
    });
    connect(m_map, &DecisionMapView::removePointRequested, this, [this](float x, float y, float radius) {
        dl::Split d = m_cfg.data;
        const int i = d.train.nearest(x, y, radius), j = d.dev.nearest(x, y, radius);
        if (i >= 0)
            d.train.remove(i);
        else if (j >= 0)
            d.dev.remove(j);
        else
            return;
        if (d.train.size() == 0) {
            emit message(tr("That is the last training point; the training set cannot be empty."), true);
            return;
        }
        editPoints(d, tr("Removed a point."));
    });
    connect(m_network, &NetworkView::unitHovered, this,
            [this](int, int, const std::vector<float>& v, int res, float scale, const QString& caption) {
                m_map->setOverlay(v, res, scale, caption);
            });
    connect(m_network, &NetworkView::unitLeft, m_map, &DecisionMapView::clearOverlay);

    setStepsPerSecond(m_hyper->stepsPerSecond());
    m_cfg.hyper = m_hyper->hyper();
    m_cfg.network = m_hyper->network();
    regenerate();
}

PlaygroundPage::~PlaygroundPage() = default;

void PlaygroundPage::regenerate()
{
    try {
        m_cfg.data =
            dl::splitDataset(dl::makeSynthetic(m_cfg.dataset), m_cfg.dataset.devRatio, m_cfg.dataset.seed);
        m_cfg.source = "synthetic";
        m_cfg.edited = false;
    } catch (const dl::Error& e) {
        emit message(QString::fromUtf8(e.what()) + ".", true);
        return;
    }
    m_dataPanel->setClassCount(m_cfg.data.train.classes);
    reset();
}

void PlaygroundPage::reset()
{
    const bool wasRunning = isRunning();
    m_cfg.hyper = m_hyper->hyper();
    m_cfg.network = m_hyper->network();
    m_cfg.network.keepProb = m_cfg.hyper.keepProb;
    m_builtWithDropout = m_cfg.hyper.keepProb < 1.f;
    m_worker.call([cfg = m_cfg](TrainingWorker& w) { w.configure(cfg); });
    if (wasRunning) m_worker.start();
}

void PlaygroundPage::run()
{
    m_worker.start();
}
void PlaygroundPage::pause()
{
    m_worker.pause();
}
void PlaygroundPage::stepOnce()
{
    m_worker.call([](TrainingWorker& w) { w.stepOnce(); });
}

void PlaygroundPage::onHyperChanged(const dl::Hyperparams& h)
{
    const bool needDropout = h.keepProb < 1.f;
    if (needDropout && !m_builtWithDropout) { // dropout layers exist only if the network was built with them
        emit message(tr("keep_prob %1 adds dropout layers: the network was rebuilt and training restarted.")
                         .arg(h.keepProb),
                     false);
        reset();
        return;
    }
    m_cfg.hyper = h;
    m_worker.call([h](TrainingWorker& w) { w.setHyper(h); });
}

void PlaygroundPage::onNetworkChanged(const dl::ModelSpec&)
{
    emit message(tr("Network changed: training restarted."), false);
    reset();
}

void PlaygroundPage::editPoints(const dl::Split& points, const QString& what)
{
    m_cfg.data = points;
    m_cfg.edited = true;
    m_worker.call([points](TrainingWorker& w) { w.setData(points); });
    emit message(what + tr(" The network keeps training on the edited points."), false);
}

void PlaygroundPage::applySnapshot(const Snapshot& s)
{
    if (s.runId != m_runId) {
        m_curves->clear();
        m_runId = s.runId;
    }
    m_last = s;
    m_curves->append(curveUpdate(s));
    m_map->setGrid(s.grid);
    m_map->setPoints(s.data);
    m_network->setSnapshot(s);
    emit statusFields({tr("iteration %1 · epoch %2").arg(s.last.step).arg(s.last.epoch),
                       tr("cost %1").arg(double(s.eval.train.cost), 0, 'f', 4),
                       tr("train %1 %").arg(100.0 * s.eval.train.accuracy, 0, 'f', 1),
                       s.eval.dev.count ? tr("dev %1 %").arg(100.0 * s.eval.dev.accuracy, 0, 'f', 1) : tr("dev –")});
    emit progressed(s);
}

void PlaygroundPage::setStepsPerSecond(int rate)
{
    m_worker.call([rate](TrainingWorker& w) { w.setStepsPerSecond(rate); });
}

void PlaygroundPage::showHyperparametersDialog()
{
    HyperparametersDialog dlg(this);
    dlg.setValues(m_hyper->hyper(), m_hyper->network(), m_cfg.maxSteps, m_cfg.seed);
    if (dlg.exec() != QDialog::Accepted) return;
    const dl::ModelSpec net = dlg.network();
    const dl::ModelSpec old = m_hyper->network();
    const bool rebuild = net.hidden != old.hidden || net.activation != old.activation ||
                         net.init != old.init || net.batchNorm != old.batchNorm || dlg.seed() != m_cfg.seed;
    m_cfg.maxSteps = dlg.maxSteps();
    m_cfg.seed = dlg.seed();
    m_hyper->setNetwork(net);
    m_hyper->setHyper(dlg.hyper());
    if (rebuild) {
        emit message(tr("Network changed: training restarted."), false);
        reset();
    } else {
        m_worker.call([n = m_cfg.maxSteps](TrainingWorker& w) { w.setMaxSteps(n); });
        onHyperChanged(dlg.hyper());
    }
}

void PlaygroundPage::gradientCheck()
{
    m_worker.call([](TrainingWorker& w) { w.gradientCheck(); });
}

void PlaygroundPage::compareRuns(dl::SweepParam param)
{
    dl::Experiment base;
    base.data = m_cfg.data;
    base.network = m_hyper->network();
    base.network.keepProb = m_hyper->hyper().keepProb;
    base.hyper = m_hyper->hyper();
    base.seed = m_cfg.seed;
    auto* dlg = new CompareDialog(base, param, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->show();
    dlg->start();
}
void PlaygroundPage::openExperiment(const QString& path)
{
    m_worker.call([path](TrainingWorker& w) { w.openExperiment(path); });
}
void PlaygroundPage::saveExperiment(const QString& path)
{
    m_worker.call([path](TrainingWorker& w) { w.saveExperiment(path); });
}
void PlaygroundPage::saveModel(const QString& path)
{
    m_worker.call([path](TrainingWorker& w) { w.saveCheckpoint(path); });
}
void PlaygroundPage::exportModel(const QString& onnx, const QString& pytorchDir)
{
    m_worker.call([onnx, pytorchDir](TrainingWorker& w) { w.exportModel(onnx, pytorchDir); });
}
void PlaygroundPage::loadModel(const QString& path)
{
    m_worker.call([path](TrainingWorker& w) { w.loadCheckpoint(path); });
}

void PlaygroundPage::loadCsv(const QString& path)
{
    try {
        const dl::Dataset2D all = dl::loadCsv2D(path.toStdString());
        m_cfg.data = dl::splitDataset(all, m_cfg.dataset.devRatio, m_cfg.dataset.seed);
        m_cfg.source = QFileInfo(path).fileName();
        m_cfg.edited = false;
    } catch (const dl::Error& e) {
        emit message(QString::fromUtf8(e.what()), true);
        return;
    }
    m_dataPanel->setSpec(m_cfg.dataset, m_cfg.source);
    m_dataPanel->setClassCount(m_cfg.data.train.classes);
    emit message(tr("Loaded %1 points from %2.")
                     .arg(m_cfg.data.train.size() + m_cfg.data.dev.size())
                     .arg(m_cfg.source),
                 false);
    reset();
}

void PlaygroundPage::saveCsv(const QString& path)
{
    dl::Dataset2D all = m_cfg.data.train;
    for (int i = 0; i < m_cfg.data.dev.size(); ++i)
        all.add(m_cfg.data.dev.xy[2 * i], m_cfg.data.dev.xy[2 * i + 1], m_cfg.data.dev.label[i]);
    try {
        dl::saveCsv2D(all, path.toStdString());
        emit message(tr("Saved %1 points to %2.").arg(all.size()).arg(QFileInfo(path).fileName()), false);
    } catch (const dl::Error& e) {
        emit message(QString::fromUtf8(e.what()), true);
    }
}

bool PlaygroundPage::exportMapPng(const QString& path)
{
    const QString tmp = path + ".tmp.png";
    if (!m_map->grab().save(tmp, "PNG") || !(QFile::remove(path), QFile::rename(tmp, path))) {
        QFile::remove(tmp);
        emit message(tr("Could not write %1; check the folder exists and is writable.")
                         .arg(QFileInfo(path).fileName()),
                     true);
        return false;
    }
    return true;
}

void PlaygroundPage::applyPreset(const QByteArray& json)
{
    try {
        const dl::Json j = dl::Json::parse(json.toStdString());
        m_cfg.dataset = dl::datasetSpecFromJson(j.at("dataset"));
        const dl::ModelSpec net = dl::modelSpecFromJson(j.at("network"));
        const dl::Hyperparams h = dl::hyperFromJson(j.at("hyper"));
        m_cfg.maxSteps = static_cast<long>(j.get("max_steps", 0.0));
        m_worker.call([n = m_cfg.maxSteps](TrainingWorker& w) { w.setMaxSteps(n); });
        m_hyper->setNetwork(net);
        m_hyper->setHyper(h);
        m_dataPanel->setSpec(m_cfg.dataset);
        emit message(QString::fromStdString(j.get("description", std::string())), false);
        regenerate();
    } catch (const dl::Error& e) {
        emit message(tr("The preset is damaged: %1.").arg(QString::fromUtf8(e.what())), true);
    }
}

void PlaygroundPage::saveSettings(QSettings& s) const
{
    s.setValue("playground/split", m_split->saveState());
    s.setValue("playground/rightSplit", m_rightSplit->saveState());
    s.setValue("playground/dataset", QString::fromStdString(dl::toJson(m_cfg.dataset).dump()));
    s.setValue("playground/network", QString::fromStdString(dl::toJson(m_hyper->network()).dump()));
    s.setValue("playground/hyper", QString::fromStdString(dl::toJson(m_hyper->hyper()).dump()));
    s.setValue("playground/logScale", m_curves->logScale());
}

void PlaygroundPage::restoreSettings(const QSettings& s)
{
    m_split->restoreState(s.value("playground/split").toByteArray());
    m_rightSplit->restoreState(s.value("playground/rightSplit").toByteArray());
    m_curves->setLogScale(s.value("playground/logScale", false).toBool());
    try { // settings from another version may not parse: then the defaults stay
        if (s.contains("playground/network"))
            m_hyper->setNetwork(dl::modelSpecFromJson(
                dl::Json::parse(s.value("playground/network").toString().toStdString())));
        if (s.contains("playground/hyper"))
            m_hyper->setHyper(
                dl::hyperFromJson(dl::Json::parse(s.value("playground/hyper").toString().toStdString())));
        if (s.contains("playground/dataset")) {
            m_cfg.dataset = dl::datasetSpecFromJson(
                dl::Json::parse(s.value("playground/dataset").toString().toStdString()));
            m_dataPanel->setSpec(m_cfg.dataset);
        }
    } catch (const dl::Error&) {
    }
    regenerate();
}

} // namespace lab
