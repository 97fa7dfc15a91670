// SPDX-License-Identifier: MIT
#include "core/train/batch_source.h"

#include "core/util/error.h"

#include <algorithm>
#include <string>

namespace dl {

EpochOrder::Take EpochOrder::take(int n, int batch, Rng& rng)
{
    Take t;
    if (n <= 0) return t;
    if (batch <= 0 || batch >= n) {
        t.full = true, t.count = n, t.endsEpoch = true;
        return t;
    }
    // COURSE.md §4: one shuffle per epoch (drawn once, so a batch asked for again is the same batch); a set
    // that changed size starts a new pass.
    if (m_perm.size() != static_cast<size_t>(n)) {
        m_perm = rng.permutation(n);
        m_pos = 0;
    }
    t.begin = m_pos;
    t.count = std::min(batch, n - m_pos);
    t.endsEpoch = m_pos + t.count >= n;
    return t;
}

void EpochOrder::commit(const Take& t)
{
    if (t.full || t.endsEpoch)
        restart();
    else
        m_pos = t.begin + t.count;
}

void EpochOrder::restart()
{
    m_pos = 0;
    m_perm.clear();
}

void EpochOrder::set(int n, int position, std::vector<int> order)
{
    if (position < 0 || position >= std::max(1, n))
        throw ConfigError("the position in the epoch (example " + std::to_string(position) + " of " +
                          std::to_string(n) + ") is out of range");
    if (position == 0) {
        restart();
        return;
    }
    std::vector<char> seen(static_cast<size_t>(n), 0);
    bool ok = order.size() == static_cast<size_t>(n);
    for (size_t i = 0; ok && i < order.size(); ++i) {
        ok = order[i] >= 0 && order[i] < n && !seen[static_cast<size_t>(order[i])];
        if (ok) seen[static_cast<size_t>(order[i])] = 1;
    }
    if (!ok)
        throw ConfigError("the epoch's order is not a shuffle of the " + std::to_string(n) +
                          " training examples");
    m_perm = std::move(order);
    m_pos = position;
}

ColumnBatches::ColumnBatches(Tensor x, Tensor y, int batch) : m_batch(batch)
{
    setData(std::move(x), std::move(y));
}

void ColumnBatches::setData(Tensor x, Tensor y)
{
    if (x.rank() != 2 || y.rank() != 2 || x.dim(1) != y.dim(1))
        throw ShapeError("batches: features " + shapeString(x.shape()) + " and targets " +
                         shapeString(y.shape()) + " must be (D, N) and (K, N)");
    m_x = std::move(x);
    m_y = std::move(y);
    m_order.restart();
}

void ColumnBatches::append(const Tensor& x, const Tensor& y)
{
    if (x.rank() != 2 || y.rank() != 2 || x.dim(1) != y.dim(1) || x.dim(0) != m_x.dim(0) ||
        y.dim(0) != m_y.dim(0))
        throw ShapeError("batches: cannot append features " + shapeString(x.shape()) + " and targets " +
                         shapeString(y.shape()) + " to " + shapeString(m_x.shape()) + " and " +
                         shapeString(m_y.shape()));
    const int n = m_x.dim(1), m = x.dim(1);
    Tensor nx = Tensor::uninitialized({m_x.dim(0), n + m}), ny = Tensor::uninitialized({m_y.dim(0), n + m});
    nx.mat() << m_x.mat(), x.mat();
    ny.mat() << m_y.mat(), y.mat();
    m_x = std::move(nx);
    m_y = std::move(ny);
    // The pass in progress ends: EpochOrder sees the new size at the next take.
}

void ColumnBatches::setBatch(int batch)
{
    if (batch != m_batch) m_order.restart(); // a new batch size starts a new pass
    m_batch = batch;
}

Batch ColumnBatches::next(Rng& rng)
{
    Batch b;
    m_take = m_order.take(size(), m_batch, rng);
    b.count = m_take.count;
    b.endsEpoch = m_take.endsEpoch;
    if (m_take.full) {
        b.x = &m_x, b.y = &m_y;
        return b;
    }
    const int dx = m_x.dim(0), dy = m_y.dim(0), n = m_x.dim(1), c = m_take.count;
    m_bx.resize({dx, c});
    m_by.resize({dy, c});
    const std::vector<int>& perm = m_order.order();
    for (int j = 0; j < c; ++j) {
        const size_t i = static_cast<size_t>(perm[static_cast<size_t>(m_take.begin + j)]);
        for (int r = 0; r < dx; ++r) m_bx[size_t(r) * c + j] = m_x[size_t(r) * n + i];
        for (int r = 0; r < dy; ++r) m_by[size_t(r) * c + j] = m_y[size_t(r) * n + i];
    }
    b.x = &m_bx, b.y = &m_by;
    return b;
}

void ColumnBatches::commit(const Batch&)
{
    m_order.commit(m_take);
}

} // namespace dl
