// SPDX-License-Identifier: MIT
// The costs of neural style transfer exactly as COURSE.md §10 writes them (Gatys et al. 2016):
//   J_content      = 1/(4 n_H n_W n_C) Σ (a_C − a_G)²                         (one content layer)
//   G              = A Aᵀ, A = the (n_C, n_H·n_W) unrolled activations          (Gram matrix)
//   J_style[l]     = 1/(4 n_C² (n_H n_W)²) Σ (G_S − G_G)²
//   J_style        = Σ_l λ_l J_style[l]
//   J              = α J_content + β J_style
// with their gradients with respect to the generated image's pixels (through FeatureChain). Templated on the
// scalar so the gradient check runs in double.
#pragma once
#include "core/style/feature_chain.h"

#include <vector>

namespace dl {

struct StyleLayer {
    int layer = 0;     // index in the extractor
    double weight = 0; // λ_l
};

struct StyleWeights {
    int contentLayer = 12; // MODELS.md §3.4: 28²×256 at 224², after leaky
    std::vector<StyleLayer> style{
        {0, 0.2}, {2, 0.2}, {5, 0.2}, {10, 0.2}, {15, 0.2}}; // 3×3 convs, each scale
    double alpha = 1, beta = 1e4;
};

struct StyleCosts {
    double content = 0, style = 0, total = 0; // J_content, J_style (Σ λ J_style[l]), J
    std::vector<double> perLayer;             // J_style[l] (unweighted), in StyleWeights::style order
};

// Gram matrix G = A Aᵀ of a (C, H, W) activation (COURSE.md §10); symmetric, computed as a rank update.
template <typename T>
void gramMatrix(const TensorT<T>& a, RowMat<T>& g);

template <typename T>
class StyleProblemT {
  public:
    explicit StyleProblemT(FeatureChainT<T> chain);
    // Throws ConfigError when a layer is outside the extractor or no layer is chosen.
    void setWeights(const StyleWeights& w);
    const StyleWeights& weights() const { return m_w; }
    // The content photo C and style painting S, both (1, 3, H, W) in [0, 1] and of the size the generated
    // image will have. Targets a_C and G_S are recomputed when images or layers change.
    void setImages(const TensorT<T>& content, const TensorT<T>& style);
    // J and, when grad is given, dJ/dx (x's shape). Runs the extractor only as deep as the chosen layers.
    StyleCosts evaluate(const TensorT<T>& x, TensorT<T>* grad);
    // Gram matrices of style layer k (StyleWeights::style order) for S and for the last evaluated x.
    const RowMat<T>& styleGram(int k) const { return m_gramS[static_cast<size_t>(k)]; }
    const RowMat<T>& generatedGram(int k) const { return m_gramG[static_cast<size_t>(k)]; }
    FeatureChainT<T>& chain() { return m_chain; }
    int deepestLayer() const;

  private:
    void computeTargets();
    FeatureChainT<T> m_chain;
    StyleWeights m_w;
    TensorT<T> m_content, m_style;
    TensorT<T> m_contentTarget; // a_C
    std::vector<RowMat<T>> m_gramS, m_gramG;
    std::vector<TensorT<T>> m_grads; // per extractor layer: dJ/d output (scratch for backward)
    RowMat<T> m_diff;                // G_G − G_S (scratch)
};

using StyleProblem = StyleProblemT<float>;

} // namespace dl
