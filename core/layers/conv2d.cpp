// SPDX-License-Identifier: MIT
#include "core/layers/conv2d.h"

#include <vector>

namespace dl {

int convOutputSize(int n, int kernel, int stride, int pad)
{
    return (n + 2 * pad - kernel) / stride + 1;
}

template <typename T>
Conv2dT<T>::Conv2dT(const Conv2dSpec& s) : m_spec(s)
{
    if (s.inChannels <= 0 || s.outChannels <= 0 || s.kernel <= 0 || s.stride <= 0 || s.pad < 0 ||
        s.groups <= 0)
        throw ConfigError(
            "Conv2d needs positive channels, kernel, stride and groups and a non-negative padding");
    if (s.inChannels % s.groups || s.outChannels % s.groups)
        throw ConfigError("Conv2d: " + std::to_string(s.groups) + " groups do not divide " +
                          std::to_string(s.inChannels) + " input and " + std::to_string(s.outChannels) +
                          " output channels");
    const Shape ws{s.outChannels, s.inChannels / s.groups, s.kernel, s.kernel};
    m_weight = {"weight", TensorT<T>(ws), TensorT<T>(ws), true};
    m_bias = {"bias", TensorT<T>({s.outChannels}), TensorT<T>({s.outChannels}), false};
}

template <typename T>
std::string Conv2dT<T>::describe() const
{
    const Conv2dSpec& s = m_spec;
    std::string d = "Conv2d " + std::to_string(s.inChannels) + "→" + std::to_string(s.outChannels) + " " +
                    std::to_string(s.kernel) + "×" + std::to_string(s.kernel);
    if (s.stride != 1) d += " stride " + std::to_string(s.stride);
    if (s.pad) d += " pad " + std::to_string(s.pad);
    if (s.groups != 1) d += s.groups == s.inChannels ? " depthwise" : " groups " + std::to_string(s.groups);
    return d;
}

template <typename T>
Shape Conv2dT<T>::outputShape(const Shape& in) const
{
    if (in.size() != 4 || in[1] != m_spec.inChannels)
        throw ShapeError(describe() + " expects (N, " + std::to_string(m_spec.inChannels) +
                         ", H, W) but gets " + shapeString(in));
    const int ho = convOutputSize(in[2], m_spec.kernel, m_spec.stride, m_spec.pad);
    const int wo = convOutputSize(in[3], m_spec.kernel, m_spec.stride, m_spec.pad);
    if (ho <= 0 || wo <= 0)
        throw ShapeError(describe() + ": a " + std::to_string(in[2]) + "×" + std::to_string(in[3]) +
                         " input is smaller than the kernel");
    return {in[0], m_spec.outChannels, ho, wo};
}

// cols (Cg·k·k, Ho·Wo): row (c, i, j) holds input channel c0+c at (oy·s + i - p, ox·s + j - p), 0 outside.
template <typename T>
void Conv2dT<T>::im2col(const T* x, int h, int w, int c0, T* cols) const
{
    const int k = m_spec.kernel, s = m_spec.stride, p = m_spec.pad;
    const int cg = m_spec.inChannels / m_spec.groups;
    const int ho = convOutputSize(h, k, s, p), wo = convOutputSize(w, k, s, p);
    for (int c = 0; c < cg; ++c) {
        const T* plane = x + static_cast<size_t>(c0 + c) * h * w;
        for (int i = 0; i < k; ++i)
            for (int j = 0; j < k; ++j) {
                T* row = cols + (static_cast<size_t>(c) * k * k + i * k + j) * ho * wo;
                for (int oy = 0; oy < ho; ++oy) {
                    const int iy = oy * s + i - p;
                    T* out = row + static_cast<size_t>(oy) * wo;
                    if (iy < 0 || iy >= h) {
                        for (int ox = 0; ox < wo; ++ox) out[ox] = T(0);
                        continue;
                    }
                    const T* in = plane + static_cast<size_t>(iy) * w;
                    for (int ox = 0; ox < wo; ++ox) {
                        const int ix = ox * s + j - p;
                        out[ox] = (ix >= 0 && ix < w) ? in[ix] : T(0);
                    }
                }
            }
    }
}

// The adjoint of im2col: every column entry is added back to the input pixel it was copied from.
template <typename T>
void Conv2dT<T>::col2im(const T* cols, int h, int w, int c0, T* dx) const
{
    const int k = m_spec.kernel, s = m_spec.stride, p = m_spec.pad;
    const int cg = m_spec.inChannels / m_spec.groups;
    const int ho = convOutputSize(h, k, s, p), wo = convOutputSize(w, k, s, p);
    for (int c = 0; c < cg; ++c) {
        T* plane = dx + static_cast<size_t>(c0 + c) * h * w;
        for (int i = 0; i < k; ++i)
            for (int j = 0; j < k; ++j) {
                const T* row = cols + (static_cast<size_t>(c) * k * k + i * k + j) * ho * wo;
                for (int oy = 0; oy < ho; ++oy) {
                    const int iy = oy * s + i - p;
                    if (iy < 0 || iy >= h) continue;
                    T* out = plane + static_cast<size_t>(iy) * w;
                    const T* in = row + static_cast<size_t>(oy) * wo;
                    for (int ox = 0; ox < wo; ++ox) {
                        const int ix = ox * s + j - p;
                        if (ix >= 0 && ix < w) out[ix] += in[ox];
                    }
                }
            }
    }
}

// Per image n and group g: Y_g (Cout_g, Ho·Wo) = W_g (Cout_g, Cg·k·k) · cols (Cg·k·k, Ho·Wo) + b
template <typename T>
TensorT<T> Conv2dT<T>::forward(const TensorT<T>& x, Mode mode)
{
    const Shape os = outputShape(x.shape());
    const int n = x.dim(0), h = x.dim(2), w = x.dim(3), ho = os[2], wo = os[3];
    const int g = m_spec.groups, cg = m_spec.inChannels / g, og = m_spec.outChannels / g;
    const int kk = cg * m_spec.kernel * m_spec.kernel, hw = ho * wo;
    auto y = TensorT<T>::uninitialized(os);
    std::vector<T> cols(static_cast<size_t>(kk) * hw); // im2col buffer of one image and group
    const auto wAll = ConstMatMap<T>(m_weight.value.data(), m_spec.outChannels, kk);
    for (int i = 0; i < n; ++i) {
        const T* xi = x.data() + static_cast<size_t>(i) * m_spec.inChannels * h * w;
        for (int gi = 0; gi < g; ++gi) {
            im2col(xi, h, w, gi * cg, cols.data());
            MatMap<T> yg(y.data() + (static_cast<size_t>(i) * m_spec.outChannels + gi * og) * hw, og, hw);
            yg.noalias() = wAll.middleRows(gi * og, og) * ConstMatMap<T>(cols.data(), kk, hw);
            for (int o = 0; o < og; ++o) yg.row(o).array() += m_bias.value[gi * og + o];
        }
    }
    if (cachesForBackward(mode)) m_x = x;
    return y;
}

// dW_g += dY_g · colsᵀ, db += Σ dY, dcols = W_gᵀ · dY_g, dX = col2im(dcols)
template <typename T>
TensorT<T> Conv2dT<T>::backward(const TensorT<T>& dy)
{
    const Shape os = outputShape(m_x.shape());
    DL_CHECK(dy.shape() == os,
             "Conv2d backward: dy " + shapeString(dy.shape()) + " does not match the last forward");
    const int n = m_x.dim(0), h = m_x.dim(2), w = m_x.dim(3), hw = os[2] * os[3];
    const int g = m_spec.groups, cg = m_spec.inChannels / g, og = m_spec.outChannels / g;
    const int kk = cg * m_spec.kernel * m_spec.kernel;
    TensorT<T> dx(m_needInputGrad ? m_x.shape() : Shape{});
    std::vector<T> cols(static_cast<size_t>(kk) * hw), dcols(static_cast<size_t>(kk) * hw);
    auto wAll = ConstMatMap<T>(m_weight.value.data(), m_spec.outChannels, kk);
    auto dwAll = MatMap<T>(m_weight.grad.data(), m_spec.outChannels, kk);
    for (int i = 0; i < n; ++i) {
        const T* xi = m_x.data() + static_cast<size_t>(i) * m_spec.inChannels * h * w;
        T* dxi = m_needInputGrad ? dx.data() + static_cast<size_t>(i) * m_spec.inChannels * h * w : nullptr;
        for (int gi = 0; gi < g; ++gi) {
            const ConstMatMap<T> dyg(dy.data() + (static_cast<size_t>(i) * m_spec.outChannels + gi * og) * hw,
                                     og, hw);
            im2col(xi, h, w, gi * cg, cols.data());
            dwAll.middleRows(gi * og, og).noalias() += dyg * ConstMatMap<T>(cols.data(), kk, hw).transpose();
            for (int o = 0; o < og; ++o) m_bias.grad[gi * og + o] += dyg.row(o).sum();
            if (!m_needInputGrad) continue; // first layer: skip Wᵀ·dY and col2im
            MatMap<T>(dcols.data(), kk, hw).noalias() = wAll.middleRows(gi * og, og).transpose() * dyg;
            col2im(dcols.data(), h, w, gi * cg, dxi);
        }
    }
    return dx;
}

template class Conv2dT<float>;
template class Conv2dT<double>;

} // namespace dl
