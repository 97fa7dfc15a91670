// SPDX-License-Identifier: MIT
// The data lab (issue 16; course chapter 12, the notes on data cleaning and labelling): Clean (clean_tab.h) —
// a table's problems found, fixed and saved as a new file; Label (label_tab.h) — labelling strategies side by
// side with simulated annotators.
#pragma once
#include "widgets/lab_page.h"

class QTabWidget;

namespace lab {

class CleanTab;
class LabelTab;
class PictureCleanTab;
class TransformTab;
class AskTab;

class DataPage : public LabPage {
    Q_OBJECT
  public:
    explicit DataPage(QWidget* parent = nullptr);
    CleanTab* cleanTab() const { return m_clean; }
    LabelTab* labelTab() const { return m_label; }
    PictureCleanTab* pictureTab() const { return m_pictures; }
    TransformTab* transformTab() const { return m_transform; }
    AskTab* askTab() const { return m_ask; }

    QList<QCommandLineOption> commandLineOptions() const override;
    QString startWith(const QCommandLineParser& cli) override;
    void shoot(const QCommandLineParser& cli, LabShot& shot) override;

  private:
    QTabWidget* m_tabs;
    CleanTab* m_clean;
    LabelTab* m_label;
    PictureCleanTab* m_pictures;
    TransformTab* m_transform;
    AskTab* m_ask;
};

} // namespace lab
