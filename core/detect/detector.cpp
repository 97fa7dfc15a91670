// SPDX-License-Identifier: MIT
#include "core/detect/detector.h"

#include "core/detect/yolo_decode.h"
#include "core/models/tfjs_net.h"
#include "core/util/error.h"
#include "core/util/file.h"

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace dl {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> readNames(const fs::path& file)
{
    std::vector<std::string> names;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
        if (!line.empty()) names.push_back(line);
    }
    return names;
}

std::string need(const fs::path& file, const std::string& what)
{
    return readModelFile(file.string(), what);
}

// Tiny YOLOv2 anchors of face-api's TinyFaceDetector, in grid cells (MODELS.md §1.3).
const std::vector<float> kFaceAnchors{1.603231f, 2.094468f, 6.041143f, 7.080126f, 2.882459f,
                                      3.518061f, 4.266906f, 5.178857f, 9.041765f, 10.66308f};

} // namespace

DarknetNet buildTinyFaceNet(const std::vector<NamedTensor>& weights, int inputSize)
{
    const TfjsTensors t(weights, "the face model", "tiny_face_detector");
    if (inputSize < 32 || inputSize % 32 || inputSize > 1024)
        throw ConfigError("the face detector's input size must be a multiple of 32 between 32 and 1024");
    DarknetNet net(3, inputSize, inputSize);
    // TF 'same' 2×2 pools: total padding (out−1)·s + k − in, all of it at the bottom/right (offset 0).
    auto samePool = [&](int stride) {
        const int in = net.layers().back().h, out = (in + stride - 1) / stride;
        net.addMaxPool(2, stride, std::max((out - 1) * stride + 2 - in, 0));
    };
    net.addConv(16, 3, 1, 0, 1, false, DnAct::Leaky); // conv0: 'valid'
    loadHwioConv(*net.layers().back().conv, t.get("conv0/filters", {3, 3, 3, 16}), &t.get("conv0/bias", {16}), false);
    const int channels[] = {16, 32, 64, 128, 256, 512};
    for (int k = 1; k <= 5; ++k) {
        samePool(2);
        const int cin = channels[k - 1], cout = channels[k];
        const std::string n = "conv" + std::to_string(k);
        net.addConv(cin, 3, 1, 1, cin, false, DnAct::Linear); // separable: depthwise, pad 1, no bias
        loadHwioConv(*net.layers().back().conv, t.get(n + "/depthwise_filter", {3, 3, cin, 1}), nullptr, true);
        net.addConv(cout, 1, 1, 0, 1, false, DnAct::Leaky); // then pointwise + bias, leaky 0.1
        loadHwioConv(*net.layers().back().conv, t.get(n + "/pointwise_filter", {1, 1, cin, cout}),
                &t.get(n + "/bias", {cout}), false);
    }
    samePool(1);
    net.addConv(25, 1, 1, 0, 1, false, DnAct::Linear);
    loadHwioConv(*net.layers().back().conv, t.get("conv8/filters", {1, 1, 512, 25}), &t.get("conv8/bias", {25}),
            false);
    HeadSpec head;
    head.region = true;
    head.classes = 0;
    head.anchors = kFaceAnchors;
    net.addHead(head);
    return net;
}

Detector Detector::open(const std::string& spec, const std::string& modelsDir)
{
    const fs::path dir = modelsDir.empty() ? fs::path("models") : fs::path(modelsDir);
    ModelInfo info;
    info.key = spec;
    if (spec == "face") {
        DarknetNet net = buildTinyFaceNet(
            loadTfjsModel((dir / "face-api").string(), "tiny_face_detector_model", "The face model"), 416);
        info.title = "face-api tiny face detector (faces)";
        info.classes = {"face"};
        info.recipe = {416, 416, InputFit::PadSquare, {117.001f, 114.697f, 97.404f}, 1.f / 255};
        info.defaultScore = 0.5f, info.defaultIou = 0.4f; // face-api TinyFaceDetectorOptions defaults
        return Detector(std::move(net), std::move(info));
    }
    fs::path cfg, weights;
    if (spec == "coco" || spec == "coco-small") {
        const std::string stem = spec == "coco" ? "yolo-fastest-1.1-xl" : "yolo-fastest-1.1";
        cfg = dir / "yolo-fastest-1.1" / (stem + ".cfg");
        weights = dir / "yolo-fastest-1.1" / (stem + ".weights");
        info.title =
            std::string(spec == "coco" ? "Yolo-Fastest-1.1-xl" : "Yolo-Fastest-1.1") + " (COCO, 80 classes)";
    } else {
        size_t cut = spec.find(".cfg:");
        cut = cut == std::string::npos ? spec.find(':') : cut + 4;
        if (cut == std::string::npos || cut + 1 >= spec.size())
            throw ConfigError("unknown model \"" + spec +
                              "\"; use coco, coco-small, face or CFG:WEIGHTS (two paths).");
        cfg = spec.substr(0, cut);
        weights = spec.substr(cut + 1);
        info.title = cfg.filename().string();
    }
    DarknetNet net = DarknetNet::fromCfg(need(cfg, "The model's cfg"), cfg.filename().string());
    net.loadWeights(need(weights, "The model's weights"), weights.filename().string());
    if (net.headLayers().empty())
        throw FormatError(cfg.filename().string() +
                          " has no [yolo] or [region] layer, so it is not a detector.");
    const int classes = net.layers()[static_cast<size_t>(net.headLayers().front())].head.classes;
    std::error_code ec;
    for (const fs::path& names :
         {fs::path(cfg).replace_extension(".names"), cfg.parent_path() / "coco.names",
          dir / "yolo-fastest-1.1" / "coco.names", fs::path("/usr/share/darknet/data/coco.names")}) {
        if (!fs::is_regular_file(names, ec)) continue;
        std::vector<std::string> n = readNames(names);
        if (static_cast<int>(n.size()) == classes) {
            info.classes = std::move(n);
            break;
        }
    }
    info.recipe = {net.inputW(),
                   net.inputH(),
                   net.letterbox() ? InputFit::Letterbox : InputFit::Stretch,
                   {0, 0, 0},
                   1.f / 255};
    return Detector(std::move(net), std::move(info));
}

std::string className(const std::vector<std::string>& classes, int k)
{
    if (k >= 0 && k < static_cast<int>(classes.size())) return classes[static_cast<size_t>(k)];
    return "class " + std::to_string(k);
}

std::string Detector::className(int k) const
{
    return dl::className(m_info.classes, k);
}

Json detectionsJson(const std::vector<Detection>& candidates, const std::vector<int>& kept, int imageW,
                    int imageH, const std::vector<std::string>& classes)
{
    Json list = Json::array();
    for (int i : kept) {
        const Detection& d = candidates[static_cast<size_t>(i)];
        const PixelRect r = toPixels(d.box, imageW, imageH);
        Json o = Json::object();
        o.set("class", className(classes, d.cls)).set("score", std::round(d.score * 1e4) / 1e4);
        auto tenth = [](float v) {
            return std::round(static_cast<double>(v) * 10) / 10;
        }; // in double: 113.9, not 113.90000153
        o.set("x", tenth(r.x)).set("y", tenth(r.y)).set("w", tenth(r.w)).set("h", tenth(r.h));
        list.push(o);
    }
    return list;
}

DetectionRun Detector::run(const Photo& photo, float floor)
{
    const auto t0 = std::chrono::steady_clock::now();
    DetectionRun r;
    const Tensor x = makeNetInput(photo, m_info.recipe, r.map);
    const auto t1 = std::chrono::steady_clock::now();
    m_net.forward(x);
    r.forwardSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
    const std::vector<int> heads = m_net.headLayers();
    for (size_t h = 0; h < heads.size(); ++h) {
        const DnLayer& l = m_net.layers()[static_cast<size_t>(heads[h])];
        r.heads.push_back({heads[h], l.h, l.w, l.head});
        std::vector<Detection> d =
            decodeHead(m_net.output(heads[h]), l.head, static_cast<int>(h), r.map, floor);
        r.candidates.insert(r.candidates.end(), d.begin(), d.end());
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return r;
}

} // namespace dl
