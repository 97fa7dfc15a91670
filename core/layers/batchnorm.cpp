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
    if (in.size() != 2 || in[0] != m_d)
        throw ShapeError(describe() + " expects (" + std::to_string(m_d) + ", N) but gets " + shapeString(in));
    return in;
}

// Per feature (row) over the batch: z_norm = (z-μ)/sqrt(σ²+ε), z̃ = γ z_norm + β   (COURSE.md §5)
template <typename T>
TensorT<T> BatchNormT<T>::forward(const TensorT<T>& x, Mode mode)
{
    outputShape(x.shape());
    const int n = x.dim(1);
    using Col = Eigen::Matrix<T, Eigen::Dynamic, 1>;
    Col mean, invStd;
    auto xm = x.mat();
    auto runMean = m_runMean.mat().row(0).transpose();
    auto runVar = m_runVar.mat().row(0).transpose();
    if (mode == Mode::Train) {
        mean = xm.rowwise().mean();
        RowMat<T> centred = xm.colwise() - mean;
        Col var = centred.array().square().rowwise().mean().matrix();
        invStd = (var.array() + m_eps).rsqrt().matrix();
        runMean = m_momentum * runMean + (T(1) - m_momentum) * mean;
        runVar = m_momentum * runVar + (T(1) - m_momentum) * var;
        m_xhat.resize({m_d, n});
        m_xhat.mat() = invStd.asDiagonal() * centred;
        m_invStd.resize({m_d});
        m_invStd.mat().row(0) = invStd.transpose();
    } else {
        mean = runMean;
        invStd = (runVar.array() + m_eps).rsqrt().matrix();
    }
    auto y = TensorT<T>::uninitialized({m_d, n});
    const Col scale = (m_gamma.value.mat().row(0).transpose().array() * invStd.array()).matrix();
    y.mat() = scale.asDiagonal() * (xm.colwise() - mean);
    y.mat().colwise() += m_beta.value.mat().row(0).transpose();
    return y;
}

// dx = (1/N)·invStd·(N·dx̂ - Σdx̂ - x̂·Σ(dx̂·x̂)), dx̂ = dy·γ  (Ioffe & Szegedy 2015, §3), sums over N
template <typename T>
TensorT<T> BatchNormT<T>::backward(const TensorT<T>& dy)
{
    DL_CHECK(dy.shape() == m_xhat.shape(), "BatchNorm backward: dy does not match the last forward");
    const T n = static_cast<T>(dy.dim(1));
    using Col = Eigen::Matrix<T, Eigen::Dynamic, 1>;
    auto d = dy.mat();
    auto xh = m_xhat.mat();
    m_gamma.grad.mat().row(0) += (d.array() * xh.array()).rowwise().sum().matrix().transpose();
    m_beta.grad.mat().row(0) += d.rowwise().sum().transpose();
    const Col gamma = m_gamma.value.mat().row(0).transpose();
    RowMat<T> dxhat = gamma.asDiagonal() * d;
    const Col sumD = dxhat.rowwise().sum();
    const Col sumDX = (dxhat.array() * xh.array()).rowwise().sum().matrix();
    RowMat<T> t = (n * dxhat).colwise() - sumD;
    t -= sumDX.asDiagonal() * xh;
    const Col s = (m_invStd.mat().row(0).transpose().array() / n).matrix();
    auto dx = TensorT<T>::uninitialized(dy.shape());
    dx.mat() = s.asDiagonal() * t;
    return dx;
}

template class BatchNormT<float>;
template class BatchNormT<double>;

} // namespace dl
