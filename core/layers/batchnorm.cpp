// SPDX-License-Identifier: MIT
#include "core/layers/batchnorm.h"

namespace dl {

template <typename T>
BatchNormT<T>::BatchNormT(int features, T momentum, T eps) : m_d(features), m_momentum(momentum), m_eps(eps)
{
    if (features <= 0) throw ShapeError("BatchNorm needs a positive feature count");
    m_gamma = {"gamma", TensorT<T>({features}, T(1)), TensorT<T>({features}), false};
    m_beta = {"beta", TensorT<T>({features}), TensorT<T>({features}), false};
    m_runMean = TensorT<T>({features});
    m_runVar = TensorT<T>({features}, T(1));
}

template <typename T>
Shape BatchNormT<T>::outputShape(const Shape& in) const
{
    if (in.size() != 2 || in[1] != m_d)
        throw ShapeError(describe() + " expects (N, " + std::to_string(m_d) + ") but gets " + shapeString(in));
    return in;
}

// z_norm = (z-μ)/sqrt(σ²+ε), z̃ = γ z_norm + β   (COURSE.md §5)
template <typename T>
TensorT<T> BatchNormT<T>::forward(const TensorT<T>& x, Mode mode)
{
    outputShape(x.shape());
    const int n = x.dim(0);
    using Row = Eigen::Matrix<T, 1, Eigen::Dynamic>;
    Row mean, invStd;
    auto xm = x.mat();
    if (mode == Mode::Train) {
        mean = xm.colwise().mean();
        RowMat<T> centred = xm.rowwise() - mean;
        Row var = centred.array().square().colwise().mean().matrix();
        invStd = (var.array() + m_eps).rsqrt().matrix();
        m_runMean.mat().row(0) = m_momentum * m_runMean.mat().row(0) + (T(1) - m_momentum) * mean;
        m_runVar.mat().row(0) = m_momentum * m_runVar.mat().row(0) + (T(1) - m_momentum) * var;
        m_xhat.resize({n, m_d});
        m_xhat.mat() = centred * invStd.asDiagonal();
        m_invStd.resize({m_d});
        m_invStd.mat().row(0) = invStd;
    } else {
        mean = m_runMean.mat().row(0);
        invStd = (m_runVar.mat().row(0).array() + m_eps).rsqrt().matrix();
    }
    TensorT<T> y({n, m_d});
    Row scale = (m_gamma.value.mat().row(0).array() * invStd.array()).matrix();
    y.mat() = (xm.rowwise() - mean) * scale.asDiagonal();
    y.mat().rowwise() += m_beta.value.mat().row(0);
    return y;
}

// dx = (1/N)·invStd·(N·dx̂ - Σdx̂ - x̂·Σ(dx̂·x̂)), dx̂ = dy·γ  (Ioffe & Szegedy 2015, §3)
template <typename T>
TensorT<T> BatchNormT<T>::backward(const TensorT<T>& dy)
{
    DL_CHECK(dy.shape() == m_xhat.shape(), "BatchNorm backward: dy does not match the last forward");
    const T n = static_cast<T>(dy.dim(0));
    auto d = dy.mat();
    auto xh = m_xhat.mat();
    m_gamma.grad.mat().row(0) += (d.array() * xh.array()).colwise().sum().matrix();
    m_beta.grad.mat().row(0) += d.colwise().sum();
    RowMat<T> dxhat = d * m_gamma.value.mat().row(0).asDiagonal();
    using Row = Eigen::Matrix<T, 1, Eigen::Dynamic>;
    Row sumD = dxhat.colwise().sum();
    Row sumDX = (dxhat.array() * xh.array()).colwise().sum().matrix();
    TensorT<T> dx(dy.shape());
    RowMat<T> t = (n * dxhat).rowwise() - sumD;
    t -= xh * sumDX.asDiagonal();
    Row s = (m_invStd.mat().row(0).array() / n).matrix();
    dx.mat() = t * s.asDiagonal();
    return dx;
}

template class BatchNormT<float>;
template class BatchNormT<double>;

} // namespace dl
