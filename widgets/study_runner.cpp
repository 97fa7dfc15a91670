// SPDX-License-Identifier: MIT
#include "widgets/study_runner.h"

#include "widgets/study_view.h"

#include <QHBoxLayout>
#include <QPushButton>
#include <QVBoxLayout>

namespace lab {

StudyRunner::StudyRunner(const char* threadName, MakeFactory make, QWidget* parent)
    : QWidget(parent), m_make(std::move(make)), m_worker(threadName)
{
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    m_controls = new QVBoxLayout;
    v->addLayout(m_controls);
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    m_run = new QPushButton(tr("Run experiment"));
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setEnabled(false);
    row->addWidget(m_run);
    row->addWidget(m_cancel);
    v->addLayout(row);
    m_view = new StudyView;
    v->addWidget(m_view, 1);
    connect(m_cancel, &QPushButton::clicked, this, &StudyRunner::cancel);
    m_worker.relay(&StudyWorker::reported, this, &StudyRunner::onReport);
    m_worker.relay(&LabWorker::failed, this, [this](const QString& m) { emit message(m, true); });
    m_worker.relay(&LabWorker::runningChanged, this, [this](bool r) {
        m_running = r;
        m_run->setEnabled(!r);
        m_cancel->setEnabled(r);
        if (!r && m_announced) { // the sentence of run() replaced by how it ended
            m_announced = false;
            emit message(m_last.done ? tr("%1: done.").arg(m_title) : tr("%1: stopped.").arg(m_title), false);
        }
        if (!r) emit finished();
    });
}

void StudyRunner::addControls(QLayout* controls)
{
    m_controls->addLayout(controls);
}

void StudyRunner::run(const QString& title)
{
    QString error;
    StudyWorker::Factory make = m_make(&error);
    if (!make) {
        emit message(error, true);
        return;
    }
    const long id = ++m_runId;
    m_running = true;
    m_last = {};
    m_run->setEnabled(false);
    m_cancel->setEnabled(true);
    m_view->clear(title);
    m_title = title;
    m_announced = true;
    emit message(tr("%1: running.").arg(title), false); // replaces a sentence about an earlier mistake
    m_worker.call([id, make](StudyWorker& w) { w.begin(id, make); });
}

void StudyRunner::setRecipe(const std::string& command, std::vector<std::pair<std::string, std::string>> args)
{
    m_recipe.command = command;
    m_recipe.args = std::move(args);
}

bool StudyRunner::comparison(dl::Comparison& out, QString* why) const
{
    if (m_recipe.command.empty() || m_last.runId == 0) {
        *why = tr("Run the experiment first; the file keeps its settings and its numbers.");
        return false;
    }
    if (!m_last.done || m_running) {
        *why = tr("Let the experiment finish first (or run it again): a cut-short run does not replay.");
        return false;
    }
    out = m_recipe;
    out.result = dl::toJson(m_last.report);
    return true;
}

void StudyRunner::cancel()
{
    m_worker.pause();
}

void StudyRunner::onReport(const StudySnapshot& s)
{
    if (s.runId != m_runId) return; // a report of a study dropped since
    m_last = s;
    m_view->show(s.report, s.progress, s.done);
    emit reported();
}

} // namespace lab
