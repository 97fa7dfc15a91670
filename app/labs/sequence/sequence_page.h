// SPDX-License-Identifier: MIT
// The Sequence lab (COURSE.md ch. 11): a character-level language model — RNN, GRU or LSTM, 1–3 layers — on
// the dinosaur names, tiny Shakespeare or the user's own UTF-8 text, watched live: the loss per character,
// samples appearing character by character every N steps with the temperature, top-k and prime that apply
// to the next sample, the dev loss; "Look inside": a typed text coloured by a hidden unit, the unit's gates
// over time and the next-character distribution at a clicked character; "Experiments": the studies of
// sequence_experiments.h on a thread of their own. Holds values only; the model lives on the lab's thread.
#pragma once
#include "app/labs/sequence/sequence_worker.h"
#include "core/seq/unit_features.h"
#include "widgets/lab_page.h"
#include "widgets/lab_thread.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSlider;
class QSpinBox;
class QTabWidget;
class QTimer;

namespace lab {

class CharProbeView;
class LossCurveView;
class SequenceExperiments;
class UnitHeatMap;

class SequencePage : public LabPage {
    Q_OBJECT
  public:
    explicit SequencePage(QWidget* parent = nullptr);

    void run() override; // (re)configure when a setting of the run changed, then start or continue
    void pause() override;
    void stepOnce() override;
    void reset() override; // a new run with the current settings
    void addMenuItems(const LabMenus& menus) override;
    QStringList openFilters() const override;
    bool canOpen(const QString& path) const override; // a text file (a corpus) of any suffix in the filters
    void open(const QString& path) override;          // a text file becomes the corpus
    void saveSettings(QSettings& s) const override;
    void restoreSettings(const QSettings& s) override;
    QList<QCommandLineOption> commandLineOptions() const override;
    void shoot(const QCommandLineParser& cli, LabShot& shot) override;
    std::optional<GuiBench> guiBench() override;

    SequenceConfig config() const; // what the controls say now
    void setCorpusFile(const QString& path, dl::CorpusMode mode);
    void setCorpus(int index); // 0 dinosaur names, 1 tiny Shakespeare
    void setCell(dl::CellKind k);
    void setSteps(long n);
    void setSampleEvery(int n);
    void setTemperature(double t);
    void readText(const QString& text); // "Look inside": the model reads it
    // The unit whose activation over the text read last correlates most with f (unit_features.h): chosen,
    // and the sentence under the view says r. −1 before a text was read.
    int findUnit(dl::TextFeature f);
    void sampleNow();
    void saveModel(const QString& path);
    // File ▸ Sequence: export to ONNX (50 steps unrolled) / to PyTorch (the course's cells)
    void exportModel(const QString& onnx, const QString& pytorchDir = {});

    const SequenceSnapshot& last() const { return m_last; }
    QStringList samples() const { return m_samples; } // every sample of this run, in order
    QString typed() const;                             // what the typewriter has shown so far
    LossCurveView* curve() const { return m_curve; }
    CharProbeView* probeView() const { return m_probe; }
    UnitHeatMap* heatMap() const { return m_heat; }
    QString topText() const;
    QTabWidget* tabs() const { return m_tabs; }
    SequenceExperiments* experiments() const { return m_experiments; }
    QString infoText() const;

  signals:
    void progressed();
    void finished();
    void prepared();
    void probed();
    void saved(const QString& path);

  private:
    static QString featureLabel(dl::TextFeature f); // core's featureName, translatable
    void buildControls(QWidget* side);
    void buildViews(QWidget* main);
    void onPrepared(const SequencePrepared& p);
    void onProgress(const SequenceSnapshot& s);
    void onProbe(const SequenceProbe& p);
    void markDirty();
    void configureWorker();
    void sendSampling();
    void typeNext();
    void showTopNext();
    void shootExperiment(const QCommandLineParser& cli, LabShot& shot);
    QString corporaDir() const;

    LabThread<SequenceWorker> m_worker{"sequence"};
    bool m_dirty = true, m_filling = false;
    long m_runId = 0;
    QString m_corpusPath;
    SequenceSnapshot m_last;
    QStringList m_samples;
    QString m_typeQueue;
    QTimer* m_typeTimer;
    // controls
    QComboBox *m_corpus, *m_mode, *m_cell, *m_optimizer, *m_clip;
    QSpinBox *m_hidden, *m_depth, *m_seq, *m_batch, *m_steps, *m_sampleEvery, *m_topK, *m_unit;
    QDoubleSpinBox *m_lr, *m_clipValue, *m_keep;
    QSlider* m_temperature;
    QLabel *m_temperatureLabel, *m_info, *m_summary, *m_top;
    QLineEdit *m_prime, *m_probeText;
    QPushButton *m_sampleButton, *m_saveButton, *m_readButton;
    QProgressBar* m_progress;
    // views
    QTabWidget* m_tabs;
    LossCurveView* m_curve;
    QPlainTextEdit* m_text;
    CharProbeView* m_probe;
    SequenceExperiments* m_experiments;
    UnitHeatMap* m_heat;
    QComboBox* m_feature;
    QPushButton* m_findButton;
    QString m_found; // "unit 17 tracks vowels: r = 0.83"
};

} // namespace lab
