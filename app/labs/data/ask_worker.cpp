// SPDX-License-Identifier: MIT
#include "app/labs/data/ask_worker.h"

#include "core/data/table.h"

#include <QFileInfo>

#include <algorithm>

namespace lab {

void AskWorker::open(const QString& folder, const QStringList& classes, dl::Strategy strategy, int n)
{
    guard("reading the pictures", [&] {
        emit busy(tr("Reading the pictures of %1…").arg(QFileInfo(folder).fileName()));
        std::vector<std::string> names;
        for (const QString& c : classes) names.push_back(c.trimmed().toStdString());
        auto data = std::make_shared<const dl::LabelData>(dl::loadPicturePool(folder.toStdString(), names, 28, &m_files, &m_skipped));
        dl::LabelSpec spec;
        spec.strategy = strategy, spec.epochs = 40;
        m_session = std::make_unique<dl::LabelSession>(spec, data); // the old session is dropped
        m_data = data;
        emit busy(QString());
        sendBatch(n);
    });
}

void AskWorker::answer(int item, int label)
{
    guard("taking the answer", [&] {
        if (m_session) m_session->answer(item, label);
    });
}

void AskWorker::next(int n)
{
    guard("training", [&] {
        if (!m_session) return;
        emit busy(tr("Training on your answers…"));
        m_session->retrain(cancelFlag().get());
        emit busy(QString());
        sendBatch(n);
    });
}

void AskWorker::sendBatch(int n)
{
    AskBatch b;
    b.items = m_session->wanted(n, cancelFlag().get());
    const dl::LabelData& d = *m_data;
    const size_t pool = size_t(d.poolSize());
    for (int i : b.items) {
        QImage img(d.width, d.height, QImage::Format_Grayscale8);
        for (int y = 0; y < d.height; ++y)
            for (int x = 0; x < d.width; ++x)
                img.scanLine(y)[x] = uchar(std::clamp(int(255 * d.poolX[size_t(y * d.width + x) * pool + size_t(i)]), 0, 255));
        b.pictures.push_back(img);
        b.files << QString::fromStdString(m_files[size_t(i)]);
        b.guesses.push_back(m_session->guess(i));
    }
    b.perClass.assign(size_t(d.classes), 0);
    for (size_t i = 0; i < pool; ++i)
        if (m_session->labels()[i] >= 0) ++b.perClass[size_t(m_session->labels()[i])];
    const auto& agreed = m_session->agreements();
    const size_t from = agreed.size() > 20 ? agreed.size() - 20 : 0;
    for (size_t i = from; i < agreed.size(); ++i) b.agreed += agreed[i], ++b.compared;
    b.pool = d.poolSize(), b.skipped = m_skipped;
    emit asked(b);
}

void AskWorker::save(const QString& path)
{
    guard("saving the labels", [&] {
        if (!m_session) return;
        dl::Table t;
        t.columns = {"file", "label"};
        for (size_t i = 0; i < m_session->labels().size(); ++i)
            if (m_session->labels()[i] >= 0)
                t.rows.push_back({m_files[i], m_data->classNames[size_t(m_session->labels()[i])]});
        dl::saveTable(t, path.toStdString());
        emit saved(path, int(t.rows.size()));
    });
}

} // namespace lab
