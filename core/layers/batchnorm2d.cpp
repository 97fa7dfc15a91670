// SPDX-License-Identifier: MIT
#include "core/layers/batchnorm2d.h"

namespace dl {

template <typename T>
Shape BatchNorm2dT<T>::outputShape(const Shape& in) const
{
    if (in.size() != 4 || in[1] != this->m_c)
        throw ShapeError(describe() + " expects (N, " + std::to_string(this->m_c) + ", H, W) but gets " +
                         shapeString(in));
    return in;
}

template class BatchNorm2dT<float>;
template class BatchNorm2dT<double>;

} // namespace dl
