// SPDX-License-Identifier: MIT
#include "app/labs/playground/hyper_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSlider>
#include <QVBoxLayout>

namespace lab {

static const int kSpeeds[] = {1, 5, 20, 100, 500, 2000, 10000, 0}; // steps per second; 0 = unlimited

HyperPanel::HyperPanel(QWidget* parent) : QWidget(parent)
{
    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_lr = new QSlider(Qt::Horizontal, this);
    m_lr->setObjectName("learningRateSlider");
    m_lr->setRange(0, 500);
    m_lr->setToolTip(tr("Learning rate α on a log scale (10⁻⁴ … 10): W := W − α·dW.\nDrag it while training: "
                        "the curve bends at that moment."));
    m_lrLabel = new QLabel(this);
    m_lrLabel->setMinimumWidth(56);
    auto* lrRow = new QHBoxLayout;
    lrRow->addWidget(m_lr, 1);
    lrRow->addWidget(m_lrLabel);
    form->addRow(tr("Learning rate α"), lrRow);

    m_opt = new QComboBox(this);
    m_opt->addItem(tr("Gradient descent"), int(dl::OptKind::GD));
    m_opt->addItem(tr("Momentum"), int(dl::OptKind::Momentum));
    m_opt->addItem(tr("RMSprop"), int(dl::OptKind::RMSprop));
    m_opt->addItem(tr("Adam"), int(dl::OptKind::Adam));
    m_opt->setToolTip(tr(
        "GD: W −= α dW\nMomentum: v = βv + (1−β)dW; W −= αv\nRMSprop: s = β₂s + (1−β₂)dW²; W −= α dW/(√s+ε)\n"
        "Adam: both, bias-corrected v/(1−β₁ᵗ), s/(1−β₂ᵗ)"));
    form->addRow(tr("Optimizer"), m_opt);

    m_batch = new QComboBox(this);
    m_batch->addItem(tr("Full batch"), 0);
    for (int b : {1, 8, 16, 32, 64, 128, 256}) m_batch->addItem(QString::number(b), b);
    m_batch->setToolTip(
        tr("Mini-batch size: one shuffle per epoch, cut into batches; the last partial batch is kept"));
    form->addRow(tr("Batch size"), m_batch);

    m_l2 = new QDoubleSpinBox(this);
    m_l2->setRange(0, 100);
    m_l2->setDecimals(3);
    m_l2->setSingleStep(0.05);
    m_l2->setToolTip(tr("L2 regularisation λ: J += λ/(2m)·Σ‖W‖²,  dW += (λ/m)·W"));
    form->addRow(tr("L2 λ"), m_l2);

    m_keep = new QDoubleSpinBox(this);
    m_keep->setRange(0.05, 1);
    m_keep->setDecimals(2);
    m_keep->setSingleStep(0.05);
    m_keep->setToolTip(tr("Inverted dropout: D = rand < keep_prob, A = A·D/keep_prob (training only)"));
    form->addRow(tr("keep_prob"), m_keep);

    m_hidden = new QLineEdit(this);
    m_hidden->setObjectName("hiddenEdit");
    m_hidden->setToolTip(
        tr("Hidden layer sizes, e.g. 4 or 4,3; 0 for none (logistic regression). Applies at Reset."));
    form->addRow(tr("Hidden layers"), m_hidden);

    m_act = new QComboBox(this);
    for (dl::Act a : {dl::Act::Tanh, dl::Act::ReLU, dl::Act::LeakyReLU, dl::Act::Sigmoid})
        m_act->addItem(QString::fromUtf8(dl::actCliName(a)), int(a));
    m_act->setToolTip(
        tr("Hidden activation g(z): tanh, ReLU max(0,z), leaky max(0.01z,z), sigmoid 1/(1+e^−z)"));
    form->addRow(tr("Activation"), m_act);

    m_init = new QComboBox(this);
    m_init->addItem(tr("random × 0.01"), int(dl::Init::Small));
    m_init->addItem(tr("He √(2/n)"), int(dl::Init::He));
    m_init->addItem(tr("Xavier √(1/n)"), int(dl::Init::Xavier));
    m_init->addItem(tr("zeros"), int(dl::Init::Zeros));
    m_init->addItem(tr("large × 10"), int(dl::Init::Large));
    m_init->setToolTip(tr("Weight initialisation W = randn·scale (biases 0). Applies at Reset."));
    form->addRow(tr("Initialisation"), m_init);

    m_bn = new QCheckBox(tr("Batch norm"), this);
    m_bn->setToolTip(
        tr("z_norm = (z−μ)/√(σ²+ε), z̃ = γ·z_norm + β before each activation. Applies at Reset."));
    form->addRow(QString(), m_bn);

    m_speed = new QSlider(Qt::Horizontal, this);
    m_speed->setRange(0, int(std::size(kSpeeds)) - 1);
    m_speed->setValue(4);
    m_speed->setToolTip(tr("Training speed: iterations per second (rightmost: as fast as the CPU allows)"));
    m_speedLabel = new QLabel(this);
    auto* spRow = new QHBoxLayout;
    spRow->addWidget(m_speed, 1);
    spRow->addWidget(m_speedLabel);
    form->addRow(tr("Speed"), spRow);

    auto* more = new QPushButton(tr("All hyperparameters…"), this);
    form->addRow(more);
    connect(more, &QPushButton::clicked, this, &HyperPanel::moreRequested);

    // A drag is one change, applied and marked on the curve where it ends (issue 11): while the handle is
    // held only the label follows; the release (or a click, wheel or key step) applies the value.
    connect(m_lr, &QSlider::valueChanged, this, [this] {
        if (m_updating) return;
        m_hyper.lr = float(sliderToRate(m_lr->value()));
        updateLabels();
        if (!m_lr->isSliderDown()) emitHyper();
    });
    connect(m_lr, &QSlider::sliderReleased, this, [this] {
        if (m_updating) return;
        m_hyper.lr = float(sliderToRate(m_lr->value()));
        emitHyper();
    });
    connect(m_opt, &QComboBox::currentIndexChanged, this, [this] {
        m_hyper.opt.kind = dl::OptKind(m_opt->currentData().toInt());
        emitHyper();
    });
    connect(m_batch, &QComboBox::currentIndexChanged, this, [this] {
        m_hyper.batch = m_batch->currentData().toInt();
        emitHyper();
    });
    connect(m_l2, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        m_hyper.l2 = float(v);
        emitHyper();
    });
    connect(m_keep, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        m_hyper.keepProb = float(v);
        emitHyper();
    });
    connect(m_hidden, &QLineEdit::editingFinished, this, &HyperPanel::emitNetwork);
    connect(m_act, &QComboBox::currentIndexChanged, this, &HyperPanel::emitNetwork);
    connect(m_init, &QComboBox::currentIndexChanged, this, &HyperPanel::emitNetwork);
    connect(m_bn, &QCheckBox::toggled, this, &HyperPanel::emitNetwork);
    connect(m_speed, &QSlider::valueChanged, this, [this] {
        updateLabels();
        emit speedChanged(stepsPerSecond());
    });
    setHyper(m_hyper);
    setNetwork(m_net);
}

int HyperPanel::stepsPerSecond() const
{
    return kSpeeds[m_speed->value()];
}

void HyperPanel::updateLabels()
{
    m_lrLabel->setText(QString::number(m_hyper.lr, 'g', 3));
    const int s = stepsPerSecond();
    m_speedLabel->setText(s == 0 ? tr("max") : tr("%1/s").arg(s));
}

void HyperPanel::emitHyper()
{
    if (!m_updating) emit hyperChanged(m_hyper);
}

void HyperPanel::emitNetwork()
{
    if (m_updating) return;
    dl::ModelSpec s = m_net;
    try {
        s.hidden = dl::parseHidden(m_hidden->text().toStdString());
        m_hidden->setStyleSheet(QString());
    } catch (const dl::Error& e) {
        m_hidden->setStyleSheet("background: #ffd6d6");
        m_hidden->setToolTip(QString::fromUtf8(e.what()));
        return;
    }
    s.activation = dl::Act(m_act->currentData().toInt());
    s.init = dl::Init(m_init->currentData().toInt());
    s.batchNorm = m_bn->isChecked();
    if (s.hidden == m_net.hidden && s.activation == m_net.activation && s.init == m_net.init &&
        s.batchNorm == m_net.batchNorm)
        return;
    m_net = s;
    emit networkChanged(m_net);
}

void HyperPanel::setHyper(const dl::Hyperparams& h)
{
    m_updating = true;
    m_hyper = h;
    m_lr->setValue(rateToSlider(h.lr));
    m_opt->setCurrentIndex(m_opt->findData(int(h.opt.kind)));
    int bi = m_batch->findData(h.batch);
    if (bi < 0) {
        m_batch->addItem(QString::number(h.batch), h.batch);
        bi = m_batch->count() - 1;
    }
    m_batch->setCurrentIndex(bi);
    m_l2->setValue(h.l2);
    m_keep->setValue(h.keepProb);
    updateLabels();
    m_updating = false;
}

void HyperPanel::setNetwork(const dl::ModelSpec& s)
{
    m_updating = true;
    m_net = s;
    m_hidden->setText(QString::fromStdString(dl::hiddenToString(s.hidden)));
    m_act->setCurrentIndex(m_act->findData(int(s.activation)));
    m_init->setCurrentIndex(m_init->findData(int(s.init)));
    m_bn->setChecked(s.batchNorm);
    m_updating = false;
}

} // namespace lab
