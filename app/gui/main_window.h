// SPDX-License-Identifier: MIT
// The main window: the lab sidebar, the Run/Pause/Step/Reset toolbar, File/Training/View menus and the
// status bar, all of them showing the lab on screen. It knows labs only through the LabPage contract
// (widgets/lab_page.h) and gets them from the registry (app/labs.h). Persists its layout with QSettings.
#pragma once
#include "widgets/lab_page.h"

#include <QHash>
#include <QMainWindow>
#include <vector>

class QAction;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace lab {

class CoursePanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
  public:
    explicit MainWindow(QWidget* parent = nullptr); // the registry's labs
    explicit MainWindow(std::vector<LabPage*> labs, QWidget* parent = nullptr);

    const QList<LabPage*>& labs() const { return m_labList; }
    LabPage* lab(const QString& id) const; // nullptr if no lab has this id
    template <typename Page>
    Page* lab() const
    {
        for (LabPage* p : m_labList)
            if (auto* page = qobject_cast<Page*>(p)) return page;
        return nullptr;
    }
    LabPage* currentLab() const;
    void showLab(int index); // in the sidebar's order
    void showLab(LabPage* page);
    bool openFile(const QString& path); // hands it to the first lab that reads it; false (+ message) if none
    QString statusMessage() const;
    QStringList statusFields() const; // the four fields on the right, as shown
    QAction* runAction() const { return m_run; }
    QAction* pauseAction() const { return m_pause; }
    QAction* stepAction() const { return m_step; }
    QAction* resetAction() const { return m_reset; }
    CoursePanel* coursePanel() const { return m_course; }
    void showMessage(const QString& text, bool error); // the status bar's sentence (errors in red)

  protected:
    void closeEvent(QCloseEvent* e) override;
    void changeEvent(QEvent* e) override;

  private:
    void addLab(LabPage* page);
    void buildToolbar();
    void buildMenus();
    void addLanguageMenu(QMenu* view);
    void updateActions();
    void labMessage(LabPage* page, const QString& text, bool error);
    void labFields(LabPage* page, const QStringList& fields);
    void displayMessage(const QString& text, bool error); // errors in red
    void setStatusFields(const QStringList& f);

    struct LabStatus {
        QString text;
        bool error = false;
        QStringList fields;
    };
    QList<LabPage*> m_labList;
    QHash<LabPage*, LabStatus> m_labStatus; // each lab's last status-bar message and fields
    QList<std::pair<QAction*, LabPage*>> m_labOnly; // toolbar actions shown only with their lab
    QListWidget* m_sidebar;
    QStackedWidget* m_pages;
    QToolBar* m_toolbar = nullptr;
    QAction* m_run;
    QAction* m_pause;
    QAction* m_step;
    QAction* m_reset;
    QList<QLabel*> m_fields;
    QLabel* m_msg;
    CoursePanel* m_course;
};

} // namespace lab
