// SPDX-License-Identifier: MIT
#include "app/labs/data/label_tab.h"

#include "core/data/image_set.h"
#include "core/label/label_study.h"
#include "widgets/study_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace lab {

namespace {

QString strategyTitle(dl::Strategy s)
{
    switch (s) {
    case dl::Strategy::Random: return LabelTab::tr("random");
    case dl::Strategy::LeastConfident: return LabelTab::tr("least confident");
    case dl::Strategy::Margin: return LabelTab::tr("margin");
    case dl::Strategy::Entropy: return LabelTab::tr("entropy");
    case dl::Strategy::Committee: return LabelTab::tr("committee");
    case dl::Strategy::SelfTraining: return LabelTab::tr("self-training");
    case dl::Strategy::Weak: return LabelTab::tr("weak rules");
    }
    return {};
}

QSpinBox* spin(int lo, int hi, int value, const QString& tip)
{
    auto* s = new QSpinBox;
    s->setRange(lo, hi), s->setValue(value), s->setToolTip(tip);
    return s;
}

} // namespace

LabelTab::LabelTab(QWidget* parent)
    : QWidget(parent), m_runner(new StudyRunner("data-label", [this](QString* error) { return makeStudy(error); }))
{
    auto* strategies = new QHBoxLayout;
    strategies->addWidget(new QLabel(tr("strategies")));
    for (dl::Strategy s : dl::allStrategies()) {
        auto* box = new QCheckBox(strategyTitle(s));
        box->setProperty("strategy", QString::fromLatin1(dl::strategyName(s)));
        box->setChecked(s == dl::Strategy::Random || s == dl::Strategy::Margin);
        m_strategies.push_back(box);
        strategies->addWidget(box);
    }
    strategies->addStretch(1);
    const dl::LabelSpec d;
    m_pool = spin(100, 60000, 5000, tr("Unlabelled images: a seeded sample of Fashion-MNIST's training set"));
    m_perClass = spin(1, 100, d.labelledPerClass, tr("The labelled seed: images a class"));
    m_rounds = spin(0, 100, d.rounds, tr("Rounds after the seed"));
    m_batch = spin(1, 5000, d.batch, tr("Labels bought a round"));
    m_seeds = spin(1, 10, 1, tr("Runs of each strategy (seeds 1, 2, …): the curves are their mean, the table their spread"));
    auto* budget = new QHBoxLayout;
    for (auto [label, w] : std::initializer_list<std::pair<QString, QWidget*>>{
             {tr("pool"), m_pool}, {tr("seed a class"), m_perClass}, {tr("rounds"), m_rounds}, {tr("labels a round"), m_batch},
             {tr("seeds"), m_seeds}})
        budget->addWidget(new QLabel(label)), budget->addWidget(w);
    m_threshold = new QSlider(Qt::Horizontal);
    m_threshold->setRange(30, 999), m_threshold->setValue(int(d.threshold * 1000)), m_threshold->setMinimumWidth(110);
    m_threshold->setToolTip(tr("Self-training: a prediction this confident joins the training set as a label"));
    m_thresholdText = new QLabel;
    budget->addWidget(new QLabel(tr("self-training threshold"))), budget->addWidget(m_threshold), budget->addWidget(m_thresholdText);
    budget->addStretch(1);
    m_annotators = spin(1, 9, 1, tr("Simulated annotators: each answers the hidden label, or a wrong one at its error rate"));
    m_error = new QSlider(Qt::Horizontal);
    m_error->setRange(0, 60), m_error->setValue(0), m_error->setMinimumWidth(110);
    m_errorText = new QLabel;
    m_vote = new QComboBox;
    m_vote->addItem(tr("one answer (taking turns)"), "single");
    m_vote->addItem(tr("all of them, the majority"), "majority");
    m_vote->addItem(tr("more only when the model disagrees"), "disagreement");
    auto* annot = new QHBoxLayout;
    annot->addWidget(new QLabel(tr("annotators"))), annot->addWidget(m_annotators);
    annot->addWidget(new QLabel(tr("error rate"))), annot->addWidget(m_error), annot->addWidget(m_errorText);
    annot->addWidget(new QLabel(tr("labels by"))), annot->addWidget(m_vote), annot->addStretch(1);
    m_rules = new QPlainTextEdit;
    m_rules->setMaximumHeight(110);
    m_rules->setToolTip(tr("Weak rules, one a line: CONDITION [and CONDITION …] -> CLASS; measures brightness, width, "
                           "height, aspect, region(x0,y0,x1,y1), model(CLASS)"));
    QFile rules(":/label/fashion-rules.txt");
    if (rules.open(QIODevice::ReadOnly)) m_rules->setPlainText(QString::fromUtf8(rules.readAll()));
    auto* controls = new QVBoxLayout;
    controls->addLayout(strategies), controls->addLayout(budget), controls->addLayout(annot);
    controls->addWidget(new QLabel(tr("weak rules (used when \"weak rules\" is ticked)"))), controls->addWidget(m_rules);
    connect(m_threshold, &QSlider::valueChanged, this, [this](int v) { m_thresholdText->setText(QString::number(v / 1000.0, 'f', 3)); });
    connect(m_error, &QSlider::valueChanged, this, [this](int v) { m_errorText->setText(QString("%1 %").arg(v)); });
    m_thresholdText->setText(QString::number(m_threshold->value() / 1000.0, 'f', 3));
    m_errorText->setText(QString("%1 %").arg(m_error->value()));
    m_runner->addControls(controls);
    (new QVBoxLayout(this))->addWidget(m_runner);
    connect(m_runner->runButton(), &QPushButton::clicked, this, &LabelTab::run);
    connect(m_runner, &StudyRunner::message, this, &LabelTab::message);
}

StudyWorker::Factory LabelTab::makeStudy(QString* error)
{
    dl::LabelStudySpec s;
    s.strategies.clear();
    std::string names;
    for (QCheckBox* b : m_strategies)
        if (b->isChecked()) {
            s.strategies.push_back(*dl::strategyFromName(b->property("strategy").toString().toStdString()));
            names += (names.empty() ? "" : ",") + b->property("strategy").toString().toStdString();
        }
    if (s.strategies.empty()) {
        *error = tr("Tick at least one strategy.");
        return {};
    }
    s.data.pool = m_pool->value(), s.data.test = 2000;
    s.seeds = m_seeds->value();
    dl::LabelSpec& b = s.base;
    b.labelledPerClass = m_perClass->value(), b.rounds = m_rounds->value(), b.batch = m_batch->value();
    b.threshold = m_threshold->value() / 1000.0;
    b.rules = m_rules->toPlainText().toStdString(), b.rulesName = tr("the rules").toStdString();
    b.annotators.errors.assign(size_t(m_annotators->value()), m_error->value() / 100.0);
    b.annotators.vote = *dl::voteFromName(m_vote->currentData().toString().toStdString());
    if (b.labelledPerClass * 10 > s.data.pool / 2) {
        *error = tr("The seed (%1 a class) must be at most half the pool; choose a larger pool or a smaller seed.").arg(b.labelledPerClass);
        return {};
    }
    if (std::find(s.strategies.begin(), s.strategies.end(), dl::Strategy::Weak) != s.strategies.end()) {
        try { // the rules' mistakes now, in one sentence, not from the worker
            dl::parseRules(b.rules, dl::fashionMnistClasses(), b.rulesName);
        } catch (const std::exception& e) {
            *error = QString::fromUtf8(e.what());
            return {};
        }
    }
    m_runner->setRecipe("labelstudy", {{"strategies", names}, {"pool", std::to_string(s.data.pool)}, {"test", "2000"},
                                       {"labelled-per-class", std::to_string(b.labelledPerClass)},
                                       {"rounds", std::to_string(b.rounds)}, {"batch", std::to_string(b.batch)},
                                       {"seeds", std::to_string(s.seeds)}});
    return [s] { return std::make_unique<dl::LabelStudy>(s); };
}

void LabelTab::run()
{
    m_runner->run(tr("Labelling strategies"));
}

void LabelTab::setStrategies(const QStringList& names)
{
    for (QCheckBox* b : m_strategies) b->setChecked(names.contains(b->property("strategy").toString()));
}

void LabelTab::setBudget(int pool, int perClass, int rounds, int batch, int seeds)
{
    m_pool->setValue(pool), m_perClass->setValue(perClass), m_rounds->setValue(rounds), m_batch->setValue(batch);
    m_seeds->setValue(seeds);
}

void LabelTab::setThreshold(double t)
{
    m_threshold->setValue(int(std::lround(t * 1000)));
}

void LabelTab::setAnnotators(int n, double error, const QString& vote)
{
    m_annotators->setValue(n), m_error->setValue(int(std::lround(error * 100)));
    m_vote->setCurrentIndex(std::max(0, m_vote->findData(vote)));
}

void LabelTab::setRules(const QString& text)
{
    m_rules->setPlainText(text);
}

} // namespace lab
