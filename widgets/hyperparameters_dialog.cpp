// SPDX-License-Identifier: MIT
#include "widgets/hyperparameters_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace lab {

static QDoubleSpinBox* dspin(QWidget* p, double lo, double hi, int decimals, double step, const QString& tip)
{
    auto* s = new QDoubleSpinBox(p);
    s->setRange(lo, hi);
    s->setDecimals(decimals);
    s->setSingleStep(step);
    s->setToolTip(tip + QObject::tr("\nRange %1 … %2").arg(lo).arg(hi));
    return s;
}

HyperparametersDialog::HyperparametersDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Hyperparameters"));
    auto* top = new QVBoxLayout(this);

    auto* opt = new QGroupBox(tr("Optimisation (COURSE.md §4)"), this);
    auto* f1 = new QFormLayout(opt);
    m_lr = dspin(opt, 1e-6, 100, 6, 0.01, tr("Learning rate α: W := W − α·update"));
    f1->addRow(tr("Learning rate α"), m_lr);
    m_opt = new QComboBox(opt);
    for (dl::OptKind k : {dl::OptKind::GD, dl::OptKind::Momentum, dl::OptKind::RMSprop, dl::OptKind::Adam})
        m_opt->addItem(QString::fromUtf8(dl::optName(k)), int(k));
    m_opt->setToolTip(
        tr("gd: W −= α dW; momentum: v = βv + (1−β)dW; rmsprop: s = β₂s + (1−β₂)dW²;\n"
           "adam: v and s with bias correction v̂ = v/(1−β₁ᵗ), ŝ = s/(1−β₂ᵗ), W −= α v̂/(√ŝ + ε)"));
    f1->addRow(tr("Optimizer"), m_opt);
    m_beta = dspin(opt, 0, 0.9999, 4, 0.01, tr("Momentum β: v = β·v + (1−β)·dW (β = 0 is plain GD)"));
    f1->addRow(tr("Momentum β"), m_beta);
    m_beta1 = dspin(opt, 0, 0.9999, 4, 0.01, tr("Adam β₁: v = β₁·v + (1−β₁)·dW"));
    f1->addRow(tr("Adam β₁"), m_beta1);
    m_beta2 = dspin(opt, 0, 0.999999, 6, 0.001, tr("β₂ (Adam, RMSprop): s = β₂·s + (1−β₂)·dW²"));
    f1->addRow(tr("β₂"), m_beta2);
    m_eps = dspin(opt, 1e-12, 1, 12, 1e-8, tr("ε in W −= α·v/(√s + ε)"));
    f1->addRow(tr("ε"), m_eps);
    m_batch = new QSpinBox(opt);
    m_batch->setRange(0, 1000000);
    m_batch->setSpecialValueText(tr("full batch"));
    m_batch->setToolTip(tr("Mini-batch size (0 = full batch). One shuffle per epoch; last partial batch "
                           "kept.\nRange 0 … 1000000"));
    f1->addRow(tr("Batch size"), m_batch);
    m_decay = new QComboBox(opt);
    for (dl::Decay d : dl::decays())
        m_decay->addItem(QString::fromUtf8(dl::decayName(d)), int(d));
    m_decay->setToolTip(tr("inverse-time: α = α₀/(1 + rate·epoch)\nexponential: α = α₀·rate^epoch\n"
                           "step: α = α₀/(1 + rate·⌊epoch/interval⌋)\ninverse-sqrt: α = α₀·rate/√(epoch+1)\n"
                           "staircase: α = α₀·rate^⌊epoch/interval⌋"));
    f1->addRow(tr("Learning-rate decay"), m_decay);
    m_decayRate = dspin(opt, 0, 100, 4, 0.01, tr("Decay rate (the base for exponential decay, e.g. 0.95)"));
    f1->addRow(tr("Decay rate"), m_decayRate);
    m_decayInterval = new QSpinBox(opt);
    m_decayInterval->setRange(1, 10000000);
    m_decayInterval->setToolTip(tr("Epochs per stair of the step and staircase schedules\nRange 1 … 10000000"));
    f1->addRow(tr("Decay interval"), m_decayInterval);
    m_clipValue = dspin(opt, 0, 1e6, 3, 0.5, tr("Clip every gradient element to [−c, c] (0 = off)"));
    f1->addRow(tr("Clip by value"), m_clipValue);
    m_clipNorm =
        dspin(opt, 0, 1e6, 3, 0.5, tr("If ‖g‖₂ over all parameters > c, scale g by c/‖g‖ (0 = off)"));
    f1->addRow(tr("Clip by norm"), m_clipNorm);
    m_maxSteps = new QSpinBox(opt);
    m_maxSteps->setRange(0, 100000000);
    m_maxSteps->setSpecialValueText(tr("no limit"));
    m_maxSteps->setToolTip(tr("Pause automatically after this many iterations (0 = no limit)"));
    f1->addRow(tr("Stop after"), m_maxSteps);
    top->addWidget(opt);

    auto* reg = new QGroupBox(tr("Regularisation (COURSE.md §3)"), this);
    auto* f2 = new QFormLayout(reg);
    m_l2 = dspin(reg, 0, 100, 4, 0.05, tr("L2 λ: J += λ/(2m)·Σ‖W‖²_F, dW += (λ/m)·W"));
    f2->addRow(tr("L2 λ"), m_l2);
    m_keep = dspin(reg, 0.05, 1, 2, 0.05,
                   tr("Inverted dropout: D = rand < keep_prob, A = A·D/keep_prob; off at evaluation"));
    f2->addRow(tr("keep_prob"), m_keep);
    top->addWidget(reg);

    auto* net = new QGroupBox(tr("Network (applies at Reset)"), this);
    auto* f3 = new QFormLayout(net);
    m_hidden = new QLineEdit(net);
    m_hidden->setObjectName("hiddenEdit");
    m_hidden->setToolTip(
        tr("Hidden layer sizes: 4, or 4,3 for two layers; 0 for logistic regression. Each 1 … 4096"));
    f3->addRow(tr("Hidden layers"), m_hidden);
    m_act = new QComboBox(net);
    for (dl::Act a : {dl::Act::Tanh, dl::Act::ReLU, dl::Act::LeakyReLU, dl::Act::Sigmoid})
        m_act->addItem(QString::fromUtf8(dl::actCliName(a)), int(a));
    m_act->setToolTip(tr("A = g(Z): tanh; relu max(0, z); leaky max(0.01z, z); sigmoid 1/(1 + e^−z)"));
    f3->addRow(tr("Activation"), m_act);
    m_init = new QComboBox(net);
    for (dl::Init i : {dl::Init::Small, dl::Init::He, dl::Init::Xavier, dl::Init::Zeros, dl::Init::Large})
        m_init->addItem(QString::fromUtf8(dl::initName(i)), int(i));
    m_init->setToolTip(
        tr("random: randn·0.01; he: randn·√(2/n[l−1]); xavier: randn·√(1/n[l−1]); zeros; large: randn·10"));
    f3->addRow(tr("Initialisation"), m_init);
    m_bn = new QCheckBox(tr("Batch norm before each activation"), net);
    m_bn->setToolTip(tr("z_norm = (z − μ)/√(σ² + ε), z̃ = γ·z_norm + β; running averages at evaluation"));
    f3->addRow(m_bn);
    m_seed = new QSpinBox(net);
    m_seed->setRange(1, 1000000000);
    m_seed->setToolTip(tr("Seed of the initialisation, the shuffles and dropout"));
    f3->addRow(tr("Seed"), m_seed);
    top->addWidget(net);

    m_error = new QLabel(this);
    m_error->setStyleSheet("color: #b00020");
    m_error->setWordWrap(true);
    top->addWidget(m_error);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* defaults = buttons->addButton(tr("Reset to course defaults"), QDialogButtonBox::ResetRole);
    defaults->setObjectName("courseDefaults");
    connect(defaults, &QPushButton::clicked, this, &HyperparametersDialog::resetToCourseDefaults);
    connect(buttons, &QDialogButtonBox::accepted, this, &HyperparametersDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &HyperparametersDialog::reject);
    top->addWidget(buttons);
    setValues(dl::Hyperparams{}, dl::ModelSpec{}, 0, 1);
}

void HyperparametersDialog::setValues(const dl::Hyperparams& h, const dl::ModelSpec& net, long maxSteps,
                                      std::uint32_t seed)
{
    m_lr->setValue(h.lr);
    m_opt->setCurrentIndex(m_opt->findData(int(h.opt.kind)));
    m_beta->setValue(h.opt.beta);
    m_beta1->setValue(h.opt.beta1);
    m_beta2->setValue(h.opt.beta2);
    m_eps->setValue(h.opt.eps);
    m_batch->setValue(h.batch);
    m_l2->setValue(h.l2);
    m_keep->setValue(h.keepProb);
    m_decay->setCurrentIndex(m_decay->findData(int(h.decay.kind)));
    m_decayRate->setValue(h.decay.rate);
    m_decayInterval->setValue(h.decay.interval);
    m_clipValue->setValue(h.clipValue);
    m_clipNorm->setValue(h.clipNorm);
    m_hidden->setText(QString::fromStdString(dl::hiddenToString(net.hidden)));
    m_act->setCurrentIndex(m_act->findData(int(net.activation)));
    m_init->setCurrentIndex(m_init->findData(int(net.init)));
    m_bn->setChecked(net.batchNorm);
    m_maxSteps->setValue(int(maxSteps));
    m_seed->setValue(int(seed));
    m_error->clear();
}

void HyperparametersDialog::resetToCourseDefaults()
{
    // COURSE.md §2 planar lab and §4 defaults (β = 0.9, β₁ = 0.9, β₂ = 0.999, ε = 1e-8).
    setValues(dl::Hyperparams{}, dl::ModelSpec{}, 10000, 1);
}

dl::Hyperparams HyperparametersDialog::hyper() const
{
    dl::Hyperparams h;
    h.lr = float(m_lr->value());
    h.opt.kind = dl::OptKind(m_opt->currentData().toInt());
    h.opt.beta = float(m_beta->value());
    h.opt.beta1 = float(m_beta1->value());
    h.opt.beta2 = float(m_beta2->value());
    h.opt.eps = float(m_eps->value());
    h.batch = m_batch->value();
    h.l2 = float(m_l2->value());
    h.keepProb = float(m_keep->value());
    h.decay.kind = dl::Decay(m_decay->currentData().toInt());
    h.decay.rate = float(m_decayRate->value());
    h.decay.interval = m_decayInterval->value();
    h.clipValue = float(m_clipValue->value());
    h.clipNorm = float(m_clipNorm->value());
    return h;
}

dl::ModelSpec HyperparametersDialog::network() const
{
    dl::ModelSpec s;
    s.hidden = dl::parseHidden(m_hidden->text().toStdString());
    s.activation = dl::Act(m_act->currentData().toInt());
    s.init = dl::Init(m_init->currentData().toInt());
    s.batchNorm = m_bn->isChecked();
    s.keepProb = float(m_keep->value());
    return s;
}

long HyperparametersDialog::maxSteps() const
{
    return m_maxSteps->value();
}
std::uint32_t HyperparametersDialog::seed() const
{
    return std::uint32_t(m_seed->value());
}

void HyperparametersDialog::accept()
{
    try {
        dl::validate(hyper());
        network();
    } catch (const dl::Error& e) {
        m_error->setText(QString::fromUtf8(e.what()) + ".");
        return;
    }
    QDialog::accept();
}

} // namespace lab
