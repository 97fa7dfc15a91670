// SPDX-License-Identifier: MIT
// The "Label your pictures" tab's worker (the one worker mechanism, widgets/lab_worker.h): a person's folder
// of unlabelled pictures as a labelling session (core/label/labelling.h) — the pictures the strategy most
// wants labelled, the person's answers, a retraining after each batch — and the labels saved as a CSV table.
#pragma once
#include "core/label/labelling.h"
#include "widgets/lab_worker.h"

#include <QImage>
#include <QStringList>

#include <memory>

namespace lab {

struct AskBatch {
    std::vector<int> items; // pool pictures, most wanted first
    std::vector<QImage> pictures;
    QStringList files;
    std::vector<int> guesses;  // the model's class for each, −1 before there is a model
    std::vector<int> perClass; // answers so far, per class
    int agreed = 0, compared = 0; // of the last answers given with a model
    int pool = 0, skipped = 0;    // pictures read, files that are no pictures
};

class AskWorker : public LabWorker {
    Q_OBJECT
  public:
    void open(const QString& folder, const QStringList& classes, dl::Strategy strategy, int n);
    void answer(int item, int label);
    void next(int n); // retrain when two classes have answers, then the next batch
    void save(const QString& path);

  signals:
    void asked(const lab::AskBatch& b);
    void saved(const QString& path, int labels);

  protected:
    bool workChunk() override { return false; }
    void sendSnapshot(bool) override {}

  private:
    void sendBatch(int n);
    std::shared_ptr<const dl::LabelData> m_data;
    std::unique_ptr<dl::LabelSession> m_session;
    std::vector<std::string> m_files;
    int m_skipped = 0;
};

} // namespace lab
