// SPDX-License-Identifier: MIT
// Max and average pooling over k×k windows of NCHW batches (COURSE.md §7), fixed k and stride, optional
// padding that is never read (max over the valid part of a window; average divides by the valid count).
// Backward routes to the max / spreads the mean. No parameters.
#pragma once
#include "core/layers/layer.h"

#include <vector>

namespace dl {

enum class PoolKind { Max, Avg };
// Symmetric: ours, p cells on every side, out = (n + 2p − k)/s + 1. Darknet (maxpool_layer.c): `pad` cells
// in all, window offset −pad/2, out = (n + pad − k)/s + 1 (the darknet net and the style extractor).
enum class PoolPad { Symmetric, Darknet };

template <typename T>
class Pool2dT : public LayerT<T> {
  public:
    // Symmetric: pad < kernel; Darknet (max only): pad ≤ 64. Throws ConfigError.
    Pool2dT(PoolKind kind, int kernel, int stride, int pad = 0, PoolPad padding = PoolPad::Symmetric);
    std::string_view type() const override { return m_kind == PoolKind::Max ? "MaxPool2d" : "AvgPool2d"; }
    Shape outputShape(const Shape& in) const override;
    TensorT<T> forward(const TensorT<T>& x, Mode mode) override;
    TensorT<T> backward(const TensorT<T>& dy) override;
    std::string describe() const override;
    // One image of a fixed network (the darknet net's inference, the style extractor's frozen forward):
    // into `y`, whose storage is reused between calls; keepArgmax (max only) keeps what backwardInto needs.
    void forwardInto(const TensorT<T>& x, TensorT<T>& y, bool keepArgmax);
    // dx = dL/dx of the last forwardInto(…, true) or Train/Frozen forward (max: each output's gradient goes
    // to its window's maximum); dx's storage is reused.
    void backwardInto(const TensorT<T>& dy, TensorT<T>& dx);
    int kernel() const { return m_k; }
    int stride() const { return m_s; }
    int pad() const { return m_p; }
    PoolPad padding() const { return m_padding; }

  private:
    int outputSize(int n) const; // along one axis, by this pool's padding convention
    PoolKind m_kind;
    int m_k, m_s, m_p;
    PoolPad m_padding;
    int m_offset; // window offset: −p (symmetric) or −p/2 (darknet)
    Shape m_inShape;           // (N, C, H, W) of the last Train forward
    std::vector<int> m_argmax; // (N, C, Ho, Wo): flat index into the input plane of each max
};

using Pool2d = Pool2dT<float>;

// The one max pool (COURSE.md §6 pooling), used by Pool2d, the darknet net and the style extractor: output
// (oy, ox) of every (N, C) plane is the max over the k×k window whose top-left cell is (oy·s + offset,
// ox·s + offset); cells outside x never win. Ours pads by p on every side (offset −p); darknet's
// maxpool_layer.c pads `pad` in all, offset −pad/2. y is resized to (N, C, ho, wo). argmax (optional):
// for each output, the flat index in x of its maximum (the first in window order on ties), −1 if the
// window lies wholly outside x.
template <typename T>
void maxPoolInto(const TensorT<T>& x, int k, int s, int offset, int ho, int wo, TensorT<T>& y,
                 std::vector<int>* argmax);

} // namespace dl
