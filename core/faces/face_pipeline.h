// SPDX-License-Identifier: MIT
// The faces lab's pipeline on one photo, as face-api's detectAllFaces(tiny, 416, 0.5).withFaceLandmarks()
// .withFaceDescriptors() runs it: the detection lab's tiny face detector and NMS (IoU 0.4), then per face the
// 68 landmarks on the detection's crop and the 128-D descriptor on the dlib-aligned square. Qt-free.
#pragma once
#include "core/detect/detector.h"
#include "core/faces/face_landmarks.h"
#include "core/faces/face_recognition.h"
#include "core/util/json.h"

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

class FacePipeline {
  public:
    // models/face-api (tiny_face_detector, face_landmark_68, face_recognition); IoError naming the missing file.
    static FacePipeline open(const std::string& modelsDir);
    // Faces by descending score; none when the photo has none (or they are too small for the detector).
    // Between faces it honours the thread's CancelScope (throws dl::Cancelled).
    std::vector<FaceResult> run(const Photo& photo, float scoreThreshold = 0.5f);

  private:
    FacePipeline(Detector det, FaceLandmarkNet marks, FaceRecognitionNet rec);
    Detector m_det;
    FaceLandmarkNet m_marks;
    FaceRecognitionNet m_rec;
};

// `dlcli faces --json`'s object for one photo: {"image", "width", "height", "faces": [{"score", "x", "y",
// "w", "h", "landmarks": [[x, y] × 68], "descriptor": [128]}]}, pixels to 0.01, descriptor to 1e-6.
Json facesJson(const std::string& image, const Photo& photo, const std::vector<FaceResult>& faces);

} // namespace dl
