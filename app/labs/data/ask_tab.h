// SPDX-License-Identifier: MIT
// The data lab's "Label your pictures" tab (course chapter 12, data labelling; active learning with a person
// as the annotator): a folder of unlabelled pictures and the classes to sort them into; the lab shows the eight
// pictures its strategy most wants labelled, the person answers with a click or the keys 1–9, and after each
// batch the model retrains on the answers and asks again; how often it guessed the answer is shown. The labels
// are saved as a CSV table (file, label).
#pragma once
#include "app/labs/data/ask_worker.h"
#include "widgets/lab_thread.h"

#include <QWidget>

class QComboBox;
class QGridLayout;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace lab {

class AskTab : public QWidget {
    Q_OBJECT
  public:
    static constexpr int kBatch = 8;
    explicit AskTab(QWidget* parent = nullptr);
    void start(const QString& folder, const QString& classes, dl::Strategy strategy); // a bad class list: one sentence
    bool answerCurrent(int label); // the highlighted picture gets class `label`; false when there is none
    void skip();
    bool saveLabels(const QString& path);
    const AskBatch& batch() const { return m_batch; }
    int current() const { return m_current; }
    QString status() const;

  signals:
    void message(const QString& text, bool error);
    void asked(); // a new batch is shown

  protected:
    void keyPressEvent(QKeyEvent* e) override;

  private:
    void showBatch(const AskBatch& b);
    void highlight();
    void advance();

    LabThread<AskWorker> m_worker{"data-ask"};
    AskBatch m_batch;
    int m_current = -1;
    int m_answered = 0;
    QStringList m_classes;
    QLineEdit *m_classesEdit;
    QComboBox* m_strategy;
    QPushButton *m_open, *m_skip, *m_save;
    QLabel* m_status;
    std::vector<QLabel*> m_tiles, m_captions;
    QHBoxLayout* m_buttons;
    std::vector<QPushButton*> m_classButtons;
};

} // namespace lab
