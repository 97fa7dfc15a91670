// SPDX-License-Identifier: MIT
// The Detection lab headless: YOLO on one photo (Detector::run, then NMS).
#include "app/labs/detection/cli.h"

#include "core/detect/annotate.h"
#include "core/detect/detector.h"
#include "core/detect/nms.h"
#include "core/util/file.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

namespace {

using dlcli::Args;
using dlcli::Kind;
using dlcli::UsageError;

// dlcli detect: the Detection lab's pipeline (Detector::run, then NMS) on one photo.
int detect(const Args& a)
{
    const char* argv0 = a.program.c_str();
    if (a.positional.empty()) throw UsageError("detect needs an IMAGE");
    const std::string path = a.positional.front();
    const auto t0 = std::chrono::steady_clock::now();
    const std::string exeDir = std::filesystem::path(argv0).parent_path().string();
    dl::Detector det =
        dl::Detector::open(a.str("model", "coco"), dl::findModelsDir(a.str("models", ""), exeDir));
    det.setKeepOutputs(false); // nothing reads the inner layers here: reuse their buffers
    const dl::Photo photo = dl::loadPhoto(path);
    dl::NmsOptions opt;
    opt.scoreThreshold = static_cast<float>(a.num("score", det.info().defaultScore));
    opt.iouThreshold = static_cast<float>(a.num("iou", det.info().defaultIou));
    opt.perClass = !a.has("class-agnostic");
    if (opt.scoreThreshold < dl::kCandidateFloor || opt.scoreThreshold > 1 || opt.iouThreshold < 0 ||
        opt.iouThreshold > 1)
        throw UsageError("--score must be in [0.01, 1] and --iou in [0, 1]");
    const dl::DetectionRun run = det.run(photo);
    std::vector<double> whole, forward;
    std::vector<double> perLayer(det.net().layers().size(), 0.0);
    for (int r = 0; r < static_cast<int>(a.num("repeat", 0)); ++r) {
        const dl::DetectionRun again = det.run(photo);
        whole.push_back(again.seconds);
        forward.push_back(again.forwardSeconds);
        for (size_t l = 0; l < perLayer.size(); ++l) perLayer[l] += det.net().layerSeconds()[l];
    }
    if (a.has("profile") && !forward.empty()) { // mean milliseconds per layer, to stderr
        for (size_t l = 0; l < perLayer.size(); ++l)
            std::fprintf(stderr, "%3zu %-40s %7.3f ms\n", l, det.net().layers()[l].describe().c_str(),
                         perLayer[l] * 1e3 / forward.size());
    }
    const dl::NmsResult nms = dl::nonMaxSuppression(run.candidates, opt);
    const dl::Json list =
        dl::detectionsJson(run.candidates, nms.kept, photo.width, photo.height, det.info().classes);
    std::vector<dl::Label> labels;
    for (int i : nms.kept) {
        const dl::Detection& d = run.candidates[static_cast<size_t>(i)];
        char text[96];
        std::snprintf(text, sizeof text, "%s %.2f", det.className(d.cls).c_str(), d.score);
        labels.push_back({d.box, d.cls, text});
    }
    if (a.has("annotate")) dl::writeFileAtomic(a.str("annotate", ""), dl::annotatePng(photo, labels));
    dl::Json j = dl::Json::object();
    j.set("image", path)
        .set("width", photo.width)
        .set("height", photo.height)
        .set("model", a.str("model", "coco"));
    j.set("seconds", std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    j.set("network_seconds", run.seconds);
    if (!forward.empty()) { // medians of --repeat runs: network input + forward + decode, and forward alone
        std::sort(whole.begin(), whole.end());
        std::sort(forward.begin(), forward.end());
        j.set("repeat_median_seconds", whole[whole.size() / 2])
            .set("forward_median_seconds", forward[forward.size() / 2]);
    }
    j.set("candidates", static_cast<int>(nms.candidates.size())).set("detections", list);
    if (a.has("json")) {
        std::cout << j.dump() << std::endl;
    } else {
        for (const dl::Label& l : labels) {
            const dl::PixelRect r = dl::toPixels(l.box, photo.width, photo.height);
            std::printf("%-16s [%6.1f %6.1f %6.1f %6.1f]\n", l.text.c_str(), r.x, r.y, r.w, r.h);
        }
        std::printf("%zu detections (%zu candidates before NMS), network %.1f ms\n", labels.size(),
                    nms.candidates.size(), run.seconds * 1e3);
    }
    return 0;
}

} // namespace

std::vector<dlcli::Command> detectionCommands()
{
    return {
        {"detect",
         "YOLO object detection (the Detection lab headless): one JSON object with boxes in pixels of IMAGE",
         {{"model", Kind::Text, "coco|coco-small|face|CFG:WEIGHTS (coco)"},
          {"score", Kind::Number, "score threshold (the model's default)"},
          {"iou", Kind::Number, "NMS IoU threshold (the model's default)"},
          {"class-agnostic", Kind::Flag, "NMS across classes instead of per class"},
          {"annotate", Kind::Text, "write the photo with its boxes to this PNG"},
          dlcli::modelsOption(),
          {"repeat", Kind::Number, "time the forward pass N times"},
          {"profile", Kind::Flag, "print each layer's time"}},
         "IMAGE",
         1,
         detect},
    };
}
