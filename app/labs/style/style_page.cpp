// SPDX-License-Identifier: MIT
#include "app/labs/style/style_page.h"

#include "app/labs/style/cli.h"

#include "core/models/model_files.h"
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

#include "app/labs/style/style_sliders.h"

namespace lab {
using namespace style_sliders;

StylePage::StylePage(QWidget* parent)
    : LabPage("style", tr("Style"),
              tr("Neural style transfer: paint a photo in the style of a painting, watching the costs fall "
                 "(course chapter 10)"),
              Run | Pause | Reset, parent) // an iteration is a whole optimiser step: no Step
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
    markTranslatedItems(m_gramLayer); // its items are read by index
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

    m_worker.relay(&StyleWorker::prepared, this, &StylePage::onPrepared);
    m_worker.relay(&StyleWorker::progressed, this, &StylePage::onProgress);
    m_worker.relay(&StyleWorker::gramReady, this, [this](const GramPair& g) {
        if (m_tabs->currentIndex() != 1) return;
        m_gram->setGram(g);
        emit gramShown();
    });
    m_worker.relay(&LabWorker::failed, this, [this](const QString& m) { m_info->setText(m); }); // first
    connectWorker(m_worker);
    connect(this, &LabPage::runningChanged, this, [this](bool r) {
        m_runButton->setEnabled(!r);
        m_pauseButton->setEnabled(r);
        m_runButton->setText(m_last.iteration > 0 && !m_dirty ? tr("Continue") : tr("Run"));
    });
    m_worker.relay(&StyleWorker::saved, this, [this](const QString& p) {
        m_info->setText(tr("Saved %1").arg(QDir::toNativeSeparators(p)));
        emit message(tr("Saved %1").arg(p), false);
        emit saved(p);
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int t) {
        requestGram(t == 1 ? std::max(0, m_gramLayer->currentIndex()) : -1);
    });
    connect(m_gramLayer, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (m_tabs->currentIndex() == 1 && i >= 0) requestGram(i);
    });
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

// The dlcli line that repeats the current settings, from the options dlcli's style command declares.
QString StylePage::cliCommand() const
{
    const StyleRunConfig c = config();
    static const std::vector<dlcli::Command> commands = styleCommands();
    const dlcli::Command& style = *std::find_if(commands.begin(), commands.end(),
                                                [](const dlcli::Command& k) { return k.name == "style"; });
    auto num = [](double v) { return QString::number(v, 'g', 6).toStdString(); };
    return QString::fromStdString(dlcli::commandLine(
        style, {c.content.toStdString(), c.style.toStdString()},
        {{"out", "style.png"},
         {"size", std::to_string(c.size)},
         {"iterations", std::to_string(c.iterations)},
         {"alpha", num(c.settings.weights.alpha)},
         {"beta", num(c.settings.weights.beta)},
         {"content-layer", std::to_string(c.settings.weights.contentLayer)},
         {"style-layers", dl::styleLayersText(c.settings.weights.style)},
         {"init", dl::initName(c.settings.init)},
         {"noise", num(c.settings.noise)},
         {"seed", std::to_string(c.settings.seed)},
         {"optimizer", dl::optimizerName(c.settings.optimizer)},
         {"lr", num(c.settings.learningRate)}}));
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
    if (m_configured) m_worker.call([w](StyleWorker& sw) { sw.setWeights(w); }); // between iterations; recorded in the run
}

void StylePage::markDirty(const QString& why)
{
    if (m_filling) return;
    m_dirty = true;
    if (m_last.iteration > 0) m_info->setText(tr("%1: Run starts a new run.").arg(why));
    if (!isRunning()) m_runButton->setText(tr("Run"));
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
    if (m_contentPath.isEmpty() || m_stylePath.isEmpty() || isRunning()) return;
    m_dirty = false;
    m_configured = true;
    configureWorker();
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
        configureWorker();
    }
    m_info->setText(tr("Running…"));
    m_worker.start();
}

void StylePage::pause()
{
    m_worker.pause();
    m_info->setText(tr("Paused: change α, β, layers or the optimiser, then Continue."));
}

void StylePage::reset()
{
    if (m_contentPath.isEmpty() || m_stylePath.isEmpty()) return;
    m_dirty = false;
    m_configured = true;
    configureWorker();
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
        emit statusFields({tr("iteration %1/%2").arg(s.iteration).arg(s.iterations),
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
    requestGram(k);
}

void StylePage::saveImage(const QString& path)
{
    m_worker.call([path](StyleWorker& w) { w.saveImage(path); });
}
void StylePage::saveRun(const QString& path)
{
    m_worker.call([path](StyleWorker& w) { w.saveRun(path); });
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

void StylePage::configureWorker()
{
    m_worker.interrupt(); // a running iteration loop stops before the new run is set up
    m_worker.call([cfg = config()](StyleWorker& w) { w.configure(cfg); });
}

void StylePage::requestGram(int styleIndex)
{
    m_worker.call([styleIndex](StyleWorker& w) { w.requestGram(styleIndex); });
}

} // namespace lab
