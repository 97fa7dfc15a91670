// SPDX-License-Identifier: MIT
// Element-wise activations g(z) and their derivatives (COURSE.md §2): sigmoid, tanh, ReLU, leaky ReLU.
// Softmax is not element-wise and lives in softmax.h.
#pragma once
#include "core/layers/layer.h"

#include <cstdint>
#include <vector>

namespace dl {

enum class Act { Sigmoid, Tanh, ReLU, LeakyReLU };
const char* actName(Act a);         // registry key: "Sigmoid", "Tanh", "ReLU", "LeakyReLU"
const char* actCliName(Act a);      // "sigmoid", "tanh", "relu", "leaky"
Act parseAct(const std::string& s); // accepts both spellings; throws ConfigError

// The one element-wise g(z), in place over n values (COURSE.md §2): σ(z) = 1/(1+e^−z), tanh z, max(0, z),
// max(leak·z, z). The Activation layer, the darknet net's layers and the style extractor all use it.
// y may be z (in place).
template <typename T>
void activate(const T* z, T* y, size_t n, Act a, T leak = T(0.01));
template <typename T>
void activateInPlace(T* z, size_t n, Act a, T leak = T(0.01))
{
    activate(z, z, n, a, leak);
}
// dz = dy ⊙ g'(z) from the output y = g(z) alone: σ' = y(1−y), tanh' = 1−y², ReLU / leaky: 1 where y > 0,
// else 0 / leak (y > 0 exactly when z > 0, the slope being positive). dz may be dy (in place).
template <typename T>
void activationBackward(const T* y, const T* dy, T* dz, size_t n, Act a, T leak = T(0.01));
template <typename T>
void activationBackwardFromOutput(const T* y, T* dy, size_t n, Act a, T leak = T(0.01))
{
    activationBackward(y, dy, dy, n, a, leak);
}

template <typename T>
class ActivationT : public LayerT<T> {
  public:
    explicit ActivationT(Act kind, T leak = T(0.01)) : m_kind(kind), m_leak(leak) {}
    std::string_view type() const override { return actName(m_kind); }
    Shape outputShape(const Shape& in) const override { return in; }
    TensorT<T> forward(const TensorT<T>& x, Mode mode) override;
    TensorT<T> backward(const TensorT<T>& dy) override;
    Act kind() const { return m_kind; }
    T leak() const { return m_leak; }

  private:
    Act m_kind;
    T m_leak;       // slope for z < 0 (LeakyReLU only)
    TensorT<T> m_y; // output of the last Train forward (sigmoid, tanh derivatives use it)
    std::vector<std::uint8_t> m_positive; // ReLU/LeakyReLU: z > 0 per value of the last Train forward
    Shape m_shape;                        // its shape
};

using Activation = ActivationT<float>;

} // namespace dl
