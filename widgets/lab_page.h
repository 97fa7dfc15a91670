// SPDX-License-Identifier: MIT
// The one contract between the main window and a lab (docs/ADDING_A_LAB.md). The window lists the labs of
// the registry (app/labs.cpp), shows one at a time, and asks the lab shown for everything lab-specific: its
// name, which of Run/Pause/Step/Reset it has, its toolbar and menu items, its status-bar fields and
// messages, its settings, the files it opens, its screenshot recipe and its GUI benchmark. The window
// names no lab; a lab never reaches into another lab's folder (one lab hands another a result as a file).
#pragma once
#include <QCommandLineOption>
#include <QFlags>
#include <QIcon>
#include <QList>
#include <QStringList>
#include <QWidget>

#include "widgets/lab_thread.h"

#include <functional>
#include <optional>

class QAction;
class QCommandLineParser;
class QJsonObject;
class QMenu;
class QSettings;

namespace lab {

// The window's menus a lab adds its items to (after a separator of the window's).
struct LabMenus {
    QMenu* file = nullptr;     // opening, saving, exporting
    QMenu* training = nullptr; // after Run / Pause / Step / Reset
    QMenu* view = nullptr;
    std::function<QMenu*(const QString& title)> addMenu; // a menu of the lab's own, before View
};

// A screenshot or timing run from the command line (`dllab --lab ID --screenshot FILE ...`): the lab
// drives itself (the options it declared are set in `cli`), then calls grab() or finish().
class LabShot {
  public:
    LabShot(QWidget* window, QString out, QString dialog, std::function<void(int)> exit);
    const QString& out() const { return m_out; }       // the PNG to write (empty for a timing run)
    const QString& dialog() const { return m_dialog; } // --dialog: grab this dialog instead of the window
    QWidget* window() const { return m_window; }
    void grab(QWidget* widget = nullptr); // saves widget (default: the window) to out(), then exits 0 or 1
    void fail(const QString& why);        // "dllab: why" on stderr, exit 1
    void finish(int code);                // exit without a picture (timing runs print their own JSON)

  private:
    QWidget* m_window;
    QString m_out, m_dialog;
    std::function<void(int)> m_exit;
};

// `dllab --bench-gui ID` (app/bench_gui.cpp, bench/busy_machine.sh): how the lab trains at full speed, and
// the dlcli command that does the same work headless.
struct GuiBench {
    std::function<void()> start;                        // starts the lab's work at full speed
    std::function<double()> work;                       // work done so far (steps, images, iterations)
    QString unit;                                       // of work per second
    QStringList cli;                                    // dlcli arguments doing the same work
    std::function<double(const QJsonObject&)> cliRate;  // work per second from dlcli's JSON line
    std::function<double()> excluded = nullptr;         // seconds of lab work dlcli's figure leaves out
    int warmupMs = 2000;                                // before measuring (data and models load first)
};

class LabPage : public QWidget {
    Q_OBJECT
  public:
    enum Control { NoControls = 0, Run = 1, Pause = 2, Step = 4, Reset = 8 };
    Q_DECLARE_FLAGS(Controls, Control)

    // id: "playground" (--lab, settings, test and screenshot names); title: the sidebar's entry; summary:
    // its tooltip (what the lab shows, which course chapters); controls: which of Run / Pause / Step /
    // Reset on the window's toolbar drive it (those it lacks are greyed).
    LabPage(QString id, QString title, QString summary, Controls controls, QWidget* parent = nullptr);
    QString id() const { return m_id; }
    QString title() const { return m_title; }
    QString summary() const { return m_summary; }
    Controls controls() const { return m_controls; }
    virtual QIcon icon() const { return {}; }
    bool isRunning() const { return m_running; } // as its worker last said (connectWorker)

    virtual void run() {}
    virtual void pause() {}
    virtual void stepOnce() {}
    virtual void reset() {}

    virtual QList<QAction*> toolbarActions() { return {}; } // shown only while the lab is
    virtual void addMenuItems(const LabMenus& menus) { (void)menus; }
    virtual void saveSettings(QSettings& s) const { (void)s; }
    virtual void restoreSettings(const QSettings& s) { (void)s; }

    // File ▸ Open: the kinds of file this lab reads, as dialog filters ("Experiments (*.json)"); the window
    // hands a file to the first lab whose canOpen() takes it, shows that lab and calls open().
    virtual QStringList openFilters() const { return {}; }
    virtual bool canOpen(const QString& path) const; // default: the file's suffix is in openFilters()
    virtual void open(const QString& path) { (void)path; }

    // Its part of dllab's command line: the options it reads (prefixed with its id unless shared), what it
    // does with them at start (an error sentence, or empty), whether this command line asks the lab shown
    // at start for its screenshot recipe (default: --screenshot is set), and the recipe itself.
    virtual QList<QCommandLineOption> commandLineOptions() const { return {}; }
    virtual QString startWith(const QCommandLineParser& cli) { (void)cli; return {}; }
    virtual bool wantsShot(const QCommandLineParser& cli) const;
    virtual void shoot(const QCommandLineParser& cli, LabShot& shot); // default: run 1.5 s, grab
    virtual std::optional<GuiBench> guiBench() { return std::nullopt; }

  signals:
    void message(const QString& text, bool error); // the status bar's sentence (errors in red)
    void statusFields(const QStringList& fields);  // the status bar's right side: up to four fields
    void runningChanged(bool running);
    void raiseRequested(); // show me (a menu item of mine acts on something on my page)
    // Hand a file I wrote to the lab that reads it (the window's File ▸ Open path: the first lab whose
    // canOpen() takes it is shown and opens it), e.g. the best trial of a search as an experiment.
    void openRequested(const QString& path);

  protected:
    // The signals every worker has, wired once: running → isRunning() and runningChanged, failed → a red
    // message, info → a message, busy → a message while it lasts.
    template <typename Worker>
    void connectWorker(const LabThread<Worker>& t)
    {
        t.relay(&LabWorker::runningChanged, this, [this](bool r) {
            m_running = r;
            emit runningChanged(r);
        });
        t.relay(&LabWorker::failed, this, [this](const QString& m) { emit message(m, true); });
        t.relay(&LabWorker::info, this, [this](const QString& m) { emit message(m, false); });
        t.relay(&LabWorker::busy, this, [this](const QString& m) {
            if (!m.isEmpty()) emit message(m, false);
        });
    }

  private:
    QString m_id, m_title, m_summary;
    Controls m_controls;
    bool m_running = false;
};

// The suffixes ("json", "dlck") named in dialog filters like "Experiments (*.json);;Models (*.dlck)".
QStringList filterSuffixes(const QStringList& filters);

} // namespace lab

Q_DECLARE_OPERATORS_FOR_FLAGS(lab::LabPage::Controls)
