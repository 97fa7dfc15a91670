// SPDX-License-Identifier: MIT
#include "core/layers/flatten.h"

namespace dl {

static void need4(const Shape& in, const char* who)
{
    if (in.size() != 4)
        throw ShapeError(std::string(who) + " expects (N, C, H, W) but gets " + shapeString(in));
}

template <typename T>
Shape FlattenT<T>::outputShape(const Shape& in) const
{
    need4(in, "Flatten");
    return {in[1] * in[2] * in[3], in[0]};
}

// (N, D) row-major images → (D, N): a transpose.
template <typename T>
TensorT<T> FlattenT<T>::forward(const TensorT<T>& x, Mode mode)
{
    const Shape os = outputShape(x.shape());
    auto y = TensorT<T>::uninitialized(os);
    y.mat() = ConstMatMap<T>(x.data(), os[1], os[0]).transpose();
    if (cachesForBackward(mode)) m_inShape = x.shape();
    return y;
}

template <typename T>
TensorT<T> FlattenT<T>::backward(const TensorT<T>& dy)
{
    DL_CHECK(!m_inShape.empty() && dy.shape() == outputShape(m_inShape),
             "Flatten backward: dy does not match the last forward");
    auto dx = TensorT<T>::uninitialized(m_inShape);
    MatMap<T>(dx.data(), dy.dim(1), dy.dim(0)) = dy.mat().transpose();
    return dx;
}

template <typename T>
Shape GlobalAvgPoolT<T>::outputShape(const Shape& in) const
{
    need4(in, "GlobalAvgPool");
    return {in[1], in[0]};
}

template <typename T>
TensorT<T> GlobalAvgPoolT<T>::forward(const TensorT<T>& x, Mode mode)
{
    const Shape os = outputShape(x.shape());
    const int n = x.dim(0), c = x.dim(1), hw = x.dim(2) * x.dim(3);
    auto y = TensorT<T>::uninitialized(os);
    for (int i = 0; i < n; ++i)
        for (int ch = 0; ch < c; ++ch)
            y[static_cast<size_t>(ch) * n + i] =
                ConstArrMap<T>(x.data() + (static_cast<size_t>(i) * c + ch) * hw, hw).mean();
    if (cachesForBackward(mode)) m_inShape = x.shape();
    return y;
}

template <typename T>
TensorT<T> GlobalAvgPoolT<T>::backward(const TensorT<T>& dy)
{
    DL_CHECK(!m_inShape.empty() && dy.shape() == outputShape(m_inShape),
             "GlobalAvgPool backward: dy does not match the last forward");
    const int n = m_inShape[0], c = m_inShape[1], hw = m_inShape[2] * m_inShape[3];
    auto dx = TensorT<T>::uninitialized(m_inShape);
    for (int i = 0; i < n; ++i)
        for (int ch = 0; ch < c; ++ch)
            ArrMap<T>(dx.data() + (static_cast<size_t>(i) * c + ch) * hw, hw)
                .setConstant(dy[static_cast<size_t>(ch) * n + i] / T(hw));
    return dx;
}

template class FlattenT<float>;
template class FlattenT<double>;
template class GlobalAvgPoolT<float>;
template class GlobalAvgPoolT<double>;

} // namespace dl
