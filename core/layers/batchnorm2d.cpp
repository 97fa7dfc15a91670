// SPDX-License-Identifier: MIT
#include "core/layers/batchnorm2d.h"

#include <cmath>

namespace dl {

template <typename T>
BatchNorm2dT<T>::BatchNorm2dT(int channels, T momentum, T eps) : m_c(channels), m_momentum(momentum), m_eps(eps)
{
    if (channels <= 0) throw ShapeError("BatchNorm2d needs a positive channel count");
    m_gamma = {"gamma", TensorT<T>({channels}, T(1)), TensorT<T>({channels}), false};
    m_beta = {"beta", TensorT<T>({channels}), TensorT<T>({channels}), false};
    m_runMean = TensorT<T>({channels});
    m_runVar = TensorT<T>({channels}, T(1));
}

template <typename T>
Shape BatchNorm2dT<T>::outputShape(const Shape& in) const
{
    if (in.size() != 4 || in[1] != m_c)
        throw ShapeError(describe() + " expects (N, " + std::to_string(m_c) + ", H, W) but gets " + shapeString(in));
    return in;
}

// Per channel c over its N·H·W values: x̂ = (x-μ)/sqrt(σ²+ε), y = γ x̂ + β   (COURSE.md §5)
template <typename T>
TensorT<T> BatchNorm2dT<T>::forward(const TensorT<T>& x, Mode mode)
{
    outputShape(x.shape());
    const int n = x.dim(0), hw = x.dim(2) * x.dim(3);
    const T m = T(n) * T(hw);
    auto y = TensorT<T>::uninitialized(x.shape());
    if (mode == Mode::Train) {
        m_xhat.resize(x.shape());
        m_invStd.resize({m_c});
    }
    for (int c = 0; c < m_c; ++c) {
        T mean, inv;
        if (mode == Mode::Train) {
            T s = 0, sq = 0;
            for (int i = 0; i < n; ++i) s += ConstArrMap<T>(x.data() + (size_t(i) * m_c + c) * hw, hw).sum();
            mean = s / m;
            for (int i = 0; i < n; ++i) sq += (ConstArrMap<T>(x.data() + (size_t(i) * m_c + c) * hw, hw) - mean).square().sum();
            const T var = sq / m;
            inv = T(1) / std::sqrt(var + m_eps);
            m_runMean[c] = m_momentum * m_runMean[c] + (T(1) - m_momentum) * mean;
            m_runVar[c] = m_momentum * m_runVar[c] + (T(1) - m_momentum) * var;
            m_invStd[c] = inv;
        } else {
            mean = m_runMean[c];
            inv = T(1) / std::sqrt(m_runVar[c] + m_eps);
        }
        const T g = m_gamma.value[c], b = m_beta.value[c];
        for (int i = 0; i < n; ++i) {
            const size_t off = (size_t(i) * m_c + c) * hw;
            if (mode == Mode::Train) {
                ArrMap<T>(m_xhat.data() + off, hw) = (ConstArrMap<T>(x.data() + off, hw) - mean) * inv;
                ArrMap<T>(y.data() + off, hw) = g * ConstArrMap<T>(m_xhat.data() + off, hw) + b;
            } else {
                ArrMap<T>(y.data() + off, hw) = g * (ConstArrMap<T>(x.data() + off, hw) - mean) * inv + b;
            }
        }
    }
    return y;
}

// dx = (invStd/m)·(m·dx̂ − Σdx̂ − x̂·Σ(dx̂·x̂)), dx̂ = γ·dy, sums over the channel's N·H·W values
template <typename T>
TensorT<T> BatchNorm2dT<T>::backward(const TensorT<T>& dy)
{
    DL_CHECK(dy.shape() == m_xhat.shape(), "BatchNorm2d backward: dy does not match the last forward");
    const int n = dy.dim(0), hw = dy.dim(2) * dy.dim(3);
    const T m = T(n) * T(hw);
    auto dx = TensorT<T>::uninitialized(dy.shape());
    for (int c = 0; c < m_c; ++c) {
        T sumD = 0, sumDX = 0;
        for (int i = 0; i < n; ++i) {
            const size_t off = (size_t(i) * m_c + c) * hw;
            const auto d = ConstArrMap<T>(dy.data() + off, hw);
            sumD += d.sum();
            sumDX += (d * ConstArrMap<T>(m_xhat.data() + off, hw)).sum();
        }
        m_beta.grad[c] += sumD;
        m_gamma.grad[c] += sumDX;
        const T g = m_gamma.value[c], k = m_invStd[c] / m;
        for (int i = 0; i < n; ++i) {
            const size_t off = (size_t(i) * m_c + c) * hw;
            ArrMap<T>(dx.data() + off, hw) =
                k * g * (m * ConstArrMap<T>(dy.data() + off, hw) - sumD - ConstArrMap<T>(m_xhat.data() + off, hw) * sumDX);
        }
    }
    return dx;
}

template class BatchNorm2dT<float>;
template class BatchNorm2dT<double>;

} // namespace dl
