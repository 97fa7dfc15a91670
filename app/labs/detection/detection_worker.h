// SPDX-License-Identifier: MIT
// The Detection lab's worker (a LabWorker on the lab's thread, widgets/lab_worker.h): owns the Detector and
// the current photo, opens models, runs photo → candidates, and renders feature maps of any layer. The GUI
// re-filters candidates itself (NMS on values), so thresholds never re-run the network. It runs on demand,
// not in the base's loop: a newer photo cancels the detection in progress (the base's cancel flag), closing
// stops any work at its next layer.
#pragma once
#include "core/detect/detector.h"
#include "core/util/cancel.h"
#include "app/labs/detection/detection_snapshot.h"

#include "widgets/lab_worker.h"
#include <memory>
#include <optional>

namespace lab {

class DetectionWorker : public LabWorker {
    Q_OBJECT
  public:
    void openModel(const QString& spec, const QString& modelsDir);
    void detectFile(const QString& path); // decode (with the checks of core/models/photo.h), then run
    void rerun();                         // the current photo again (after a model change)
    void featureMaps(int layer, int maxChannels);

  signals:
    void modelOpened(const lab::DetectionModel& m);
    void detected(const lab::DetectionResult& r);
    void mapsReady(const lab::Planes& maps, const QString& title);

  protected:
    bool workChunk() override { return false; } // nothing runs in the loop
    void sendSnapshot(bool) override {}

  private:
    void run();
    // Runs work under the closing flag (and the cancel flag when `cancellable`): an error becomes failed(),
    // a cancel nothing.
    template <typename F>
    void guarded(bool cancellable, F&& work);
    std::optional<dl::Detector> m_det;
    std::optional<dl::Photo> m_photo;
    QString m_source;
    long m_runs = 0;
};

} // namespace lab
