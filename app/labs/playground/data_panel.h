// SPDX-License-Identifier: MIT
// Data controls: dataset picker, noise and dev-share sliders, classes, regenerate (new seed), the class that
// a click adds, CSV load/save. Emits requests; the app owns the points.
#pragma once
#include "core/data/synthetic.h"
#include "app/labs/playground/playground_snapshot.h"

#include <QWidget>

class QComboBox;
class QSlider;
class QLabel;
class QSpinBox;

namespace lab {

class DataPanel : public QWidget {
    Q_OBJECT
  public:
    explicit DataPanel(QWidget* parent = nullptr);
    void setSpec(const dl::DatasetSpec& s, const QString& source = "synthetic"); // no signals
    dl::DatasetSpec spec() const { return m_spec; }
    int classToAdd() const;
    void setClassCount(int k);

  signals:
    void specChanged(const dl::DatasetSpec& s); // regenerate the points from this recipe
    void loadCsvRequested();
    void saveCsvRequested();

  private:
    void changed();
    dl::DatasetSpec m_spec;
    bool m_updating = false;
    QComboBox* m_kind;
    QSlider* m_noise;
    QLabel* m_noiseLabel;
    QSlider* m_dev;
    QLabel* m_devLabel;
    QSpinBox* m_classes;
    QComboBox* m_addClass;
};

} // namespace lab
