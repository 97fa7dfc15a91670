// SPDX-License-Identifier: MIT
// Shows a study's report (core/train/study.h): decision maps, up to six plot panels: side by side, two a row
// or stacked (QCustomPlot; log axes where the panel asks for them, a legend naming the curves), the table and
// the note, and a progress bar while it runs. PNG export of the whole view. Knows no lab.
#pragma once
#include "core/train/study.h"

#include <QWidget>
#include <array>

class QGridLayout;
class QCustomPlot;
class QLabel;
class QProgressBar;
class QTableWidget;

namespace lab {

class DecisionMapView;

class StudyView : public QWidget {
    Q_OBJECT
  public:
    explicit StudyView(QWidget* parent = nullptr);
    void clear(const QString& title = QString());
    void show(const dl::StudyReport& r, double progress, bool done);
    const dl::StudyReport& report() const { return m_report; }
    int plottedPoints() const; // over every panel's curves
    QCustomPlot* panel(int i) const { return m_plots[i]; }
    DecisionMapView* map(int i) const { return m_maps[size_t(i)]; }
    QTableWidget* table() const { return m_table; }
    bool savePng(const QString& path); // the whole view; false when it could not be written

  protected:
    void changeEvent(QEvent* e) override; // a language switch shows the report again in the new language

  private:
    void plot(QCustomPlot* p, const dl::StudyPanel& panel);
    QLabel *m_title, *m_note;
    static constexpr int kMaxPanels = 6;
    QCustomPlot* m_plots[kMaxPanels];
    QGridLayout* m_plotGrid; // side by side, two by two, or stacked when the report asks
    std::array<DecisionMapView*, 3> m_maps;
    std::array<QLabel*, 3> m_mapTitles; // side by side, or stacked when the report asks
    QTableWidget* m_table;
    QProgressBar* m_progress;
    dl::StudyReport m_report;
    double m_shownProgress = 0;
    bool m_shownDone = true;
};

} // namespace lab
