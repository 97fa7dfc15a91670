// SPDX-License-Identifier: MIT
// Batch normalisation of NCHW batches: one mean and variance per channel over N·H·W (Ioffe & Szegedy 2015,
// §3.2 "for convolutional networks"). The kernel is shared with the feature-batch BatchNorm (batchnorm.h).
#pragma once
#include "core/layers/batchnorm.h"

namespace dl {

template <typename T>
class BatchNorm2dT : public BatchNormKernelT<T> {
  public:
    explicit BatchNorm2dT(int channels, T momentum = T(0.9), T eps = T(1e-5))
        : BatchNormKernelT<T>(channels, momentum, eps)
    {
    }
    std::string_view type() const override { return "BatchNorm2d"; }
    Shape outputShape(const Shape& in) const override;
    TensorT<T> forward(const TensorT<T>& x, Mode mode) override
    {
        return this->forwardView(x, x.rank() == 4 ? x.dim(0) : 0, x.rank() == 4 ? x.dim(2) * x.dim(3) : 0,
                                 mode);
    }
    TensorT<T> backward(const TensorT<T>& dy) override
    {
        return this->backwardView(dy, dy.dim(0), dy.dim(2) * dy.dim(3));
    }
    std::string describe() const override { return "BatchNorm2d " + std::to_string(this->m_c); }
};

using BatchNorm2d = BatchNorm2dT<float>;

} // namespace dl
