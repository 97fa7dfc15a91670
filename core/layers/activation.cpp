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
TensorT<T> ActivationT<T>::forward(const TensorT<T>& x, Mode mode)
{
    auto y = TensorT<T>::uninitialized(x.shape());
    auto xa = x.arr();
    auto ya = y.arr();
    switch (m_kind) {
    case Act::Sigmoid:
        ya = T(1) / (T(1) + (-xa).exp());
        break; // σ(z) = 1/(1+e^-z)
    case Act::Tanh:
        ya = xa.tanh();
        break;
    case Act::ReLU:
        ya = xa.max(T(0));
        break; // max(0, z)
    case Act::LeakyReLU:
        ya = (xa > T(0)).select(xa, m_leak * xa);
        break; // max(εz, z)
    }
    if (cachesForBackward(mode)) {
        if (m_kind == Act::Sigmoid || m_kind == Act::Tanh)
            m_y = y;
        else
            m_x = x;
    }
    return y;
}

template <typename T>
TensorT<T> ActivationT<T>::backward(const TensorT<T>& dy)
{
    const TensorT<T>& cached = (m_kind == Act::Sigmoid || m_kind == Act::Tanh) ? m_y : m_x;
    DL_CHECK(dy.shape() == cached.shape(),
             std::string(type()) + " backward: dy does not match the last forward");
    auto dx = TensorT<T>::uninitialized(dy.shape());
    auto d = dy.arr();
    auto c = cached.arr();
    auto out = dx.arr();
    switch (m_kind) {
    case Act::Sigmoid:
        out = d * c * (T(1) - c);
        break; // σ' = a(1-a)
    case Act::Tanh:
        out = d * (T(1) - c.square());
        break; // tanh' = 1 - a²
    case Act::ReLU:
        out = (c > T(0)).select(d, T(0));
        break; // 1 if z > 0
    case Act::LeakyReLU:
        out = (c > T(0)).select(d, m_leak * d);
        break;
    }
    return dx;
}

template class ActivationT<float>;
template class ActivationT<double>;

} // namespace dl
