// SPDX-License-Identifier: MIT
#include "core/layers/batchnorm.h"

#include <cmath>

namespace dl {

template <typename T>
BatchNormKernelT<T>::BatchNormKernelT(int channels, T momentum, T eps)
    : m_c(channels), m_momentum(momentum), m_eps(eps)
{
    if (channels <= 0) throw ShapeError("batch norm needs a positive feature or channel count");
    m_gamma = {"gamma", TensorT<T>({channels}, T(1)), TensorT<T>({channels}), false};
    m_beta = {"beta", TensorT<T>({channels}), TensorT<T>({channels}), false};
    m_runMean = TensorT<T>({channels});
    m_runVar = TensorT<T>({channels}, T(1));
}

// Per channel c over its outer·inner values: x̂ = (x-μ)/sqrt(σ²+ε), y = γ x̂ + β   (COURSE.md §5)
template <typename T>
TensorT<T> BatchNormKernelT<T>::forwardView(const TensorT<T>& x, int outer, int inner, Mode mode)
{
    this->outputShape(x.shape());
    const T m = T(outer) * T(inner);
    auto y = TensorT<T>::uninitialized(x.shape());
    const bool cache = cachesForBackward(mode);
    m_frozen = mode == Mode::Frozen;
    if (cache) {
        m_xhat.resize(x.shape());
        m_invStd.resize({m_c});
    }
    auto block = [&](const T* base, int o, int c) {
        return ConstArrMap<T>(base + (size_t(o) * m_c + c) * inner, inner);
    };
    for (int c = 0; c < m_c; ++c) {
        T mean, inv;
        if (mode == Mode::Train) {
            T s = 0, sq = 0;
            for (int o = 0; o < outer; ++o) s += block(x.data(), o, c).sum();
            mean = s / m;
            for (int o = 0; o < outer; ++o) sq += (block(x.data(), o, c) - mean).square().sum();
            const T var = sq / m;
            inv = T(1) / std::sqrt(var + m_eps);
            m_runMean[c] = m_momentum * m_runMean[c] + (T(1) - m_momentum) * mean;
            m_runVar[c] = m_momentum * m_runVar[c] + (T(1) - m_momentum) * var;
            m_invStd[c] = inv;
        } else {
            mean = m_runMean[c];
            inv = T(1) / std::sqrt(m_runVar[c] + m_eps);
            if (cache) m_invStd[c] = inv;
        }
        const T g = m_gamma.value[c], b = m_beta.value[c];
        for (int o = 0; o < outer; ++o) {
            const size_t off = (size_t(o) * m_c + c) * inner;
            if (cache) {
                ArrMap<T>(m_xhat.data() + off, inner) = (block(x.data(), o, c) - mean) * inv;
                ArrMap<T>(y.data() + off, inner) = g * block(m_xhat.data(), o, c) + b;
            } else {
                ArrMap<T>(y.data() + off, inner) = g * (block(x.data(), o, c) - mean) * inv + b;
            }
        }
    }
    return y;
}

// dx = (invStd/m)·(m·dx̂ − Σdx̂ − x̂·Σ(dx̂·x̂)), dx̂ = γ·dy, sums over the channel's values (Ioffe & Szegedy §3)
template <typename T>
TensorT<T> BatchNormKernelT<T>::backwardView(const TensorT<T>& dy, int outer, int inner)
{
    DL_CHECK(dy.shape() == m_xhat.shape(),
             std::string(this->type()) + " backward: dy does not match the last forward");
    const T m = T(outer) * T(inner);
    auto dx = TensorT<T>::uninitialized(dy.shape());
    auto block = [&](const T* base, int o, int c) {
        return ConstArrMap<T>(base + (size_t(o) * m_c + c) * inner, inner);
    };
    for (int c = 0; c < m_c; ++c) {
        T sumD = 0, sumDX = 0;
        for (int o = 0; o < outer; ++o) {
            sumD += block(dy.data(), o, c).sum();
            sumDX += (block(dy.data(), o, c) * block(m_xhat.data(), o, c)).sum();
        }
        m_beta.grad[c] += sumD;
        m_gamma.grad[c] += sumDX;
        if (m_frozen) { // μ and σ² are constants here: dx = γ·invStd·dy
            const T g = m_gamma.value[c] * m_invStd[c];
            for (int o = 0; o < outer; ++o)
                ArrMap<T>(dx.data() + (size_t(o) * m_c + c) * inner, inner) = g * block(dy.data(), o, c);
            continue;
        }
        const T k = m_gamma.value[c] * m_invStd[c] / m;
        for (int o = 0; o < outer; ++o)
            ArrMap<T>(dx.data() + (size_t(o) * m_c + c) * inner, inner) =
                k * (m * block(dy.data(), o, c) - sumD - block(m_xhat.data(), o, c) * sumDX);
    }
    return dx;
}

template <typename T>
Shape BatchNormT<T>::outputShape(const Shape& in) const
{
    if (in.size() != 2 || in[0] != this->m_c)
        throw ShapeError(describe() + " expects (" + std::to_string(this->m_c) + ", N) but gets " +
                         shapeString(in));
    return in;
}

template class BatchNormKernelT<float>;
template class BatchNormKernelT<double>;
template class BatchNormT<float>;
template class BatchNormT<double>;

} // namespace dl
