// SPDX-License-Identifier: MIT
#include "core/faces/face_ssd.h"

#include "core/detect/nms.h"
#include "core/models/tfjs_net.h"
#include "core/util/error.h"
#include "core/util/threads.h"

#include <algorithm>
#include <cmath>

namespace dl {

namespace {

const float kSsdMean[3] = {127.5f, 127.5f, 127.5f};  // face-api: x / 127.5 − 1 = (x − 127.5) / 127.5
constexpr float kBnEpsilon = 0.0010000000474974513f; // face-api mobileNetV1's depthwise batch norm
constexpr float kNmsIou = 0.5f;                      // face-api SsdMobilenetv1.locateFaces

// TF 'same': a 3×3 at stride 1 pads 1 on every side (the conv's own padding); at stride 2 run() pads
// TF's way (padTfSame) and the conv reads it 'valid'.
std::unique_ptr<Conv2d> makeConv(int cin, int cout, int k, int stride, int groups)
{
    Conv2dSpec s;
    s.inChannels = cin, s.outChannels = cout, s.kernel = k, s.stride = stride, s.groups = groups;
    s.pad = stride == 1 ? (k - 1) / 2 : 0;
    s.gradients = false;
    return std::make_unique<Conv2d>(s);
}

} // namespace

FaceSsdNet FaceSsdNet::fromWeights(const std::vector<NamedTensor>& weights)
{
    const TfjsTensors t(weights, "the SSD face model", "ssd_mobilenetv1_model");
    FaceSsdNet net;
    // A 'pointwise' layer in face-api's names: conv (any k) + folded batch-norm offset, ReLU6, TF 'same'.
    auto pointwise = [&](const std::string& p, int k, int cin, int cout, int stride) {
        Conv c{makeConv(cin, cout, k, stride, 1), k, stride, true};
        loadHwioConv(*c.conv, t.get(p + "/weights", {k, k, cin, cout}),
                     &t.get(p + "/convolution_bn_offset", {cout}), false);
        return c;
    };
    net.m_backbone.push_back(pointwise("MobilenetV1/Conv2d_0_pointwise", 3, 3, 32, 2));
    const int channels[14] = {32, 64, 128, 128, 256, 256, 512, 512, 512, 512, 512, 512, 1024, 1024};
    for (int i = 1; i <= 13; ++i) {
        const int cin = channels[i - 1], cout = channels[i];
        const std::string d = "MobilenetV1/Conv2d_" + std::to_string(i) + "_depthwise";
        // batch norm y = (x − mean)/√(var + ε)·γ + β folded: W' = s·W, b' = β − mean·s with s = γ/√(var + ε)
        const NamedTensor& gamma = t.get(d + "/BatchNorm/gamma", {cin});
        const NamedTensor& beta = t.get(d + "/BatchNorm/beta", {cin});
        const NamedTensor& mean = t.get(d + "/BatchNorm/moving_mean", {cin});
        const NamedTensor& var = t.get(d + "/BatchNorm/moving_variance", {cin});
        NamedTensor scale{"scale", {cin}, std::vector<float>(static_cast<size_t>(cin))}, shift = scale;
        for (size_t c = 0; c < static_cast<size_t>(cin); ++c) {
            scale.values[c] = gamma.values[c] / std::sqrt(var.values[c] + kBnEpsilon);
            shift.values[c] = beta.values[c] - mean.values[c] * scale.values[c];
        }
        const bool down = i == 2 || i == 4 || i == 6 || i == 12; // face-api getStridesForLayerIdx
        Conv dw{makeConv(cin, cin, 3, down ? 2 : 1, cin), 3, down ? 2 : 1, true};
        loadHwioConv(*dw.conv, t.get(d + "/depthwise_weights", {3, 3, cin, 1}), nullptr, true, &scale,
                     &shift);
        net.m_backbone.push_back(std::move(dw));
        net.m_backbone.push_back(
            pointwise("MobilenetV1/Conv2d_" + std::to_string(i) + "_pointwise", 1, cin, cout, 1));
    }
    const int extraIn[8] = {1024, 256, 512, 128, 256, 128, 256, 64},
              extraOut[8] = {256, 512, 128, 256, 128, 256, 64, 128};
    for (int j = 0; j < 8; ++j)
        net.m_extra[static_cast<size_t>(j)] =
            pointwise("Prediction/Conv2d_" + std::to_string(j) + "_pointwise", j % 2 ? 3 : 1, extraIn[j],
                      extraOut[j], j % 2 ? 2 : 1);
    const int sourceChannels[6] = {512, 1024, 512, 256, 256, 128};
    for (int k = 0; k < 6; ++k) {
        const std::string p = "Prediction/BoxPredictor_" + std::to_string(k);
        const int cin = sourceChannels[k], anchors = k == 0 ? 3 : 6;
        auto head = [&](const std::string& name, int cout) {
            Conv c{makeConv(cin, cout, 1, 1, 1), 1, 1, false};
            loadHwioConv(*c.conv, t.get(p + "/" + name + "/weights", {1, 1, cin, cout}),
                         &t.get(p + "/" + name + "/biases", {cout}), false);
            return c;
        };
        net.m_box[static_cast<size_t>(k)] = head("BoxEncodingPredictor", anchors * 4);
        net.m_class[static_cast<size_t>(k)] = head("ClassPredictor", anchors * 3);
    }
    net.m_anchors = t.get("Output/extra_dim", {1, kSsdAnchors, 4}).values;
    return net;
}

FaceSsdNet FaceSsdNet::open(const std::string& modelsDir)
{
    const std::string dir = (modelsDir.empty() ? std::string("models") : modelsDir) + "/face-api";
    return fromWeights(loadTfjsModel(dir, "ssd_mobilenetv1_model", "The SSD face model"));
}

// tf.conv2d / depthwiseConv2d with 'same' padding, then ReLU6 (tf.clipByValue(x, 0, 6)) where face-api has
// it.
void FaceSsdNet::run(Conv& c, const Tensor& x, Tensor& out)
{
    if (c.stride == 2) {
        padTfSame(x, c.kernel, c.stride, m_pad);
        c.conv->forwardInto(m_pad, out);
    } else {
        c.conv->forwardInto(x, out);
    }
    if (!c.relu6) return;
    float* v = out.data();
    for (size_t i = 0; i < out.size(); ++i) v[i] = std::min(std::max(v[i], 0.f), 6.f);
}

SsdRaw FaceSsdNet::forward(const Tensor& input)
{
    DL_CHECK(input.rank() == 4 && input.dim(0) == 1 && input.dim(1) == 3 && input.dim(2) == kSsdInputSize &&
                 input.dim(3) == kSsdInputSize,
             "SSD face detector: the input must be (1, 3, 512, 512)");
    adaptThreads();
    const Tensor* x = &input;
    for (size_t l = 0; l < m_backbone.size(); ++l) {
        // Pair 11's pointwise output (layer 22: conv 0, then dw/pw per pair) is a box predictor's source:
        // written straight into its own buffer, the next layer reads it there.
        Tensor& out = l == 22 ? m_conv11 : x == &m_a ? m_b : m_a;
        run(m_backbone[l], *x, out);
        x = &out;
    }
    const Tensor& features = *x; // 16 × 16 × 1024
    const Tensor* e = &features;
    for (size_t j = 0; j < m_extra.size(); ++j) {
        Tensor& out = j % 2 ? m_sources[j / 2] : m_extraIn; // the 1×1 layers' outputs feed the next 3×3 only
        run(m_extra[j], *e, out);
        e = &out;
    }
    const Tensor* sources[6] = {&m_conv11,     &features,     &m_sources[0],
                                &m_sources[1], &m_sources[2], &m_sources[3]};
    SsdRaw raw;
    raw.boxes.reserve(static_cast<size_t>(kSsdAnchors) * 4);
    raw.scores.reserve(kSsdAnchors);
    std::vector<float> enc;
    enc.reserve(static_cast<size_t>(kSsdAnchors) * 4);
    for (size_t k = 0; k < 6; ++k) {
        // TF's NHWC outputs reshaped row-major: cell (y, x), then anchor a, then the a·4 + i (or a·3 + i)
        // channel.
        run(m_box[k], *sources[k], m_pred);
        const int cells = m_pred.dim(2) * m_pred.dim(3), anchors = m_pred.dim(1) / 4;
        for (int cell = 0; cell < cells; ++cell)
            for (int ch = 0; ch < anchors * 4; ++ch)
                enc.push_back(m_pred[static_cast<size_t>(ch) * cells + cell]);
        run(m_class[k], *sources[k], m_pred);
        for (int cell = 0; cell < cells; ++cell)
            for (int a = 0; a < anchors; ++a) {
                const float logit = m_pred[static_cast<size_t>(a * 3 + 1) * cells + cell];
                raw.scores.push_back(1.f / (1.f + std::exp(-logit)));
            }
    }
    DL_CHECK(raw.scores.size() == static_cast<size_t>(kSsdAnchors),
             "SSD face detector: unexpected anchor count");
    // The box coder of the TF Object Detection API (face-api outputLayer): anchor (ymin, xmin, ymax, xmax) →
    // centre and size; cy = ty/10·ha + cya, cx = tx/10·wa + cxa, h = e^(th/5)·ha, w = e^(tw/5)·wa.
    for (size_t i = 0; i < static_cast<size_t>(kSsdAnchors); ++i) {
        const float* an = &m_anchors[i * 4];
        const float* t = &enc[i * 4];
        const float ha = an[2] - an[0], wa = an[3] - an[1], cya = an[0] + ha / 2, cxa = an[1] + wa / 2;
        const float cy = t[0] / 10 * ha + cya, cx = t[1] / 10 * wa + cxa;
        const float hh = std::exp(t[2] / 5) * ha / 2, hw = std::exp(t[3] / 5) * wa / 2;
        raw.boxes.insert(raw.boxes.end(), {cy - hh, cx - hw, cy + hh, cx + hw});
    }
    return raw;
}

std::vector<Detection> FaceSsdNet::detect(const Photo& photo, float minConfidence, int maxResults)
{
    const SsdRaw raw = forward(padSquareInput(photo, {0, 0, photo.width, photo.height}, false, kSsdInputSize,
                                              kSsdMean, 1.f / 127.5f));
    std::vector<Detection> candidates;
    for (size_t i = 0; i < raw.scores.size(); ++i) {
        if (!(raw.scores[i] > minConfidence)) continue;
        Detection d;
        d.box = {raw.boxes[i * 4 + 1], raw.boxes[i * 4], raw.boxes[i * 4 + 3], raw.boxes[i * 4 + 2]};
        d.score = raw.scores[i];
        candidates.push_back(d);
    }
    const NmsResult nms = nonMaxSuppression(candidates, {minConfidence, kNmsIou, false});
    // face-api: clamp to the padded square's [0, 1], then × 512 / the photo's reshaped side (the padding
    // undone).
    const double s = static_cast<double>(kSsdInputSize) / std::max(photo.width, photo.height);
    const float padX = static_cast<float>(kSsdInputSize / std::round(photo.width * s));
    const float padY = static_cast<float>(kSsdInputSize / std::round(photo.height * s));
    std::vector<Detection> out;
    for (int i : nms.kept) {
        if (static_cast<int>(out.size()) >= maxResults) break;
        Detection d = candidates[static_cast<size_t>(i)];
        d.box = {std::max(0.f, d.box.x1) * padX, std::max(0.f, d.box.y1) * padY,
                 std::min(1.f, d.box.x2) * padX, std::min(1.f, d.box.y2) * padY};
        out.push_back(d);
    }
    return out;
}

} // namespace dl
