// SPDX-License-Identifier: MIT
#include "core/faces/face_pipeline.h"

#include "core/detect/nms.h"
#include "core/util/cancel.h"

#include <cmath>

namespace dl {

FacePipeline::FacePipeline(Detector det, FaceLandmarkNet marks, FaceRecognitionNet rec)
    : m_det(std::move(det)), m_marks(std::move(marks)), m_rec(std::move(rec))
{
    m_det.setKeepOutputs(false);
}

FacePipeline FacePipeline::open(const std::string& modelsDir)
{
    Detector det = Detector::open("face", modelsDir); // in this order: the first missing file is named
    FaceLandmarkNet marks = FaceLandmarkNet::open(modelsDir);
    return FacePipeline(std::move(det), std::move(marks), FaceRecognitionNet::open(modelsDir));
}

std::vector<FaceResult> FacePipeline::run(const Photo& photo, float scoreThreshold)
{
    const DetectionRun det = m_det.run(photo);
    const NmsResult nms = nonMaxSuppression(det.candidates, {scoreThreshold, m_det.info().defaultIou, true});
    std::vector<FaceResult> out;
    for (int i : nms.kept) { // NMS keeps them by descending score
        checkCancelled();     // a photo of a hundred faces stops between faces (the lab's closing)
        const Detection& d = det.candidates[static_cast<size_t>(i)];
        FaceResult f;
        f.score = d.score;
        f.box = {static_cast<double>(d.box.x1) * photo.width, static_cast<double>(d.box.y1) * photo.height,
                 static_cast<double>(d.box.width()) * photo.width, static_cast<double>(d.box.height()) * photo.height};
        const PixelRegion crop = faceCrop(f.box, photo.width, photo.height);
        if (crop.w < 1 || crop.h < 1) continue; // a box outside the photo: nothing to read
        f.landmarks = m_marks.detect(photo, f.box);
        f.aligned = alignedBox(f.landmarks);
        f.descriptorCrop = faceCrop(dlibAlignedBox(f.landmarks, crop.w, crop.h), photo.width, photo.height);
        if (f.descriptorCrop.w < 1 || f.descriptorCrop.h < 1) continue;
        f.descriptor = m_rec.describe(photo, f.descriptorCrop);
        out.push_back(f);
    }
    return out;
}

Json facesJson(const std::string& image, const Photo& photo, const std::vector<FaceResult>& faces)
{
    auto round = [](double v, double per) { return std::round(v * per) / per; }; // in double: 320.65, not 320.65000000000003
    Json list = Json::array();
    for (const FaceResult& f : faces) {
        Json o = Json::object();
        o.set("score", round(f.score, 1e4))
            .set("x", round(f.box.x, 100))
            .set("y", round(f.box.y, 100))
            .set("w", round(f.box.w, 100))
            .set("h", round(f.box.h, 100));
        Json marks = Json::array();
        for (const PointF& p : f.landmarks) {
            Json xy = Json::array();
            xy.push(round(p.x, 100));
            xy.push(round(p.y, 100));
            marks.push(std::move(xy));
        }
        Json desc = Json::array();
        for (float v : f.descriptor) desc.push(round(v, 1e6));
        o.set("landmarks", std::move(marks)).set("descriptor", std::move(desc));
        list.push(std::move(o));
    }
    Json j = Json::object();
    j.set("image", image).set("width", photo.width).set("height", photo.height).set("faces", std::move(list));
    return j;
}

} // namespace dl
