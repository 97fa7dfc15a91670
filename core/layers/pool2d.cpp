// SPDX-License-Identifier: MIT
#include "core/layers/pool2d.h"

#include "core/layers/conv2d.h"

#include <limits>

namespace dl {

template <typename T>
Pool2dT<T>::Pool2dT(PoolKind kind, int kernel, int stride, int pad)
    : m_kind(kind), m_k(kernel), m_s(stride), m_p(pad)
{
    if (kernel <= 0 || stride <= 0 || pad < 0 || pad >= kernel)
        throw ConfigError("pooling needs a positive kernel and stride and 0 ≤ padding < kernel");
}

template <typename T>
std::string Pool2dT<T>::describe() const
{
    return std::string(type()) + " " + std::to_string(m_k) + "×" + std::to_string(m_k) + " stride " +
           std::to_string(m_s);
}

template <typename T>
Shape Pool2dT<T>::outputShape(const Shape& in) const
{
    if (in.size() != 4) throw ShapeError(describe() + " expects (N, C, H, W) but gets " + shapeString(in));
    const int ho = convOutputSize(in[2], m_k, m_s, m_p), wo = convOutputSize(in[3], m_k, m_s, m_p);
    if (ho <= 0 || wo <= 0) throw ShapeError(describe() + ": the input is smaller than the window");
    return {in[0], in[1], ho, wo};
}

template <typename T>
TensorT<T> Pool2dT<T>::forward(const TensorT<T>& x, Mode mode)
{
    const Shape os = outputShape(x.shape());
    const int planes = x.dim(0) * x.dim(1), h = x.dim(2), w = x.dim(3), ho = os[2], wo = os[3];
    auto y = TensorT<T>::uninitialized(os);
    const bool keepArg = cachesForBackward(mode) && m_kind == PoolKind::Max;
    if (keepArg) m_argmax.resize(y.size());
    if (m_kind == PoolKind::Max && m_k == 2 && m_s == 2 && m_p == 0) { // the common case, branch-free
#pragma omp parallel for schedule(static) if (planes > 64)
        for (int pl = 0; pl < planes; ++pl) {
            const T* in = x.data() + static_cast<size_t>(pl) * h * w;
            T* out = y.data() + static_cast<size_t>(pl) * ho * wo;
            int* arg = keepArg ? m_argmax.data() + static_cast<size_t>(pl) * ho * wo : nullptr;
            for (int oy = 0; oy < ho; ++oy) {
                const T* r0 = in + static_cast<size_t>(2 * oy) * w;
                const T* r1 = r0 + w;
                T* o = out + static_cast<size_t>(oy) * wo;
                if (!arg) { // Eval: a plain max, vectorised
                    for (int ox = 0; ox < wo; ++ox)
                        o[ox] = std::max(std::max(r0[2 * ox], r0[2 * ox + 1]),
                                         std::max(r1[2 * ox], r1[2 * ox + 1]));
                    continue;
                }
                int* a = arg + static_cast<size_t>(oy) * wo;
                for (int ox = 0; ox < wo; ++ox) { // selects, not branches: the data decides at random
                    const int c = 2 * ox, base = 2 * oy * w + c;
                    T best = r0[c];
                    int at = base;
                    const bool b1 = r0[c + 1] > best; // first max wins on ties, row-major order
                    best = b1 ? r0[c + 1] : best;
                    at = b1 ? base + 1 : at;
                    const bool b2 = r1[c] > best;
                    best = b2 ? r1[c] : best;
                    at = b2 ? base + w : at;
                    const bool b3 = r1[c + 1] > best;
                    best = b3 ? r1[c + 1] : best;
                    at = b3 ? base + w + 1 : at;
                    o[ox] = best;
                    a[ox] = at;
                }
            }
        }
        if (cachesForBackward(mode)) m_inShape = x.shape();
        return y;
    }
#pragma omp parallel for schedule(static) if (planes > 64)
    for (int pl = 0; pl < planes; ++pl) {
        const T* in = x.data() + static_cast<size_t>(pl) * h * w;
        T* out = y.data() + static_cast<size_t>(pl) * ho * wo;
        for (int oy = 0; oy < ho; ++oy)
            for (int ox = 0; ox < wo; ++ox) {
                const int y0 = std::max(0, oy * m_s - m_p), y1 = std::min(h, oy * m_s - m_p + m_k);
                const int x0 = std::max(0, ox * m_s - m_p), x1 = std::min(w, ox * m_s - m_p + m_k);
                T acc = m_kind == PoolKind::Max ? -std::numeric_limits<T>::infinity() : T(0);
                int arg = y0 * w + x0;
                for (int iy = y0; iy < y1; ++iy)
                    for (int ix = x0; ix < x1; ++ix) {
                        const T v = in[iy * w + ix];
                        if (m_kind == PoolKind::Avg)
                            acc += v;
                        else if (v > acc) { // first max wins on ties
                            acc = v;
                            arg = iy * w + ix;
                        }
                    }
                const size_t o = static_cast<size_t>(oy) * wo + ox;
                out[o] = m_kind == PoolKind::Avg ? acc / T((y1 - y0) * (x1 - x0)) : acc;
                if (keepArg) m_argmax[static_cast<size_t>(pl) * ho * wo + o] = arg;
            }
    }
    if (cachesForBackward(mode)) m_inShape = x.shape();
    return y;
}

template <typename T>
TensorT<T> Pool2dT<T>::backward(const TensorT<T>& dy)
{
    DL_CHECK(!m_inShape.empty() && dy.shape() == outputShape(m_inShape),
             "pool backward: dy does not match the last forward");
    const int planes = m_inShape[0] * m_inShape[1], h = m_inShape[2], w = m_inShape[3], ho = dy.dim(2),
              wo = dy.dim(3);
    TensorT<T> dx(m_inShape);
#pragma omp parallel for schedule(static) if (planes > 64)
    for (int pl = 0; pl < planes; ++pl) {
        const T* d = dy.data() + static_cast<size_t>(pl) * ho * wo;
        T* g = dx.data() + static_cast<size_t>(pl) * h * w;
        for (int oy = 0; oy < ho; ++oy)
            for (int ox = 0; ox < wo; ++ox) {
                const size_t o = static_cast<size_t>(oy) * wo + ox;
                if (m_kind == PoolKind::Max) {
                    g[m_argmax[static_cast<size_t>(pl) * ho * wo + o]] += d[o];
                    continue;
                }
                const int y0 = std::max(0, oy * m_s - m_p), y1 = std::min(h, oy * m_s - m_p + m_k);
                const int x0 = std::max(0, ox * m_s - m_p), x1 = std::min(w, ox * m_s - m_p + m_k);
                const T share = d[o] / T((y1 - y0) * (x1 - x0));
                for (int iy = y0; iy < y1; ++iy)
                    for (int ix = x0; ix < x1; ++ix) g[iy * w + ix] += share;
            }
    }
    return dx;
}

template class Pool2dT<float>;
template class Pool2dT<double>;

} // namespace dl
