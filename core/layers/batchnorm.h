// SPDX-License-Identifier: MIT
// Batch normalisation (COURSE.md §5; Ioffe & Szegedy 2015). Train: batch statistics, running averages
// updated; Eval: running averages. BatchNorm normalises each feature (row) of a feature batch (D, N);
// BatchNorm2d (batchnorm2d.h) each channel of an NCHW batch over N·H·W. Both run the kernel here, which sees
// the input as (outer, C, inner) with the statistics of channel c taken over outer × inner values.
#pragma once
#include "core/layers/layer.h"

namespace dl {

template <typename T>
class BatchNormKernelT : public LayerT<T> {
  public:
    std::vector<ParamT<T>*> params() override { return {&m_gamma, &m_beta}; }
    std::vector<TensorT<T>*> buffers() override { return {&m_runMean, &m_runVar}; }
    int channels() const { return m_c; }
    T eps() const { return m_eps; }           // ε in (x − μ)/√(σ² + ε)
    T momentum() const { return m_momentum; } // m in μ_run = m·μ_run + (1 − m)·μ

  protected:
    BatchNormKernelT(int channels, T momentum, T eps);
    // x viewed as (outer, C, inner); returns y of the same shape.
    TensorT<T> forwardView(const TensorT<T>& x, int outer, int inner, Mode mode);
    TensorT<T> backwardView(const TensorT<T>& dy, int outer, int inner);

    int m_c;
    T m_momentum, m_eps;
    ParamT<T> m_gamma;     // (C) scale γ
    ParamT<T> m_beta;      // (C) shift β
    TensorT<T> m_runMean;  // (C) μ_run = m·μ_run + (1-m)·μ
    TensorT<T> m_runVar;   // (C) running biased variance
    TensorT<T> m_xhat;     // normalised input of the last Train forward (its shape)
    TensorT<T> m_invStd;   // (C) 1/sqrt(σ²+ε) of that batch (of the running variance when frozen)
    bool m_frozen = false; // the last forward was Mode::Frozen: backward treats μ, σ² as constants
};

// Feature batches (D, N): one mean and variance per feature over the N examples.
template <typename T>
class BatchNormT : public BatchNormKernelT<T> {
  public:
    explicit BatchNormT(int features, T momentum = T(0.9), T eps = T(1e-5))
        : BatchNormKernelT<T>(features, momentum, eps)
    {
    }
    std::string_view type() const override { return "BatchNorm"; }
    Shape outputShape(const Shape& in) const override;
    TensorT<T> forward(const TensorT<T>& x, Mode mode) override
    {
        return this->forwardView(x, 1, x.rank() == 2 ? x.dim(1) : 0, mode);
    }
    TensorT<T> backward(const TensorT<T>& dy) override { return this->backwardView(dy, 1, dy.dim(1)); }
    std::string describe() const override { return "BatchNorm " + std::to_string(this->m_c); }
};

using BatchNorm = BatchNormT<float>;

} // namespace dl
