// SPDX-License-Identifier: MIT
#include "app/labs/playground/data_panel.h"

#include "widgets/language.h"
#include "widgets/palette.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <random>

namespace lab {

DataPanel::DataPanel(QWidget* parent) : QWidget(parent)
{
    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_kind = new QComboBox(this);
    for (const auto& k : dl::syntheticKinds())
        m_kind->addItem(QString::fromStdString(k), QString::fromStdString(k));
    m_kind->setToolTip(
        tr("flower: the course's planar data (COURSE.md §2); moons: the optimisation lab's data"));
    form->addRow(tr("Dataset"), m_kind);

    m_noise = new QSlider(Qt::Horizontal, this);
    m_noise->setRange(0, 100);
    m_noiseLabel = new QLabel(this);
    auto* nr = new QHBoxLayout;
    nr->addWidget(m_noise, 1);
    nr->addWidget(m_noiseLabel);
    m_noise->setToolTip(tr("Standard deviation of the Gaussian noise added to the points"));
    form->addRow(tr("Noise"), nr);

    m_dev = new QSlider(Qt::Horizontal, this);
    m_dev->setRange(0, 90);
    m_devLabel = new QLabel(this);
    auto* dr = new QHBoxLayout;
    dr->addWidget(m_dev, 1);
    dr->addWidget(m_devLabel);
    m_dev->setToolTip(tr("Share of the points held out as the dev set (hollow points)"));
    form->addRow(tr("Dev share"), dr);

    m_classes = new QSpinBox(this);
    m_classes->setRange(2, 6);
    m_classes->setToolTip(tr("Number of classes (spiral and blobs); more than two uses softmax"));
    form->addRow(tr("Classes"), m_classes);

    auto* regen = new QPushButton(tr("Regenerate"), this);
    regen->setToolTip(tr("New random points from the same recipe (a new seed)"));
    form->addRow(regen);

    m_addClass = new QComboBox(this);
    markTranslatedItems(m_addClass);
    m_addClass->setToolTip(tr("Class of the points that a left click on the plane adds"));
    form->addRow(tr("Click adds"), m_addClass);
    setClassCount(2);

    auto* csvRow = new QHBoxLayout;
    auto* load = new QPushButton(tr("Load CSV…"), this);
    load->setToolTip(tr("Your own points: rows of x,y,label"));
    auto* save = new QPushButton(tr("Save CSV…"), this);
    csvRow->addWidget(load);
    csvRow->addWidget(save);
    form->addRow(csvRow);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updating) return;
        m_spec.kind = m_kind->currentData().toString().toStdString();
        m_spec.noise = -1.f; // the kind's default
        m_updating = true;
        m_noise->setValue(int(std::lround(dl::defaultNoise(m_spec.kind) * 100)));
        m_updating = false;
        changed();
    });
    connect(m_noise, &QSlider::valueChanged, this, [this](int v) {
        m_noiseLabel->setText(QString::number(v / 100.0, 'f', 2));
        if (m_updating) return;
        m_spec.noise = float(v / 100.0);
        changed();
    });
    connect(m_dev, &QSlider::valueChanged, this, [this](int v) {
        m_devLabel->setText(tr("%1 %").arg(v));
        if (m_updating) return;
        m_spec.devRatio = float(v / 100.0);
        changed();
    });
    connect(m_classes, &QSpinBox::valueChanged, this, [this](int v) {
        if (m_updating) return;
        m_spec.classes = v;
        changed();
    });
    connect(regen, &QPushButton::clicked, this, [this] {
        m_spec.seed = std::random_device{}() % 100000 + 1;
        changed();
    });
    connect(load, &QPushButton::clicked, this, &DataPanel::loadCsvRequested);
    connect(save, &QPushButton::clicked, this, &DataPanel::saveCsvRequested);
    setSpec(m_spec);
}

void DataPanel::changed()
{
    const bool multi = m_spec.kind == "spiral" || m_spec.kind == "blobs";
    m_classes->setEnabled(multi);
    if (!m_updating) emit specChanged(m_spec);
}

void DataPanel::setSpec(const dl::DatasetSpec& s, const QString& source)
{
    m_updating = true;
    m_spec = s;
    int i = m_kind->findData(QString::fromStdString(s.kind));
    if (source != "synthetic") {
        const QString label = tr("CSV: %1").arg(source);
        if (m_kind->findData("csv") < 0) m_kind->addItem(label, "csv");
        m_kind->setItemText(m_kind->findData("csv"), label);
        i = m_kind->findData("csv");
    }
    m_kind->setCurrentIndex(std::max(0, i));
    const float noise = s.noise >= 0 ? s.noise : dl::defaultNoise(s.kind);
    m_noise->setValue(int(std::lround(noise * 100)));
    m_noiseLabel->setText(QString::number(noise, 'f', 2));
    m_dev->setValue(int(std::lround(s.devRatio * 100)));
    m_devLabel->setText(tr("%1 %").arg(m_dev->value()));
    m_classes->setValue(s.classes);
    m_classes->setEnabled(s.kind == "spiral" || s.kind == "blobs");
    m_updating = false;
}

int DataPanel::classToAdd() const
{
    return std::max(0, m_addClass->currentIndex());
}

void DataPanel::setClassCount(int k)
{
    if (m_addClass->count() == k) return;
    const int keep = m_addClass->currentIndex();
    m_addClass->clear();
    for (int c = 0; c < k; ++c) {
        QPixmap pm(12, 12);
        pm.fill(classColor(c));
        m_addClass->addItem(QIcon(pm), tr("class %1").arg(c));
    }
    m_addClass->setCurrentIndex(std::clamp(keep, 0, k - 1));
}

} // namespace lab
