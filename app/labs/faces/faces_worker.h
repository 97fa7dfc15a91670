// SPDX-License-Identifier: MIT
// The Faces lab's worker (a LabWorker on the lab's thread): opens face-api's three nets once and runs the
// pipeline (core/faces/face_pipeline.h) on each photo it is given, one photo at a time, on demand; closing
// the window stops it between photos. A photo it cannot read is one sentence; the others go on.
#pragma once
#include "app/labs/faces/faces_snapshot.h"
#include "core/faces/face_pipeline.h"
#include "widgets/lab_worker.h"

#include <QStringList>
#include <optional>

namespace lab {

class FacesWorker : public LabWorker {
    Q_OBJECT
  public:
    // detector: the face detector for these photos (only the detector is reopened when it changes).
    void addPhotos(const QStringList& paths, const QString& modelsDir, dl::FaceDetectorKind detector);

  signals:
    void photoDone(const lab::FacesPhoto& p);

  protected:
    bool workChunk() override { return false; } // nothing runs in the loop
    void sendSnapshot(bool) override {}

  private:
    std::optional<dl::FacePipeline> m_pipe;
};

} // namespace lab
