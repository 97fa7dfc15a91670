// SPDX-License-Identifier: MIT
// Max and average pooling over k×k windows of NCHW batches (COURSE.md §7), fixed k and stride, optional
// padding that is never read (max over the valid part of a window; average divides by the valid count).
// Backward routes to the max / spreads the mean. No parameters.
#pragma once
#include "core/layers/layer.h"

#include <vector>

namespace dl {

enum class PoolKind { Max, Avg };

template <typename T>
class Pool2dT : public LayerT<T> {
  public:
    Pool2dT(PoolKind kind, int kernel, int stride, int pad = 0); // pad < kernel; throws ConfigError
    std::string_view type() const override { return m_kind == PoolKind::Max ? "MaxPool2d" : "AvgPool2d"; }
    Shape outputShape(const Shape& in) const override;
    TensorT<T> forward(const TensorT<T>& x, Mode mode) override;
    TensorT<T> backward(const TensorT<T>& dy) override;
    std::string describe() const override;

  private:
    PoolKind m_kind;
    int m_k, m_s, m_p;
    Shape m_inShape;           // (N, C, H, W) of the last Train forward
    std::vector<int> m_argmax; // (N, C, Ho, Wo): flat index into the input plane of each max
};

using Pool2d = Pool2dT<float>;

} // namespace dl
