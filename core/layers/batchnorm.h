// SPDX-License-Identifier: MIT
// Batch normalisation over a feature batch (D, N) (COURSE.md §5; Ioffe & Szegedy 2015). Train: batch
// statistics, running averages updated; Eval: running averages. Not the 2-D (NCHW) variant.
#pragma once
#include "core/layers/layer.h"

namespace dl {

template <typename T>
class BatchNormT : public LayerT<T> {
public:
    explicit BatchNormT(int features, T momentum = T(0.9), T eps = T(1e-5));
    std::string_view type() const override { return "BatchNorm"; }
    Shape outputShape(const Shape& in) const override;
    TensorT<T> forward(const TensorT<T>& x, Mode mode) override;
    TensorT<T> backward(const TensorT<T>& dy) override;
    std::vector<ParamT<T>*> params() override { return {&m_gamma, &m_beta}; }
    std::vector<TensorT<T>*> buffers() override { return {&m_runMean, &m_runVar}; }
    std::string describe() const override { return "BatchNorm " + std::to_string(m_d); }

private:
    int m_d;
    T m_momentum, m_eps;
    ParamT<T> m_gamma;    // (D) scale γ
    ParamT<T> m_beta;     // (D) shift β
    TensorT<T> m_runMean; // (D) running mean, μ_run = m·μ_run + (1-m)·μ
    TensorT<T> m_runVar;  // (D) running (biased) variance
    TensorT<T> m_xhat;    // (D, N) normalised input of the last Train forward
    TensorT<T> m_invStd;  // (D) 1/sqrt(σ²+ε) of that batch
};

using BatchNorm = BatchNormT<float>;

} // namespace dl
