// SPDX-License-Identifier: MIT
#include "app/labs/data/transform_tab.h"

#include "core/data/clean_values.h"
#include "widgets/distribution_plot.h"
#include "widgets/language.h"
#include "widgets/picture_view.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace lab {

namespace {

// The column transformations by their names in the tab's language (dl::columnTransformName is the CLI's).
QString transformTitle(dl::ColumnTransform t)
{
    switch (t) {
    case dl::ColumnTransform::MinMax: return TransformTab::tr("min-max");
    case dl::ColumnTransform::ZScore: return TransformTab::tr("z-score");
    case dl::ColumnTransform::Log: return TransformTab::tr("log");
    }
    return {};
}

// A grey picture in [0, 1] (or any range: stretched to lo..hi) as an image.
QImage pictureImage(const dl::Picture& p, double lo = 0, double hi = 1)
{
    QImage img(p.width, p.height, QImage::Format_RGB32);
    const double span = hi > lo ? hi - lo : 1;
    for (int y = 0; y < p.height; ++y)
        for (int x = 0; x < p.width; ++x) {
            const size_t i = (size_t(y) * size_t(p.width) + size_t(x)) * size_t(p.channels);
            auto v = [&](size_t k) { return std::clamp(int(255 * (p.values[i + k] - lo) / span), 0, 255); };
            img.setPixel(x, y, p.channels >= 3 ? qRgb(v(0), v(1), v(2)) : qRgb(v(0), v(0), v(0)));
        }
    return img;
}

// A D × D matrix as a picture: blue for negative, white for 0, red for positive, scaled by its largest |value|.
QImage matrixImage(const std::vector<double>& m, int d)
{
    double top = 1e-12;
    for (double v : m) top = std::max(top, std::abs(v));
    QImage img(d, d, QImage::Format_RGB32);
    for (int r = 0; r < d; ++r)
        for (int c = 0; c < d; ++c) {
            const double v = m[size_t(r) * size_t(d) + size_t(c)] / top;
            const int fade = int(255 * (1 - std::min(1.0, std::abs(v))));
            img.setPixel(c, r, v >= 0 ? qRgb(255, fade, fade) : qRgb(fade, fade, 255));
        }
    return img;
}

QString stats(const std::vector<double>& v)
{
    if (v.empty()) return {};
    double mean = 0, sd = 0;
    for (double x : v) mean += x;
    mean /= double(v.size());
    for (double x : v) sd += (x - mean) * (x - mean);
    sd = std::sqrt(sd / double(v.size()));
    const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    return TransformTab::tr("min %1 · max %2 · mean %3 · sd %4")
        .arg(*lo, 0, 'g', 4).arg(*hi, 0, 'g', 4).arg(mean, 0, 'g', 4).arg(sd, 0, 'g', 4);
}

} // namespace

TransformTab::TransformTab(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildColumnPart());
    layout->addWidget(buildPicturePart(), 1);
    m_worker.relay(&LabWorker::failed, this, [this](const QString& m) {
        m_run->setEnabled(true);
        emit message(m, true);
    });
    m_worker.relay(&LabWorker::busy, this, [this](const QString& m) {
        if (!m.isEmpty()) emit message(m, false);
    });
    m_worker.relay(&CleanWorker::whitened, this, [this](const WhiteningShown& w) {
        if (w.id != m_id) return;
        m_whitening = w, m_hasWhitening = true;
        m_run->setEnabled(true);
        const int d = w.result.dims;
        m_covBefore->setImage(matrixImage(w.result.covarianceBefore, d));
        m_covAfter->setImage(matrixImage(w.result.covarianceAfter, d));
        int kept = 0;
        for (double l : w.result.eigenvalues) kept += l > 1e-12;
        m_whiteNote->setText(tr("%1 pictures of %2 values; %3 directions with variance (largest eigenvalue %4); %5 s.")
                                 .arg(w.result.count).arg(d).arg(kept).arg(w.result.eigenvalues.front(), 0, 'g', 3)
                                 .arg(w.seconds, 0, 'f', 2));
        m_index->setRange(0, int(w.pictures.size()) - 1);
        showPicture(m_index->value());
        emit message(tr("Whitened %n pictures.", nullptr, w.result.count), false);
        emit whitenedShown();
    });
    updatePicture();
}

QWidget* TransformTab::buildColumnPart()
{
    auto* box = new QGroupBox(tr("A column of the table open in \"Clean a table\""));
    m_column = new QComboBox, m_transform = new QComboBox;
    for (int t = 0; t < 3; ++t) m_transform->addItem(transformTitle(dl::ColumnTransform(t)), t);
    m_columnNote = new QLabel(tr("Open a table in \"Clean a table\" first."));
    m_statsBefore = new QLabel, m_statsAfter = new QLabel;
    auto* grid = new QGridLayout(box);
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("column"))), row->addWidget(m_column), row->addWidget(new QLabel(tr("transformation")));
    row->addWidget(m_transform), row->addWidget(m_columnNote, 1);
    grid->addLayout(row, 0, 0, 1, 2);
    m_plotBefore = new QVBoxLayout, m_plotAfter = new QVBoxLayout;
    grid->addLayout(m_plotBefore, 1, 0), grid->addLayout(m_plotAfter, 1, 1);
    grid->addWidget(m_statsBefore, 2, 0), grid->addWidget(m_statsAfter, 2, 1);
    connect(m_column, &QComboBox::activated, this, &TransformTab::updateColumn);
    connect(m_transform, &QComboBox::activated, this, &TransformTab::updateColumn);
    return box;
}

QWidget* TransformTab::buildPicturePart()
{
    auto* box = new QGroupBox(tr("Fashion-MNIST test pictures"));
    m_op = new QComboBox;
    markTranslatedItems(m_op);
    m_op->addItems({tr("resized to 14×14"), tr("centre 20×20 cropped"), tr("down-sampled ÷4"), tr("grey")});
    m_count = new QSpinBox;
    m_count->setRange(50, 10000), m_count->setValue(1000);
    m_factor = new QComboBox;
    m_factor->addItem(tr("28×28"), 1), m_factor->addItem(tr("14×14"), 2), m_factor->addItem(tr("7×7"), 4);
    m_kind = new QComboBox;
    m_kind->addItem(tr("ZCA"), int(dl::Whitening::ZCA)), m_kind->addItem(tr("PCA"), int(dl::Whitening::PCA));
    m_epsilon = new QDoubleSpinBox;
    m_epsilon->setDecimals(5), m_epsilon->setRange(0, 10), m_epsilon->setSingleStep(0.01), m_epsilon->setValue(0.01);
    m_epsilon->setToolTip(tr("ε added to each eigenvalue: small directions are not blown up (0: exact whitening)"));
    m_run = new QPushButton(tr("Whiten"));
    m_index = new QSpinBox;
    m_index->setRange(0, 63);
    m_whiteNote = new QLabel;
    auto* row = new QHBoxLayout;
    for (auto [label, w] : std::initializer_list<std::pair<QString, QWidget*>>{
             {tr("picture"), m_index}, {tr("change"), m_op}, {tr("whiten"), m_count}, {tr("pictures at"), m_factor},
             {tr("with"), m_kind}, {tr("ε"), m_epsilon}})
        row->addWidget(new QLabel(label)), row->addWidget(w);
    row->addWidget(m_run), row->addStretch(1);
    m_original = new PictureView(tr("original")), m_changed = new PictureView(tr("changed"));
    m_whitePicture = new PictureView(tr("whitening's input")), m_whitened = new PictureView(tr("whitened"));
    m_covBefore = new PictureView(tr("covariance before")), m_covAfter = new PictureView(tr("covariance after"));
    m_whitened->setEmptyText(tr("Press Whiten")), m_covBefore->setEmptyText(tr("Press Whiten")), m_covAfter->setEmptyText(tr("Press Whiten"));
    auto* views = new QHBoxLayout;
    for (PictureView* v : {m_original, m_changed, m_whitePicture, m_whitened, m_covBefore, m_covAfter}) views->addWidget(v);
    auto* layout = new QVBoxLayout(box);
    layout->addLayout(row), layout->addLayout(views, 1), layout->addWidget(m_whiteNote);
    connect(m_op, &QComboBox::activated, this, &TransformTab::updatePicture);
    connect(m_index, &QSpinBox::valueChanged, this, &TransformTab::showPicture);
    connect(m_run, &QPushButton::clicked, this, [this] {
        whiten(m_count->value(), m_factor->currentData().toInt(), dl::Whitening(m_kind->currentData().toInt()), m_epsilon->value());
    });
    return box;
}

void TransformTab::setTable(std::shared_ptr<const dl::Table> table, const std::vector<dl::ColumnSummary>& columns)
{
    const QString was = m_column->currentText();
    m_table = std::move(table);
    m_numeric.clear();
    m_column->clear();
    for (size_t c = 0; c < columns.size(); ++c)
        if (columns[c].type == dl::ColumnType::Integer || columns[c].type == dl::ColumnType::Float) {
            m_numeric.push_back(int(c));
            m_column->addItem(QString::fromStdString(columns[c].name));
        }
    if (m_column->findText(was) >= 0) m_column->setCurrentIndex(m_column->findText(was));
    updateColumn();
}

bool TransformTab::setColumn(const QString& name, const QString& transform)
{
    const int c = m_column->findText(name);
    const auto t = dl::columnTransformFromName(transform.toStdString());
    if (c < 0 || !t) return false;
    m_column->setCurrentIndex(c), m_transform->setCurrentIndex(int(*t));
    updateColumn();
    return true;
}

void TransformTab::updateColumn()
{
    m_before.clear();
    const int i = m_column->currentIndex();
    if (!m_table || i < 0) {
        m_columnNote->setText(m_table ? tr("The table has no numeric column.") : tr("Open a table in \"Clean a table\" first."));
        return;
    }
    const size_t col = size_t(m_numeric[size_t(i)]);
    for (const auto& row : m_table->rows) { // the values that are numbers; missing and broken ones left out
        double v = 0;
        if (row.size() == m_table->columns.size() && dl::parseNumber(row[col], v)) m_before.push_back(v);
    }
    m_after = dl::transformColumn(m_before, dl::ColumnTransform(m_transform->currentData().toInt()));
    m_columnNote->setText(tr("%n numbers. ", nullptr, int(m_before.size())) + QString::fromStdString(m_after.note));
    auto replot = [](QVBoxLayout* at, DistributionPlot*& plot, const QString& title, const std::vector<double>& v) {
        delete plot;
        const auto [lo, hi] = v.empty() ? std::pair{0.0, 1.0} : std::pair{*std::min_element(v.begin(), v.end()), *std::max_element(v.begin(), v.end())};
        plot = new DistributionPlot({title}, QString(), lo, hi > lo ? hi : lo + 1, 30);
        plot->setMinimumHeight(150);
        plot->setYLabel(TransformTab::tr("share of the values %"));
        plot->setSamples(0, v);
        at->addWidget(plot);
    };
    replot(m_plotBefore, m_distBefore, tr("before"), m_before);
    replot(m_plotAfter, m_distAfter, tr("after"), m_after.values);
    m_statsBefore->setText(stats(m_before)), m_statsAfter->setText(stats(m_after.values));
}

void TransformTab::setPictureOp(int op)
{
    m_op->setCurrentIndex(std::clamp(op, 0, 3));
    updatePicture();
}

void TransformTab::updatePicture()
{
    showPicture(m_index->value());
}

void TransformTab::whiten(int count, int factor, dl::Whitening kind, double epsilon)
{
    const long id = ++m_id;
    m_run->setEnabled(false);
    m_worker.call([=](CleanWorker& w) { w.whitenFashion(id, count, factor, kind, epsilon); });
}

void TransformTab::showPicture(int index)
{
    if (!m_hasWhitening || index < 0 || index >= int(m_whitening.pictures.size())) {
        m_original->setEmptyText(tr("Press Whiten to load the pictures"));
        return;
    }
    const dl::Picture& p = m_whitening.pictures[size_t(index)];
    m_original->setImage(pictureImage(p));
    const int op = m_op->currentIndex();
    const dl::Picture changed = op == 0   ? dl::resizePicture(p, std::max(1, p.width / 2), std::max(1, p.height / 2))
                                : op == 1 ? dl::cropPicture(p, p.width * 5 / 7, p.height * 5 / 7)
                                : op == 2 ? dl::downsamplePicture(p, std::min({4, p.width, p.height}))
                                          : dl::greyPicture(p);
    m_changed->setImage(pictureImage(changed));
    m_changed->setCaption(tr("%1 (%2×%3)").arg(m_op->currentText()).arg(changed.width).arg(changed.height));
    m_whitePicture->setImage(pictureImage(p));
    const int d = m_whitening.result.dims;
    dl::Picture w{p.width, p.height, 1, {}};
    double lo = 0, hi = 0;
    for (int k = 0; k < d; ++k) {
        const double v = m_whitening.result.whitened[size_t(index) * size_t(d) + size_t(k)];
        w.values.push_back(float(v)), lo = std::min(lo, v), hi = std::max(hi, v);
    }
    m_whitened->setImage(pictureImage(w, lo, hi));
    m_whitened->setCaption(m_whitening.kind == dl::Whitening::ZCA ? tr("ZCA-whitened") : tr("PCA coordinates (largest first), not a picture"));
}

} // namespace lab
