// SPDX-License-Identifier: MIT
// Where a training step's examples come from. A BatchSource hands the one training loop (train_loop.h) the
// next mini-batch; what the examples are (2-D points, images with augmentation, character windows, face
// triplets) is the source's business. The loop asks for a batch, trains on it, and commits it only when the
// update was made, so a diverged step leaves the source where it was.
#pragma once
#include "core/tensor/tensor.h"
#include "core/util/rng.h"

#include <vector>

namespace dl {

// One mini-batch as a step sees it. x and y point at tensors the source owns, valid until its next call.
struct Batch {
    const Tensor* x = nullptr; // input of layer `startLayer`
    const Tensor* y = nullptr; // targets (may be null when the learner builds its own, e.g. triplets)
    int count = 0;             // m: the examples the cost averages over (L2's λ/2m uses it too)
    int startLayer = 0;        // the layer x feeds: 0, or the end of a frozen prefix whose output is x
    bool endsEpoch = false;    // committing this batch completes a pass over the training set
    bool carry = false;        // sequences: continues the previous batch, state carried (TBPTT, COURSE.md §12)
};

class BatchSource {
  public:
    virtual ~BatchSource() = default;
    // The next training batch; may draw from rng (shuffles, augmentation). Asking twice without a commit
    // gives the same examples again (re-augmented).
    virtual Batch next(Rng& rng) = 0;
    // The batch was trained on: move past it.
    virtual void commit(const Batch& b) = 0;
    virtual int size() const = 0; // examples in one pass
};

// Shuffled passes over n rows (COURSE.md §4: a new permutation each epoch, the last partial batch kept).
// A batch ≤ 0 or ≥ n is the full batch: every row in order, no shuffle. When n changes (the training set
// grew or shrank between rounds) the pass in progress ends and the next batch starts a pass over all rows.
class EpochOrder {
  public:
    struct Take {
        int begin = 0, count = 0; // rows order()[begin, begin + count), or 0..n-1 when full
        bool full = false;
        bool endsEpoch = false;
    };
    Take take(int n, int batch, Rng& rng);
    void commit(const Take& t);
    void restart(); // the next take starts a new pass
    int position() const { return m_pos; }
    const std::vector<int>& order() const { return m_perm; }
    // For model files: continue a pass at `position` of `order` (a permutation of 0..n-1). Throws
    // ConfigError when they do not fit n; position 0 restarts.
    void set(int n, int position, std::vector<int> order);

  private:
    std::vector<int> m_perm;
    int m_pos = 0;
};

// Columns of a (D, N) feature matrix with (K, N) targets, in shuffled mini-batches; grows with append().
// The Playground's points (D = 2) and any tabular set.
class ColumnBatches : public BatchSource {
  public:
    ColumnBatches() = default;
    ColumnBatches(Tensor x, Tensor y, int batch);
    Batch next(Rng& rng) override;
    void commit(const Batch& b) override;
    int size() const override { return m_x.rank() == 2 ? m_x.dim(1) : 0; }
    void setBatch(int batch); // a new size starts a new pass
    int batch() const { return m_batch; }
    // New data, or more of it: the pass in progress ends (EpochOrder).
    void setData(Tensor x, Tensor y);
    void append(const Tensor& x, const Tensor& y); // (D, M), (K, M)
    const Tensor& x() const { return m_x; }
    const Tensor& y() const { return m_y; }
    EpochOrder& order() { return m_order; }
    const EpochOrder& order() const { return m_order; }

  private:
    Tensor m_x, m_y;
    Tensor m_bx, m_by; // the current batch's columns
    int m_batch = 0;
    EpochOrder m_order;
    EpochOrder::Take m_take;
};

} // namespace dl
