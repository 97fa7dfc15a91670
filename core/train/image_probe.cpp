// SPDX-License-Identifier: MIT
#include "core/train/image_probe.h"

#include "core/layers/softmax.h"
#include "core/util/error.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace dl {

Histogram histogram(const float* v, size_t n, int bins)
{
    Histogram hst;
    hst.n = n;
    hst.counts.assign(static_cast<size_t>(bins), 0);
    if (n == 0) return hst;
    float lo = v[0], hi = v[0];
    double s = 0, sq = 0;
    for (size_t i = 0; i < n; ++i) {
        lo = std::min(lo, v[i]);
        hi = std::max(hi, v[i]);
        s += v[i];
    }
    hst.mean = static_cast<float>(s / double(n));
    for (size_t i = 0; i < n; ++i) sq += (v[i] - hst.mean) * double(v[i] - hst.mean);
    hst.stddev = static_cast<float>(std::sqrt(sq / double(n)));
    hst.lo = lo;
    hst.hi = hi;
    const float width = hi > lo ? (hi - lo) / float(bins) : 1.f;
    for (size_t i = 0; i < n; ++i) {
        const int b = std::min(bins - 1, static_cast<int>((v[i] - lo) / width));
        ++hst.counts[static_cast<size_t>(b)];
    }
    return hst;
}

std::vector<LayerHistograms> layerHistograms(Sequential& m, const Tensor& probe,
                                             const std::vector<std::vector<float>>& grads)
{
    std::vector<Tensor> outs;
    if (probe.size() > 0) m.forwardAll(probe, Mode::Eval, outs);
    std::vector<LayerHistograms> out;
    for (size_t i = 0; i < m.size(); ++i) {
        LayerT<float>& l = m.layer(i);
        LayerHistograms h;
        h.layer = l.name();
        h.describe = l.describe();
        const auto ps = l.params();
        if (!ps.empty()) h.weights = histogram(ps[0]->value.data(), ps[0]->value.size());
        if (i < grads.size() && !grads[i].empty()) h.grads = histogram(grads[i].data(), grads[i].size());
        if (i < outs.size()) h.activations = histogram(outs[i].data(), outs[i].size());
        out.push_back(std::move(h));
    }
    return out;
}

std::vector<FeatureMap> featureMaps(Sequential& m, const Tensor& image, std::vector<float>* probs)
{
    DL_CHECK(image.rank() == 4 && image.dim(0) == 1, "featureMaps takes one image (1, C, H, W)");
    std::vector<Tensor> outs;
    const Tensor z = m.forwardAll(image, Mode::Eval, outs);
    std::vector<FeatureMap> maps;
    for (size_t i = 0; i < outs.size(); ++i) {
        if (outs[i].rank() != 4) continue;
        FeatureMap f;
        f.layer = static_cast<int>(i);
        f.name = m.layer(i).name();
        f.describe = m.layer(i).describe();
        f.c = outs[i].dim(1);
        f.h = outs[i].dim(2);
        f.w = outs[i].dim(3);
        f.values = outs[i].toVector();
        maps.push_back(std::move(f));
    }
    if (probs) {
        Tensor p;
        softmaxColumns(z, p);
        *probs = p.toVector();
    }
    return maps;
}

static void normaliseInto(const cv::Mat& small, int h, int w, HeatMap& out)
{
    cv::Mat big;
    cv::resize(small, big, cv::Size(w, h), 0, 0, cv::INTER_LINEAR);
    double lo = 0, hi = 0;
    cv::minMaxLoc(big, &lo, &hi);
    out.h = h;
    out.w = w;
    out.values.assign(big.ptr<float>(), big.ptr<float>() + size_t(h) * w);
    for (float& v : out.values) v = hi > 0 ? std::max(0.f, v) / float(hi) : 0.f;
}

HeatMap gradCam(Sequential& m, const Tensor& image, int cls, int layer)
{
    DL_CHECK(image.rank() == 4 && image.dim(0) == 1, "gradCam takes one image (1, C, H, W)");
    std::vector<Tensor> outs;
    const Tensor z = m.forwardAll(image, Mode::Frozen, outs);
    DL_CHECK(cls >= 0 && cls < z.dim(0), "gradCam: class out of range");
    if (layer < 0)
        for (size_t i = 0; i < outs.size(); ++i)
            if (outs[i].rank() == 4 && outs[i].dim(2) * outs[i].dim(3) > 1) layer = static_cast<int>(i);
    Tensor d(z.shape()); // ∂y_cls/∂z: one-hot
    d[static_cast<size_t>(cls)] = 1.f;
    HeatMap out;
    const int ih = image.dim(2), iw = image.dim(3);
    if (layer < 0) { // no spatial layer: saliency |∂y/∂x|, max over channels
        m.setInputGradNeeded(true);
        for (size_t i = m.size(); i-- > 0;) d = m.layer(i).backward(d);
        m.setInputGradNeeded(false);
        cv::Mat sal(ih, iw, CV_32F, cv::Scalar(0));
        for (int c = 0; c < image.dim(1); ++c)
            for (int p = 0; p < ih * iw; ++p)
                sal.ptr<float>()[p] = std::max(sal.ptr<float>()[p], std::abs(d[size_t(c) * ih * iw + p]));
        normaliseInto(sal, ih, iw, out);
        out.layer = "input";
    } else {
        for (size_t i = m.size(); i-- > static_cast<size_t>(layer) + 1;) d = m.layer(i).backward(d);
        const Tensor& a = outs[static_cast<size_t>(layer)]; // (1, C, h, w); d has its shape
        const int c = a.dim(1), h = a.dim(2), w = a.dim(3), hw = h * w;
        cv::Mat cam(h, w, CV_32F, cv::Scalar(0));
        for (int k = 0; k < c; ++k) {
            float alpha = 0;
            for (int p = 0; p < hw; ++p) alpha += d[size_t(k) * hw + p];
            alpha /= float(hw);
            for (int p = 0; p < hw; ++p) cam.ptr<float>()[p] += alpha * a[size_t(k) * hw + p];
        }
        normaliseInto(cam, ih, iw, out);
        out.layer = m.layer(static_cast<size_t>(layer)).name();
    }
    m.zeroGrad();
    return out;
}

} // namespace dl
