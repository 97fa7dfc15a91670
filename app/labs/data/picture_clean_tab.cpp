// SPDX-License-Identifier: MIT
#include "app/labs/data/picture_clean_tab.h"

#include "widgets/file_dialogs.h"
#include "widgets/language.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace lab {

namespace {

QString kindTitle(dl::ImageProblemKind k)
{
    switch (k) {
    case dl::ImageProblemKind::Unreadable: return PictureCleanTab::tr("unreadable");
    case dl::ImageProblemKind::Truncated: return PictureCleanTab::tr("truncated");
    case dl::ImageProblemKind::WrongSize: return PictureCleanTab::tr("wrong size");
    case dl::ImageProblemKind::WrongMode: return PictureCleanTab::tr("wrong colour mode");
    case dl::ImageProblemKind::FewInClass: return PictureCleanTab::tr("few pictures in a class");
    case dl::ImageProblemKind::Duplicate: return PictureCleanTab::tr("duplicate");
    case dl::ImageProblemKind::NearDuplicate: return PictureCleanTab::tr("near duplicate");
    }
    return {};
}

QTableWidgetItem* cell(const QString& text)
{
    auto* i = new QTableWidgetItem(text);
    i->setFlags(i->flags() & ~Qt::ItemIsEditable);
    return i;
}

// The picture at `path` scaled to fit a 160-pixel square (nearest neighbour: small pictures stay sharp).
void showPicture(QLabel* label, const QString& path)
{
    QPixmap p(path);
    label->setPixmap(p.isNull() ? QPixmap() : p.scaled(160, 160, Qt::KeepAspectRatio, Qt::FastTransformation));
    if (p.isNull()) label->setText(path.isEmpty() ? QString() : PictureCleanTab::tr("(cannot be shown)"));
}

} // namespace

PictureCleanTab::PictureCleanTab(QWidget* parent) : QWidget(parent)
{
    m_open = new QPushButton(tr("Open picture folder…"));
    m_save = new QPushButton(tr("Save cleaned copy…"));
    m_cancel = new QPushButton(tr("Cancel"));
    m_save->setEnabled(false), m_cancel->setEnabled(false);
    m_folder = new QLabel(tr("Open a folder of pictures, one sub-folder a class."));
    m_size = new QLineEdit;
    m_size->setPlaceholderText(tr("most common")), m_size->setMaximumWidth(100);
    m_size->setToolTip(tr("The size the pictures should have, WxH (e.g. 28x28); empty: the most common one"));
    m_mode = new QComboBox;
    m_mode->addItem(tr("most common"), ""), m_mode->addItem(tr("grey"), "grey"), m_mode->addItem(tr("colour"), "colour");
    m_minPerClass = new QSpinBox;
    m_minPerClass->setRange(0, 100000), m_minPerClass->setValue(m_spec.minPerClass);
    m_nearBits = new QSpinBox;
    m_nearBits->setRange(0, 64), m_nearBits->setValue(m_spec.nearBits);
    m_nearBits->setToolTip(tr("Two pictures whose difference hashes (256 bits) differ in at most this many bits are near duplicates"));
    auto* top = new QHBoxLayout;
    top->addWidget(m_open), top->addWidget(m_folder, 1);
    for (auto [label, w] : std::initializer_list<std::pair<QString, QWidget*>>{
             {tr("size"), m_size}, {tr("mode"), m_mode}, {tr("at least a class"), m_minPerClass}, {tr("near: bits"), m_nearBits}})
        top->addWidget(new QLabel(label)), top->addWidget(w);
    top->addWidget(m_cancel), top->addWidget(m_save);

    m_kinds = new QTableWidget(dl::kImageProblemKinds, 3);
    markTranslatedItems(m_kinds); // the kinds of problem
    m_kinds->setHorizontalHeaderLabels({tr("problem"), tr("count"), tr("fix")});
    m_kinds->setObjectName("pictureKinds");
    for (int k = 0; k < dl::kImageProblemKinds; ++k) {
        const auto kind = dl::ImageProblemKind(k);
        m_kinds->setItem(k, 0, cell(kindTitle(kind)));
        m_kinds->setItem(k, 1, cell("0"));
        auto* fix = new QComboBox;
        if (kind == dl::ImageProblemKind::WrongSize) fix->addItem(tr("resize"), "resize");
        if (kind == dl::ImageProblemKind::WrongMode) fix->addItem(tr("convert"), "convert");
        const bool dropFirst = dl::ImageFixPlan().drop[k];
        fix->addItem(tr("drop"), "drop"), fix->addItem(tr("keep"), "keep");
        const QString fallback = fix->count() == 3 ? fix->itemData(0).toString() : QString("keep"); // resize, convert
        fix->setCurrentIndex(fix->findData(dropFirst ? QString("drop") : fallback));
        m_kinds->setCellWidget(k, 2, fix);
    }
    m_kinds->resizeColumnsToContents();
    m_kinds->setMinimumHeight(m_kinds->horizontalHeader()->height() + 7 * m_kinds->rowHeight(0) + 4);
    m_classes = new QLabel;
    m_classes->setWordWrap(true);
    m_problems = new QTableWidget(0, 4);
    markTranslatedItems(m_problems); // kinds and reasons; a file's name is no text the app translates
    m_problems->setHorizontalHeaderLabels({tr("problem"), tr("picture"), tr("like"), tr("why")});
    m_problems->horizontalHeader()->setStretchLastSection(true);
    m_problems->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_picture = new QLabel, m_other = new QLabel, m_why = new QLabel;
    m_picture->setMinimumSize(160, 160), m_other->setMinimumSize(160, 160), m_why->setWordWrap(true);
    auto* preview = new QGridLayout;
    preview->addWidget(m_picture, 0, 0), preview->addWidget(m_other, 0, 1), preview->addWidget(m_why, 1, 0, 1, 2);
    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->addWidget(m_kinds), leftLayout->addWidget(m_classes), leftLayout->addLayout(preview), leftLayout->addStretch(1);
    auto* split = new QSplitter;
    split->addWidget(left), split->addWidget(m_problems);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top), layout->addWidget(split, 1);

    connect(m_open, &QPushButton::clicked, this, [this] {
        const QString p = askFolder(this, tr("Open a picture folder"));
        if (!p.isEmpty()) openFolder(p);
    });
    connect(m_save, &QPushButton::clicked, this, [this] {
        const QString p = askFolder(this, tr("A new or empty folder for the cleaned copy"));
        if (!p.isEmpty()) saveCleaned(p);
    });
    connect(m_cancel, &QPushButton::clicked, this, &PictureCleanTab::cancel);
    connect(m_size, &QLineEdit::editingFinished, this, [this] { setSize(m_size->text()); });
    connect(m_mode, &QComboBox::activated, this, [this] {
        m_spec.mode = m_mode->currentData().toString().toStdString();
        reinspect();
    });
    connect(m_minPerClass, &QSpinBox::editingFinished, this, [this] {
        m_spec.minPerClass = m_minPerClass->value();
        reinspect();
    });
    connect(m_nearBits, &QSpinBox::editingFinished, this, [this] {
        m_spec.nearBits = m_nearBits->value();
        reinspect();
    });
    connect(m_problems, &QTableWidget::currentCellChanged, this, [this](int row) { showProblem(row); });
    m_worker.relay(&LabWorker::failed, this, [this](const QString& m) {
        m_cancel->setEnabled(false);
        emit message(m, true);
    });
    m_worker.relay(&LabWorker::busy, this, [this](const QString& m) {
        if (!m.isEmpty()) emit message(m, false);
    });
    m_worker.relay(&CleanWorker::folderInspected, this, [this](const FolderResult& r) {
        if (r.id == m_id) showResult(r);
    });
    m_worker.relay(&CleanWorker::folderSaved, this, [this](const QString& path, int n) {
        emit message(tr("Saved %n cleaned pictures to %1; the original folder is unchanged.", nullptr, n).arg(path), false);
        emit saved(n);
    });
}

void PictureCleanTab::openFolder(const QString& path)
{
    m_path = path;
    reinspect();
}

bool PictureCleanTab::setSize(const QString& wxh)
{
    const QString t = wxh.trimmed().toLower();
    int w = 0, h = 0;
    if (!t.isEmpty() && t != "auto") {
        const QStringList parts = t.split('x');
        bool okW = false, okH = false;
        if (parts.size() == 2) w = parts[0].toInt(&okW), h = parts[1].toInt(&okH);
        if (!okW || !okH || w < 1 || h < 1) {
            emit message(tr("The size is WxH in pixels, e.g. 28x28 (or empty for the most common one), not \"%1\".").arg(wxh), true);
            return false;
        }
    }
    m_spec.width = w, m_spec.height = h;
    reinspect();
    return true;
}

void PictureCleanTab::reinspect()
{
    if (m_path.isEmpty()) return;
    const long id = ++m_id;
    m_cancel->setEnabled(true);
    m_worker.interrupt(); // a newer request drops the one in progress
    m_worker.call([id, path = m_path, s = m_spec](CleanWorker& w) { w.inspectFolder(id, path, s); });
}

void PictureCleanTab::cancel()
{
    m_worker.interrupt();
    m_cancel->setEnabled(false);
}

void PictureCleanTab::showResult(const FolderResult& r)
{
    m_result = r, m_hasResult = true;
    m_cancel->setEnabled(false), m_save->setEnabled(true);
    const dl::ImageFolderReport& rep = r.report;
    m_folder->setText(QFileInfo(QString::fromStdString(rep.root)).fileName());
    m_folder->setToolTip(QString::fromStdString(rep.root));
    for (int k = 0; k < dl::kImageProblemKinds; ++k) m_kinds->item(k, 1)->setText(QString::number(rep.count(dl::ImageProblemKind(k))));
    QStringList classes;
    for (size_t c = 0; c < rep.classes.size(); ++c) classes << QString("%1 %2").arg(QString::fromStdString(rep.classes[c])).arg(rep.counts[c]);
    m_classes->setText(tr("Expected %1×%2, %3. Classes: %4").arg(rep.width).arg(rep.height)
                           .arg(rep.grey ? tr("grey") : tr("colour"), classes.join(" · ")));
    m_problems->setRowCount(int(rep.problems.size()));
    for (int i = 0; i < int(rep.problems.size()); ++i) {
        const dl::ImageProblem& p = rep.problems[size_t(i)];
        m_problems->setItem(i, 0, cell(kindTitle(p.kind)));
        m_problems->setItem(i, 1, cell(QString::fromStdString(p.file)));
        m_problems->setItem(i, 2, cell(QString::fromStdString(p.other)));
        m_problems->setItem(i, 3, cell(QString::fromStdString(p.why)));
    }
    m_problems->resizeColumnsToContents();
    int first = 0; // the first problem with a second picture to show beside it, else the first
    for (int i = int(rep.problems.size()) - 1; i >= 0; --i)
        if (!rep.problems[size_t(i)].other.empty()) first = i;
    if (!rep.problems.empty()) m_problems->setCurrentCell(first, 0);
    emit message(tr("%1: %n pictures, %2 problems (checked in %3 s).", nullptr, int(rep.images.size()))
                     .arg(m_folder->text()).arg(rep.problems.size()).arg(r.seconds, 0, 'f', 2),
                 false);
    emit inspected();
}

void PictureCleanTab::showProblem(int row)
{
    if (!m_hasResult || row < 0 || row >= int(m_result.report.problems.size())) return;
    const dl::ImageProblem& p = m_result.report.problems[size_t(row)];
    const QDir root(QString::fromStdString(m_result.report.root));
    const bool folder = p.kind == dl::ImageProblemKind::FewInClass;
    showPicture(m_picture, folder ? QString() : root.filePath(QString::fromStdString(p.file)));
    showPicture(m_other, p.other.empty() ? QString() : root.filePath(QString::fromStdString(p.other)));
    m_why->setText(QString::fromStdString(p.file) + ": " + QString::fromStdString(p.why));
}

dl::ImageFixPlan PictureCleanTab::plan() const
{
    dl::ImageFixPlan plan;
    for (int k = 0; k < dl::kImageProblemKinds; ++k) {
        const QString a = qobject_cast<QComboBox*>(m_kinds->cellWidget(k, 2))->currentData().toString();
        plan.drop[k] = a == "drop";
        if (k == int(dl::ImageProblemKind::WrongSize)) plan.resize = a == "resize";
        if (k == int(dl::ImageProblemKind::WrongMode)) plan.convert = a == "convert";
    }
    return plan;
}

bool PictureCleanTab::saveCleaned(const QString& out)
{
    if (!m_hasResult) return false;
    m_worker.call([plan = plan(), out](CleanWorker& w) { w.saveFolder(plan, out); });
    return true;
}

} // namespace lab
