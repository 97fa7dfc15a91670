// SPDX-License-Identifier: MIT
#include "core/layers/pool2d.h"

#include "core/layers/conv2d.h"

#include <algorithm>
#include <limits>

namespace dl {

template <typename T>
Pool2dT<T>::Pool2dT(PoolKind kind, int kernel, int stride, int pad, PoolPad padding)
    : m_kind(kind), m_k(kernel), m_s(stride), m_p(pad), m_padding(padding),
      m_offset(padding == PoolPad::Darknet ? -pad / 2 : -pad)
{
    if (padding == PoolPad::Darknet) {
        if (kind != PoolKind::Max || kernel <= 0 || kernel > 64 || stride <= 0 || stride > 64 || pad < 0 ||
            pad > 64)
            throw ConfigError("maxpool: size, stride and padding out of range");
        return;
    }
    if (kernel <= 0 || stride <= 0 || pad < 0 || pad >= kernel)
        throw ConfigError("pooling needs a positive kernel and stride and 0 ≤ padding < kernel");
}

template <typename T>
int Pool2dT<T>::outputSize(int n) const
{
    if (m_padding == PoolPad::Darknet) return (n + m_p - m_k) / m_s + 1; // darknet maxpool_layer.c
    return convOutputSize(n, m_k, m_s, m_p);
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
    const int ho = outputSize(in[2]), wo = outputSize(in[3]);
    if (ho <= 0 || wo <= 0) throw ShapeError(describe() + ": the input is smaller than the window");
    return {in[0], in[1], ho, wo};
}

namespace {

// Tiny Darknet's and LeNet's 2×2/2 windows wholly inside the plane: no bounds checks, selects rather than
// branches (the data decides at random); the first max wins on ties, in row-major window order.
template <typename T>
void maxPool2x2(const T* in, int w, int fy, int fx, int wo, T* out, int* arg, int base)
{
    for (int oy = 0; oy < fy; ++oy) {
        const T* r0 = in + static_cast<size_t>(2 * oy) * w;
        const T* r1 = r0 + w;
        T* o = out + static_cast<size_t>(oy) * wo;
        if (!arg) { // no backward: a plain max, vectorised
            for (int ox = 0; ox < fx; ++ox)
                o[ox] = std::max(std::max(r0[2 * ox], r0[2 * ox + 1]), std::max(r1[2 * ox], r1[2 * ox + 1]));
            continue;
        }
        int* a = arg + static_cast<size_t>(oy) * wo;
        for (int ox = 0; ox < fx; ++ox) {
            const int c = 2 * ox, at0 = base + 2 * oy * w + c;
            T best = r0[c];
            int at = at0;
            const bool b1 = r0[c + 1] > best;
            best = b1 ? r0[c + 1] : best;
            at = b1 ? at0 + 1 : at;
            const bool b2 = r1[c] > best;
            best = b2 ? r1[c] : best;
            at = b2 ? at0 + w : at;
            const bool b3 = r1[c + 1] > best;
            best = b3 ? r1[c + 1] : best;
            at = b3 ? at0 + w + 1 : at;
            o[ox] = best;
            a[ox] = at;
        }
    }
}

} // namespace

template <typename T>
void maxPoolInto(const TensorT<T>& x, int k, int s, int offset, int ho, int wo, TensorT<T>& y,
                 std::vector<int>* argmax)
{
    const int planes = x.dim(0) * x.dim(1), h = x.dim(2), w = x.dim(3);
    y.resize({x.dim(0), x.dim(1), ho, wo});
    if (argmax) argmax->resize(y.size());
    const bool fast = k == 2 && s == 2 && offset == 0;
    const int fy = fast ? std::min(ho, h / 2) : 0, fx = fast ? std::min(wo, w / 2) : 0;
#pragma omp parallel for schedule(static) if (planes > 8)
    for (int pl = 0; pl < planes; ++pl) {
        const T* in = x.data() + static_cast<size_t>(pl) * h * w;
        T* out = y.data() + static_cast<size_t>(pl) * ho * wo;
        int* arg = argmax ? argmax->data() + static_cast<size_t>(pl) * ho * wo : nullptr;
        const int base = pl * h * w;
        maxPool2x2(in, w, fy, fx, wo, out, arg, base);
        for (int oy = 0; oy < ho; ++oy)
            for (int ox = oy < fy ? fx : 0; ox < wo; ++ox) { // the rest: any window, with bounds
                T m = -std::numeric_limits<T>::infinity();
                int best = -1;
                for (int a = 0; a < k; ++a) {
                    const int iy = oy * s + offset + a;
                    if (iy < 0 || iy >= h) continue;
                    for (int b = 0; b < k; ++b) {
                        const int ix = ox * s + offset + b;
                        if (ix >= 0 && ix < w && (best < 0 || in[iy * w + ix] > m)) {
                            m = in[iy * w + ix];
                            best = iy * w + ix;
                        }
                    }
                }
                out[static_cast<size_t>(oy) * wo + ox] = m;
                if (arg) arg[static_cast<size_t>(oy) * wo + ox] = best < 0 ? -1 : base + best;
            }
    }
}

template void maxPoolInto<float>(const Tensor&, int, int, int, int, int, Tensor&, std::vector<int>*);
template void maxPoolInto<double>(const TensorD&, int, int, int, int, int, TensorD&, std::vector<int>*);

template <typename T>
TensorT<T> Pool2dT<T>::forward(const TensorT<T>& x, Mode mode)
{
    const Shape os = outputShape(x.shape());
    const int planes = x.dim(0) * x.dim(1), h = x.dim(2), w = x.dim(3), ho = os[2], wo = os[3];
    if (cachesForBackward(mode)) m_inShape = x.shape();
    if (m_kind == PoolKind::Max) {
        TensorT<T> y;
        maxPoolInto(x, m_k, m_s, m_offset, ho, wo, y, cachesForBackward(mode) ? &m_argmax : nullptr);
        return y;
    }
    auto y = TensorT<T>::uninitialized(os);
#pragma omp parallel for schedule(static) if (planes > 64)
    for (int pl = 0; pl < planes; ++pl) { // average over the window's cells inside the input
        const T* in = x.data() + static_cast<size_t>(pl) * h * w;
        T* out = y.data() + static_cast<size_t>(pl) * ho * wo;
        for (int oy = 0; oy < ho; ++oy)
            for (int ox = 0; ox < wo; ++ox) {
                const int y0 = std::max(0, oy * m_s - m_p), y1 = std::min(h, oy * m_s - m_p + m_k);
                const int x0 = std::max(0, ox * m_s - m_p), x1 = std::min(w, ox * m_s - m_p + m_k);
                T acc = T(0);
                for (int iy = y0; iy < y1; ++iy)
                    for (int ix = x0; ix < x1; ++ix) acc += in[iy * w + ix];
                out[static_cast<size_t>(oy) * wo + ox] = acc / T((y1 - y0) * (x1 - x0));
            }
    }
    return y;
}

template <typename T>
TensorT<T> Pool2dT<T>::backward(const TensorT<T>& dy)
{
    DL_CHECK(!m_inShape.empty() && dy.shape() == outputShape(m_inShape),
             "pool backward: dy does not match the last forward");
    const int planes = m_inShape[0] * m_inShape[1], h = m_inShape[2], w = m_inShape[3], ho = dy.dim(2),
              wo = dy.dim(3);
    TensorT<T> dx;
    if (m_kind == PoolKind::Max) {
        backwardInto(dy, dx);
        return dx;
    }
    dx = TensorT<T>(m_inShape);
#pragma omp parallel for schedule(static) if (planes > 64)
    for (int pl = 0; pl < planes; ++pl) {
        const T* d = dy.data() + static_cast<size_t>(pl) * ho * wo;
        T* g = dx.data() + static_cast<size_t>(pl) * h * w;
        for (int oy = 0; oy < ho; ++oy)
            for (int ox = 0; ox < wo; ++ox) {
                const size_t o = static_cast<size_t>(oy) * wo + ox;
                const int y0 = std::max(0, oy * m_s - m_p), y1 = std::min(h, oy * m_s - m_p + m_k);
                const int x0 = std::max(0, ox * m_s - m_p), x1 = std::min(w, ox * m_s - m_p + m_k);
                const T share = d[o] / T((y1 - y0) * (x1 - x0));
                for (int iy = y0; iy < y1; ++iy)
                    for (int ix = x0; ix < x1; ++ix) g[iy * w + ix] += share;
            }
    }
    return dx;
}

template <typename T>
void Pool2dT<T>::forwardInto(const TensorT<T>& x, TensorT<T>& y, bool keepArgmax)
{
    if (m_kind != PoolKind::Max) {
        y = forward(x, keepArgmax ? Mode::Frozen : Mode::Eval);
        return;
    }
    const Shape os = outputShape(x.shape());
    if (keepArgmax) m_inShape = x.shape();
    maxPoolInto(x, m_k, m_s, m_offset, os[2], os[3], y, keepArgmax ? &m_argmax : nullptr);
}

template <typename T>
void Pool2dT<T>::backwardInto(const TensorT<T>& dy, TensorT<T>& dx)
{
    DL_CHECK(m_kind == PoolKind::Max && !m_inShape.empty() && dy.shape() == outputShape(m_inShape) &&
                 m_argmax.size() == dy.size(),
             "pool backward: dy does not match the last forward");
    dx.resize(m_inShape);
    dx.arr().setZero();
    for (size_t o = 0; o < dy.size(); ++o) // flat indices into x (maxPoolInto)
        if (m_argmax[o] >= 0) dx[static_cast<size_t>(m_argmax[o])] += dy[o];
}

template class Pool2dT<float>;
template class Pool2dT<double>;

} // namespace dl
