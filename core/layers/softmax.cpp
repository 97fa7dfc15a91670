// SPDX-License-Identifier: MIT
#include "core/layers/softmax.h"

namespace dl {

template <typename T>
void softmaxRows(const TensorT<T>& z, TensorT<T>& p)
{
    p.resize(z.shape());
    auto zm = z.mat();
    auto pm = p.mat();
    for (Eigen::Index r = 0; r < zm.rows(); ++r) {
        T mx = zm.row(r).maxCoeff();
        pm.row(r) = (zm.row(r).array() - mx).exp().matrix();
        pm.row(r) /= pm.row(r).sum();
    }
}
template void softmaxRows<float>(const TensorT<float>&, TensorT<float>&);
template void softmaxRows<double>(const TensorT<double>&, TensorT<double>&);

template <typename T>
Shape SoftmaxT<T>::outputShape(const Shape& in) const
{
    if (in.size() != 2) throw ShapeError("Softmax expects (N, K) but gets " + shapeString(in));
    return in;
}

template <typename T>
TensorT<T> SoftmaxT<T>::forward(const TensorT<T>& x, Mode mode)
{
    outputShape(x.shape());
    TensorT<T> y;
    softmaxRows(x, y);
    if (mode == Mode::Train) m_y = y;
    return y;
}

// Jacobian-vector product of softmax: dx_i = y_i (dy_i - Σ_j dy_j y_j).
template <typename T>
TensorT<T> SoftmaxT<T>::backward(const TensorT<T>& dy)
{
    DL_CHECK(dy.shape() == m_y.shape(), "Softmax backward: dy does not match the last forward");
    TensorT<T> dx(dy.shape());
    auto y = m_y.mat();
    auto d = dy.mat();
    auto out = dx.mat();
    for (Eigen::Index r = 0; r < y.rows(); ++r) {
        T dot = d.row(r).dot(y.row(r));
        out.row(r) = (y.row(r).array() * (d.row(r).array() - dot)).matrix();
    }
    return dx;
}

template class SoftmaxT<float>;
template class SoftmaxT<double>;

} // namespace dl
