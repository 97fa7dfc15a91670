// SPDX-License-Identifier: MIT
#include "app/gui/fetch_dialog.h"

#include "core/models/model_files.h"
#include "core/models/model_manifest.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace lab {

namespace {

std::vector<const dl::ManifestEntry*> missingNow()
{
    const std::string exeDir = QCoreApplication::applicationDirPath().toStdString();
    return dl::missingFiles(dl::projectManifest(), dl::findModelsDir("", exeDir), dl::findCorporaDir("", exeDir));
}

} // namespace

FetchDialog::FetchDialog(QWidget* parent, QString program, QStringList arguments)
    : QDialog(parent), m_program(std::move(program)), m_arguments(std::move(arguments))
{
    if (m_program.isEmpty()) m_program = QCoreApplication::applicationFilePath(), m_arguments = {"--fetch-models"};
    setWindowTitle(tr("Models and corpora"));
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setMinimumSize(640, 220);
    m_fetch = new QPushButton(tr("Fetch now"), this);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_close = new QPushButton(tr("Close"), this);
    m_fetch->setToolTip(tr("Runs dllab --fetch-models: each file from its pinned source, its sha256 checked"));
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    for (QPushButton* b : {m_fetch, m_cancel, m_close}) buttons->addWidget(b);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_log);
    layout->addLayout(buttons);
    m_proc.setProcessChannelMode(QProcess::MergedChannels);
    connect(&m_proc, &QProcess::readyRead, this, [this] {
        while (m_proc.canReadLine()) m_log->appendPlainText(QString::fromUtf8(m_proc.readLine()).trimmed());
    });
    connect(&m_proc, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        m_log->appendPlainText(QString::fromUtf8(m_proc.readAll()).trimmed());
        const bool ok = status == QProcess::NormalExit && code == 0;
        refresh();
        m_log->appendPlainText(ok ? tr("Done: every file is there and checked. Labs opened before need to be opened again.")
                                  : tr("Not every file could be fetched (above); the labs that need them say so."));
        emit done(ok);
    });
    connect(&m_proc, &QProcess::errorOccurred, this, [this](QProcess::ProcessError) {
        if (m_proc.state() == QProcess::NotRunning) m_log->appendPlainText(tr("Could not start %1.").arg(m_program));
        refresh();
    });
    connect(m_fetch, &QPushButton::clicked, this, &FetchDialog::fetch);
    connect(m_cancel, &QPushButton::clicked, this, &FetchDialog::cancel);
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    refresh();
}

void FetchDialog::refresh()
{
    m_missing.clear(), m_bytes = 0;
    for (const dl::ManifestEntry* e : missingNow()) m_missing << QString::fromStdString(e->path), m_bytes += qint64(e->bytes);
    QMap<QString, int> byFolder; // models/tiny-darknet → 3
    for (const QString& p : m_missing) byFolder[p.section('/', 0, 1)]++;
    QStringList where;
    for (auto it = byFolder.cbegin(); it != byFolder.cend(); ++it) where << tr("%1 (%2)").arg(it.key()).arg(it.value());
    const QString mb = QString::number(double(m_bytes) / 1e6, 'f', 1);
    const QString what = m_missing.size() == 1
                             ? tr("One file the labs read is missing (%1 MB), in %2.").arg(mb, where.join(", "))
                             : tr("%1 files the labs read are missing (%2 MB), in %3.")
                                   .arg(QString::number(m_missing.size()), mb, where.join(", "));
    m_summary->setText(m_missing.isEmpty()
                           ? tr("Every model and corpus the labs read is on this machine.")
                           : what + " " +
                                 tr("Fetch them now? Each comes from its pinned source and is checked by its sha256; "
                                    "without internet, set DLLAB_MODEL_MIRROR to a folder holding a copy."));
    m_fetch->setEnabled(!running() && !m_missing.isEmpty());
    m_cancel->setEnabled(running());
}

QString FetchDialog::summary() const
{
    return m_summary->text();
}

QString FetchDialog::log() const
{
    return m_log->toPlainText();
}

void FetchDialog::fetch()
{
    if (running()) return;
    m_log->appendPlainText(m_program + " " + m_arguments.join(' '));
    m_proc.start(m_program, m_arguments);
    m_fetch->setEnabled(false);
    m_cancel->setEnabled(true);
}

void FetchDialog::cancel()
{
    if (!running()) return;
    m_proc.terminate(); // the script writes each file as .part and renames it only when checked: nothing half-done
    if (!m_proc.waitForFinished(2000)) m_proc.kill(), m_proc.waitForFinished(2000);
    m_log->appendPlainText(tr("Cancelled."));
}

bool FetchDialog::shouldOffer()
{
    QSettings s;
    const QString key = QStringLiteral("fetchOffered/") + QCoreApplication::applicationVersion();
    if (s.value(key, false).toBool() || missingNow().empty()) return false;
    s.setValue(key, true);
    return true;
}

} // namespace lab
