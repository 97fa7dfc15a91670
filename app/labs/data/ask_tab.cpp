// SPDX-License-Identifier: MIT
#include "app/labs/data/ask_tab.h"

#include "widgets/core_texts.h"
#include "widgets/file_dialogs.h"

#include <QComboBox>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

namespace lab {

AskTab::AskTab(QWidget* parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    m_open = new QPushButton(tr("Open picture folder…"));
    m_classesEdit = new QLineEdit(tr("coat, sneaker, bag"));
    m_classesEdit->setToolTip(tr("The classes to sort the pictures into, separated by commas (2 to 9: the keys 1–9 answer)"));
    m_strategy = new QComboBox;
    for (dl::Strategy s : {dl::Strategy::Margin, dl::Strategy::LeastConfident, dl::Strategy::Entropy, dl::Strategy::Committee,
                           dl::Strategy::Random})
        m_strategy->addItem(coreText(dl::strategyName(s)), int(s));
    m_skip = new QPushButton(tr("Skip"));
    m_save = new QPushButton(tr("Save labels…"));
    m_skip->setEnabled(false), m_save->setEnabled(false);
    auto* top = new QHBoxLayout;
    top->addWidget(m_open), top->addWidget(new QLabel(tr("classes"))), top->addWidget(m_classesEdit, 1);
    top->addWidget(new QLabel(tr("ask by"))), top->addWidget(m_strategy), top->addWidget(m_skip), top->addWidget(m_save);
    auto* grid = new QGridLayout;
    for (int i = 0; i < kBatch; ++i) {
        auto* tile = new QLabel, *caption = new QLabel;
        tile->setFixedSize(132, 132), tile->setAlignment(Qt::AlignCenter), tile->setFrameShape(QFrame::Box);
        caption->setAlignment(Qt::AlignCenter), caption->setWordWrap(true);
        grid->addWidget(tile, (i / 4) * 2, i % 4), grid->addWidget(caption, (i / 4) * 2 + 1, i % 4);
        m_tiles.push_back(tile), m_captions.push_back(caption);
    }
    m_buttons = new QHBoxLayout;
    m_status = new QLabel(tr("Open a folder of pictures without labels, name the classes, and answer what the lab asks."));
    m_status->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top), layout->addLayout(grid), layout->addLayout(m_buttons), layout->addWidget(m_status), layout->addStretch(1);
    connect(m_open, &QPushButton::clicked, this, [this] {
        const QString p = askFolder(this, tr("A folder of pictures to label"));
        if (!p.isEmpty()) start(p, m_classesEdit->text(), dl::Strategy(m_strategy->currentData().toInt()));
    });
    connect(m_skip, &QPushButton::clicked, this, &AskTab::skip);
    connect(m_save, &QPushButton::clicked, this, [this] {
        const QString p = askSavePath(this, tr("Save the labels"), tr("CSV tables (*.csv)"), "csv");
        if (!p.isEmpty()) saveLabels(p);
    });
    m_worker.relay(&LabWorker::failed, this, [this](const QString& m) { emit message(m, true); });
    m_worker.relay(&LabWorker::busy, this, [this](const QString& m) {
        if (!m.isEmpty()) emit message(m, false);
    });
    m_worker.relay(&AskWorker::asked, this, &AskTab::showBatch);
    m_worker.relay(&AskWorker::saved, this, [this](const QString& path, int n) {
        emit message(tr("Saved %n labels to %1.", nullptr, n).arg(QFileInfo(path).fileName()), false);
    });
}

void AskTab::start(const QString& folder, const QString& classes, dl::Strategy strategy)
{
    QStringList names;
    for (const QString& c : classes.split(',')) names << c.trimmed();
    names.removeAll(QString());
    if (names.size() < 2 || names.size() > 9) {
        emit message(tr("Name 2 to 9 classes, separated by commas (e.g. coat, sneaker, bag)."), true);
        return;
    }
    m_classes = names;
    for (QPushButton* b : m_classButtons) delete b;
    m_classButtons.clear();
    for (int k = 0; k < names.size(); ++k) {
        auto* b = new QPushButton(QString("%1  %2").arg(k + 1).arg(names[k]));
        connect(b, &QPushButton::clicked, this, [this, k] { answerCurrent(k); });
        m_buttons->addWidget(b), m_classButtons.push_back(b);
    }
    m_worker.call([folder, names, strategy](AskWorker& w) { w.open(folder, names, strategy, kBatch); });
}

void AskTab::showBatch(const AskBatch& b)
{
    m_batch = b, m_answered = 0;
    m_current = b.items.empty() ? -1 : 0;
    for (int i = 0; i < kBatch; ++i) {
        const bool has = i < int(b.items.size());
        m_tiles[size_t(i)]->setPixmap(has ? QPixmap::fromImage(b.pictures[size_t(i)]).scaled(128, 128, Qt::KeepAspectRatio, Qt::FastTransformation) : QPixmap());
        QString caption;
        if (has) {
            caption = QFileInfo(b.files[i]).fileName();
            if (b.guesses[size_t(i)] >= 0) caption += "\n" + tr("the model says %1").arg(m_classes.value(b.guesses[size_t(i)]));
        }
        m_captions[size_t(i)]->setText(caption);
    }
    m_skip->setEnabled(m_current >= 0), m_save->setEnabled(true);
    m_status->setText(status());
    emit message(b.items.empty() ? tr("Every picture is labelled; save the labels.")
                                 : tr("Which class is the framed picture? Click it or press 1–%1 (space skips).").arg(m_classes.size()),
                 false);
    highlight();
    setFocus();
    emit asked();
}

QString AskTab::status() const
{
    QStringList counts;
    int total = 0;
    for (size_t k = 0; k < m_batch.perClass.size(); ++k) counts << QString("%1 %2").arg(m_classes.value(int(k))).arg(m_batch.perClass[k]), total += m_batch.perClass[k];
    QString s = tr("%1 of %2 pictures labelled (%3).").arg(total).arg(m_batch.pool).arg(counts.join(", "));
    if (m_batch.compared > 0) s += " " + tr("The model guessed %1 of your last %2 answers.").arg(m_batch.agreed).arg(m_batch.compared);
    if (m_batch.skipped > 0) s += " " + tr("%n files were no pictures.", nullptr, m_batch.skipped);
    if (m_batch.items.empty()) s += " " + tr("Every picture is labelled.");
    return s;
}

void AskTab::highlight()
{
    for (int i = 0; i < kBatch; ++i)
        m_tiles[size_t(i)]->setStyleSheet(i == m_current ? "border: 3px solid #2a7ae2;" : "border: 1px solid #bbb;");
}

bool AskTab::answerCurrent(int label)
{
    if (m_current < 0 || label < 0 || label >= m_classes.size()) return false;
    const int item = m_batch.items[size_t(m_current)];
    m_worker.call([item, label](AskWorker& w) { w.answer(item, label); });
    m_captions[size_t(m_current)]->setText(m_captions[size_t(m_current)]->text() + "\n→ " + m_classes[label]);
    ++m_answered;
    advance();
    return true;
}

void AskTab::skip()
{
    if (m_current >= 0) advance();
}

void AskTab::advance()
{
    ++m_current;
    if (m_current >= int(m_batch.items.size())) { // the batch is done: retrain, then the next one
        m_current = -1, m_skip->setEnabled(false);
        m_worker.call([](AskWorker& w) { w.next(kBatch); });
    }
    highlight();
}

bool AskTab::saveLabels(const QString& path)
{
    if (m_batch.pool == 0) return false;
    m_worker.call([path](AskWorker& w) { w.save(path); });
    return true;
}

void AskTab::keyPressEvent(QKeyEvent* e)
{
    const int k = e->key() - Qt::Key_1;
    if (k >= 0 && k < 9 && answerCurrent(k)) return;
    if (e->key() == Qt::Key_Space) return skip();
    QWidget::keyPressEvent(e);
}

} // namespace lab
