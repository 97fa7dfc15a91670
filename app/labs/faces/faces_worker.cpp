// SPDX-License-Identifier: MIT
#include "app/labs/faces/faces_worker.h"

#include "core/util/cancel.h"
#include "widgets/planes_image.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace lab {

void FacesWorker::addPhotos(const QStringList& paths, const QString& modelsDir, dl::FaceDetectorKind detector)
{
    if (m_pipe && !guard("opening the face detector", [&] { m_pipe->useDetector(detector); }))
        return;
    if (!m_pipe && !guard("opening the face models",
                          [&] { m_pipe.emplace(dl::FacePipeline::open(modelsDir.toStdString(), detector)); }))
        return;
    for (int i = 0; i < paths.size() && !closingFlag()->requested(); ++i) {
        emit busy(tr("finding faces in %1 (%2 of %3)").arg(QFileInfo(paths[i]).fileName()).arg(i + 1).arg(paths.size()));
        guard("finding faces", [&] {
            const dl::CancelScope scope(closingFlag().get(), nullptr);
            QElapsedTimer clock;
            clock.start();
            const dl::Photo photo = dl::loadPhoto(paths[i].toStdString());
            const std::vector<dl::FaceResult> faces = m_pipe->run(photo);
            FacesPhoto out;
            out.path = paths[i];
            out.detector = detector == dl::FaceDetectorKind::Ssd ? tr("SSD MobileNet") : tr("tiny detector");
            out.image = photoImage(photo);
            for (const dl::FaceResult& f : faces) {
                FaceItem it;
                it.score = f.score;
                it.box = QRectF(f.box.x, f.box.y, f.box.w, f.box.h);
                for (const dl::PointF& p : f.landmarks) it.landmarks << QPointF(p.x, p.y);
                const dl::PixelRegion& r = f.descriptorCrop;
                it.chipRegion = QRect(r.x, r.y, r.w, r.h);
                it.chip = out.image.copy(it.chipRegion).scaled(dl::kFaceChipSize, dl::kFaceChipSize, Qt::KeepAspectRatio,
                                                                Qt::SmoothTransformation);
                it.descriptor.assign(f.descriptor.begin(), f.descriptor.end());
                out.faces.push_back(std::move(it));
            }
            out.seconds = clock.elapsed() / 1000.0;
            emit photoDone(out);
        });
    }
    emit busy(QString());
}

} // namespace lab
