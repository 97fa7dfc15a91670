// SPDX-License-Identifier: MIT
// Loss contract: value and gradient fused in one call. Losses take the network's raw output (logits for
// the classification losses, which fuse sigmoid/softmax for numerical safety). Plus the L2 penalty.
#pragma once
#include "core/layers/layer.h"

namespace dl {

template <typename T>
struct LossResultT {
    T value = 0;      // mean over the batch (N examples = columns)
    TensorT<T> dpred; // dL/dpred, same shape as pred (already divided by N)
};

enum class LossKind { BinaryCrossEntropy, SoftmaxCrossEntropy, MeanSquaredError };
const char* lossName(LossKind k);

template <typename T>
class LossT {
  public:
    virtual ~LossT() = default;
    // pred (K, N), target (K, N): BCE targets in {0,1} with K = 1; softmax CE one-hot columns; MSE any
    // values.
    virtual LossResultT<T> compute(const TensorT<T>& pred, const TensorT<T>& target) const = 0;
    virtual LossKind kind() const = 0;
};

template <typename T>
std::unique_ptr<LossT<T>> makeLoss(LossKind kind);

// L2 regularisation (COURSE.md §3): J += λ/(2m) Σ ||W||²_F over params with decay = true.
template <typename T>
T l2Penalty(const std::vector<ParamT<T>*>& params, T lambda, int m);
// dW += λ/m W over the same params.
template <typename T>
void addL2Grad(const std::vector<ParamT<T>*>& params, T lambda, int m);

inline void checkSameShape(const Shape& a, const Shape& b, const char* who)
{
    if (a != b)
        throw ShapeError(std::string(who) + ": prediction " + shapeString(a) + " and target " +
                         shapeString(b) + " differ");
}

} // namespace dl
