// SPDX-License-Identifier: MIT
// The data lab's "Clean pictures" tab (course chapter 12, data cleaning; core/data/image_check.h): an image
// folder's problems — unreadable, truncated, wrong size or mode, few in a class, duplicates and near
// duplicates (difference hash) — counted by kind with a fix for each, listed with the picture (and the one it
// repeats) beside; the cleaned copy is written to a new folder, the original only read.
#pragma once
#include "app/labs/data/clean_worker.h"
#include "widgets/lab_thread.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace lab {

class PictureCleanTab : public QWidget {
    Q_OBJECT
  public:
    explicit PictureCleanTab(QWidget* parent = nullptr);
    void openFolder(const QString& path);
    bool setSize(const QString& wxh); // "" or "auto": the most common; false with a red message
    bool saveCleaned(const QString& out);
    void cancel();
    const FolderResult* result() const { return m_hasResult ? &m_result : nullptr; }
    QTableWidget* problems() const { return m_problems; }
    void showProblem(int row); // the picture (and the one it repeats) beside the list

  signals:
    void message(const QString& text, bool error);
    void inspected();
    void saved(int pictures);

  private:
    void reinspect();
    void showResult(const FolderResult& r);
    dl::ImageFixPlan plan() const;

    LabThread<CleanWorker> m_worker{"data-pictures"};
    dl::ImageCheckSpec m_spec;
    FolderResult m_result;
    bool m_hasResult = false;
    long m_id = 0;
    QString m_path;
    QPushButton *m_open, *m_save, *m_cancel;
    QLabel *m_folder, *m_classes, *m_picture, *m_other, *m_why;
    QLineEdit* m_size;
    QComboBox* m_mode;
    QSpinBox *m_minPerClass, *m_nearBits;
    QTableWidget *m_kinds, *m_problems;
};

} // namespace lab
