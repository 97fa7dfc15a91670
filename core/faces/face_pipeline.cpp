// SPDX-License-Identifier: MIT
#include "core/faces/face_pipeline.h"

#include "core/detect/nms.h"
#include "core/util/cancel.h"
#include "core/util/threads.h"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <mutex>

namespace dl {

bool parseFaceDetector(const std::string& name, FaceDetectorKind& kind)
{
    if (name == "tiny") kind = FaceDetectorKind::Tiny;
    else if (name == "ssd") kind = FaceDetectorKind::Ssd;
    else return false;
    return true;
}

const char* faceDetectorName(FaceDetectorKind kind)
{
    return kind == FaceDetectorKind::Ssd ? "ssd" : "tiny";
}

FacePipeline::FacePipeline(std::unique_ptr<Detector> tiny, std::unique_ptr<FaceSsdNet> ssd, Lane first,
                           std::string modelsDir)
    : m_det(std::move(tiny)), m_ssd(std::move(ssd)), m_modelsDir(std::move(modelsDir))
{
    m_lanes.push_back(std::move(first));
    if (m_det) m_det->setKeepOutputs(false);
}

FacePipeline FacePipeline::open(const std::string& modelsDir, FaceDetectorKind detector)
{
    std::unique_ptr<Detector> tiny; // in this order: the first missing file is named
    std::unique_ptr<FaceSsdNet> ssd;
    if (detector == FaceDetectorKind::Ssd) ssd = std::make_unique<FaceSsdNet>(FaceSsdNet::open(modelsDir));
    else tiny = std::make_unique<Detector>(Detector::open("face", modelsDir));
    FaceLandmarkNet marks = FaceLandmarkNet::open(modelsDir);
    Lane first{std::move(marks), FaceRecognitionNet::open(modelsDir)};
    return FacePipeline(std::move(tiny), std::move(ssd), std::move(first), modelsDir);
}

void FacePipeline::useDetector(FaceDetectorKind kind)
{
    if (kind == detector()) return;
    if (kind == FaceDetectorKind::Ssd) {
        m_ssd = std::make_unique<FaceSsdNet>(FaceSsdNet::open(m_modelsDir));
        m_det.reset();
        return;
    }
    auto tiny = std::make_unique<Detector>(Detector::open("face", m_modelsDir));
    tiny->setKeepOutputs(false);
    m_det = std::move(tiny);
    m_ssd.reset();
}

std::vector<Detection> FacePipeline::detect(const Photo& photo, float scoreThreshold)
{
    if (m_ssd) return m_ssd->detect(photo, scoreThreshold);
    const DetectionRun det = m_det->run(photo);
    const NmsResult nms = nonMaxSuppression(det.candidates, {scoreThreshold, m_det->info().defaultIou, true});
    std::vector<Detection> out;
    for (int i : nms.kept) out.push_back(det.candidates[static_cast<size_t>(i)]); // by descending score
    return out;
}

bool FacePipeline::describeFace(Lane& lane, const Photo& photo, const Detection& d, FaceResult& f)
{
    f.score = d.score;
    f.box = {static_cast<double>(d.box.x1) * photo.width, static_cast<double>(d.box.y1) * photo.height,
             static_cast<double>(d.box.width()) * photo.width, static_cast<double>(d.box.height()) * photo.height};
    const PixelRegion crop = faceCrop(f.box, photo.width, photo.height);
    if (crop.w < 1 || crop.h < 1) return false; // a box outside the photo: nothing to read
    f.landmarks = lane.marks.detect(photo, f.box);
    f.aligned = alignedBox(f.landmarks);
    f.descriptorCrop = faceCrop(dlibAlignedBox(f.landmarks, crop.w, crop.h), photo.width, photo.height);
    if (f.descriptorCrop.w < 1 || f.descriptorCrop.h < 1) return false;
    f.descriptor = lane.rec.describe(photo, f.descriptorCrop);
    return true;
}

std::vector<FaceResult> FacePipeline::run(const Photo& photo, float scoreThreshold)
{
    const std::vector<Detection> found = detect(photo, scoreThreshold);
    const int threads = adaptThreads(); // also sets the detector's count, as before
    const int lanes = std::min(m_fixedLanes > 0 ? m_fixedLanes : threads, static_cast<int>(found.size()));
    while (static_cast<int>(m_lanes.size()) < lanes)
        m_lanes.push_back({FaceLandmarkNet::open(m_modelsDir), FaceRecognitionNet::open(m_modelsDir)});
    std::vector<FaceResult> faces(found.size());
    std::vector<char> ok(found.size(), 0);
    const CancelFlags cancel = currentCancelFlags();
    std::exception_ptr failed; // the first error of any lane, thrown here after the loop
    std::mutex failing;
#pragma omp parallel for num_threads(std::max(lanes, 1)) schedule(dynamic, 1)
    for (int i = 0; i < static_cast<int>(found.size()); ++i) {
        const CancelScope scope(cancel.a, cancel.b); // a photo of a hundred faces stops between faces
        try {
            checkCancelled();
            Lane& lane = m_lanes[static_cast<size_t>(omp_get_thread_num())];
            ok[static_cast<size_t>(i)] = describeFace(lane, photo, found[static_cast<size_t>(i)], faces[static_cast<size_t>(i)]);
        } catch (...) {
            const std::lock_guard<std::mutex> lock(failing);
            if (!failed) failed = std::current_exception();
        }
    }
    if (failed) std::rethrow_exception(failed);
    std::vector<FaceResult> out;
    for (size_t i = 0; i < faces.size(); ++i)
        if (ok[i]) out.push_back(faces[i]);
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
