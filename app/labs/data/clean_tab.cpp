// SPDX-License-Identifier: MIT
#include "app/labs/data/clean_tab.h"

#include "widgets/file_dialogs.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace lab {

namespace {

constexpr int kShownRows = 2000;     // of the table view; the report and the saved copy cover every row
constexpr int kShownProblems = 5000; // of the problem and change lists
enum ColumnCol { CName, CType, CValues, CMissing, CDistinct, CStats, CRange, CPattern, CCategories, CCount };
const char* const kRuleOf[CCount] = {nullptr, "type", nullptr, nullptr, nullptr, nullptr, "range", "pattern", "categories"};

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

QTableWidgetItem* cell(const QString& text, bool editable = false)
{
    auto* i = new QTableWidgetItem(text);
    i->setFlags(editable ? i->flags() | Qt::ItemIsEditable : i->flags() & ~Qt::ItemIsEditable);
    return i;
}

QTableWidget* makeTable(const QStringList& headers)
{
    auto* t = new QTableWidget(0, int(headers.size()));
    t->setHorizontalHeaderLabels(headers);
    t->horizontalHeader()->setStretchLastSection(true);
    t->verticalHeader()->setDefaultSectionSize(22);
    return t;
}

// The tint of a cell with a problem of kind k (the kinds' colours in the problem table too).
QColor kindColor(dl::ProblemKind k)
{
    static const QColor c[dl::kProblemKinds] = {QColor(255, 236, 150), QColor(210, 210, 210), QColor(255, 170, 160),
                                                 QColor(255, 190, 120), QColor(180, 205, 255), QColor(225, 185, 255),
                                                 QColor(255, 200, 230), QColor(200, 235, 200)};
    return c[int(k)];
}

QString kindTitle(dl::ProblemKind k)
{
    switch (k) {
    case dl::ProblemKind::Missing: return CleanTab::tr("missing");
    case dl::ProblemKind::Malformed: return CleanTab::tr("malformed row");
    case dl::ProblemKind::Type: return CleanTab::tr("wrong type");
    case dl::ProblemKind::InvalidDate: return CleanTab::tr("invalid date");
    case dl::ProblemKind::OutOfRange: return CleanTab::tr("out of range");
    case dl::ProblemKind::Pattern: return CleanTab::tr("breaks the pattern");
    case dl::ProblemKind::Category: return CleanTab::tr("not an allowed category");
    case dl::ProblemKind::Duplicate: return CleanTab::tr("duplicate row");
    }
    return {};
}

QString actionTitle(dl::FixAction a)
{
    switch (a) {
    case dl::FixAction::Keep: return CleanTab::tr("keep");
    case dl::FixAction::Drop: return CleanTab::tr("drop the row");
    case dl::FixAction::Clip: return CleanTab::tr("clip into the range");
    case dl::FixAction::ImputeMean: return CleanTab::tr("the column's mean");
    case dl::FixAction::ImputeMedian: return CleanTab::tr("the column's median");
    case dl::FixAction::ImputeMode: return CleanTab::tr("the most frequent value");
    case dl::FixAction::Cast: return CleanTab::tr("cast to the type");
    }
    return {};
}

QString number(double v)
{
    return std::isfinite(v) ? QString::number(v, 'g', 5) : QString();
}

} // namespace

CleanTab::CleanTab(QWidget* parent) : QWidget(parent)
{
    m_open = new QPushButton(tr("Open table…"));
    m_save = new QPushButton(tr("Save cleaned copy…"));
    m_save->setEnabled(false);
    m_file = new QLabel(tr("Open a CSV table with a header line (any number of columns)."));
    m_z = new QDoubleSpinBox;
    m_z->setRange(0, 50), m_z->setDecimals(1), m_z->setSingleStep(0.5), m_z->setValue(m_options.zLimit);
    m_z->setToolTip(tr("Numbers whose modified z-score |0.6745 (x − median) / MAD| is above this are out of "
                       "range, unless the column has a range set (Iglewicz & Hoaglin 1993); 0: off"));
    auto* top = new QHBoxLayout;
    top->addWidget(m_open), top->addWidget(m_file, 1), top->addWidget(new QLabel(tr("robust z limit"))),
        top->addWidget(m_z), top->addWidget(m_save);

    m_columns = makeTable({tr("column"), tr("type"), tr("values"), tr("missing"), tr("distinct"),
                           tr("min · median · max"), tr("range (lo:hi)"), tr("pattern"), tr("categories (a|b)")});
    m_columns->setToolTip(tr("Double-click type, range, pattern or categories to set a rule; an empty range "
                             "uses the robust z-score"));
    m_kinds = makeTable({tr("problem"), tr("count"), tr("fix")});
    m_table = makeTable({});
    m_problems = makeTable({tr("row"), tr("line"), tr("column"), tr("value"), tr("why")});
    m_changes = makeTable({tr("row"), tr("line"), tr("column"), tr("before"), tr("after")});
    m_columns->setObjectName("cleanColumns"), m_kinds->setObjectName("cleanKinds"), m_table->setObjectName("cleanTable");
    m_problems->setObjectName("cleanProblems"), m_changes->setObjectName("cleanChanges");
    m_views = new QTabWidget;
    m_views->addTab(m_table, tr("Table"));
    m_views->addTab(m_problems, tr("Problems"));
    m_views->addTab(m_changes, tr("After the fixes"));

    auto* left = new QSplitter(Qt::Vertical);
    left->addWidget(m_columns), left->addWidget(m_kinds);
    auto* split = new QSplitter;
    split->addWidget(left), split->addWidget(m_views);
    split->setStretchFactor(0, 3), split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top), layout->addWidget(split, 1);

    connect(m_open, &QPushButton::clicked, this, [this] {
        const QString p = askOpenPath(this, tr("Open a table"), tr("CSV tables (*.csv *.tsv *.txt);;All files (*)"));
        if (!p.isEmpty()) openTable(p);
    });
    connect(m_save, &QPushButton::clicked, this, &CleanTab::chooseAndSave);
    connect(m_z, &QDoubleSpinBox::valueChanged, this, [this](double z) {
        m_options.zLimit = z;
        reinspect();
    });
    connect(m_columns, &QTableWidget::cellChanged, this, &CleanTab::columnEdited);
    connect(m_problems, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        const int dataRow = m_problems->item(row, 0)->text().toInt(), column = m_problems->item(row, 0)->data(Qt::UserRole).toInt();
        if (dataRow < 1 || dataRow > m_table->rowCount()) return;
        m_views->setCurrentWidget(m_table);
        m_table->setCurrentCell(dataRow - 1, std::max(column, 0));
    });
    m_worker.relay(&LabWorker::failed, this, [this](const QString& m) { emit message(m, true); });
    m_worker.relay(&LabWorker::busy, this, [this](const QString& m) {
        if (!m.isEmpty()) emit message(m, false);
    });
    m_worker.relay(&CleanWorker::inspected, this, [this](const CleanResult& r) {
        if (r.id == m_id) showResult(r);
    });
    m_worker.relay(&CleanWorker::saved, this, [this](const QString& path, int rows) {
        emit message(tr("Saved the cleaned copy, %n rows, to %1; the original is unchanged.", nullptr, rows)
                         .arg(QFileInfo(path).fileName()),
                     false);
    });
}

void CleanTab::openTable(const QString& path)
{
    m_path = path;
    m_options = dl::CleanOptions();
    m_options.zLimit = m_z->value();
    reinspect();
}

void CleanTab::reinspect()
{
    if (m_path.isEmpty()) return;
    const long id = ++m_id;
    m_worker.call([id, path = m_path, o = m_options, plan = m_plan](CleanWorker& w) { w.inspect(id, path, o, plan); });
}

bool CleanTab::setRule(const QString& column, const QString& what, const QString& spec)
{
    dl::CleanOptions next = m_options;
    try {
        dl::setRule(next, column.toStdString(), what.toStdString(), spec.trimmed().toStdString());
    } catch (const std::exception& e) {
        emit message(QString::fromUtf8(e.what()), true);
        return false;
    }
    m_options = next;
    reinspect();
    return true;
}

void CleanTab::setFix(dl::ProblemKind kind, dl::FixAction action)
{
    m_plan[kind] = action;
    reinspect();
}

void CleanTab::columnEdited(int row, int col)
{
    if (m_filling || !m_hasResult || col >= CCount || !kRuleOf[col]) return;
    const QString column = m_columns->item(row, CName)->text();
    if (!setRule(column, kRuleOf[col], m_columns->item(row, col)->text())) // back to the rule in force, once this
        QTimer::singleShot(0, this, [this] { fillColumns(); });          // edit's signal is over (it replaces the items)
}

void CleanTab::showResult(const CleanResult& r)
{
    m_result = r, m_hasResult = true;
    m_filling = true;
    m_file->setText(QFileInfo(r.path).fileName());
    m_file->setToolTip(r.path);
    fillColumns(), fillKinds(), fillProblems(), fillChanges(), fillTable();
    m_filling = false;
    m_save->setEnabled(true);
    const auto& rep = r.report;
    emit message(tr("%1: %n rows, %2 problems; the fixes drop %3 rows and change %4 values (checked in %5 s).", nullptr,
                    rep.rows)
                     .arg(QFileInfo(r.path).fileName())
                     .arg(rep.problems.size())
                     .arg(r.fix.dropped)
                     .arg(r.fix.changed)
                     .arg(r.seconds, 0, 'f', 2),
                 false);
    emit statusFields({tr("%n rows", nullptr, rep.rows), tr("%n columns", nullptr, int(rep.columns.size())),
                       tr("%n problems", nullptr, int(rep.problems.size())),
                       tr("%n rows after cleaning", nullptr, int(r.fix.cleaned.rows.size()))});
    emit inspected();
}

void CleanTab::fillColumns()
{
    const bool was = m_filling;
    m_filling = true;
    const auto& cols = m_result.report.columns;
    m_columns->setRowCount(int(cols.size()));
    for (int i = 0; i < int(cols.size()); ++i) {
        const dl::ColumnSummary& c = cols[size_t(i)];
        const dl::ColumnRule* rule = nullptr;
        for (const dl::ColumnRule& r : m_options.rules)
            if (r.column == c.name) rule = &r;
        const bool num = c.type == dl::ColumnType::Integer || c.type == dl::ColumnType::Float;
        QString range;
        if (rule && (rule->lo || rule->hi))
            range = (rule->lo ? number(*rule->lo) : QString()) + ":" + (rule->hi ? number(*rule->hi) : QString());
        QString cats;
        for (const std::string& s : rule ? rule->categories : std::vector<std::string>())
            cats += (cats.isEmpty() ? "" : "|") + qs(s);
        m_columns->setItem(i, CName, cell(qs(c.name)));
        m_columns->setItem(i, CType, cell(QString::fromLatin1(dl::columnTypeName(c.type)), true));
        m_columns->item(i, CType)->setToolTip(c.typeSet ? tr("set by you") : tr("inferred (80 % of the values)"));
        m_columns->setItem(i, CValues, cell(QString::number(c.values)));
        m_columns->setItem(i, CMissing, cell(QString::number(c.missing)));
        m_columns->setItem(i, CDistinct, cell(QString::number(c.distinct)));
        m_columns->setItem(i, CStats, cell(num ? number(c.min) + " · " + number(c.median) + " · " + number(c.max) : qs(c.mode)));
        auto* r = cell(range, true);
        if (range.isEmpty() && num && std::isfinite(c.lo)) r->setToolTip(tr("robust z: %1 to %2").arg(number(c.lo), number(c.hi)));
        m_columns->setItem(i, CRange, r);
        m_columns->setItem(i, CPattern, cell(rule ? qs(rule->pattern) : QString(), true));
        m_columns->setItem(i, CCategories, cell(cats, true));
    }
    m_columns->resizeColumnsToContents();
    m_filling = was;
}

void CleanTab::fillKinds()
{
    m_kinds->setRowCount(dl::kProblemKinds);
    for (int k = 0; k < dl::kProblemKinds; ++k) {
        const auto kind = dl::ProblemKind(k);
        auto* title = cell(kindTitle(kind));
        title->setBackground(kindColor(kind));
        m_kinds->setItem(k, 0, title);
        m_kinds->setItem(k, 1, cell(QString::number(m_result.report.count(kind))));
        auto* box = qobject_cast<QComboBox*>(m_kinds->cellWidget(k, 2));
        if (!box) {
            box = new QComboBox;
            for (dl::FixAction a : dl::fixActionsFor(kind)) box->addItem(actionTitle(a), int(a));
            connect(box, &QComboBox::activated, this, [this, box, kind](int i) {
                setFix(kind, dl::FixAction(box->itemData(i).toInt()));
            });
            m_kinds->setCellWidget(k, 2, box);
        }
        box->setCurrentIndex(box->findData(int(m_plan[kind])));
    }
    m_kinds->resizeColumnsToContents();
}

void CleanTab::fillTable()
{
    const dl::Table& t = *m_result.table;
    const int rows = std::min(int(t.rows.size()), kShownRows);
    m_table->clear();
    m_table->setColumnCount(t.width());
    m_table->setHorizontalHeaderLabels([&] {
        QStringList h;
        for (const std::string& c : t.columns) h << qs(c);
        return h;
    }());
    m_table->setRowCount(rows);
    QStringList lines;
    for (int i = 0; i < rows; ++i) {
        lines << QString::number(i + 1);
        const auto& row = t.rows[size_t(i)];
        for (int c = 0; c < t.width(); ++c)
            m_table->setItem(i, c, cell(c < int(row.size()) ? qs(row[size_t(c)]) : QString()));
    }
    m_table->setVerticalHeaderLabels(lines);
    for (const dl::Problem& p : m_result.report.problems) {
        if (p.row > rows) break;
        for (int c = p.column < 0 ? 0 : p.column; c < (p.column < 0 ? t.width() : p.column + 1); ++c) {
            QTableWidgetItem* it = m_table->item(p.row - 1, c);
            it->setBackground(kindColor(p.kind));
            it->setToolTip(kindTitle(p.kind) + ": " + qs(p.why));
        }
    }
}

void CleanTab::fillProblems()
{
    const auto& ps = m_result.report.problems;
    const int n = std::min(int(ps.size()), kShownProblems);
    m_problems->setRowCount(n);
    for (int i = 0; i < n; ++i) {
        const dl::Problem& p = ps[size_t(i)];
        auto* row = cell(QString::number(p.row));
        row->setData(Qt::UserRole, p.column);
        row->setBackground(kindColor(p.kind));
        m_problems->setItem(i, 0, row);
        m_problems->setItem(i, 1, cell(QString::number(p.line)));
        m_problems->setItem(i, 2, cell(p.column < 0 ? tr("(row)") : qs(m_result.table->columns[size_t(p.column)])));
        m_problems->setItem(i, 3, cell(qs(p.value)));
        m_problems->setItem(i, 4, cell(kindTitle(p.kind) + ": " + qs(p.why)));
    }
    m_problems->resizeColumnsToContents();
}

void CleanTab::fillChanges()
{
    const auto& cs = m_result.fix.changes;
    const int n = std::min(int(cs.size()), kShownProblems);
    m_changes->setRowCount(n);
    for (int i = 0; i < n; ++i) {
        const dl::FixChange& c = cs[size_t(i)];
        m_changes->setItem(i, 0, cell(QString::number(c.row)));
        m_changes->setItem(i, 1, cell(QString::number(c.line)));
        m_changes->setItem(i, 2, cell(c.column < 0 ? tr("(row)") : qs(m_result.table->columns[size_t(c.column)])));
        m_changes->setItem(i, 3, cell(qs(c.before)));
        auto* after = cell(c.dropped ? (c.why.empty() ? tr("row dropped (%1)").arg(kindTitle(c.kind)) : qs(c.why)) : qs(c.after));
        after->setBackground(c.dropped ? QColor(255, 205, 205) : QColor(205, 240, 205));
        m_changes->setItem(i, 4, after);
    }
    m_changes->resizeColumnsToContents();
}

bool CleanTab::saveCleaned(const QString& path)
{
    if (!m_hasResult || path.isEmpty()) return false;
    if (QFileInfo(path).canonicalFilePath() == QFileInfo(m_result.path).canonicalFilePath()) {
        emit message(tr("That is the table itself; the original is never changed, so choose a new file."), true);
        return false;
    }
    m_worker.call([path](CleanWorker& w) { w.save(path); });
    return true;
}

void CleanTab::chooseAndSave()
{
    const QString p = askSavePath(this, tr("Save the cleaned copy"), tr("CSV tables (*.csv)"), "csv");
    if (!p.isEmpty()) saveCleaned(p);
}

} // namespace lab
