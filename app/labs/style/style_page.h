// SPDX-License-Identifier: MIT
// The Style lab (COURSE.md ch. 10): a content photo painted in the style of a painting by optimising the
// pixels (Gatys et al.) on Tiny Darknet's features, watched live: the generated image next to content and
// style, the content / style / total cost curves, α, β, content layer, style layers and weights, start
// point, optimiser and learning rate, pause / change / continue, the Gram matrices of S and G, PNG export
// and a run file that `dlcli style --replay` repeats. Holds values only; the run lives on the style thread.
#pragma once
#include "app/labs/style/style_worker.h"
#include "widgets/lab_page.h"
#include "widgets/lab_thread.h"

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSlider;
class QSpinBox;
class QTabWidget;
class QTableWidget;
class QSettings;

namespace lab {

class GramView;
class PictureView;

class StylePage : public LabPage {
    Q_OBJECT
  public:
    explicit StylePage(QWidget* parent = nullptr);

    // LabPage (an iteration is a whole optimiser step: no Step)
    void addMenuItems(const LabMenus& menus) override;
    void saveSettings(QSettings& s) const override;
    void restoreSettings(const QSettings& s) override;
    QList<QCommandLineOption> commandLineOptions() const override;
    void shoot(const QCommandLineParser& cli, LabShot& shot) override;
    std::optional<GuiBench> guiBench() override;
    QStringList openFilters() const override;
    bool canOpen(const QString& path) const override; // a run file (its format, or none: older runs)
    void open(const QString& path) override;          // a saved run: its photos, size, iterations, settings

    StyleRunConfig config() const; // what the controls say now
    dl::StyleWeights weights() const;
    const StyleSnapshot& last() const { return m_last; } // .image: the G shown now
    QTabWidget* tabs() const { return m_tabs; }
    GramView* gramView() const { return m_gram; }
    QCustomPlot* plot() const { return m_plot; }
    bool running() const { return isRunning(); }
    QString infoText() const;
    QString cliCommand() const; // the dlcli line that repeats the current settings


  public slots:
    void setContent(const QString& path);
    void setStyle(const QString& path);
    void setSize(int longestSide);
    void setIterations(int n);
    void setAlpha(double a);
    void setBeta(double b);
    void setOptimizer(dl::StyleOptimizer o);
    void run() override; // (re)configure when images/size/start changed, then start or continue
    void pause() override;
    void reset() override; // a new run from the start point with the current settings
    void showGram(int styleIndex);
    void saveImage(const QString& path);
    void saveRun(const QString& path);

  signals:
    void progressed(); // a snapshot arrived (tests, screenshot mode)
    void finished();   // the run reached its iterations
    void gramShown();
    void saved(const QString& path);

  protected:
    void showEvent(QShowEvent* e) override;

  private:
    void buildControls(QWidget* side);
    void fillLayerTable();
    void onPrepared(const StylePrepared& p);
    void onProgress(const StyleSnapshot& s);
    void weightsChanged();
    void markDirty(const QString& why);
    void configureIfReady();
    void addSamples(QComboBox* box, bool paintings);
    void updateAlphaBetaLabels();

    void configureWorker();
    void requestGram(int styleIndex);

    LabThread<StyleWorker> m_worker{"style"};
    QString m_modelsDir;
    QString m_contentPath, m_stylePath;
    bool m_dirty = true; // images, size or start changed: the next Run configures a new run
    bool m_configured = false;
    StyleSnapshot m_last;
    long m_runId = 0;
    QStringList m_layerNames;
    // views
    PictureView *m_contentView, *m_styleView, *m_generatedView;
    QTabWidget* m_tabs;
    QCustomPlot* m_plot;
    GramView* m_gram;
    QComboBox* m_gramLayer;
    // controls
    QComboBox *m_contentBox, *m_styleBox, *m_contentLayer, *m_init, *m_optimizer;
    QSpinBox *m_size, *m_iterations, *m_seed;
    QSlider *m_alpha, *m_beta;
    QLabel *m_alphaLabel, *m_betaLabel, *m_info, *m_speed;
    QTableWidget* m_styleLayers;
    QDoubleSpinBox *m_lr, *m_noise;
    QPushButton *m_runButton, *m_pauseButton, *m_resetButton, *m_saveButton, *m_saveRunButton, *m_copyCli;
    QProgressBar* m_progress;
    bool m_filling = false;
    std::optional<dl::StyleWeights> m_opened; // weights of a run file opened, until its layers are shown
};

} // namespace lab
