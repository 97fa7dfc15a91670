// SPDX-License-Identifier: MIT
#include "init_tab.h"

#include "core/data/synthetic.h"
#include "core/dynamics/init_study.h"
#include "core/layers/activation.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

namespace lab {

InitTab::InitTab(QWidget* parent)
    : QWidget(parent),
      m_runner(new StudyRunner("dynamics-init", [this](QString* error) { return factory(error); }))
{
    const dl::InitStudySpec defaults;
    auto* form = new QFormLayout;
    auto* net = new QHBoxLayout;
    m_depth = new QSpinBox;
    m_depth->setRange(1, 50), m_depth->setValue(defaults.depth);
    m_depth->setObjectName("initDepth");
    m_width = new QSpinBox;
    m_width->setRange(1, 512), m_width->setValue(defaults.width);
    m_width->setObjectName("initWidth");
    m_activation = new QComboBox;
    for (const char* a : {"relu", "tanh", "sigmoid", "leaky"}) m_activation->addItem(a);
    m_batchNorm = new QCheckBox(tr("batch norm"));
    m_batchNorm->setObjectName("initBatchNorm");
    m_batchNorm->setToolTip(tr("Normalise every hidden layer's pre-activations: the spreads stay level whatever "
                               "the initialisation (COURSE.md §5)."));
    net->addWidget(new QLabel(tr("hidden layers")));
    net->addWidget(m_depth);
    net->addWidget(new QLabel(tr("of")));
    net->addWidget(m_width);
    net->addWidget(new QLabel(tr("units")));
    net->addWidget(m_activation);
    net->addWidget(m_batchNorm);
    net->addStretch(1);
    form->addRow(tr("Network"), net);
    auto* inits = new QHBoxLayout;
    const QStringList names{tr("zeros"), tr("random ×0.01"), tr("Xavier"), tr("He"), tr("×10")};
    for (int i = 0; i < names.size(); ++i) { // dl::Init order: Zeros, Small, Xavier, He, Large
        auto* c = new QCheckBox(names[i]);
        c->setChecked(true);
        m_inits.push_back(c);
        inits->addWidget(c);
    }
    inits->addStretch(1);
    form->addRow(tr("Initialisations"), inits);
    auto* train = new QHBoxLayout;
    m_dataset = new QComboBox;
    for (const std::string& k : dl::syntheticKinds())
        m_dataset->addItem(QString::fromStdString(k), QString::fromStdString(k)); // the item's data: the name
    m_dataset->addItem(tr("Fashion-MNIST"), "fashion-mnist");
    m_dataset->setObjectName("initDataset");
    m_dataset->setToolTip(tr("A 2-D set of 300 points, or Fashion-MNIST's pixels (784 inputs, 10 classes)."));
    m_dataset->setCurrentIndex(m_dataset->findData(QString::fromStdString(defaults.dataset)));
    m_examples = new QSpinBox;
    m_examples->setRange(10, 10000), m_examples->setValue(defaults.examples);
    m_examples->setObjectName("initExamples");
    m_examples->setToolTip(tr("How many of Fashion-MNIST's test images to train on (all of them, every step's "
                              "batch drawn from them)."));
    m_examples->setEnabled(false);
    connect(m_dataset, &QComboBox::currentIndexChanged, this,
            [this] { m_examples->setEnabled(m_dataset->currentData().toString() == "fashion-mnist"); });
    m_steps = new QSpinBox;
    m_steps->setRange(0, 1000000), m_steps->setValue(int(defaults.steps));
    m_steps->setObjectName("initSteps");
    m_optimizer = new QComboBox;
    for (const char* o : {"gd", "momentum", "rmsprop", "adam"}) m_optimizer->addItem(o);
    m_lr = new QDoubleSpinBox;
    m_lr->setRange(1e-5, 10), m_lr->setDecimals(5), m_lr->setValue(defaults.hyper.lr);
    m_lr->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    train->addWidget(new QLabel(tr("data")));
    train->addWidget(m_dataset);
    train->addWidget(m_examples);
    train->addWidget(new QLabel(tr("images")));
    train->addWidget(new QLabel(tr("steps")));
    train->addWidget(m_steps);
    train->addWidget(m_optimizer);
    train->addWidget(new QLabel(tr("α")));
    train->addWidget(m_lr);
    train->addStretch(1);
    form->addRow(tr("Training (batch 64)"), train);
    auto* about = new QLabel(tr("The same network and data, one seed, each initialisation in turn. The plots: the "
                                "spread of every hidden layer's activations and weight gradients at step 0 (log "
                                "scale), both again after training (dashed: the one training now), and live, the "
                                "histograms of log₁₀|activation| and log₁₀|dL/dW| per layer of the one training now. "
                                "The table: each one's train accuracy after the training."));
    about->setWordWrap(true);
    form->addRow(about);
    m_runner->addControls(form);
    (new QVBoxLayout(this))->addWidget(m_runner);
    connect(m_runner->runButton(), &QPushButton::clicked, this, &InitTab::run);
    connect(m_runner, &StudyRunner::message, this, &InitTab::message);
}

void InitTab::setDepth(int depth) { m_depth->setValue(depth); }
void InitTab::setWidth(int width) { m_width->setValue(width); }
void InitTab::setSteps(int steps) { m_steps->setValue(steps); }
void InitTab::setDataset(const QString& name, int examples)
{
    m_dataset->setCurrentIndex(std::max(0, m_dataset->findData(name)));
    m_examples->setValue(examples);
}
void InitTab::setBatchNorm(bool on) { m_batchNorm->setChecked(on); }
void InitTab::setInitUsed(int init, bool on) { m_inits.at(size_t(init))->setChecked(on); }

void InitTab::run()
{
    m_runner->run(tr("Initialisation in depth"));
}

StudyWorker::Factory InitTab::factory(QString* error) const
{
    dl::InitStudySpec s;
    s.inits.clear();
    // Shown in the order of the course's story: zeros, ×0.01, ×10, then the two that work.
    for (dl::Init i : {dl::Init::Zeros, dl::Init::Small, dl::Init::Large, dl::Init::Xavier, dl::Init::He})
        if (m_inits[size_t(i)]->isChecked()) s.inits.push_back(i);
    if (s.inits.empty()) {
        *error = tr("Tick at least one initialisation.");
        return {};
    }
    s.depth = m_depth->value(), s.width = m_width->value(), s.steps = m_steps->value();
    s.dataset = m_dataset->currentData().toString().toStdString();
    s.examples = m_examples->value();
    s.activation = dl::parseAct(m_activation->currentText().toStdString());
    s.batchNorm = m_batchNorm->isChecked();
    s.hyper.opt.kind = dl::parseOpt(m_optimizer->currentText().toStdString());
    s.hyper.lr = float(m_lr->value());
    std::string inits;
    for (dl::Init i : s.inits) {
        if (!inits.empty()) inits += ',';
        inits += dl::initName(i);
    }
    std::vector<std::pair<std::string, std::string>> args{
        {"dataset", s.dataset}, {"depth", std::to_string(s.depth)}, {"width", std::to_string(s.width)},
        {"activation", m_activation->currentText().toStdString()}, {"inits", inits},
        {"steps", std::to_string(s.steps)}, {"optimizer", m_optimizer->currentText().toStdString()},
        {"lr", dl::exactNumber(m_lr->value())}, {"batch", std::to_string(s.hyper.batch)}};
    if (s.dataset == "fashion-mnist") args.emplace_back("examples", std::to_string(s.examples));
    if (s.batchNorm) args.emplace_back("batch-norm", "");
    m_runner->setRecipe("initstudy", args);
    return [s] { return std::make_unique<dl::InitStudy>(s); };
}

} // namespace lab
