// SPDX-License-Identifier: MIT
// The Faces lab's second tab (issue 14, COURSE.md §9): a small embedding network trained live with the
// triplet loss max(‖f(A)−f(P)‖² − ‖f(A)−f(N)‖² + α, 0) on the classes of Fashion-MNIST (or an image folder)
// that are not held out. The embedding of test images of every class drawn as it forms (D = 2 directly,
// more through PCA; held-out classes as rings), the loss per step, and per epoch the share of active
// triplets and the one-shot accuracy on the held-out classes; margin α, mining and learning rate change
// live; the course's alternative (a logistic unit on |f(xᵢ) − f(xⱼ)|) on demand. Its own lab thread.
#pragma once
#include "app/labs/faces/triplet_worker.h"
#include "widgets/lab_thread.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QSpinBox;

namespace lab {

class LossCurveView;
class ScatterView;
class SeriesPlot;

class TripletTab : public QWidget {
    Q_OBJECT
  public:
    explicit TripletTab(QWidget* parent = nullptr);
    // The settings a new network is built from (Run builds one when they changed; Reset always).
    void setHeldOut(const QString& classes); // "7,8,9"
    void setPerClass(int images);            // 0: all
    void setTestPerClass(int images);        // held-out test images per class for one-shot; 0: all
    void setDim(int dim);
    void setFolder(const QString& dir);      // empty: Fashion-MNIST
    // Live.
    void setMargin(double alpha);
    void setMining(dl::Mining m);
    void setEpochs(int epochs);
    void run();
    void pause();
    void reset();
    void measurePairClassifier();
    bool isRunning() const { return m_running; }
    const TripletSnapshot& last() const { return m_last; }
    double pairAccuracy() const { return m_pair; } // −1 until measured
    ScatterView* scatter() const { return m_scatter; }
    LossCurveView* lossView() const { return m_loss; }
    SeriesPlot* epochView() const { return m_epochPlot; }

  signals:
    void message(const QString& text, bool error);
    void progressed(); // a snapshot of the current run arrived
    void epochDone(int epochs);

  private:
    QWidget* buildControls();
    bool configure(); // false: a setting was refused (the sentence went out)
    void onSnapshot(const TripletSnapshot& s);
    void showSummary();
    LabThread<TripletWorker> m_worker{"faces-triplet"};
    long m_runId = 0;
    bool m_dirty = true, m_running = false;
    double m_pair = -1;
    size_t m_epochsShown = 0;
    TripletSnapshot m_last;
    QString m_folder;
    QLineEdit* m_heldOut;
    QSpinBox *m_perClass, *m_testPerClass, *m_dim, *m_epochs;
    QSlider* m_margin;
    QLabel *m_marginLabel, *m_summary, *m_data, *m_pairLabel;
    QComboBox* m_mining;
    QDoubleSpinBox* m_lr;
    QPushButton *m_run, *m_pause, *m_reset, *m_pairButton;
    ScatterView* m_scatter;
    LossCurveView* m_loss;
    SeriesPlot* m_epochPlot;
};

} // namespace lab
