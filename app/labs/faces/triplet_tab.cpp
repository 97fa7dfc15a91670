// SPDX-License-Identifier: MIT
#include "app/labs/faces/triplet_tab.h"

#include "core/util/error.h"
#include "widgets/loss_curve_view.h"
#include "widgets/scatter_view.h"
#include "widgets/series_plot.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>
#include <cmath>

namespace lab {

TripletTab::TripletTab(QWidget* parent) : QWidget(parent)
{
    auto* lay = new QHBoxLayout(this);
    lay->addWidget(buildControls());
    m_scatter = new ScatterView;
    m_scatter->setObjectName("tripletScatter");
    m_scatter->setEmptyText(tr("Press Run: the test images of every class appear here, placed by their encoding."));
    m_loss = new LossCurveView;
    m_loss->setStepCostOnly(tr("triplet loss of the batch"), tr("loss J"));
    m_epochPlot = new SeriesPlot({tr("one-shot on held-out classes"), tr("active triplets")},
                                 tr("epoch"), tr("%"));
    m_epochPlot->setYRange(0, 100);
    m_epochPlot->setToolTip(tr("Per epoch: one-shot accuracy on the held-out classes (epoch 0: untrained) and the "
                               "share of triplets with a loss above 0; dashed: chance"));
    auto* curves = new QSplitter(Qt::Vertical);
    curves->setMinimumWidth(380);
    curves->addWidget(m_loss);
    curves->addWidget(m_epochPlot);
    auto* views = new QSplitter(Qt::Horizontal);
    views->addWidget(m_scatter);
    views->addWidget(curves);
    views->setStretchFactor(0, 3), views->setStretchFactor(1, 2);
    lay->addWidget(views, 1);

    m_worker.relay(&TripletWorker::progressed, this, &TripletTab::onSnapshot);
    m_worker.relay(&TripletWorker::pairMeasured, this, [this](double acc, int pairs) {
        m_pair = acc;
        m_pairLabel->setText(tr("|f(xᵢ) − f(xⱼ)| classifier: %1 % of %2 held-out pairs right (chance 50 %)")
                                 .arg(acc * 100, 0, 'f', 1)
                                 .arg(pairs));
        m_pairButton->setEnabled(true);
        emit message(m_pairLabel->text(), false);
    });
    m_worker.relay(&LabWorker::runningChanged, this, [this](bool r) {
        m_running = r;
        m_run->setEnabled(!r), m_pause->setEnabled(r);
    });
    m_worker.relay(&LabWorker::failed, this, [this](const QString& m) {
        m_pairButton->setEnabled(true);
        emit message(m, true);
    });
    m_worker.relay(&LabWorker::info, this, [this](const QString& m) { emit message(m, false); });
    m_worker.relay(&LabWorker::busy, this, [this](const QString& m) {
        if (!m.isEmpty()) emit message(m, false);
    });
}

QWidget* TripletTab::buildControls()
{
    auto* box = new QWidget;
    box->setMaximumWidth(340);
    auto* v = new QVBoxLayout(box);
    auto* net = new QGroupBox(tr("Network and data"));
    net->setToolTip(tr("Run builds a new network when one of these changed; Reset always does."));
    auto* f = new QFormLayout(net);
    m_heldOut = new QLineEdit("7,8,9");
    m_heldOut->setObjectName("tripletHeldOut");
    m_heldOut->setToolTip(tr("Classes the network never trains on: one-shot accuracy is measured on them "
                             "(Fashion-MNIST: 7 sneaker, 8 bag, 9 ankle boot)."));
    m_perClass = new QSpinBox;
    m_perClass->setRange(0, 6000), m_perClass->setSingleStep(100);
    m_perClass->setSpecialValueText(tr("all"));
    m_perClass->setToolTip(tr("Training images per trained class (fewer: faster epochs)."));
    m_testPerClass = new QSpinBox;
    m_testPerClass->setRange(0, 6000), m_testPerClass->setSingleStep(100);
    m_testPerClass->setSpecialValueText(tr("all"));
    m_testPerClass->setToolTip(tr("Test images per held-out class the one-shot accuracy is measured on after "
                                  "each epoch (fewer: faster epochs, a noisier curve)."));
    m_dim = new QSpinBox;
    m_dim->setRange(2, 256), m_dim->setValue(32);
    m_dim->setToolTip(tr("Embedding size D: 2 is drawn as it is, more through PCA (the two directions of "
                         "largest variance)."));
    m_data = new QLabel(tr("Fashion-MNIST"));
    auto* folder = new QPushButton(tr("Folder…"));
    auto* fashion = new QPushButton(tr("Fashion"));
    fashion->setToolTip(tr("Back to Fashion-MNIST"));
    auto* dataRow = new QHBoxLayout;
    dataRow->addWidget(folder), dataRow->addWidget(fashion);
    f->addRow(tr("held-out classes"), m_heldOut);
    f->addRow(tr("images per class"), m_perClass);
    f->addRow(tr("one-shot test per class"), m_testPerClass);
    f->addRow(tr("embedding size D"), m_dim);
    f->addRow(tr("data"), m_data);
    f->addRow(QString(), dataRow);
    v->addWidget(net);

    auto* live = new QGroupBox(tr("Live"));
    auto* l = new QFormLayout(live);
    m_margin = new QSlider(Qt::Horizontal);
    m_margin->setObjectName("tripletMargin");
    m_margin->setRange(1, 100), m_margin->setValue(20); // α = value / 100
    m_marginLabel = new QLabel;
    m_mining = new QComboBox;
    m_mining->setObjectName("tripletMining");
    m_mining->addItem(tr("semi-hard"), int(dl::Mining::SemiHard));
    m_mining->addItem(tr("random"), int(dl::Mining::Random));
    m_mining->addItem(tr("hard"), int(dl::Mining::Hard));
    m_mining->setToolTip(tr("Which negative each anchor–positive pair gets within the batch: random; semi-hard, "
                            "the nearest farther than the positive (FaceNet); hard, the nearest of all."));
    m_lr = new QDoubleSpinBox;
    m_lr->setDecimals(5), m_lr->setRange(1e-5, 1.0), m_lr->setSingleStep(0.0005), m_lr->setValue(0.001);
    m_epochs = new QSpinBox;
    m_epochs->setRange(1, 100), m_epochs->setValue(5);
    l->addRow(m_marginLabel, m_margin);
    l->addRow(tr("triplets"), m_mining);
    l->addRow(tr("learning rate (Adam)"), m_lr);
    l->addRow(tr("epochs"), m_epochs);
    v->addWidget(live);

    auto* buttons = new QHBoxLayout;
    m_run = new QPushButton(tr("Run")), m_pause = new QPushButton(tr("Pause")), m_reset = new QPushButton(tr("Reset"));
    m_pause->setEnabled(false);
    for (QPushButton* b : {m_run, m_pause, m_reset}) buttons->addWidget(b);
    v->addLayout(buttons);
    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_summary->setObjectName("tripletSummary");
    v->addWidget(m_summary);
    m_pairButton = new QPushButton(tr("Train the |f(xᵢ) − f(xⱼ)| classifier"));
    m_pairButton->setToolTip(tr("The course's alternative to the triplet loss: a logistic unit on the absolute "
                                "difference of two encodings, trained on pairs of the trained classes, tested on "
                                "pairs of the held-out ones."));
    m_pairLabel = new QLabel;
    m_pairLabel->setWordWrap(true);
    v->addWidget(m_pairButton);
    v->addWidget(m_pairLabel);
    v->addStretch(1);

    for (QSpinBox* s : {m_perClass, m_testPerClass, m_dim}) connect(s, &QSpinBox::valueChanged, this, [this] { m_dirty = true; });
    connect(m_heldOut, &QLineEdit::textEdited, this, [this] { m_dirty = true; });
    connect(folder, &QPushButton::clicked, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("Images, one sub-folder per class"));
        if (!d.isEmpty()) setFolder(d);
    });
    connect(fashion, &QPushButton::clicked, this, [this] { setFolder(QString()); });
    // α applies when the slider is let go (one change, one marker on the curve); the label follows the drag.
    m_margin->setTracking(false);
    connect(m_margin, &QSlider::sliderMoved, this,
            [this](int a) { m_marginLabel->setText(tr("margin α = %1").arg(a / 100.0, 0, 'f', 2)); });
    connect(m_margin, &QSlider::valueChanged, this, [this](int a) {
        m_marginLabel->setText(tr("margin α = %1").arg(a / 100.0, 0, 'f', 2));
        m_worker.call([a](TripletWorker& w) { w.setMargin(float(a) / 100.f); });
    });
    connect(m_mining, &QComboBox::currentIndexChanged, this, [this] {
        const auto m = dl::Mining(m_mining->currentData().toInt());
        m_worker.call([m](TripletWorker& w) { w.setMining(m); });
    });
    connect(m_lr, &QDoubleSpinBox::valueChanged, this,
            [this](double lr) { m_worker.call([lr](TripletWorker& w) { w.setLearningRate(float(lr)); }); });
    connect(m_epochs, &QSpinBox::valueChanged, this,
            [this](int e) { m_worker.call([e](TripletWorker& w) { w.setMaxEpochs(e); }); });
    connect(m_run, &QPushButton::clicked, this, &TripletTab::run);
    connect(m_pause, &QPushButton::clicked, this, &TripletTab::pause);
    connect(m_reset, &QPushButton::clicked, this, &TripletTab::reset);
    connect(m_pairButton, &QPushButton::clicked, this, &TripletTab::measurePairClassifier);
    m_marginLabel->setText(tr("margin α = %1").arg(0.2, 0, 'f', 2));
    return box;
}

void TripletTab::setHeldOut(const QString& classes) { m_heldOut->setText(classes), m_dirty = true; }
void TripletTab::setPerClass(int images) { m_perClass->setValue(images); }
void TripletTab::setTestPerClass(int images) { m_testPerClass->setValue(images); }
void TripletTab::setDim(int dim) { m_dim->setValue(dim); }
void TripletTab::setMargin(double alpha) { m_margin->setValue(int(std::lround(alpha * 100))); }
void TripletTab::setEpochs(int epochs) { m_epochs->setValue(epochs); }

void TripletTab::setMining(dl::Mining m)
{
    m_mining->setCurrentIndex(m_mining->findData(int(m)));
}

void TripletTab::setFolder(const QString& dir)
{
    m_folder = dir;
    m_data->setText(dir.isEmpty() ? tr("Fashion-MNIST") : dir);
    m_dirty = true;
}

// A new network from the controls; the worker reads the images only when their source changed.
bool TripletTab::configure()
{
    TripletRunConfig c;
    try {
        c.setup.heldOut = dl::parseClassList(m_heldOut->text().toStdString());
    } catch (const dl::Error& e) {
        emit message(QString::fromUtf8(e.what()), true); // "write the held-out classes as numbers …"
        return false;
    }
    if (!m_folder.isEmpty()) {
        c.source.dataset = ("folder:" + m_folder).toStdString();
        c.source.channels = 3, c.source.size = 32;
    }
    c.setup.dim = m_dim->value();
    c.setup.perClass = m_perClass->value();
    c.setup.heldOutPerClass = m_testPerClass->value();
    c.setup.margin = float(m_margin->value()) / 100.f;
    c.setup.mining = dl::Mining(m_mining->currentData().toInt());
    c.hyper.lr = float(m_lr->value());
    c.maxEpochs = m_epochs->value();
    const long id = ++m_runId;
    m_worker.interrupt();
    m_worker.call([id, c](TripletWorker& w) { w.configure(id, c); });
    m_dirty = false;
    m_pair = -1;
    m_pairLabel->clear();
    m_loss->clear(), m_epochPlot->clear(), m_scatter->clear();
    m_epochsShown = 0;
    m_last = TripletSnapshot();
    m_summary->setText(tr("building the network…"));
    return true;
}

void TripletTab::run()
{
    if (m_dirty && !configure()) return;
    m_worker.start();
}

void TripletTab::pause() { m_worker.pause(); }

void TripletTab::reset() { configure(); }

void TripletTab::measurePairClassifier()
{
    if (m_dirty && !configure()) return;
    m_pairButton->setEnabled(false);
    m_pairLabel->setText(tr("training the classifier…"));
    m_worker.call([](TripletWorker& w) { w.measurePairClassifier(); });
}

void TripletTab::onSnapshot(const TripletSnapshot& s)
{
    if (s.runId != m_runId) return; // a network the user has replaced
    m_last.runId = s.runId, m_last.step = s.step, m_last.epoch = s.epoch;
    m_last.epochs = s.epochs;
    m_last.chance = s.chance, m_last.oneShotBefore = s.oneShotBefore;
    m_last.active = s.active, m_last.margin = s.margin;
    m_last.trainImages = s.trainImages, m_last.heldOutImages = s.heldOutImages;
    m_last.dim = s.dim, m_last.parameters = s.parameters;
    if (!s.costs.empty() || !s.markers.empty()) m_loss->append({s.step, s.costs, NAN, NAN, s.markers});
    if (m_epochsShown == 0 && s.trainImages > 0 && m_epochPlot->pointCount(0) == 0) {
        m_epochPlot->append(0, 0, 100.0 * s.oneShotBefore); // epoch 0: the untrained network
        m_epochPlot->setReference(100.0 * s.chance, tr("chance"));
        emit message(tr("The network is built: one-shot accuracy untrained %1 % (chance %2 %); press Run.")
                         .arg(s.oneShotBefore * 100, 0, 'f', 1)
                         .arg(s.chance * 100, 0, 'f', 1),
                     false);
    }
    for (; m_epochsShown < s.epochs.size(); ++m_epochsShown) {
        const TripletEpoch& e = s.epochs[m_epochsShown];
        m_epochPlot->append(0, double(e.epoch), 100.0 * e.oneShot);
        m_epochPlot->append(1, double(e.epoch), 100.0 * e.active);
        emit message(tr("Epoch %1: one-shot accuracy %2 %, %3 % of the triplets active, loss %4.")
                         .arg(e.epoch)
                         .arg(e.oneShot * 100, 0, 'f', 1)
                         .arg(e.active * 100, 0, 'f', 0)
                         .arg(e.loss, 0, 'f', 4),
                     false);
        emit epochDone(int(e.epoch));
    }
    if (s.scatter) {
        const TripletScatter& p = *s.scatter;
        m_last.scatter = p;
        m_scatter->setPoints(p.x, p.y, p.label, p.classNames, p.heldOut);
        m_scatter->setCaption(p.pca ? tr("PCA of the %1-D encodings: %2 % + %3 % of the variance; rings: held-out classes")
                                          .arg(s.dim)
                                          .arg(p.explained[0] * 100, 0, 'f', 0)
                                          .arg(p.explained[1] * 100, 0, 'f', 0)
                                    : tr("the 2-D encodings as they are (on the unit circle); rings: held-out classes"));
    }
    showSummary();
    emit progressed();
}

void TripletTab::showSummary()
{
    const TripletSnapshot& s = m_last;
    if (s.trainImages == 0) return;
    QString t = tr("%1 training images, %2 held-out test images, %3 parameters, D = %4.<br>"
                   "epoch %5, step %6, α = %7, active triplets in the last batch %8 %.")
                    .arg(s.trainImages)
                    .arg(s.heldOutImages)
                    .arg(s.parameters)
                    .arg(s.dim)
                    .arg(s.epoch)
                    .arg(s.step)
                    .arg(double(s.margin), 0, 'f', 2)
                    .arg(double(s.active) * 100, 0, 'f', 0);
    t += tr("<br>One-shot accuracy on the held-out classes: untrained %1 %").arg(s.oneShotBefore * 100, 0, 'f', 1);
    if (!s.epochs.empty())
        t += tr(", after epoch %1 %2 % (%3 s of training)")
                 .arg(s.epochs.back().epoch)
                 .arg(s.epochs.back().oneShot * 100, 0, 'f', 1)
                 .arg(s.epochs.back().seconds, 0, 'f', 1);
    t += tr("; chance %1 %.").arg(s.chance * 100, 0, 'f', 1);
    m_summary->setText(t);
}

} // namespace lab
