// SPDX-License-Identifier: MIT
// The Sequence lab's "Experiments" tab (COURSE.md §11): the studies of core/seq/seq_studies.h and
// char_studies.h run on their own lab thread (widgets/study_worker.h) while the page's training is
// untouched — long-range memory (accuracy against T per cell), gradients through time, clipping off vs on,
// GRU vs LSTM on the page's corpus and settings, tagging one-way vs bidirectional, classifying a sequence.
// Progress and Cancel; the report (plots, table, note) in a StudyView.
#pragma once
#include "app/labs/sequence/sequence_snapshot.h"
#include "widgets/study_runner.h"

#include <QWidget>
#include <functional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QCheckBox;

namespace lab {

class SequenceExperiments : public QWidget {
    Q_OBJECT
  public:
    enum Kind { LongRange, Gradients, Clipping, Cells, Tagging, Classify };
    // config: the page's settings now (corpus, cell, sizes, optimiser) for the corpus experiments.
    explicit SequenceExperiments(std::function<SequenceConfig()> config, QWidget* parent = nullptr);
    void setKind(Kind k);
    Kind kind() const;
    void setSteps(int steps);
    void setSpans(const QString& spans); // "5,20,50"
    void runExperiment();                // starts the chosen one (a running one is dropped)
    void cancel() { m_runner->cancel(); }
    bool isRunning() const { return m_runner->isRunning(); }
    StudyView* view() const { return m_runner->view(); }
    const StudySnapshot& last() const { return m_runner->last(); }

  signals:
    void reported(); // a snapshot arrived
    void finished(); // the experiment completed, was cancelled or failed
    void message(const QString& text, bool error);

  private:
    void kindChanged();
    StudyWorker::Factory factory(QString* error) const;
    std::function<SequenceConfig()> m_config;
    StudyRunner* m_runner;
    QComboBox *m_kind, *m_cellForTagging;
    QLineEdit* m_spans;
    QSpinBox* m_steps;
    QDoubleSpinBox* m_forgetBias;
    QCheckBox *m_rnn, *m_gru, *m_lstm;
    QLabel *m_about, *m_spansLabel;
};

} // namespace lab
