// SPDX-License-Identifier: MIT
#include "regularisation_tab.h"

#include "core/data/synthetic.h"
#include "core/dynamics/regularisation.h"
#include "core/layers/registry.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>

#include <cmath>

namespace lab {

namespace {
// λ on a log slider: 10^(v/10) with v from −30 (0.001) to 10 (10); the course's 0.7 is v = −2 (0.63) … so the
// slider holds tenths of a decade and 0.7 is reached through setLambda's nearest step.
constexpr int kLambdaMin = -30, kLambdaMax = 10;
double lambdaOf(int v) { return std::pow(10.0, v / 10.0); }
} // namespace

RegularisationTab::RegularisationTab(QWidget* parent)
    : QWidget(parent), m_runner(new StudyRunner("dynamics-regularisation", [this](QString* error) -> StudyWorker::Factory {
          dl::RegularisationSpec s;
          s.dataset = m_dataset->currentText().toStdString();
          s.count = m_count->value();
          s.steps = m_steps->value();
          try {
              s.hidden = dl::parseHidden(m_hidden->text().toStdString());
          } catch (const std::exception& e) {
              *error = tr("Hidden units: %1").arg(QString::fromUtf8(e.what()));
              return {};
          }
          if (s.hidden.empty()) {
              *error = tr("Give the network at least one hidden layer, e.g. 40,40.");
              return {};
          }
          s.lambda = float(lambda()), s.keepProb = float(keepProb());
          m_runner->setRecipe("regularise", {{"dataset", s.dataset}, {"count", std::to_string(s.count)},
                                             {"hidden", m_hidden->text().toStdString()}, {"steps", std::to_string(s.steps)},
                                             {"l2", dl::exactNumber(lambda())}, {"keep-prob", dl::exactNumber(keepProb())}});
          return [s] { return std::make_unique<dl::RegularisationStudy>(s); };
      }))
{
    const dl::RegularisationSpec d;
    auto* row = new QHBoxLayout;
    m_dataset = new QComboBox;
    for (const std::string& k : dl::syntheticKinds()) m_dataset->addItem(QString::fromStdString(k));
    m_dataset->setCurrentText(QString::fromStdString(d.dataset));
    m_count = new QSpinBox;
    m_count->setRange(8, 2000), m_count->setValue(d.count);
    m_count->setToolTip(tr("Points in all, half of them held out as dev"));
    m_hidden = new QLineEdit("40,40");
    m_hidden->setMaximumWidth(90);
    m_steps = new QSpinBox;
    m_steps->setRange(1, 1000000), m_steps->setValue(int(d.steps)), m_steps->setObjectName("regSteps");
    m_lambda = new QSlider(Qt::Horizontal);
    m_lambda->setRange(kLambdaMin, kLambdaMax), m_lambda->setMinimumWidth(120);
    m_lambdaText = new QLabel;
    m_keep = new QSlider(Qt::Horizontal);
    m_keep->setRange(30, 100), m_keep->setMinimumWidth(120);
    m_keepText = new QLabel;
    for (auto [label, w] : std::initializer_list<std::pair<QString, QWidget*>>{
             {tr("data"), m_dataset}, {tr("points"), m_count}, {tr("hidden"), m_hidden}, {tr("steps"), m_steps},
             {tr("L2 λ"), m_lambda}}) {
        row->addWidget(new QLabel(label));
        row->addWidget(w);
    }
    row->addWidget(m_lambdaText);
    row->addWidget(new QLabel(tr("keep_prob")));
    row->addWidget(m_keep);
    row->addWidget(m_keepText);
    row->addStretch(1);
    connect(m_lambda, &QSlider::valueChanged, this, [this] { m_lambdaText->setText(QString::number(lambda(), 'g', 2)); });
    connect(m_keep, &QSlider::valueChanged, this, [this] { m_keepText->setText(QString::number(keepProb(), 'f', 2)); });
    setLambda(d.lambda);
    setKeepProb(d.keepProb);
    m_runner->addControls(row);
    (new QVBoxLayout(this))->addWidget(m_runner);
    connect(m_runner->runButton(), &QPushButton::clicked, this, &RegularisationTab::run);
    connect(m_runner, &StudyRunner::message, this, &RegularisationTab::message);
}

double RegularisationTab::lambda() const
{
    // the course's 0.7 sits between two steps: the slider's nearest value, shown exactly as used
    return m_lambda->value() == m_lambda->property("exactStep").toInt() ? m_lambda->property("exact").toDouble()
                                                                         : lambdaOf(m_lambda->value());
}

double RegularisationTab::keepProb() const
{
    return m_keep->value() / 100.0;
}

void RegularisationTab::setLambda(double lambda)
{
    const int v = std::clamp(int(std::lround(10 * std::log10(std::max(lambda, 1e-9)))), kLambdaMin, kLambdaMax);
    m_lambda->setProperty("exactStep", v);
    m_lambda->setProperty("exact", lambda);
    m_lambda->setValue(v);
    m_lambdaText->setText(QString::number(this->lambda(), 'g', 2));
}

void RegularisationTab::setKeepProb(double keepProb)
{
    m_keep->setValue(int(std::lround(100 * keepProb)));
    m_keepText->setText(QString::number(this->keepProb(), 'f', 2));
}

void RegularisationTab::setSteps(int steps) { m_steps->setValue(steps); }

void RegularisationTab::run()
{
    m_runner->run(tr("Regularisation"));
}

} // namespace lab
