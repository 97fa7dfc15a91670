// SPDX-License-Identifier: MIT
#include "core/layers/dropout.h"

#include <cstdio>

namespace dl {

template <typename T>
DropoutT<T>::DropoutT(float keepProb, std::uint32_t seed) : m_keep(1.f), m_rng(seed)
{
    setKeepProb(keepProb);
}

template <typename T>
void DropoutT<T>::setKeepProb(float p)
{
    if (!(p > 0.f && p <= 1.f)) throw ConfigError("keep_prob must be in (0, 1], got " + std::to_string(p));
    m_keep = p;
}

template <typename T>
std::string DropoutT<T>::describe() const
{
    char buf[48];
    std::snprintf(buf, sizeof buf, "Dropout keep %.2f", m_keep);
    return buf;
}

template <typename T>
TensorT<T> DropoutT<T>::forward(const TensorT<T>& x, Mode mode)
{
    if (mode != Mode::Train || m_keep >= 1.f) {
        if (cachesForBackward(mode)) m_mask = TensorT<T>(x.shape(), T(1));
        return x;
    }
    m_mask.resize(x.shape());
    const T scale = T(1) / static_cast<T>(m_keep);
    for (size_t i = 0; i < x.size(); ++i) m_mask[i] = m_rng.uniform() < m_keep ? scale : T(0);
    auto y = TensorT<T>::uninitialized(x.shape());
    y.arr() = x.arr() * m_mask.arr();
    return y;
}

template <typename T>
TensorT<T> DropoutT<T>::backward(const TensorT<T>& dy)
{
    DL_CHECK(dy.shape() == m_mask.shape(), "Dropout backward: dy does not match the last forward");
    auto dx = TensorT<T>::uninitialized(dy.shape());
    dx.arr() = dy.arr() * m_mask.arr();
    return dx;
}

template class DropoutT<float>;
template class DropoutT<double>;

} // namespace dl
