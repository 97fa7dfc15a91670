// SPDX-License-Identifier: MIT
// Inverted dropout (COURSE.md §3): D = rand < keep_prob, A = A·D / keep_prob; identity in Eval mode.
#pragma once
#include "core/layers/layer.h"
#include "core/util/rng.h"

namespace dl {

template <typename T>
class DropoutT : public LayerT<T> {
  public:
    DropoutT(float keepProb, std::uint32_t seed); // keepProb in (0, 1]
    std::string_view type() const override { return "Dropout"; }
    Shape outputShape(const Shape& in) const override { return in; }
    TensorT<T> forward(const TensorT<T>& x, Mode mode) override;
    TensorT<T> backward(const TensorT<T>& dy) override; // same mask as the forward
    std::string rngState() const override { return m_rng.state(); }
    void setRngState(const std::string& s) override { m_rng.setState(s); }
    std::string describe() const override;
    float keepProb() const { return m_keep; }
    void setKeepProb(float p); // takes effect at the next forward; throws ConfigError outside (0, 1]

  private:
    float m_keep;
    Rng m_rng;
    TensorT<T> m_mask; // same shape as the last Train input; D / keep_prob (0 or 1/keep_prob)
};

using Dropout = DropoutT<float>;

} // namespace dl
