// SPDX-License-Identifier: MIT
// The main window: lab sidebar, Run/Pause/Step/Reset toolbar, File/Tools menus, status bar with iteration,
// cost and accuracies. Persists its layout and settings with QSettings.
#pragma once
#include "app/gui/detection_page.h"
#include "app/gui/images_page.h"
#include "app/gui/playground_page.h"
#include "app/gui/style_page.h"

#include <QHash>
#include <QMainWindow>

class QAction;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace lab {

class MainWindow : public QMainWindow {
    Q_OBJECT
  public:
    explicit MainWindow(QWidget* parent = nullptr);
    PlaygroundPage* playground() const { return m_playground; }
    ImagesPage* images() const { return m_images; }
    DetectionPage* detection() const { return m_detection; }
    StylePage* stylePage() const { return m_style; }
    void showLab(int index); // 0 Playground, 1 Images, 2 Detection, 3 Style
    QString statusMessage() const;
    QAction* runAction() const { return m_run; }
    QAction* pauseAction() const { return m_pause; }
    QAction* stepAction() const { return m_step; }
    QAction* resetAction() const { return m_reset; }
    void showMessage(const QString& text, bool error); // the status bar's sentence (errors in red)

  protected:
    void closeEvent(QCloseEvent* e) override;

  private:
    void buildMenus();
    void updateStatus(const Snapshot& s);
    void setStatusFields(const QStringList& f);
    bool imagesActive() const;
    bool playgroundActive() const;
    bool detectionActive() const;
    bool styleActive() const;
    void updateActions(bool running);
    QString askSave(const QString& title, const QString& filter, const QString& suffix);
    QString askOpen(const QString& title, const QString& filter);

    QListWidget* m_labs;
    QStackedWidget* m_pages;
    PlaygroundPage* m_playground;
    ImagesPage* m_images;
    DetectionPage* m_detection;
    StylePage* m_style;
    QList<std::pair<QAction*, QWidget*>> m_labOnly; // toolbar actions shown only with their lab
    struct LabStatus {
        QString text;
        bool error = false;
        QStringList fields;
    };
    QHash<QWidget*, LabStatus> m_labStatus; // each lab's last status-bar message and fields
    void labMessage(QWidget* page, const QString& text, bool error);
    void labFields(QWidget* page, const QStringList& fields);
    void displayMessage(const QString& text, bool error); // errors in red
    QAction* m_run;
    QAction* m_pause;
    QAction* m_step;
    QAction* m_reset;
    QLabel* m_iter;
    QLabel* m_cost;
    QLabel* m_trainAcc;
    QLabel* m_devAcc;
    QLabel* m_msg;
};

} // namespace lab
