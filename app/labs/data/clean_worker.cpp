// SPDX-License-Identifier: MIT
#include "app/labs/data/clean_worker.h"

#include "core/data/image_set.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace lab {

void CleanWorker::inspect(long id, const QString& path, const dl::CleanOptions& options, const dl::FixPlan& plan)
{
    guard("checking the table", [&] {
        QElapsedTimer clock;
        clock.start();
        if (!path.isEmpty() && (path != m_path || !m_table)) {
            emit busy(tr("Reading %1…").arg(QFileInfo(path).fileName()));
            auto table = std::make_shared<const dl::Table>(dl::loadTable(path.toStdString())); // the old one kept on error
            m_table = table;
            m_path = path;
        }
        if (!m_table) return;
        emit busy(tr("Checking %n rows…", nullptr, int(m_table->rows.size())));
        CleanResult r;
        r.id = id, r.path = m_path, r.table = m_table;
        r.report = dl::inspectTable(*m_table, options);
        r.fix = dl::applyFixes(*m_table, r.report, plan);
        m_cleaned = r.fix.cleaned;
        r.seconds = clock.elapsed() / 1000.0;
        emit busy(QString());
        emit inspected(r);
    });
    emit busy(QString());
}

void CleanWorker::save(const QString& path)
{
    guard("saving the cleaned copy", [&] {
        dl::saveTable(m_cleaned, path.toStdString());
        emit saved(path, int(m_cleaned.rows.size()));
    });
}

void CleanWorker::inspectFolder(long id, const QString& path, const dl::ImageCheckSpec& spec)
{
    cancelFlag()->clear();
    guard("checking the pictures", [&] {
        QElapsedTimer clock;
        clock.start();
        emit busy(tr("Reading the pictures of %1…").arg(QFileInfo(path).fileName()));
        FolderResult r;
        r.id = id;
        r.report = dl::inspectImageFolder(path.toStdString(), spec, cancelFlag().get());
        m_folder = std::make_shared<const dl::ImageFolderReport>(r.report);
        r.seconds = clock.elapsed() / 1000.0;
        emit busy(QString());
        emit folderInspected(r);
    });
}

void CleanWorker::saveFolder(const dl::ImageFixPlan& plan, const QString& out)
{
    guard("saving the cleaned pictures", [&] {
        if (!m_folder) return;
        emit busy(tr("Writing the cleaned pictures…"));
        const int n = dl::saveCleanedFolder(*m_folder, plan, out.toStdString(), cancelFlag().get());
        emit busy(QString());
        emit folderSaved(out, n);
    });
}

void CleanWorker::whitenFashion(long id, int count, int factor, dl::Whitening kind, double epsilon)
{
    guard("whitening the pictures", [&] {
        QElapsedTimer clock;
        clock.start();
        emit busy(tr("Whitening %n pictures…", nullptr, count));
        const dl::ImageSet test = dl::loadFashionMnist(dl::kFashionMnistDir, false);
        count = std::min(count, test.size());
        WhiteningShown w;
        w.id = id, w.kind = kind;
        std::vector<double> x;
        for (int i = 0; i < count; ++i) {
            dl::Picture p{28, 28, 1, {}};
            p.values.assign(test.images.data() + size_t(i) * 784, test.images.data() + size_t(i + 1) * 784);
            p = dl::downsamplePicture(p, factor);
            x.insert(x.end(), p.values.begin(), p.values.end());
            if (i < 64) w.pictures.push_back(std::move(p));
        }
        const int dims = int(x.size()) / count;
        w.result = dl::whiten(x, count, dims, kind, epsilon);
        w.seconds = clock.elapsed() / 1000.0;
        emit busy(QString());
        emit whitened(w);
    });
}

} // namespace lab
