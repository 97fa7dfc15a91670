// SPDX-License-Identifier: MIT
// A study tab's working part, the same in every lab: the study's own lab thread (widgets/study_worker.h),
// Run and Cancel, and the report as it grows in a StudyView. The owner adds its controls (addControls) and
// says how to build the study from them (a factory maker: an empty factory with the sentence why, e.g. "Tick
// at least one cell"). A newer run drops the one before; Cancel stops within one piece. Knows no lab.
#pragma once
#include "widgets/lab_thread.h"
#include "core/train/comparison.h"
#include "widgets/study_worker.h"

#include <QWidget>
#include <functional>

class QPushButton;
class QVBoxLayout;

namespace lab {

class StudyView;

class StudyRunner : public QWidget {
    Q_OBJECT
  public:
    using MakeFactory = std::function<StudyWorker::Factory(QString* error)>;
    StudyRunner(const char* threadName, MakeFactory make, QWidget* parent = nullptr);
    void addControls(QLayout* controls); // above the Run row, in the order added
    void run(const QString& title);      // builds the study (a bad setting: one sentence) and starts it
    void cancel();
    bool isRunning() const { return m_running; }
    StudyView* view() const { return m_view; }
    const StudySnapshot& last() const { return m_last; }
    QPushButton* runButton() const { return m_run; }
    // The dlcli subcommand and options that run the same study (the owner sets them as it builds the study):
    // with a finished run, the comparison a file saves and `dlcli replay` checks.
    void setRecipe(const std::string& command, std::vector<std::pair<std::string, std::string>> args);
    bool comparison(dl::Comparison& out, QString* why) const; // false: why (nothing run, not finished)

  signals:
    void reported(); // a snapshot arrived
    void finished(); // the study completed, was cancelled or failed
    void message(const QString& text, bool error);

  private:
    void onReport(const StudySnapshot& s);
    MakeFactory m_make;
    LabThread<StudyWorker> m_worker;
    long m_runId = 0;
    bool m_running = false;
    StudySnapshot m_last;
    QVBoxLayout* m_controls;
    QPushButton *m_run, *m_cancel;
    StudyView* m_view;
    QString m_title;
    bool m_announced = false; // "running" said; "done" or "stopped" owed
    dl::Comparison m_recipe; // command and args of the study now shown
};

} // namespace lab
