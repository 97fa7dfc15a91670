// SPDX-License-Identifier: MIT
#include "core/layers/conv2d.h"

#include <algorithm>
#include <omp.h>
#include <type_traits>
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
    const Shape none{0};
    m_weight = {"weight", TensorT<T>(ws), TensorT<T>(s.gradients ? ws : none), true};
    m_bias = {"bias", TensorT<T>({s.outChannels}), TensorT<T>(s.gradients ? Shape{s.outChannels} : none),
              false};
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

// Output columns ox whose input column ix = ox·s + j − p lies in [0, w): [lo, hi).
static inline void validRange(int j, int s, int p, int w, int wo, int& lo, int& hi)
{
    const int before = p - j, last = w - 1 + p - j; // integer division must not see negatives
    lo = std::min(wo, before <= 0 ? 0 : (before + s - 1) / s);
    hi = std::max(lo, last < 0 ? 0 : std::min(wo, last / s + 1));
}

// cols (Cg·k·k, Ho·Wo): row (c, i, j) holds input channel c0+c at (oy·s + i - p, ox·s + j - p), 0 outside.
template <typename T>
void Conv2dT<T>::im2col(const T* x, int h, int w, int c0, T* cols, int oy0, int oy1) const
{
    const int k = m_spec.kernel, s = m_spec.stride, p = m_spec.pad;
    const int cg = m_spec.inChannels / m_spec.groups;
    const int ho = convOutputSize(h, k, s, p), wo = convOutputSize(w, k, s, p);
    if (oy1 < 0) oy1 = ho;
    const size_t band = static_cast<size_t>(oy1 - oy0) * wo;
    for (int c = 0; c < cg; ++c) {
        const T* plane = x + static_cast<size_t>(c0 + c) * h * w;
        for (int i = 0; i < k; ++i)
            for (int j = 0; j < k; ++j) {
                T* row = cols + (static_cast<size_t>(c) * k * k + i * k + j) * band;
                int lo, hi;
                validRange(j, s, p, w, wo, lo, hi);
                for (int oy = oy0; oy < oy1; ++oy) {
                    const int iy = oy * s + i - p;
                    T* out = row + static_cast<size_t>(oy - oy0) * wo;
                    if (iy < 0 || iy >= h) {
                        std::fill(out, out + wo, T(0));
                        continue;
                    }
                    const T* in = plane + static_cast<size_t>(iy) * w + (j - p);
                    std::fill(out, out + lo, T(0));
                    if (s == 1)
                        std::copy(in + lo, in + hi, out + lo);
                    else
                        for (int ox = lo; ox < hi; ++ox) out[ox] = in[ox * s];
                    std::fill(out + hi, out + wo, T(0));
                }
            }
    }
}

// The adjoint of im2col: every column entry is added back to the input pixel it was copied from.
template <typename T>
void Conv2dT<T>::col2im(const T* cols, int h, int w, int c0, T* dx, int cBegin, int cEnd, int oy0,
                        int oy1) const
{
    const int k = m_spec.kernel, s = m_spec.stride, p = m_spec.pad;
    const int cg = m_spec.inChannels / m_spec.groups;
    const int ho = convOutputSize(h, k, s, p), wo = convOutputSize(w, k, s, p);
    if (cEnd < 0) cEnd = cg;
    if (oy1 < 0) oy1 = ho;
    const size_t band = static_cast<size_t>(oy1 - oy0) * wo;
    for (int c = cBegin; c < cEnd; ++c) {
        T* plane = dx + static_cast<size_t>(c0 + c) * h * w;
        for (int i = 0; i < k; ++i)
            for (int j = 0; j < k; ++j) {
                const T* row = cols + (static_cast<size_t>(c) * k * k + i * k + j) * band;
                int lo, hi;
                validRange(j, s, p, w, wo, lo, hi);
                for (int oy = oy0; oy < oy1; ++oy) {
                    const int iy = oy * s + i - p;
                    if (iy < 0 || iy >= h) continue;
                    T* out = plane + static_cast<size_t>(iy) * w + (j - p);
                    const T* in = row + static_cast<size_t>(oy - oy0) * wo;
                    if (s == 1) // contiguous: vectorised
                        for (int ox = lo; ox < hi; ++ox) out[ox] += in[ox];
                    else
                        for (int ox = lo; ox < hi; ++ox) out[ox * s] += in[ox];
                }
            }
    }
}

// Per image n and group g: Y_g (Cout_g, Ho·Wo) = W_g (Cout_g, Cg·k·k) · cols (Cg·k·k, Ho·Wo) + b.
// Images are independent: they are split across threads (OpenMP, static schedule).
template <typename T>
TensorT<T> Conv2dT<T>::forward(const TensorT<T>& x, Mode mode)
{
    const Shape os = outputShape(x.shape());
    const int n = x.dim(0), h = x.dim(2), w = x.dim(3), ho = os[2], wo = os[3];
    const int g = m_spec.groups, cg = m_spec.inChannels / g, og = m_spec.outChannels / g;
    const int kk = cg * m_spec.kernel * m_spec.kernel, hw = ho * wo;
    const size_t block = static_cast<size_t>(kk) * hw; // one image and group
    auto y = TensorT<T>::uninitialized(os);
    const bool cache = cachesForBackward(mode);
    if (!cache && n == 1) { // one image at inference (detection, style previews): parallel inside the image
        forwardOne(x.data(), h, w, ho, wo, y.data());
        return y;
    }
    if (cache) m_cols.resize(static_cast<size_t>(n) * g * block); // kept: backward reuses the columns
    const auto wAll = ConstMatMap<T>(m_weight.value.data(), m_spec.outChannels, kk);
#pragma omp parallel if (n > 1)
    {
        std::vector<T> local(cache ? 0 : block);
#pragma omp for schedule(static)
        for (int i = 0; i < n; ++i) {
            const T* xi = x.data() + static_cast<size_t>(i) * m_spec.inChannels * h * w;
            for (int gi = 0; gi < g; ++gi) {
                T* cols = cache ? m_cols.data() + (static_cast<size_t>(i) * g + gi) * block : local.data();
                im2col(xi, h, w, gi * cg, cols);
                MatMap<T> yg(y.data() + (static_cast<size_t>(i) * m_spec.outChannels + gi * og) * hw, og, hw);
                yg.noalias() = wAll.middleRows(gi * og, og) * ConstMatMap<T>(cols, kk, hw);
                for (int o = 0; o < og; ++o) yg.row(o).array() += m_bias.value[gi * og + o];
            }
        }
    }
    if (cache) m_inShape = x.shape();
    return y;
}

template <typename T>
void Conv2dT<T>::forwardInto(const TensorT<T>& x, TensorT<T>& y, T negativeSlope)
{
    const Shape os = outputShape(x.shape());
    DL_CHECK(os[0] == 1, "Conv2d::forwardInto takes one image");
    y.resize(os);
    forwardOne(x.data(), x.dim(2), x.dim(3), os[2], os[3], y.data(), negativeSlope);
}

// One depthwise channel: the plane is copied into a zero-padded buffer (row length pw) once, then every
// output row is the sum of k·k shifted input rows times one weight: no bounds checks in the inner loop,
// which the compiler vectorises when k and the stride are compile-time constants.
template <typename T>
static void padPlane(const T* in, int h, int w, int p, int pw, int ph, T* pad)
{
    for (int y = 0; y < ph; ++y) {
        T* row = pad + static_cast<size_t>(y) * pw;
        if (y < p || y >= h + p) {
            std::fill(row, row + pw, T(0));
            continue;
        }
        std::fill(row, row + p, T(0));
        std::copy(in + static_cast<size_t>(y - p) * w, in + static_cast<size_t>(y - p + 1) * w, row + p);
        std::fill(row + p + w, row + pw, T(0));
    }
}

template <int K, int S, typename T>
static void depthwisePlane(const T* in, int h, int w, int p, int pw, const T* wk, T bias, T slope, T* out,
                           int ho, int wo, T* pad)
{
    const int ph = std::max(h + 2 * p, (ho - 1) * S + K);
    padPlane(in, h, w, p, pw, ph, pad);
    T wv[K * K];
    std::copy(wk, wk + K * K, wv);
    // Each output read once and written once: the K·K products summed in a register, in the same order as
    // row after row of shifted input would add them (bias, then (0,0), (0,1), …), so the result is the same.
    for (int oy = 0; oy < ho; ++oy) {
        T* o = out + static_cast<size_t>(oy) * wo;
        const T* r = pad + static_cast<size_t>(oy * S) * pw;
        for (int ox = 0; ox < wo; ++ox) {
            T acc = bias;
            for (int i = 0; i < K; ++i)
                for (int j = 0; j < K; ++j) acc += wv[i * K + j] * r[i * pw + ox * S + j];
            o[ox] = slope == T(1) || acc > 0 ? acc : slope * acc;
        }
    }
}

template <typename T>
static void depthwisePlaneAny(const T* in, int h, int w, int k, int s, int p, int pw, const T* wk, T bias,
                              T slope, T* out, int ho, int wo, T* pad)
{
    const int ph = std::max(h + 2 * p, (ho - 1) * s + k);
    padPlane(in, h, w, p, pw, ph, pad);
    for (int oy = 0; oy < ho; ++oy) {
        T* o = out + static_cast<size_t>(oy) * wo;
        for (int ox = 0; ox < wo; ++ox) o[ox] = bias;
        for (int i = 0; i < k; ++i)
            for (int j = 0; j < k; ++j) {
                const T* r = pad + static_cast<size_t>(oy * s + i) * pw + j;
                for (int ox = 0; ox < wo; ++ox) o[ox] += wk[i * k + j] * r[ox * s];
            }
        if (slope != T(1))
            for (int ox = 0; ox < wo; ++ox) o[ox] = o[ox] > 0 ? o[ox] : slope * o[ox];
    }
}

template <typename T>
int Conv2dT<T>::bandRows(int kk, int wo, int ho) const
{
    constexpr long kBandFloats = 96 * 1024; // 384 KB of columns: within a core's L2 with the weights
    return static_cast<int>(std::clamp<long>(kBandFloats / (static_cast<long>(kk) * wo), 1, ho));
}

// One image, no caches. Pointwise 1×1 convolutions are one GEMM on the input itself; depthwise ones
// (groups = C = Cout, MobileNet) are direct k×k loops split over channels, since im2col + a GEMM with one
// output row per group would cost more than the arithmetic; the rest im2col + GEMM as above.
template <typename T>
void Conv2dT<T>::forwardOne(const T* x, int h, int w, int ho, int wo, T* y, T slope)
{
    const Conv2dSpec& sp = m_spec;
    const int k = sp.kernel, s = sp.stride, p = sp.pad, hw = ho * wo;
    if (sp.groups == sp.inChannels && sp.groups == sp.outChannels) {
        const int pw = std::max(w + 2 * p, (wo - 1) * s + k), ph = std::max(h + 2 * p, (ho - 1) * s + k);
        auto plane = [&](auto kc, auto sc, int c, T* pad) {
            depthwisePlane<decltype(kc)::value, decltype(sc)::value>(
                x + static_cast<size_t>(c) * h * w, h, w, p, pw,
                m_weight.value.data() + static_cast<size_t>(c) * k * k, m_bias.value[c], slope,
                y + static_cast<size_t>(c) * hw, ho, wo, pad);
        };
#pragma omp parallel
        {
            std::vector<T> pad(static_cast<size_t>(pw) * ph + 16 * 2 + 8); // + slack for depthwisePlane
#pragma omp for schedule(static)
            for (int c = 0; c < sp.inChannels; ++c) {
                using I1 = std::integral_constant<int, 1>;
                using I2 = std::integral_constant<int, 2>;
                using K3 = std::integral_constant<int, 3>;
                using K5 = std::integral_constant<int, 5>;
                if (k == 3 && s == 1)
                    plane(K3{}, I1{}, c, pad.data());
                else if (k == 3 && s == 2)
                    plane(K3{}, I2{}, c, pad.data());
                else if (k == 5 && s == 1)
                    plane(K5{}, I1{}, c, pad.data());
                else if (k == 5 && s == 2)
                    plane(K5{}, I2{}, c, pad.data());
                else
                    depthwisePlaneAny(x + static_cast<size_t>(c) * h * w, h, w, k, s, p, pw,
                                      m_weight.value.data() + static_cast<size_t>(c) * k * k, m_bias.value[c],
                                      slope, y + static_cast<size_t>(c) * hw, ho, wo, pad.data());
            }
        }
        return;
    }
    const int g = sp.groups, cg = sp.inChannels / g, og = sp.outChannels / g, kk = cg * k * k;
    const bool pointwise = k == 1 && s == 1 && p == 0;
    using Strided = Eigen::Map<RowMat<T>, 0, Eigen::OuterStride<>>;
    for (int gi = 0; gi < g; ++gi) {
        const ConstMatMap<T> wg(m_weight.value.data() + static_cast<size_t>(gi) * og * kk, og, kk);
        T* yg = y + static_cast<size_t>(gi) * og * hw;
        if (pointwise) {
            // One GEMM per group, outside any parallel region: OpenBLAS threads it (a GEMM inside one of our
            // regions would open nested thread teams: measured 10× slower).
            // Bias first, then Y += W·X: Eigen calls sgemm with β = 1 instead of zeroing Y and adding twice.
            MatMap<T> ym(yg, og, hw);
            for (int o = 0; o < og; ++o) ym.row(o).setConstant(m_bias.value[gi * og + o]);
            ym.noalias() += wg * ConstMatMap<T>(x + static_cast<size_t>(gi) * cg * h * w, cg, hw);
            continue;
        }
        // im2col + GEMM in bands of output rows whose columns fit in cache (a 320×240 first layer's full
        // im2col is 8 MB: writing and re-reading it cost more than the arithmetic), leaky applied per band.
        // Bands write disjoint output columns: they are split across threads, each running its GEMMs on one
        // thread (OpenBLAS's OpenMP build does inside a parallel region) — small band GEMMs threaded inside
        // scaled 1.3× on two cores.
        const int rows = bandRows(kk, wo, ho), bands = (ho + rows - 1) / rows;
        const int threads = bands > 1 && !omp_in_parallel() ? std::min(bands, omp_get_max_threads()) : 1;
        m_bandScratch.resize(static_cast<size_t>(threads));
#pragma omp parallel num_threads(threads)
        {
            std::vector<T>& cols = m_bandScratch[static_cast<size_t>(omp_get_thread_num())];
            cols.resize(static_cast<size_t>(kk) * rows * wo);
#pragma omp for schedule(static)
            for (int b = 0; b < bands; ++b) {
                const int oy0 = b * rows, oy1 = std::min(ho, oy0 + rows), n = (oy1 - oy0) * wo;
                im2col(x, h, w, gi * cg, cols.data(), oy0, oy1);
                Strided yb(yg + static_cast<size_t>(oy0) * wo, og, n, Eigen::OuterStride<>(hw));
                for (int o = 0; o < og; ++o) yb.row(o).setConstant(m_bias.value[gi * og + o]);
                yb.noalias() += wg * ConstMatMap<T>(cols.data(), kk, n);
                if (slope != T(1))
                    for (int o = 0; o < og; ++o) {
                        T* r = yb.row(o).data();
                        for (int q = 0; q < n; ++q) r[q] = r[q] > 0 ? r[q] : slope * r[q];
                    }
            }
        }
    }
    if (!pointwise) return; // leaky already applied band by band
    if (slope == T(1)) return;
    const long total = static_cast<long>(sp.outChannels) * hw;
#pragma omp parallel for simd schedule(static) if (total > 32768)
    for (long i = 0; i < total; ++i) y[i] = y[i] > 0 ? y[i] : slope * y[i];
}

// dW_g += dY_g · colsᵀ, db += Σ dY, dcols = W_gᵀ · dY_g, dX = col2im(dcols). Each thread sums dW and db of
// its images into its own buffer; the buffers are added in thread order, so a run is reproducible for a
// given thread count.
template <typename T>
TensorT<T> Conv2dT<T>::backward(const TensorT<T>& dy)
{
    const Shape os = outputShape(m_inShape);
    DL_CHECK(dy.shape() == os,
             "Conv2d backward: dy " + shapeString(dy.shape()) + " does not match the last forward");
    DL_CHECK(m_spec.gradients, "Conv2d backward on a layer built for inference only (Conv2dSpec::gradients)");
    const int n = m_inShape[0], h = m_inShape[2], w = m_inShape[3], hw = os[2] * os[3];
    const int g = m_spec.groups, cg = m_spec.inChannels / g, og = m_spec.outChannels / g;
    const int kk = cg * m_spec.kernel * m_spec.kernel, cout = m_spec.outChannels;
    const size_t block = static_cast<size_t>(kk) * hw;
    TensorT<T> dx(m_needInputGrad ? m_inShape : Shape{});
    auto wAll = ConstMatMap<T>(m_weight.value.data(), cout, kk);
    const int threads = n > 1 ? omp_get_max_threads() : 1;
    std::vector<T> partial(static_cast<size_t>(threads) * (static_cast<size_t>(cout) * kk + cout), T(0));
#pragma omp parallel num_threads(threads)
    {
        T* mine = partial.data() + static_cast<size_t>(omp_get_thread_num()) * (size_t(cout) * kk + cout);
        auto dw = MatMap<T>(mine, cout, kk);
        T* db = mine + static_cast<size_t>(cout) * kk;
        std::vector<T> dcols(m_needInputGrad ? block : 0);
#pragma omp for schedule(static)
        for (int i = 0; i < n; ++i) {
            T* dxi =
                m_needInputGrad ? dx.data() + static_cast<size_t>(i) * m_spec.inChannels * h * w : nullptr;
            for (int gi = 0; gi < g; ++gi) {
                const ConstMatMap<T> dyg(dy.data() + (static_cast<size_t>(i) * cout + gi * og) * hw, og, hw);
                const T* cols = m_cols.data() + (static_cast<size_t>(i) * g + gi) * block;
                dw.middleRows(gi * og, og).noalias() += dyg * ConstMatMap<T>(cols, kk, hw).transpose();
                for (int o = 0; o < og; ++o) db[gi * og + o] += dyg.row(o).sum();
                if (!m_needInputGrad) continue; // first layer: skip Wᵀ·dY and col2im
                MatMap<T>(dcols.data(), kk, hw).noalias() = wAll.middleRows(gi * og, og).transpose() * dyg;
                col2im(dcols.data(), h, w, gi * cg, dxi);
            }
        }
    }
    for (int t = 0; t < threads; ++t) {
        const T* part = partial.data() + static_cast<size_t>(t) * (size_t(cout) * kk + cout);
        m_weight.grad.arr() += ConstArrMap<T>(part, static_cast<Eigen::Index>(cout) * kk);
        m_bias.grad.arr() += ConstArrMap<T>(part + size_t(cout) * kk, cout);
    }
    return dx;
}

// dX_g = col2im(W_gᵀ · dY_g) (the backward above without the parameter terms); a pointwise convolution's
// columns are the input itself, so there dX_g = W_gᵀ · dY_g directly. The GEMMs stay outside our parallel
// regions (OpenBLAS threads them, see forwardOne); col2im is split over input channels, which write
// disjoint planes.
template <typename T>
void Conv2dT<T>::backwardInputInto(const TensorT<T>& dy, int h, int w, TensorT<T>& dx)
{
    const Shape os = outputShape({1, m_spec.inChannels, h, w});
    DL_CHECK(dy.shape() == os,
             "Conv2d backwardInputInto: dy " + shapeString(dy.shape()) + " is not " + shapeString(os));
    const Conv2dSpec& sp = m_spec;
    const int g = sp.groups, cg = sp.inChannels / g, og = sp.outChannels / g;
    const int kk = cg * sp.kernel * sp.kernel, hw = os[2] * os[3];
    const bool pointwise = sp.kernel == 1 && sp.stride == 1 && sp.pad == 0;
    dx.resize({1, sp.inChannels, h, w});
    if (!pointwise) dx.arr().setZero(); // col2im adds
    for (int gi = 0; gi < g; ++gi) {
        const ConstMatMap<T> wg(m_weight.value.data() + static_cast<size_t>(gi) * og * kk, og, kk);
        const ConstMatMap<T> dyg(dy.data() + static_cast<size_t>(gi) * og * hw, og, hw);
        T* dxg = dx.data() + static_cast<size_t>(gi) * cg * h * w;
        if (pointwise) {
            MatMap<T>(dxg, cg, hw).noalias() = wg.transpose() * dyg;
            continue;
        }
        // In bands of output rows (see forwardOne): dcols_band = W_gᵀ · dY_band, then col2im of the band.
        // Neighbouring bands add into shared input rows, bands two apart never do (rows·stride ≥ k): even
        // bands run in parallel, then odd ones.
        using Strided = Eigen::Map<const RowMat<T>, 0, Eigen::OuterStride<>>;
        const int wo = os[3], ho = os[2];
        const int rows = std::max(bandRows(kk, wo, ho), (sp.kernel + sp.stride - 1) / sp.stride);
        const int bands = (ho + rows - 1) / rows;
        const int threads = bands > 1 && !omp_in_parallel() ? std::min(bands, omp_get_max_threads()) : 1;
        m_bandScratch.resize(static_cast<size_t>(threads));
#pragma omp parallel num_threads(threads)
        {
            std::vector<T>& cols = m_bandScratch[static_cast<size_t>(omp_get_thread_num())];
            cols.resize(static_cast<size_t>(kk) * rows * wo);
            for (int parity = 0; parity < 2; ++parity) {
#pragma omp for schedule(static)
                for (int b = parity; b < bands; b += 2) {
                    const int oy0 = b * rows, oy1 = std::min(ho, oy0 + rows), n = (oy1 - oy0) * wo;
                    const Strided db(dyg.data() + static_cast<size_t>(oy0) * wo, og, n,
                                     Eigen::OuterStride<>(hw));
                    MatMap<T>(cols.data(), kk, n).noalias() = wg.transpose() * db;
                    col2im(cols.data(), h, w, gi * cg, dx.data(), 0, cg, oy0, oy1);
                } // implicit barrier: odd bands start when every even band is done
            }
        }
    }
}

template class Conv2dT<float>;
template class Conv2dT<double>;

} // namespace dl
