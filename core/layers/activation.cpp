// SPDX-License-Identifier: MIT
#include "core/layers/activation.h"

namespace dl {

const char* actName(Act a)
{
    switch (a) {
    case Act::Sigmoid:
        return "Sigmoid";
    case Act::Tanh:
        return "Tanh";
    case Act::ReLU:
        return "ReLU";
    case Act::LeakyReLU:
        return "LeakyReLU";
    }
    return "?";
}
const char* actCliName(Act a)
{
    switch (a) {
    case Act::Sigmoid:
        return "sigmoid";
    case Act::Tanh:
        return "tanh";
    case Act::ReLU:
        return "relu";
    case Act::LeakyReLU:
        return "leaky";
    }
    return "?";
}
Act parseAct(const std::string& s)
{
    for (Act a : {Act::Sigmoid, Act::Tanh, Act::ReLU, Act::LeakyReLU})
        if (s == actName(a) || s == actCliName(a)) return a;
    if (s == "leakyrelu" || s == "leaky_relu") return Act::LeakyReLU;
    throw ConfigError("unknown activation \"" + s + "\"; use sigmoid, tanh, relu or leaky");
}

template <typename T>
void activate(const T* z, T* y, size_t n, Act a, T leak)
{
    const ConstArrMap<T> za(z, static_cast<Eigen::Index>(n));
    ArrMap<T> ya(y, static_cast<Eigen::Index>(n));
    switch (a) {
    case Act::Sigmoid:
        ya = T(1) / (T(1) + (-za).exp());
        break;
    case Act::Tanh:
        ya = za.tanh();
        break;
    case Act::ReLU:
    case Act::LeakyReLU: {
        const T slope = a == Act::ReLU ? T(0) : leak;
#pragma omp parallel for simd schedule(static) if (n > 32768)
        for (size_t i = 0; i < n; ++i) y[i] = z[i] > T(0) ? z[i] : slope * z[i];
        break;
    }
    }
}

template <typename T>
void activationBackward(const T* y, const T* dy, T* dz, size_t n, Act a, T leak)
{
    const ConstArrMap<T> c(y, static_cast<Eigen::Index>(n)), d(dy, static_cast<Eigen::Index>(n));
    ArrMap<T> out(dz, static_cast<Eigen::Index>(n));
    switch (a) {
    case Act::Sigmoid:
        out = d * c * (T(1) - c);
        break;
    case Act::Tanh:
        out = d * (T(1) - c.square());
        break;
    case Act::ReLU:
    case Act::LeakyReLU: {
        const T slope = a == Act::ReLU ? T(0) : leak;
#pragma omp parallel for simd schedule(static) if (n > 65536)
        for (size_t i = 0; i < n; ++i) dz[i] = y[i] > T(0) ? dy[i] : slope * dy[i];
        break;
    }
    }
}

template void activate<float>(const float*, float*, size_t, Act, float);
template void activate<double>(const double*, double*, size_t, Act, double);
template void activationBackward<float>(const float*, const float*, float*, size_t, Act, float);
template void activationBackward<double>(const double*, const double*, double*, size_t, Act, double);

template <typename T>
TensorT<T> ActivationT<T>::forward(const TensorT<T>& x, Mode mode)
{
    if (m_kind == Act::Sigmoid || m_kind == Act::Tanh) {
        auto y = TensorT<T>::uninitialized(x.shape());
        activate(x.data(), y.data(), y.size(), m_kind, m_leak);
        if (cachesForBackward(mode)) m_y = y;
        return y;
    }
    auto y = TensorT<T>::uninitialized(x.shape());
    { // ReLU, leaky ReLU
        // The derivative needs only z > 0: one byte per value is kept, not a copy of z (a quarter of the
        // memory traffic on conv feature maps).
        const bool cache = cachesForBackward(mode);
        if (cache) m_positive.resize(x.size());
        const T slope = m_kind == Act::ReLU ? T(0) : m_leak;
        const T* __restrict in = x.data();
        T* __restrict out = y.data();
        std::uint8_t* __restrict pos = cache ? m_positive.data() : nullptr;
        const size_t n = x.size();
        if (pos)
            for (size_t i = 0; i < n; ++i) {
                const bool p = in[i] > T(0);
                pos[i] = p;
                out[i] = p ? in[i] : slope * in[i];
            }
        else
            for (size_t i = 0; i < n; ++i) out[i] = in[i] > T(0) ? in[i] : slope * in[i];
        if (cache) m_shape = x.shape();
        return y;
    }
}

template <typename T>
TensorT<T> ActivationT<T>::backward(const TensorT<T>& dy)
{
    auto dx = TensorT<T>::uninitialized(dy.shape());
    if (m_kind == Act::ReLU || m_kind == Act::LeakyReLU) { // 1 (or ε) where z > 0 (or not)
        DL_CHECK(dy.shape() == m_shape,
                 std::string(type()) + " backward: dy does not match the last forward");
        const T slope = m_kind == Act::ReLU ? T(0) : m_leak;
        const T* __restrict d = dy.data();
        const std::uint8_t* __restrict pos = m_positive.data();
        T* __restrict out = dx.data();
        if (m_kind == Act::ReLU) // exactly 0 where z ≤ 0 (0 · NaN would be NaN)
            for (size_t i = 0; i < dy.size(); ++i) out[i] = pos[i] ? d[i] : T(0);
        else
            for (size_t i = 0; i < dy.size(); ++i) out[i] = pos[i] ? d[i] : slope * d[i];
        return dx;
    }
    DL_CHECK(dy.shape() == m_y.shape(), std::string(type()) + " backward: dy does not match the last forward");
    activationBackward(m_y.data(), dy.data(), dx.data(), dx.size(), m_kind, m_leak);
    return dx;
}

template class ActivationT<float>;
template class ActivationT<double>;

} // namespace dl
