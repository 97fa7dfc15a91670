// SPDX-License-Identifier: MIT
#include "core/faces/face_landmarks.h"

#include "core/models/tfjs_net.h"
#include "core/util/error.h"

#include <algorithm>
#include <cmath>

namespace dl {

namespace {

const float kLandmarkMean[3] = {122.782f, 117.001f, 104.298f}; // face-api FaceFeatureExtractor, RGB

std::unique_ptr<Conv2d> makeConv(int cin, int cout, int k, int stride, int pad, int groups)
{
    Conv2dSpec s;
    s.inChannels = cin, s.outChannels = cout, s.kernel = k, s.stride = stride, s.pad = pad, s.groups = groups;
    s.gradients = false;
    return std::make_unique<Conv2d>(s);
}

void addInto(Tensor& acc, const Tensor& x)
{
    for (size_t i = 0; i < acc.size(); ++i) acc[i] += x[i];
}

void relu(Tensor& x)
{
    for (size_t i = 0; i < x.size(); ++i) x[i] = std::max(x[i], 0.f);
}

} // namespace

PixelRegion faceCrop(const FaceBox& b, int photoW, int photoH)
{
    const double x = std::max(b.x, 0.0), y = std::max(b.y, 0.0); // face-api Box.clipAtImageBorders, then floor
    const double w = std::min(b.x + b.w - x, photoW - x), h = std::min(b.y + b.h - y, photoH - y);
    PixelRegion r{static_cast<int>(std::floor(x)), static_cast<int>(std::floor(y)), static_cast<int>(std::floor(w)),
                static_cast<int>(std::floor(h))};
    r.w = std::max(r.w, 0), r.h = std::max(r.h, 0);
    return r;
}

FaceBox alignedBox(const FaceLandmarks& p)
{
    double x0 = p[0].x, y0 = p[0].y, x1 = p[0].x, y1 = p[0].y;
    for (const PointF& q : p) x0 = std::min(x0, q.x), y0 = std::min(y0, q.y), x1 = std::max(x1, q.x), y1 = std::max(y1, q.y);
    const double w = x1 - x0, h = y1 - y0; // Box.pad(0.2 w, 0.2 h): half of it on each side
    return {x0 - 0.1 * w, y0 - 0.1 * h, w + 0.2 * w, h + 0.2 * h};
}

FaceBox dlibAlignedBox(const FaceLandmarks& p, int cropW, int cropH)
{
    auto centre = [&](int from, int to) { // getCenterPoint of positions [from, to)
        PointF c;
        for (int i = from; i < to; ++i) c.x += p[static_cast<size_t>(i)].x, c.y += p[static_cast<size_t>(i)].y;
        return PointF{c.x / (to - from), c.y / (to - from)};
    };
    const PointF le = centre(36, 42), re = centre(42, 48), mouth = centre(48, 68);
    auto toMouth = [&](const PointF& q) { return std::hypot(mouth.x - q.x, mouth.y - q.y); };
    const double size = std::floor((toMouth(le) + toMouth(re)) / 2 / 0.45);
    const PointF ref{(le.x + re.x + mouth.x) / 3, (le.y + re.y + mouth.y) / 3};
    const double x = std::floor(std::max(0.0, ref.x - 0.5 * size)), y = std::floor(std::max(0.0, ref.y - 0.43 * size));
    return {x, y, std::min(size, cropW + x), std::min(size, cropH + y)};
}

FaceLandmarkNet FaceLandmarkNet::fromWeights(const std::vector<NamedTensor>& weights)
{
    const TfjsTensors t(weights, "the face landmark model", "face_landmark_68_model");
    FaceLandmarkNet net;
    const int channels[] = {32, 64, 128, 256};
    for (int d = 0; d < 4; ++d) {
        const int cin = d == 0 ? 3 : channels[d - 1], c = channels[d];
        for (int k = 0; k < 4; ++k) {
            const std::string p = "dense" + std::to_string(d) + "/conv" + std::to_string(k);
            const int in = k == 0 ? cin : c, stride = k == 0 ? 2 : 1, pad = stride == 2 ? 0 : 1;
            Separable& s = net.m_dense[static_cast<size_t>(d)].conv[static_cast<size_t>(k)];
            if (d == 0 && k == 0) { // a plain 3×3 convolution with bias
                s.pointwise = makeConv(in, c, 3, stride, pad, 1);
                loadHwioConv(*s.pointwise, t.get(p + "/filters", {3, 3, in, c}), &t.get(p + "/bias", {c}), false);
                continue;
            }
            s.depthwise = makeConv(in, in, 3, stride, pad, in);
            loadHwioConv(*s.depthwise, t.get(p + "/depthwise_filter", {3, 3, in, 1}), nullptr, true);
            s.pointwise = makeConv(in, c, 1, 1, 0, 1);
            loadHwioConv(*s.pointwise, t.get(p + "/pointwise_filter", {1, 1, in, c}), &t.get(p + "/bias", {c}), false);
        }
    }
    net.m_fcW = t.get("fc/weights", {256, 2 * kLandmarkCount}).values;
    net.m_fcB = t.get("fc/bias", {2 * kLandmarkCount}).values;
    return net;
}

FaceLandmarkNet FaceLandmarkNet::open(const std::string& modelsDir)
{
    const std::string dir = (modelsDir.empty() ? std::string("models") : modelsDir) + "/face-api";
    return fromWeights(loadTfjsModel(dir, "face_landmark_68_model", "The face landmark model"));
}

// face-api depthwiseSeparableConv (tf.separableConv2d, 'same', + bias) or block 0's conv0 (tf.conv2d + bias).
void FaceLandmarkNet::runConv(Separable& s, const Tensor& x, Tensor& out, int stride)
{
    const Tensor* in = &x;
    if (stride == 2) {
        padTfSame(x, 3, 2, m_pad); // TF 'same' at stride 2: (0, 1) for an even side
        in = &m_pad;
    }
    if (!s.depthwise) {
        s.pointwise->forwardInto(*in, out);
        return;
    }
    s.depthwise->forwardInto(*in, m_tmp);
    s.pointwise->forwardInto(m_tmp, out);
}

// face-api denseBlock4: out1 = relu(conv0(x)), out2 = conv1(out1), out3 = conv2(relu(out1 + out2)),
// out4 = conv3(relu(out1 + out2 + out3)), block = relu(out1 + out2 + out3 + out4).
std::vector<float> FaceLandmarkNet::forward(const Tensor& input)
{
    DL_CHECK(input.rank() == 4 && input.dim(0) == 1 && input.dim(1) == 3 && input.dim(2) == kLandmarkInputSize &&
                 input.dim(3) == kLandmarkInputSize,
             "face landmarks: the input must be (1, 3, 112, 112)");
    m_x = input;
    for (Dense& d : m_dense) {
        runConv(d.conv[0], m_x, m_out[0], 2);
        relu(m_out[0]);
        m_x = m_out[0]; // from here the running sum out1 + … + out_k
        runConv(d.conv[1], m_out[0], m_out[1], 1);
        addInto(m_x, m_out[1]);
        for (size_t k = 2; k < 4; ++k) {
            m_in = m_x;
            relu(m_in);
            runConv(d.conv[k], m_in, m_out[k], 1);
            addInto(m_x, m_out[k]);
        }
        relu(m_x);
    }
    // avgPool 7×7 stride 2 'valid' over the 7 × 7 × 256 output: one mean per channel; then fc with bias.
    const int C = m_x.dim(1), hw = m_x.dim(2) * m_x.dim(3);
    DL_CHECK(C == 256 && m_x.dim(2) == 7 && m_x.dim(3) == 7, "face landmarks: unexpected feature size");
    std::vector<float> y(m_fcB);
    for (int c = 0; c < C; ++c) {
        double g = 0;
        for (int i = 0; i < hw; ++i) g += m_x[static_cast<size_t>(c) * hw + i];
        const float mean = static_cast<float>(g / hw);
        for (size_t k = 0; k < y.size(); ++k) y[k] += mean * m_fcW[static_cast<size_t>(c) * y.size() + k];
    }
    return y;
}

FaceLandmarks FaceLandmarkNet::detect(const Photo& photo, const FaceBox& box, PixelRegion* crop)
{
    const PixelRegion r = faceCrop(box, photo.width, photo.height);
    if (crop) *crop = r;
    if (r.w < 1 || r.h < 1) throw ConfigError("the face box lies outside the photo");
    const std::vector<float> o = forward(padSquareInput(photo, r, true, kLandmarkInputSize, kLandmarkMean, 1.f / 255));
    // face-api FaceLandmark68NetBase.postProcess: p·112 − pad, over the crop's side scaled to 112 (pad is half
    // the difference of those scaled sides, unrounded); then FaceLandmarks: × the crop's size, + the box corner.
    const double s = static_cast<double>(kLandmarkInputSize) / std::max(r.w, r.h);
    const double w = r.w * s, h = r.h * s;
    const double padX = w < h ? std::fabs(w - h) / 2 : 0, padY = h < w ? std::fabs(w - h) / 2 : 0;
    FaceLandmarks p;
    for (int i = 0; i < kLandmarkCount; ++i) {
        const double rx = (o[static_cast<size_t>(2 * i)] * static_cast<double>(kLandmarkInputSize) - padX) / w;
        const double ry = (o[static_cast<size_t>(2 * i + 1)] * static_cast<double>(kLandmarkInputSize) - padY) / h;
        p[static_cast<size_t>(i)] = {rx * r.w + box.x, ry * r.h + box.y};
    }
    return p;
}

} // namespace dl
