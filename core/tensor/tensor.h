// SPDX-License-Identifier: MIT
// Dense tensor: contiguous storage plus a Shape. It is not an autograd node or an expression.
//
// Conventions, written once for the whole core:
//  - element type float32 (TensorT<double> exists only so gradient checks can run in double precision);
//  - row-major: the last dim varies fastest; image batches NCHW;
//  - feature batches are (D, N): one column per example, the course's own notation (Z = W·A + b with A of
//    shape (n[l-1], m)). Deliberate, measured: every row then runs along N in memory, so the small products
//    of 2-D playground nets (D = 2..8) vectorise over examples; with (N, D) they were ~10x slower;
//  - Eigen views are always Map<Matrix<T, Dynamic, Dynamic, RowMajor>>, never Eigen's column-major default;
//  - never hold an Eigen expression in `auto`: evaluate into a concrete type.
#pragma once
#include "core/tensor/shape.h"
#include "core/util/error.h"

#include <Eigen/Core>
#include <memory>
#include <new>
#include <vector>

namespace dl {

template <typename T>
using RowMat = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
template <typename T>
using MatMap = Eigen::Map<RowMat<T>>;
template <typename T>
using ConstMatMap = Eigen::Map<const RowMat<T>>;
template <typename T>
using ArrMap = Eigen::Map<Eigen::Array<T, Eigen::Dynamic, 1>>;
template <typename T>
using ConstArrMap = Eigen::Map<const Eigen::Array<T, Eigen::Dynamic, 1>>;

// Tensor storage allocator: 64-byte aligned (one AVX-512 vector, one cache line) so vectorised loops and
// reductions split the same way for every buffer: results are bit-identical from run to run, which
// checkpoints and experiment replays rely on. New elements are left uninitialised on resize(): outputs
// that a kernel overwrites completely need no memset first.
template <typename T>
struct TensorAllocator {
    using value_type = T;
    static constexpr std::align_val_t kAlign{64};
    TensorAllocator() = default;
    template <typename U>
    TensorAllocator(const TensorAllocator<U>&) noexcept
    {
    }
    T* allocate(size_t n) { return static_cast<T*>(::operator new(n * sizeof(T), kAlign)); }
    void deallocate(T* p, size_t) noexcept { ::operator delete(p, kAlign); }
    template <typename U>
    void construct(U* p) noexcept
    {
        ::new (static_cast<void*>(p)) U;
    }
    template <typename U, typename... Args>
    void construct(U* p, Args&&... args)
    {
        ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }
    template <typename U>
    bool operator==(const TensorAllocator<U>&) const noexcept
    {
        return true;
    }
};

template <typename T>
class TensorT {
  public:
    using Storage = std::vector<T, TensorAllocator<T>>;
    TensorT() = default;
    explicit TensorT(Shape shape, T fill = T(0)) : m_shape(std::move(shape)), m_data(shapeSize(m_shape), fill)
    {
    }
    // Elements unspecified: for outputs that are overwritten completely.
    static TensorT uninitialized(Shape shape)
    {
        TensorT t;
        t.resize(shape);
        return t;
    }

    const Shape& shape() const { return m_shape; }
    int rank() const { return static_cast<int>(m_shape.size()); }
    int dim(int i) const { return m_shape.at(static_cast<size_t>(i)); }
    size_t size() const { return m_data.size(); }
    size_t capacity() const { return m_data.capacity(); }
    bool empty() const { return m_data.empty(); }
    T* data() { return m_data.data(); }
    const T* data() const { return m_data.data(); }
    T& operator[](size_t i) { return m_data[i]; }
    const T& operator[](size_t i) const { return m_data[i]; }
    std::vector<T> toVector() const { return std::vector<T>(m_data.begin(), m_data.end()); }

    // Reshape to `s`, reusing capacity; element values are unspecified afterwards.
    void resize(const Shape& s)
    {
        m_shape = s;
        m_data.resize(shapeSize(s));
    }
    void fill(T v) { std::fill(m_data.begin(), m_data.end(), v); }
    void setZero() { fill(T(0)); }

    // Matrix view (dim0, size/dim0); a rank-1 tensor is one row.
    MatMap<T> mat() { return MatMap<T>(m_data.data(), rows(), cols()); }
    ConstMatMap<T> mat() const { return ConstMatMap<T>(m_data.data(), rows(), cols()); }
    ArrMap<T> arr() { return ArrMap<T>(m_data.data(), static_cast<Eigen::Index>(m_data.size())); }
    ConstArrMap<T> arr() const
    {
        return ConstArrMap<T>(m_data.data(), static_cast<Eigen::Index>(m_data.size()));
    }

    template <typename U>
    TensorT<U> cast() const
    {
        TensorT<U> out(m_shape);
        for (size_t i = 0; i < m_data.size(); ++i) out[i] = static_cast<U>(m_data[i]);
        return out;
    }

  private:
    Eigen::Index rows() const { return m_shape.size() <= 1 ? 1 : m_shape[0]; }
    Eigen::Index cols() const
    {
        Eigen::Index r = rows();
        return r == 0 ? 0 : static_cast<Eigen::Index>(m_data.size()) / r;
    }
    Shape m_shape;
    Storage m_data;
};

using Tensor = TensorT<float>;
using TensorD = TensorT<double>;

} // namespace dl
