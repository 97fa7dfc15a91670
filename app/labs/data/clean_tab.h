// SPDX-License-Identifier: MIT
// The data lab's Clean tab (course chapter 12, data cleaning): a CSV table's columns with their inferred types
// and the rules the user sets (type, plausible range, pattern, categories), the problems by kind with a fix
// chosen for each, the table with its problem cells marked, every problem, and what the fixes change —
// recomputed on each edit by the worker; "Save cleaned copy…" writes a new file, the original is only read.
#pragma once
#include "app/labs/data/clean_worker.h"
#include "widgets/lab_thread.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace lab {

class CleanTab : public QWidget {
    Q_OBJECT
  public:
    explicit CleanTab(QWidget* parent = nullptr);

    void openTable(const QString& path);
    // A rule as text on a column ("range" "0:120", "pattern" "\d+", "categories" "a|b", "type" "integer"); what
    // the column table's cells take. False with a red message when the spec is not of that form.
    bool setRule(const QString& column, const QString& what, const QString& spec);
    void setFix(dl::ProblemKind kind, dl::FixAction action);
    bool saveCleaned(const QString& path); // false when there is nothing to save or it is the original

    const CleanResult* result() const { return m_hasResult ? &m_result : nullptr; }
    QTabWidget* views() const { return m_views; }

  signals:
    void message(const QString& text, bool error);
    void statusFields(const QStringList& fields);
    void inspected(); // a new result is shown

  private:
    void reinspect();
    void showResult(const CleanResult& r);
    void fillColumns();
    void fillKinds();
    void fillTable();
    void fillProblems();
    void fillChanges();
    void columnEdited(int row, int col);
    void chooseAndSave();

    LabThread<CleanWorker> m_worker{"data-clean"};
    dl::CleanOptions m_options;
    dl::FixPlan m_plan;
    CleanResult m_result;
    bool m_hasResult = false, m_filling = false;
    long m_id = 0;
    QString m_path;

    QPushButton *m_open, *m_save;
    QLabel* m_file;
    QDoubleSpinBox* m_z;
    QTableWidget *m_columns, *m_kinds, *m_table, *m_problems, *m_changes;
    QTabWidget* m_views;
};

} // namespace lab
