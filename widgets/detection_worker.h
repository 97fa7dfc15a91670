// SPDX-License-Identifier: MIT
// The detection lab's worker (lives on its own QThread): owns the Detector and the current photo, opens
// models, runs photo → candidates, and renders feature maps of any layer. The GUI re-filters candidates
// itself (NMS on values), so thresholds never re-run the network.
#pragma once
#include "core/detect/detector.h"
#include "core/util/cancel.h"
#include "widgets/metatypes.h"

#include <QObject>
#include <memory>
#include <optional>

namespace lab {

class DetectionWorker : public QObject {
    Q_OBJECT
  public:
    // `closing` set (by the controller's destructor): the work in progress stops at its next layer.
    explicit DetectionWorker(std::shared_ptr<dl::CancelFlag> closing, QObject* parent = nullptr);

  public slots:
    void openModel(const QString& spec, const QString& modelsDir);
    void detectFile(const QString& path); // decode (with the checks of core/detect/photo.h), then run
    void rerun();                         // the current photo again (after a model change)
    void featureMaps(int layer, int maxChannels);

  signals:
    void modelOpened(const lab::DetectionModel& m);
    void detected(const lab::DetectionResult& r);
    void mapsReady(const lab::Planes& maps, const QString& title);
    void failed(const QString& message);

  private:
    void run();
    template <typename F>
    void guarded(F&& work); // runs work under the closing flag; an error becomes failed(), a cancel nothing
    std::shared_ptr<dl::CancelFlag> m_closing;
    std::optional<dl::Detector> m_det;
    std::optional<dl::Photo> m_photo;
    QString m_source;
    long m_runs = 0;
};

} // namespace lab
