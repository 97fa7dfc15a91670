// SPDX-License-Identifier: MIT
#include "core/layers/softmax.h"

namespace dl {

template <typename T>
void softmaxColumns(const TensorT<T>& z, TensorT<T>& p)
{
    p.resize(z.shape());
    auto zm = z.mat();
    auto pm = p.mat();
    const Eigen::Matrix<T, 1, Eigen::Dynamic> mx = zm.colwise().maxCoeff();
    pm = (zm.rowwise() - mx).array().exp().matrix();
    const Eigen::Array<T, 1, Eigen::Dynamic> sum = pm.colwise().sum().array();
    pm.array().rowwise() /= sum;
}
template void softmaxColumns<float>(const TensorT<float>&, TensorT<float>&);
template void softmaxColumns<double>(const TensorT<double>&, TensorT<double>&);

template <typename T>
Shape SoftmaxT<T>::outputShape(const Shape& in) const
{
    if (in.size() != 2) throw ShapeError("Softmax expects (K, N) but gets " + shapeString(in));
    return in;
}

template <typename T>
TensorT<T> SoftmaxT<T>::forward(const TensorT<T>& x, Mode mode)
{
    outputShape(x.shape());
    TensorT<T> y;
    softmaxColumns(x, y);
    if (cachesForBackward(mode)) m_y = y;
    return y;
}

// Jacobian-vector product of softmax per example: dx_i = y_i (dy_i - Σ_j dy_j y_j).
template <typename T>
TensorT<T> SoftmaxT<T>::backward(const TensorT<T>& dy)
{
    DL_CHECK(dy.shape() == m_y.shape(), "Softmax backward: dy does not match the last forward");
    auto dx = TensorT<T>::uninitialized(dy.shape());
    auto y = m_y.mat();
    const Eigen::Array<T, 1, Eigen::Dynamic> dot = (dy.mat().array() * y.array()).colwise().sum();
    dx.mat() = (y.array() * (dy.mat().array().rowwise() - dot)).matrix();
    return dx;
}

template class SoftmaxT<float>;
template class SoftmaxT<double>;

template <typename T>
Shape L2NormalizeT<T>::outputShape(const Shape& in) const
{
    if (in.size() != 2) throw ShapeError("L2Normalize expects features (D, N) but gets " + shapeString(in));
    return in;
}

template <typename T>
TensorT<T> L2NormalizeT<T>::forward(const TensorT<T>& x, Mode mode)
{
    outputShape(x.shape());
    const Eigen::Array<T, 1, Eigen::Dynamic> norm =
        (x.mat().colwise().squaredNorm().array() + T(1e-12)).sqrt();
    auto y = TensorT<T>::uninitialized(x.shape());
    y.mat() = (x.mat().array().rowwise() / norm).matrix();
    if (cachesForBackward(mode)) m_y = y, m_norm = norm;
    return y;
}

template <typename T>
TensorT<T> L2NormalizeT<T>::backward(const TensorT<T>& dy)
{
    DL_CHECK(dy.shape() == m_y.shape(), "L2Normalize backward: dy does not match the last forward");
    auto dx = TensorT<T>::uninitialized(dy.shape());
    auto y = m_y.mat();
    const Eigen::Array<T, 1, Eigen::Dynamic> dot = (dy.mat().array() * y.array()).colwise().sum();
    dx.mat() = ((dy.mat().array() - y.array().rowwise() * dot).rowwise() / m_norm).matrix();
    return dx;
}

template class L2NormalizeT<float>;
template class L2NormalizeT<double>;

} // namespace dl
