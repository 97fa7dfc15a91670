// SPDX-License-Identifier: MIT
// Help ▸ "What am I looking at?": a side panel with the guide of the lab on screen, in the app's language.
// A guide is an HTML page written for this project from the course's content (docs/course/<lab id>.<language>.html,
// compiled into the app at :/course/): for each of the lab's views what is drawn, the formula it computes
// (HTML sub- and superscripts: QTextBrowser shows no MathML) and what to try. The panel knows no lab: it is
// given the lab's id, and follows a language switch.
#pragma once
#include <QDockWidget>

class QTextBrowser;

namespace lab {

class CoursePanel : public QDockWidget {
    Q_OBJECT
  public:
    explicit CoursePanel(QWidget* parent = nullptr);
    void showGuide(const QString& labId); // the guide in the current language, else the English one
    QString guidePath() const { return m_path; } // the resource shown ("" when the lab has no guide)
    QTextBrowser* browser() const { return m_browser; }
    static QString pathFor(const QString& labId, const QString& language); // "" when there is none

  protected:
    void changeEvent(QEvent* e) override;

  private:
    QTextBrowser* m_browser;
    QString m_lab, m_path;
};

} // namespace lab
