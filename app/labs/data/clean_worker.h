// SPDX-License-Identifier: MIT
// The Clean tab's worker (the one worker mechanism, widgets/lab_worker.h): reads the table, inspects it
// (core/data/clean.h) and applies the fix plan as a preview; saves the cleaned copy (a new file, through a
// temporary file and rename). A large table is read and checked off the GUI thread; so is an image folder.
#pragma once
#include "core/data/clean.h"
#include "core/data/image_check.h"
#include "core/data/transform.h"
#include "widgets/lab_worker.h"

#include <QString>

#include <memory>

namespace lab {

struct CleanResult {
    long id = 0;
    QString path;
    std::shared_ptr<const dl::Table> table;
    dl::CleanReport report;
    dl::FixResult fix; // the plan applied: what the saved copy will be
    double seconds = 0;
};

struct FolderResult {
    long id = 0;
    dl::ImageFolderReport report;
    double seconds = 0;
};

struct WhiteningShown {
    long id = 0;
    std::vector<dl::Picture> pictures; // the first pictures, after the down-sampling
    dl::WhiteningResult result;
    dl::Whitening kind = dl::Whitening::ZCA;
    double seconds = 0;
};

class CleanWorker : public LabWorker {
    Q_OBJECT
  public:
    // Reads `path` when it differs from the table held (empty: the one held), then inspects and fixes.
    void inspect(long id, const QString& path, const dl::CleanOptions& options, const dl::FixPlan& plan);
    void save(const QString& path); // the last result's cleaned copy
    // An image folder (core/data/image_check.h): read picture by picture, cancelled by the tab's flag.
    void inspectFolder(long id, const QString& path, const dl::ImageCheckSpec& spec);
    void saveFolder(const dl::ImageFixPlan& plan, const QString& out);
    // The first `count` Fashion-MNIST test pictures, down-sampled by `factor`, whitened (core/data/transform.h).
    void whitenFashion(long id, int count, int factor, dl::Whitening kind, double epsilon);

  signals:
    void inspected(const lab::CleanResult& r);
    void saved(const QString& path, int rows);
    void folderInspected(const lab::FolderResult& r);
    void folderSaved(const QString& path, int pictures);
    void whitened(const lab::WhiteningShown& w);

  protected:
    bool workChunk() override { return false; } // its work is the two commands above, not a loop
    void sendSnapshot(bool) override {}

  private:
    QString m_path;
    std::shared_ptr<const dl::Table> m_table;
    dl::Table m_cleaned;
    std::shared_ptr<const dl::ImageFolderReport> m_folder;
};

} // namespace lab
