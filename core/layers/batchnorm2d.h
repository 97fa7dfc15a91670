// SPDX-License-Identifier: MIT
// Batch normalisation of NCHW batches: one mean and variance per channel over N·H·W (Ioffe & Szegedy 2015,
// §3.2 "for convolutional networks"). Train: batch statistics, running averages updated; Eval: running
// averages. The feature-batch variant is batchnorm.h.
#pragma once
#include "core/layers/layer.h"

namespace dl {

template <typename T>
class BatchNorm2dT : public LayerT<T> {
public:
    explicit BatchNorm2dT(int channels, T momentum = T(0.9), T eps = T(1e-5));
    std::string_view type() const override { return "BatchNorm2d"; }
    Shape outputShape(const Shape& in) const override;
    TensorT<T> forward(const TensorT<T>& x, Mode mode) override;
    TensorT<T> backward(const TensorT<T>& dy) override;
    std::vector<ParamT<T>*> params() override { return {&m_gamma, &m_beta}; }
    std::vector<TensorT<T>*> buffers() override { return {&m_runMean, &m_runVar}; }
    std::string describe() const override { return "BatchNorm2d " + std::to_string(m_c); }

private:
    int m_c;
    T m_momentum, m_eps;
    ParamT<T> m_gamma;    // (C)
    ParamT<T> m_beta;     // (C)
    TensorT<T> m_runMean; // (C)
    TensorT<T> m_runVar;  // (C) biased variance
    TensorT<T> m_xhat;    // (N, C, H, W) normalised input of the last Train forward
    TensorT<T> m_invStd;  // (C)
};

using BatchNorm2d = BatchNorm2dT<float>;

} // namespace dl
