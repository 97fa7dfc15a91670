// SPDX-License-Identifier: MIT
#include "core/layers/dense.h"

#include "core/util/threads.h"

namespace dl {

template <typename T>
DenseT<T>::DenseT(int din, int dout) : m_din(din), m_dout(dout)
{
    if (din <= 0 || dout <= 0)
        throw ShapeError("Dense layer needs positive sizes, got " + std::to_string(din) + "→" +
                         std::to_string(dout));
    m_weight = {"weight", TensorT<T>({dout, din}), TensorT<T>({dout, din}), true};
    m_bias = {"bias", TensorT<T>({dout}), TensorT<T>({dout}), false};
}

template <typename T>
Shape DenseT<T>::outputShape(const Shape& in) const
{
    if (in.size() != 2 || in[0] != m_din)
        throw ShapeError(describe() + " expects (" + std::to_string(m_din) + ", N) but gets " +
                         shapeString(in));
    return {m_dout, in[1]};
}

template <typename T>
std::string DenseT<T>::describe() const
{
    return "Dense " + std::to_string(m_din) + "→" + std::to_string(m_dout);
}

// Small layers (the 2-D playground: 2→4→1) run as row operations along N, which vectorise over examples;
// Eigen's blocked GEMM costs more in setup than the whole product at that size. Large ones use GEMM.
template <typename T>
static bool small(int din, int dout)
{
    return din * dout <= 1024 || din <= 4 || dout <= 4;
}

template <typename T>
TensorT<T> DenseT<T>::forward(const TensorT<T>& x, Mode mode)
{
    outputShape(x.shape());
    const int n = x.dim(1);
    auto y = TensorT<T>::uninitialized({m_dout, n});
    auto ym = y.mat();
    auto xm = x.mat();
    auto w = m_weight.value.mat();
    if (small<T>(m_din, m_dout)) {
        // Z[o, :] = b[o] + Σ_k W[o, k]·X[k, :], each a vectorised pass along the N examples
        const T* xp = x.data();
        for (int o = 0; o < m_dout; ++o) {
            T* __restrict yr = y.data() + static_cast<size_t>(o) * n;
            const T bo = m_bias.value[o];
            for (int i = 0; i < n; ++i) yr[i] = bo;
            for (int k = 0; k < m_din; ++k) {
                const T wk = w(o, k);
                const T* __restrict xr = xp + static_cast<size_t>(k) * n;
                for (int i = 0; i < n; ++i) yr[i] += wk * xr[i];
            }
        }
    } else {
        const OneBlasThread one(long(m_din) * m_dout * n);
        ym.noalias() = w * xm;
        ym.colwise() += m_bias.value.mat().row(0).transpose();
    }
    if (cachesForBackward(mode)) m_x = x;
    return y;
}

// dW += dZ·Xᵀ, db += Σ_n dZ, dX = Wᵀ·dZ (the course's dW = 1/m dZ·Aᵀ with 1/m already in dZ).
template <typename T>
TensorT<T> DenseT<T>::backward(const TensorT<T>& dy)
{
    DL_CHECK(dy.rank() == 2 && dy.dim(0) == m_dout && dy.dim(1) == m_x.dim(1),
             "Dense backward: dy " + shapeString(dy.shape()) + " does not match the last forward");
    auto d = dy.mat();
    auto xm = m_x.mat();
    auto w = m_weight.value.mat();
    auto dw = m_weight.grad.mat();
    const bool isSmall = small<T>(m_din, m_dout);
    const int n = dy.dim(1);
    if (isSmall) {
        for (int o = 0; o < m_dout; ++o) {
            const T* __restrict dr = dy.data() + static_cast<size_t>(o) * n;
            T sb = 0;
#pragma omp simd reduction(+ : sb)
            for (int i = 0; i < n; ++i) sb += dr[i];
            m_bias.grad[o] += sb;
            for (int k = 0; k < m_din; ++k) {
                const T* __restrict xr = m_x.data() + static_cast<size_t>(k) * n;
                T s = 0;
#pragma omp simd reduction(+ : s)
                for (int i = 0; i < n; ++i) s += dr[i] * xr[i];
                dw(o, k) += s;
            }
        }
    }
    const OneBlasThread one(isSmall ? smallGemmMacs() : long(m_din) * m_dout * n); // dW and dX alike
    if (!isSmall) {
        dw.noalias() += d * xm.transpose();
        for (int o = 0; o < m_dout; ++o) m_bias.grad[o] += d.row(o).sum();
    }
    if (!m_needInputGrad) return TensorT<T>(); // first layer: nobody needs dL/dx
    auto dx = TensorT<T>::uninitialized({m_din, dy.dim(1)});
    {
        auto dxm = dx.mat();
        if (isSmall) {
            for (int k = 0; k < m_din; ++k) { // dX[k, :] = Σ_o W[o, k]·dZ[o, :]
                T* __restrict xr = dx.data() + static_cast<size_t>(k) * n;
                for (int i = 0; i < n; ++i) xr[i] = 0;
                for (int o = 0; o < m_dout; ++o) {
                    const T wo = w(o, k);
                    const T* __restrict dr = dy.data() + static_cast<size_t>(o) * n;
                    for (int i = 0; i < n; ++i) xr[i] += wo * dr[i];
                }
            }
        } else {
            dxm.noalias() = w.transpose() * d;
        }
    }
    return dx;
}

template class DenseT<float>;
template class DenseT<double>;

} // namespace dl
