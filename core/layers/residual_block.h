// SPDX-License-Identifier: MIT
// A ResNet basic block (He et al. 2016; COURSE.md §7): a[l+2] = ReLU(z[l+2] + shortcut(a[l])) with the main
// path conv3×3(stride) → BN → ReLU → conv3×3 → BN, and the shortcut the identity when shapes match or a
// 1×1 projection conv (stride) → BN when they do not. One layer to the outside; it owns its sublayers.
#pragma once
#include "core/layers/activation.h"
#include "core/layers/batchnorm2d.h"
#include "core/layers/conv2d.h"

#include <memory>

namespace dl {

template <typename T>
class ResidualBlockT : public LayerT<T> {
  public:
    ResidualBlockT(int inChannels, int outChannels, int stride = 1);
    std::string_view type() const override { return "ResidualBlock"; }
    Shape outputShape(const Shape& in) const override;
    TensorT<T> forward(const TensorT<T>& x, Mode mode) override;
    TensorT<T> backward(const TensorT<T>& dy) override;
    std::vector<ParamT<T>*> params() override; // "conv1.weight", "bn1.gamma", ..., "proj.weight", ...
    std::vector<TensorT<T>*> buffers() override;
    std::string describe() const override;
    bool hasProjection() const { return m_proj != nullptr; }
    // Its sublayers, for writers of other formats (ONNX): the main path in order, and the shortcut's 1×1
    // projection and its batch norm (both null for the identity shortcut). The output is ReLU(main + shortcut).
    std::vector<LayerT<T>*> mainPath() const;
    LayerT<T>* projection() const { return m_proj.get(); }
    LayerT<T>* projectionNorm() const { return m_bnProj.get(); }

  private:
    int m_in, m_out, m_stride;
    std::unique_ptr<Conv2dT<T>> m_conv1, m_conv2, m_proj;
    std::unique_ptr<BatchNorm2dT<T>> m_bn1, m_bn2, m_bnProj;
    ActivationT<T> m_relu1{Act::ReLU};
    ActivationT<T> m_reluOut{Act::ReLU};
};

using ResidualBlock = ResidualBlockT<float>;

} // namespace dl
