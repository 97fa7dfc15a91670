// SPDX-License-Identifier: MIT
// What the Faces lab's worker sends its page: copies, never pointers into the model.
#pragma once
#include <QImage>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QVector>
#include <vector>

namespace lab {

struct FaceItem {
    float score = 0;
    QRectF box;                // photo pixels, the detector's
    QVector<QPointF> landmarks; // 68, photo pixels
    QRect chipRegion;          // the square the recognition net read
    QImage chip;               // that region scaled to 150 × 150 (what the net read, before its mean and /255)
    std::vector<float> descriptor; // 128
};

struct FacesPhoto {
    QString path;
    QImage image; // RGB888
    std::vector<FaceItem> faces;
    QString detector;   // which face detector found them
    double seconds = 0; // detection + landmarks + descriptors
};

} // namespace lab
