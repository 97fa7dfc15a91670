// SPDX-License-Identifier: MIT
// Values the detection worker sends to the GUI (copies only, never pointers into the network): the model
// it opened, and one photo's candidates before NMS with everything needed to re-filter and draw them.
#pragma once
#include "core/detect/detector.h"
#include "widgets/layer_row.h"
#include "widgets/planes.h"

#include <QImage>
#include <QString>
#include <QStringList>
#include <vector>

namespace lab {

struct DetectionModel {
    QString key;   // coco | coco-small | face | CFG:WEIGHTS
    QString title; // "Yolo-Fastest-1.1-xl (COCO, 80 classes)"
    QStringList classes;
    float defaultScore = 0.25f, defaultIou = 0.45f;
    int netW = 0, netH = 0;
    QString fit;                  // "plain resize", "letterbox", "pad to square"
    std::vector<LayerRow> layers; // every layer: describe + output shape
};

struct DetectionResult {
    long id = 0;
    QString source;                        // file name or "sample"
    QImage photo;                          // RGB888, as the network saw it before resizing
    std::vector<dl::Detection> candidates; // score ≥ dl::kCandidateFloor, before NMS
    std::vector<dl::HeadInfo> heads;
    dl::InputMapping map;
    double seconds = 0, forwardSeconds = 0;
    std::vector<double> layerMs; // per layer, same order as DetectionModel::layers
};

} // namespace lab
