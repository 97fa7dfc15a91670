// SPDX-License-Identifier: MIT
#include "core/layers/dense.h"

namespace dl {

template <typename T>
DenseT<T>::DenseT(int din, int dout) : m_din(din), m_dout(dout)
{
    if (din <= 0 || dout <= 0)
        throw ShapeError("Dense layer needs positive sizes, got " + std::to_string(din) + "→" + std::to_string(dout));
    m_weight = {"weight", TensorT<T>({dout, din}), TensorT<T>({dout, din}), true};
    m_bias = {"bias", TensorT<T>({dout}), TensorT<T>({dout}), false};
}

template <typename T>
Shape DenseT<T>::outputShape(const Shape& in) const
{
    if (in.size() != 2 || in[1] != m_din)
        throw ShapeError(describe() + " expects (N, " + std::to_string(m_din) + ") but gets " + shapeString(in));
    return {in[0], m_dout};
}

template <typename T>
std::string DenseT<T>::describe() const
{
    return "Dense " + std::to_string(m_din) + "→" + std::to_string(m_dout);
}

// Products whose inner or outer size is tiny (2-D playground nets: depth 2, width 4) are faster as
// coefficient-wise lazy products than through Eigen's blocked GEMM, whose setup dominates at that size.
template <typename Dst, typename A, typename B>
static void product(Dst& dst, const A& a, const B& b)
{
    if (a.cols() <= 16 || b.cols() <= 16)
        dst.noalias() = a.lazyProduct(b);
    else
        dst.noalias() = a * b;
}
template <typename Dst, typename A, typename B>
static void productAdd(Dst& dst, const A& a, const B& b)
{
    if (a.cols() <= 16 || b.cols() <= 16)
        dst.noalias() += a.lazyProduct(b);
    else
        dst.noalias() += a * b;
}

template <typename T>
TensorT<T> DenseT<T>::forward(const TensorT<T>& x, Mode mode)
{
    outputShape(x.shape());
    const int n = x.dim(0);
    TensorT<T> y({n, m_dout});
    auto ym = y.mat();
    product(ym, x.mat(), m_weight.value.mat().transpose());
    ym.rowwise() += m_bias.value.mat().row(0);
    if (mode == Mode::Train) m_x = x;
    return y;
}

template <typename T>
TensorT<T> DenseT<T>::backward(const TensorT<T>& dy)
{
    DL_CHECK(dy.rank() == 2 && dy.dim(1) == m_dout && dy.dim(0) == m_x.dim(0),
             "Dense backward: dy " + shapeString(dy.shape()) + " does not match the last forward");
    auto dw = m_weight.grad.mat();
    productAdd(dw, dy.mat().transpose(), m_x.mat()); // dW += dYᵀ·X   (Dout, Din)
    m_bias.grad.mat().row(0) += dy.mat().colwise().sum();  // db += Σ_n dY
    TensorT<T> dx({dy.dim(0), m_din});
    if (m_needInputGrad) {
        auto dxm = dx.mat();
        product(dxm, dy.mat(), m_weight.value.mat()); // dX = dY·W   (N, Din)
    }
    return dx;
}

template class DenseT<float>;
template class DenseT<double>;

} // namespace dl
