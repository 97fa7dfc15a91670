// SPDX-License-Identifier: MIT
// The detection lab's model facade: finds and opens a model by name (coco, coco-small, face, CFG:WEIGHTS),
// knows how its input is made and its class names, and runs photo → candidates (all boxes above a low
// floor, before NMS) so that thresholds can be changed later without running the network again.
#pragma once
#include "core/detect/yolo_decode.h"
#include "core/models/model_files.h"
#include "core/models/darknet_net.h"
#include "core/models/photo.h"
#include "core/models/tfjs_weights.h"
#include "core/util/json.h"

#include <string>
#include <vector>

namespace dl {

constexpr float kCandidateFloor = 0.01f; // lowest score kept for the sliders

struct ModelInfo {
    std::string key;   // "coco", "coco-small", "face", or the cfg path
    std::string title; // "Yolo-Fastest-1.1-xl (COCO, 80 classes)"
    std::vector<std::string> classes;
    InputRecipe recipe;
    float defaultScore = 0.25f, defaultIou = 0.45f;
};

struct HeadInfo {
    int layer = 0; // index in DarknetNet::layers()
    int gh = 0, gw = 0;
    HeadSpec spec;
};

struct DetectionRun {
    InputMapping map;
    std::vector<Detection> candidates; // score ≥ floor, head by head in decode order
    std::vector<HeadInfo> heads;
    double seconds = 0;        // network input + forward + decode
    double forwardSeconds = 0; // the forward pass alone (what OpenCV's net.forward() does)
};


class Detector {
  public:
    // spec: coco | coco-small | face | CFG:WEIGHTS. Throws IoError/FormatError with one sentence that
    // says which file is missing or wrong and what to do.
    static Detector open(const std::string& spec, const std::string& modelsDir);

    const ModelInfo& info() const { return m_info; }
    const DarknetNet& net() const { return m_net; }
    void setKeepOutputs(bool keep) { m_net.setKeepOutputs(keep); } // see DarknetNet::setKeepOutputs
    DetectionRun run(const Photo& photo, float floor = kCandidateFloor);
    std::string className(int k) const;

  private:
    Detector(DarknetNet net, ModelInfo info) : m_net(std::move(net)), m_info(std::move(info)) {}
    DarknetNet m_net;
    ModelInfo m_info;
};

// Class k's name, or "class k" when the model came without names.
std::string className(const std::vector<std::string>& classes, int k);

// The detections `kept` (indices into `candidates`) as `dlcli detect --json` and the lab's JSON export
// write them: [{class, score, x, y, w, h}] in pixels of an imageW × imageH photo, score to 4 decimals,
// box to 0.1 px.
Json detectionsJson(const std::vector<Detection>& candidates, const std::vector<int>& kept, int imageW,
                    int imageH, const std::vector<std::string>& classes);

// face-api's tiny face detector (MODELS.md §1.3) as a DarknetNet: HWIO filters transposed to OIHW,
// TF 'same' max pools expressed as darknet pools (same outputs), 5-anchor region head without classes.
DarknetNet buildTinyFaceNet(const std::vector<NamedTensor>& weights, int inputSize);

} // namespace dl
