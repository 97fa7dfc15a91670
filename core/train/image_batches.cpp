// SPDX-License-Identifier: MIT
#include "core/train/image_batches.h"

#include <algorithm>
#include <cstring>
#include <numeric>

namespace dl {

Tensor gatherExamples(const Tensor& from, const std::vector<int>& idx)
{
    Shape s = from.shape();
    const size_t axis = exampleAxis(s);
    s[axis] = static_cast<int>(idx.size());
    Tensor out = Tensor::uninitialized(s);
    if (axis == 1) {
        out.mat() = from.mat()(Eigen::all, idx);
        return out;
    }
    const size_t per = from.size() / static_cast<size_t>(from.dim(0));
    for (size_t i = 0; i < idx.size(); ++i)
        std::memcpy(out.data() + i * per, from.data() + size_t(idx[i]) * per, per * sizeof(float));
    return out;
}

void ImageBatches::setAugmentation(const AugmentPipeline& p)
{
    m_aug = p;
    const bool needPca =
        std::any_of(p.ops.begin(), p.ops.end(), [](const AugmentOp& o) { return o.kind == "pca"; });
    if (needPca && m_set->images.dim(1) == 3) m_pca = pcaColorBasis(m_set->images);
}

void ImageBatches::setFeatures(Tensor features, int startLayer)
{
    m_features = std::move(features);
    m_startLayer = m_features.empty() ? 0 : startLayer;
}

Batch ImageBatches::next(Rng& rng)
{
    const int n = size();
    m_take = m_order.take(n, m_batch, rng);
    std::vector<int> idx(static_cast<size_t>(m_take.count));
    if (m_take.full)
        std::iota(idx.begin(), idx.end(), 0);
    else
        std::copy_n(m_order.order().begin() + m_take.begin, m_take.count, idx.begin());
    // One-hot targets (K, m), one column per image.
    m_y.resize({m_set->classes, m_take.count});
    m_y.setZero();
    for (int i = 0; i < m_take.count; ++i)
        m_y[static_cast<size_t>(m_set->labels[static_cast<size_t>(idx[size_t(i)])]) * m_take.count + i] = 1.f;
    if (hasFeatures()) {
        m_x = gatherExamples(m_features, idx);
    } else {
        m_x = gatherExamples(m_set->images, idx);
        augmentBatch(m_x, m_aug, rng, &m_pca);
    }
    Batch b;
    b.x = &m_x, b.y = &m_y, b.count = m_take.count, b.endsEpoch = m_take.endsEpoch;
    b.startLayer = m_startLayer;
    return b;
}

} // namespace dl
