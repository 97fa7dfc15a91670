// SPDX-License-Identifier: MIT
// Image mini-batches for the training loop: shuffled images (N, C, H, W) of a labelled set with one-hot
// targets and the training-time augmentation (COURSE.md §7), or the precomputed output of a frozen prefix
// (transfer learning: the batch then feeds the first trained layer).
#pragma once
#include "core/data/augment.h"
#include "core/data/image_set.h"
#include "core/train/batch_source.h"

namespace dl {

// Copies examples idx of a batch into a new one: rows of an (N, C, H, W) batch, columns of a (D, N)
// feature batch (the output of Flatten or Dense; both row-major, tensor.h).
Tensor gatherExamples(const Tensor& from, const std::vector<int>& idx);
// Which axis counts the examples: 0 of (N, C, H, W), 1 of a feature batch (D, N).
inline size_t exampleAxis(const Shape& s)
{
    return s.size() == 2 ? 1 : 0;
}

class ImageBatches : public BatchSource {
  public:
    ImageBatches(SharedImageSet set, int batch) : m_set(std::move(set)), m_batch(batch) {}
    Batch next(Rng& rng) override;
    void commit(const Batch&) override { m_order.commit(m_take); }
    int size() const override { return m_set->size(); }
    void setBatch(int batch) { m_batch = batch; }
    // Applied to every training batch; PCA colour uses the set's own components.
    void setAugmentation(const AugmentPipeline& p);
    const AugmentPipeline& augmentation() const { return m_aug; }
    // Features (one per image, in the set's order) that feed layer `startLayer`; empty: the images.
    void setFeatures(Tensor features, int startLayer);
    bool hasFeatures() const { return !m_features.empty(); }
    EpochOrder& order() { return m_order; }
    const EpochOrder& order() const { return m_order; }

  private:
    SharedImageSet m_set;
    int m_batch;
    AugmentPipeline m_aug;
    PcaColor m_pca;
    Tensor m_features;
    int m_startLayer = 0;
    EpochOrder m_order;
    EpochOrder::Take m_take;
    Tensor m_x, m_y;
};

} // namespace dl
