// SPDX-License-Identifier: MIT
#include "core/faces/face_recognition.h"

#include "core/models/tfjs_net.h"
#include "core/util/error.h"

#include <algorithm>
#include <cmath>

namespace dl {

namespace {

// face-api FaceRecognitionNet.forwardInput: the mean of its training crops, RGB.
const float kRecognitionMean[3] = {122.782f, 117.001f, 104.298f};

std::unique_ptr<Conv2d> makeConv(const TfjsTensors& t, const std::string& prefix, int cin, int cout, int k, int stride,
                                 int pad)
{
    Conv2dSpec s;
    s.inChannels = cin, s.outChannels = cout, s.kernel = k, s.stride = stride, s.pad = pad, s.gradients = false;
    auto conv = std::make_unique<Conv2d>(s);
    const NamedTensor& filters = t.get(prefix + "/conv/filters", {k, k, cin, cout}); // in file order: the
    const NamedTensor& bias = t.get(prefix + "/conv/bias", {cout});                  // first missing one is named
    const NamedTensor& scale = t.get(prefix + "/scale/weights", {cout});
    const NamedTensor& shift = t.get(prefix + "/scale/biases", {cout});
    loadHwioConv(*conv, filters, &bias, false, &scale, &shift);
    return conv;
}

void reluInPlace(Tensor& x)
{
    for (size_t i = 0; i < x.size(); ++i) x[i] = std::max(x[i], 0.f);
}

} // namespace

FaceRecognitionNet FaceRecognitionNet::fromWeights(const std::vector<NamedTensor>& weights)
{
    const TfjsTensors t(weights, "the face recognition model", "face_recognition_model");
    FaceRecognitionNet net;
    net.m_first = makeConv(t, "conv32_down", 3, 32, 7, 2, 0); // 'valid'
    net.m_maxPool = std::make_unique<Pool2d>(PoolKind::Max, 3, 2, 0);
    net.m_avgPool = std::make_unique<Pool2d>(PoolKind::Avg, 2, 2, 0);
    // face-api forwardInput: conv32 ×3, conv64_down + ×3, conv128_down + ×2, conv256_down + ×2, conv256_down_out.
    struct Stage {
        const char* name;
        int cin, cout, residuals;
    };
    const Stage stages[] = {{"conv32", 32, 32, 3}, {"conv64", 32, 64, 3}, {"conv128", 64, 128, 2}, {"conv256", 128, 256, 2}};
    auto add = [&](const std::string& prefix, int cin, int cout, bool down) {
        Block b;
        b.down = down;
        b.conv1 = down ? makeConv(t, prefix + "/conv1", cin, cout, 3, 2, 0) : makeConv(t, prefix + "/conv1", cin, cout, 3, 1, 1);
        b.conv2 = makeConv(t, prefix + "/conv2", cout, cout, 3, 1, 1); // 'same', stride 1
        net.m_blocks.push_back(std::move(b));
    };
    for (const Stage& s : stages) {
        if (s.cin != s.cout) add(std::string(s.name) + "_down", s.cin, s.cout, true);
        for (int i = 1; i <= s.residuals; ++i) add(s.name + std::string("_") + std::to_string(i), s.cout, s.cout, false);
    }
    add("conv256_down_out", 256, 256, true);
    const NamedTensor& fc = t.get("fc", {256, kFaceDescriptorSize});
    net.m_fc = fc.values;
    for (const NamedTensor& w : weights) net.m_fileValues += w.values.size();
    return net;
}

FaceRecognitionNet FaceRecognitionNet::open(const std::string& modelsDir)
{
    const std::string dir = (modelsDir.empty() ? std::string("models") : modelsDir) + "/face-api";
    return fromWeights(loadTfjsModel(dir, "face_recognition_model", "The face recognition model"));
}

// face-api residualLayer.ts. Residual: relu(conv2(relu(conv1(x))) + x). Down: conv1 is 3×3 stride 2 'valid';
// the shortcut is a 2×2 stride-2 average pool of x with zero channels appended when the count doubles, and
// when the conv branch comes out one smaller it gets a zero row at the bottom and a zero column at the right.
void FaceRecognitionNet::runBlock(Block& b, const Tensor& x, Tensor& out)
{
    b.conv1->forwardInto(x, m_mid, 0.f); // slope 0: ReLU
    b.conv2->forwardInto(m_mid, out);
    if (!b.down) {
        for (size_t i = 0; i < out.size(); ++i) out[i] = std::max(out[i] + x[i], 0.f);
        return;
    }
    m_avgPool->forwardInto(x, m_pooled, false);
    const int C = out.dim(1), h = out.dim(2), w = out.dim(3);
    const int Cx = m_pooled.dim(1), H = m_pooled.dim(2), W = m_pooled.dim(3);
    DL_CHECK(C >= Cx && H >= h && W >= w && H - h <= 1 && W - w <= 1, "face recognition: a down block does not fit");
    Tensor sum({1, C, H, W});
    for (int c = 0; c < C; ++c)
        for (int y = 0; y < H; ++y)
            for (int xx = 0; xx < W; ++xx) {
                const float branch = y < h && xx < w ? out[(static_cast<size_t>(c) * h + y) * w + xx] : 0.f;
                const float shortcut = c < Cx ? m_pooled[(static_cast<size_t>(c) * H + y) * W + xx] : 0.f;
                sum[(static_cast<size_t>(c) * H + y) * W + xx] = std::max(branch + shortcut, 0.f);
            }
    out = std::move(sum);
}

FaceDescriptor FaceRecognitionNet::forward(const Tensor& input)
{
    DL_CHECK(input.rank() == 4 && input.dim(0) == 1 && input.dim(1) == 3 && input.dim(2) == kFaceChipSize &&
                 input.dim(3) == kFaceChipSize,
             "face recognition: the input must be (1, 3, 150, 150)");
    m_first->forwardInto(input, m_a, 0.f);
    m_maxPool->forwardInto(m_a, m_b, false);
    for (Block& b : m_blocks) {
        runBlock(b, m_b, m_a);
        std::swap(m_a, m_b);
    }
    // global mean over H, W, then y = g · fc (no bias, no normalisation: face-api returns it as is)
    const int C = m_b.dim(1), hw = m_b.dim(2) * m_b.dim(3);
    FaceDescriptor d{};
    for (int c = 0; c < C; ++c) {
        double g = 0;
        for (int i = 0; i < hw; ++i) g += m_b[static_cast<size_t>(c) * hw + i];
        const float mean = static_cast<float>(g / hw);
        for (int k = 0; k < kFaceDescriptorSize; ++k) d[k] += mean * m_fc[static_cast<size_t>(c) * kFaceDescriptorSize + k];
    }
    return d;
}

FaceDescriptor FaceRecognitionNet::describe(const Photo& photo, const PixelRegion& region)
{
    return forward(padSquareInput(photo, region, true, kFaceChipSize, kRecognitionMean, 1.f / 255));
}

double faceDistance(const FaceDescriptor& a, const FaceDescriptor& b)
{
    double s = 0;
    for (int k = 0; k < kFaceDescriptorSize; ++k) s += (static_cast<double>(a[k]) - b[k]) * (a[k] - b[k]);
    return std::sqrt(s);
}

} // namespace dl
