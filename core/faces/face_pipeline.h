// SPDX-License-Identifier: MIT
// The faces lab's pipeline on one photo, as face-api's detectAllFaces(…).withFaceLandmarks()
// .withFaceDescriptors() runs it: a face detector — the detection lab's tiny face detector (416, NMS IoU 0.4)
// or SSD MobileNet v1 (512, NMS IoU 0.5; core/faces/face_ssd.h) — then per face the 68 landmarks on the
// detection's crop and the 128-D descriptor on the dlib-aligned square. Qt-free.
#pragma once
#include "core/detect/detector.h"
#include "core/faces/face_landmarks.h"
#include "core/faces/face_recognition.h"
#include "core/faces/face_ssd.h"
#include "core/util/json.h"

#include <memory>
#include <string>
#include <vector>

namespace dl {

struct FaceResult {
    float score = 0;
    FaceBox box;                 // photo pixels, as the detector gives it
    FaceLandmarks landmarks;     // photo pixels
    FaceBox aligned;             // face-api's alignedRect (landmark box grown 10 % per side)
    PixelRegion descriptorCrop;  // the region the recognition net read
    FaceDescriptor descriptor{}; // 128 numbers; compare with faceDistance
};

// The verdict of COURSE.md §9's verification: the same person when d(a, b) ≤ τ (face-api: d < 0.6).
constexpr double kFaceThreshold = 0.6;

enum class FaceDetectorKind { Tiny, Ssd };
// "tiny" | "ssd" → the kind; UsageError-free: false when the name is neither.
bool parseFaceDetector(const std::string& name, FaceDetectorKind& kind);
const char* faceDetectorName(FaceDetectorKind kind); // "tiny", "ssd"

class FacePipeline {
  public:
    // models/face-api (tiny_face_detector or ssd_mobilenetv1, face_landmark_68, face_recognition); IoError
    // naming the missing file.
    static FacePipeline open(const std::string& modelsDir, FaceDetectorKind detector = FaceDetectorKind::Tiny);
    FaceDetectorKind detector() const { return m_ssd ? FaceDetectorKind::Ssd : FaceDetectorKind::Tiny; }
    // Another detector from the same models folder; the landmark and recognition nets stay. IoError naming the
    // missing file, and then the pipeline keeps the detector it had.
    void useDetector(FaceDetectorKind kind);
    // Faces by descending score; none when the photo has none (or they are too small for the detector).
    // Between faces it honours the thread's CancelScope (throws dl::Cancelled). The faces' landmarks and
    // descriptors run in lanes, one face per thread (as many lanes as adaptThreads() gives, each with its own
    // copy of the two nets): their convolutions on 112² and 150² inputs are too small to share one between
    // two cores (bench/faces_vs_faceapi.sh: a face took twice as long with two threads on each conv).
    std::vector<FaceResult> run(const Photo& photo, float scoreThreshold = 0.5f);
    // Lanes for the faces: 0 (the default) as adaptThreads() says, else this many (tests).
    void setLanes(int n) { m_fixedLanes = n; }
    // The detector's faces alone (after NMS, by descending score), boxes in the photo's [0, 1] coordinates.
    std::vector<Detection> detect(const Photo& photo, float scoreThreshold = 0.5f);

  private:
    struct Lane {
        FaceLandmarkNet marks;
        FaceRecognitionNet rec;
    };
    FacePipeline(std::unique_ptr<Detector> tiny, std::unique_ptr<FaceSsdNet> ssd, Lane first, std::string modelsDir);
    // One face: landmarks on the detection's crop, the aligned square, the descriptor; false when the box
    // leaves nothing of the photo to read.
    static bool describeFace(Lane& lane, const Photo& photo, const Detection& d, FaceResult& f);
    std::unique_ptr<Detector> m_det; // exactly one of these two
    std::unique_ptr<FaceSsdNet> m_ssd;
    std::vector<Lane> m_lanes; // the first opened with the pipeline, more on the first photo with 2+ faces
    std::string m_modelsDir;
    int m_fixedLanes = 0;
};

// `dlcli faces --json`'s object for one photo: {"image", "width", "height", "faces": [{"score", "x", "y",
// "w", "h", "landmarks": [[x, y] × 68], "descriptor": [128]}]}, pixels to 0.01, descriptor to 1e-6.
Json facesJson(const std::string& image, const Photo& photo, const std::vector<FaceResult>& faces);

} // namespace dl
