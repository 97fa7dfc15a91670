// SPDX-License-Identifier: MIT
// Models on any machine (issue 17): which of the manifest's model and corpus files this machine lacks, and a
// button that fetches them — `dllab --fetch-models` in a child process (app/fetch_models.h: the fetch script,
// sizes and sha256 checked), its output shown line by line while the window stays free; Cancel stops it. Shown
// once on the first start that finds files missing (remembered per version in QSettings) and from Help ▸ Fetch
// models… at any time.
#pragma once
#include <QDialog>
#include <QProcess>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace lab {

class FetchDialog : public QDialog {
    Q_OBJECT
  public:
    // `program` and `arguments`: what fetches (default: this executable with --fetch-models).
    explicit FetchDialog(QWidget* parent = nullptr, QString program = {}, QStringList arguments = {});
    QStringList missing() const { return m_missing; } // the manifest paths found missing when it opened
    QString summary() const;                           // the sentence at the top
    QString log() const;
    void fetch();  // starts the child (the Fetch button)
    void cancel(); // stops it
    bool running() const { return m_proc.state() != QProcess::NotRunning; }
    // True when this start should show the offer: files are missing and it was not shown for this version.
    static bool shouldOffer();

  signals:
    void done(bool ok);

  private:
    void refresh();
    QString m_program;
    QStringList m_arguments, m_missing;
    qint64 m_bytes = 0;
    QProcess m_proc;
    QLabel* m_summary;
    QPlainTextEdit* m_log;
    QPushButton *m_fetch, *m_cancel, *m_close;
};

} // namespace lab
