// SPDX-License-Identifier: MIT
// 2-D convolution (cross-correlation, as every DL framework) on NCHW image batches, with stride, zero
// padding and groups (groups = C is depthwise). Computed as im2col + GEMM per image and group, images split
// across threads. No activation inside; no dilation.
#pragma once
#include "core/layers/layer.h"

namespace dl {

struct Conv2dSpec {
    int inChannels = 1, outChannels = 1;
    int kernel = 3; // square k×k
    int stride = 1;
    int pad = 0;           // zero padding on every side: 0 = "valid", (k-1)/2 = "same" for odd k and stride 1
    int groups = 1;        // inChannels and outChannels must both be divisible by it
    bool gradients = true; // false: inference only (pretrained detectors), no gradient buffers allocated
};

// Output size floor((n + 2p - f)/s) + 1 (COURSE.md §7).
int convOutputSize(int n, int kernel, int stride, int pad);

template <typename T>
class Conv2dT : public LayerT<T> {
  public:
    explicit Conv2dT(const Conv2dSpec& s); // throws ConfigError for impossible settings
    std::string_view type() const override { return "Conv2d"; }
    Shape outputShape(const Shape& in) const override; // (N, C, H, W) → (N, Cout, Ho, Wo)
    TensorT<T> forward(const TensorT<T>& x, Mode mode) override;
    TensorT<T> backward(const TensorT<T>& dy) override;
    std::vector<ParamT<T>*> params() override { return {&m_weight, &m_bias}; }
    // Inference on one image (1, C, H, W) into `y`, whose storage is reused between calls (the detection
    // lab runs the same net on photo after photo; fresh outputs cost a page fault per 4 KiB). With
    // negativeSlope ≠ 1 a leaky ReLU y = max(z, slope·z) follows (slope 0.1: darknet's leaky), fused where
    // the output is still in cache.
    void forwardInto(const TensorT<T>& x, TensorT<T>& y, T negativeSlope = T(1));
    // Frozen weights, one image: dx (1, Cin, h, w) = dL/dx for dy = dL/dy of shape (1, Cout, Ho, Wo), with
    // nothing cached by a forward and no parameter gradients (style transfer backpropagates to the pixels
    // only). dx's storage is reused between calls.
    void backwardInputInto(const TensorT<T>& dy, int h, int w, TensorT<T>& dx);
    std::string describe() const override;
    const Conv2dSpec& spec() const { return m_spec; }
    ParamT<T>& weight() { return m_weight; }
    ParamT<T>& bias() { return m_bias; }
    void setNeedInputGrad(bool b) override { m_needInputGrad = b; }

  private:
    void forwardOne(const T* x, int h, int w, int ho, int wo, T* y, T negativeSlope = T(1));
    // Output rows [oy0, oy1) only (default all): cols is then (Cg·k·k, (oy1 − oy0)·Wo) — a band that stays in
    // cache for the one-image paths.
    void im2col(const T* x, int h, int w, int c0, T* cols, int oy0 = 0, int oy1 = -1) const;
    // Channels [cBegin, cEnd) of the group starting at c0 (default: all of the group's channels).
    void col2im(const T* cols, int h, int w, int c0, T* dx, int cBegin = 0, int cEnd = -1, int oy0 = 0,
                int oy1 = -1) const;
    int bandRows(int kk, int wo, int ho) const; // output rows per cache-sized im2col band
    Conv2dSpec m_spec;
    ParamT<T> m_weight;       // (Cout, Cin/groups, k, k)
    ParamT<T> m_bias;         // (Cout)
    Shape m_inShape;          // (N, Cin, H, W) of the last Train/Frozen forward
    std::vector<T> m_cols;    // its im2col columns: N·groups blocks of (Cin/groups·k·k, Ho·Wo)
    std::vector<T> m_scratch; // im2col columns of a one-image inference forward (never read by backward)
    std::vector<std::vector<T>> m_bandScratch; // per thread: one band of im2col columns (one-image paths)
    bool m_needInputGrad = true;
};

using Conv2d = Conv2dT<float>;

} // namespace dl
