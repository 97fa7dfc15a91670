// SPDX-License-Identifier: MIT
// Fully connected layer Z = W·X + b on a feature batch. Not a convolution; no activation inside.
#pragma once
#include "core/layers/layer.h"

namespace dl {

// COURSE.md §2: Z[l] = W[l]·A[l-1] + b[l], examples as columns: x (Din, N) → y (Dout, N).
template <typename T>
class DenseT : public LayerT<T> {
  public:
    DenseT(int din, int dout); // weights zero; use init or load values
    std::string_view type() const override { return "Dense"; }
    Shape outputShape(const Shape& in) const override;
    TensorT<T> forward(const TensorT<T>& x, Mode mode) override;
    TensorT<T> backward(const TensorT<T>& dy) override;
    std::vector<ParamT<T>*> params() override { return {&m_weight, &m_bias}; }
    std::string describe() const override;
    int inputs() const { return m_din; }
    int outputs() const { return m_dout; }
    ParamT<T>& weight() { return m_weight; }
    ParamT<T>& bias() { return m_bias; }
    // The first layer of a model has no use for dL/dx; with false, backward returns an empty tensor.
    void setNeedInputGrad(bool b) override { m_needInputGrad = b; }

  private:
    int m_din, m_dout;
    ParamT<T> m_weight; // (Dout, Din)
    ParamT<T> m_bias;   // (Dout)
    TensorT<T> m_x;     // (Din, N) input of the last Train forward
    bool m_needInputGrad = true;
};

using Dense = DenseT<float>;

} // namespace dl
